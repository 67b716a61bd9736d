import Testing
@testable import Packaging
