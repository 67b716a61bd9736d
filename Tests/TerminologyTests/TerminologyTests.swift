import Testing
@testable import Terminology
