import Testing
@testable import SDCStorage

/// rclone's value syntax by type (spec/storage.md §1.4).
struct OptionValueParserTests {
    @Test(arguments: [("true", true), ("T", true), ("1", true), ("FALSE", false), ("f", false), (" true\n", true)])
    func booleans(text: String, expected: Bool) throws {
        #expect(try OptionValueParser.bool(text) == expected)
    }

    @Test(arguments: ["yes", "on", "2", ""])
    func booleansRclonerejects(text: String) {
        #expect(throws: OptionValueParser.Failure.self) { try OptionValueParser.bool(text) }
    }

    @Test func sizesAreBinaryAndBareNumbersAreKiB() throws {
        #expect(try OptionValueParser.size("10") == 10 * 1024)
        #expect(try OptionValueParser.size("5Mi") == 5 * 1024 * 1024)
        #expect(try OptionValueParser.size("5MiB") == 5 * 1024 * 1024)
        #expect(try OptionValueParser.size("1G") == 1 << 30)
        #expect(try OptionValueParser.size("100b") == 100)
        #expect(try OptionValueParser.size("1.5k") == 1536)
        #expect(try OptionValueParser.size("off") == -1)
        #expect(throws: OptionValueParser.Failure.self) { try OptionValueParser.size("12x") }
    }

    @Test func durations() throws {
        #expect(try OptionValueParser.duration("1m") == 60)
        #expect(try OptionValueParser.duration("1h30m") == 5400)
        #expect(try OptionValueParser.duration("250ms") == 0.25)
        #expect(try OptionValueParser.duration("2d") == 172_800)
        #expect(try OptionValueParser.duration("off") == .infinity)
        #expect(throws: OptionValueParser.Failure.self) { try OptionValueParser.duration("soon") }
    }
}
