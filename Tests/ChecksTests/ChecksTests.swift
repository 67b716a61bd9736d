import Testing
@testable import Checks
