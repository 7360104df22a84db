import SDCDiagnostics
import SDCYAML
import Testing

/// Bad YAML gives one diagnostic with the rule and the place a person would look at.
@Suite("Parser errors")
struct ParserErrorTests {
    struct BadCase: CustomStringConvertible, Sendable {
        var name: String
        var yaml: String
        var rule: String
        var line: Int
        var column: Int
        var messageContains: String

        var description: String { name }
    }

    static let cases: [BadCase] = [
        .init(name: "tab indentation", yaml: "a: 1\n\tb: 2\n", rule: "yaml-syntax", line: 2, column: 1, messageContains: "tab"),
        .init(name: "tab before a list item", yaml: "key:\n\t- x\n", rule: "yaml-syntax", line: 2, column: 1, messageContains: "cannot start any token"),
        .init(name: "unclosed double quote", yaml: "a: \"abc\nb: 2\n", rule: "yaml-syntax", line: 1, column: 4, messageContains: "unclosed quote"),
        .init(name: "unclosed single quote", yaml: "x: 1\na: 'abc\n", rule: "yaml-syntax", line: 2, column: 4, messageContains: "unclosed quote"),
        .init(name: "unclosed flow sequence", yaml: "a: [1, 2\n", rule: "yaml-syntax", line: 2, column: 1, messageContains: "did not find expected ',' or ']'"),
        .init(name: "mapping in a plain value", yaml: "a: b: c\n", rule: "yaml-syntax", line: 1, column: 5, messageContains: "mapping values are not allowed"),
        .init(name: "bad dedent", yaml: "a:\n  - b\n c: 1\n", rule: "yaml-syntax", line: 3, column: 2, messageContains: "did not find expected key"),
        .init(name: "duplicate key", yaml: "a: 1\nb: 2\na: 3\n", rule: "yaml-duplicate-key", line: 3, column: 1, messageContains: "line 1, column 1"),
        .init(name: "nested duplicate key", yaml: "a:\n  b: 1\n  b: 2\n", rule: "yaml-duplicate-key", line: 3, column: 3, messageContains: "\"b\""),
        .init(name: "flow duplicate key", yaml: "{a: 1, a: 2}\n", rule: "yaml-duplicate-key", line: 1, column: 8, messageContains: "\"a\""),
        .init(name: "keys equal once resolved", yaml: "1: x\n\"1\": y\n", rule: "yaml-duplicate-key", line: 2, column: 1, messageContains: "\"1\""),
        .init(name: "undefined alias", yaml: "a: *nope\n", rule: "yaml-undefined-alias", line: 1, column: 4, messageContains: "*nope"),
        .init(name: "merge of a scalar", yaml: "<<: 5\n", rule: "yaml-merge", line: 1, column: 5, messageContains: "merge key"),
        .init(name: "complex key", yaml: "? [a]\n: 1\n", rule: "yaml-complex-key", line: 1, column: 3, messageContains: "must be a scalar"),
        .init(name: "wrong core tag", yaml: "a: !!int abc\n", rule: "yaml-tag", line: 1, column: 4, messageContains: "!!int"),
    ]

    @Test("each bad input gives its rule at its place", arguments: cases)
    func located(_ c: BadCase) {
        #expect {
            _ = try YAMLParser().parse(c.yaml, file: "bad.yaml")
        } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            #expect(d.rule == c.rule)
            #expect(d.location == Location(file: "bad.yaml", line: c.line, column: c.column))
            #expect(d.message.contains(c.messageContains), "\(d.message)")
            #expect(d.severity == .error)
            return true
        }
    }

    @Test("invalid UTF-8 is located at the bad byte")
    func invalidUTF8() {
        let bytes = Array("a: ok\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect {
            _ = try YAMLParser().parse(bytes, file: "bin.yaml")
        } throws: { error in
            let d = error as? Diagnostic
            // libyaml points at the byte that breaks the sequence: the 0x28 after 0xC3.
            return d?.rule == "yaml-encoding" && d?.location?.line == 2 && d?.location?.column == 5
        }
    }

    @Test("binary garbage is an encoding error, not a crash")
    func binaryGarbage() {
        var generator = SplitMix(seed: 42)
        let garbage = [0x80] + (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect {
            _ = try YAMLParser().parse(garbage, file: "garbage.bin")
        } throws: { error in
            (error as? Diagnostic)?.rule == "yaml-encoding"
        }
        #expect {
            _ = try YAMLParser().parse([0x61, 0x3A, 0x20, 0x00, 0x01, 0x02], file: "nul.bin")
        } throws: { error in
            let d = error as? Diagnostic
            return d?.rule == "yaml-encoding" && d?.message.contains("control characters") == true
        }
    }

    @Test("empty and comment-only inputs hold no documents")
    func empty() throws {
        #expect(try YAMLParser().parse("", file: "e").isEmpty)
        #expect(try YAMLParser().parse("# only a comment\n", file: "e").isEmpty)
        let dashes = try YAMLParser().parse("---\n---\n", file: "e")
        #expect(dashes.allSatisfy { $0.root.isNull })
    }

    @Test("nodes carry 1-based line and column")
    func locations() throws {
        let doc = try #require(try YAMLParser().parse("a:\n  b: [x, y]\n  c: |\n    z\n", file: "f.yaml").first)
        #expect(doc.root.location == Location(file: "f.yaml", line: 1, column: 1))
        let b = try #require(doc.root["a"]?["b"])
        #expect(b.location == Location(file: "f.yaml", line: 2, column: 6))
        #expect(b.sequence?[1].location == Location(file: "f.yaml", line: 2, column: 10))
        #expect(doc.root["a"]?["c"]?.location == Location(file: "f.yaml", line: 3, column: 6))
    }
}

/// A small deterministic generator so "random" inputs are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
