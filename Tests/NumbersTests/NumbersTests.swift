import Testing
@testable import Numbers
