import Foundation
import SDCTestSupport
import Testing

/// Bad input: one located error on stderr, exit 1 (66 when unreadable), nothing on stdout.
@Suite("render: bad input")
struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var rule: String
        var line: Int
        var column: Int

        var description: String { name }
    }

    static let aliasBomb =
        "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
        + zip("bcdefghi", "abcdefgh").map { "\($0): &\($0) [" + Array(repeating: "*\($1)", count: 9).joined(separator: ",") + "]\n" }
        .joined()

    static let cases: [Case] = [
        Case(name: "tab indentation", bytes: Array("apiVersion: v1\nkind: ConfigMap\n\tdata: {}\n".utf8), rule: "yaml-syntax", line: 3, column: 1),
        Case(name: "unclosed quote", bytes: Array("apiVersion: v1\nkind: \"ConfigMap\nmetadata: {}\n".utf8), rule: "yaml-syntax", line: 2, column: 7),
        Case(name: "duplicate key", bytes: Array("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n".utf8), rule: "yaml-duplicate-key", line: 3, column: 1),
        Case(name: "alias bomb", bytes: Array(aliasBomb.utf8), rule: "yaml-alias-expansion", line: 7, column: 8),
        Case(name: "10,000-deep nesting", bytes: Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), rule: "yaml-too-deep", line: 1, column: 513),
        Case(name: "binary garbage", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xD8], rule: "yaml-encoding", line: 1, column: 1),
        Case(name: "empty input", bytes: [], rule: "empty-input", line: 1, column: 1),
        Case(name: "comments only", bytes: Array("# nothing here\n\n".utf8), rule: "empty-input", line: 1, column: 1),
        Case(name: "a list, not an object", bytes: Array("- a\n- b\n".utf8), rule: "not-an-object", line: 1, column: 1),
        Case(name: "no kind", bytes: Array("apiVersion: v1\nmetadata: {}\n".utf8), rule: "missing-kind", line: 1, column: 1),
        Case(name: "kind is a number", bytes: Array("apiVersion: v1\nkind: 5\n".utf8), rule: "invalid-kind", line: 2, column: 7),
    ]

    @Test("one located error, exit 1, empty stdout", arguments: cases)
    func located(_ c: Case) throws {
        let path = try temporaryFile(c.bytes)
        let result = try sdc(["render", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let errorLines = result.stderrText.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 1, "\(result.stderrText)")
        #expect(errorLines.first?.hasPrefix("\(path):\(c.line):\(c.column): error: [\(c.rule)] ") == true, "\(result.stderrText)")
    }

    @Test("one bad file among good ones: nothing on stdout")
    func nothingOnStdout() throws {
        let good = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n")
        let bad = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nkind: x\n")
        let result = try sdc(["render", good, bad, good])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("every failing input is reported, not just the first")
    func allInputsReported() throws {
        let bad1 = try temporaryFile("a: [\n")
        let bad2 = try temporaryFile("- x\n")
        let result = try sdc(["render", bad1, bad2])
        #expect(result.status == 1)
        #expect(result.stderrText.contains(bad1 + ":2:1: error: [yaml-syntax]"))
        #expect(result.stderrText.contains(bad2 + ":1:1: error: [not-an-object]"))
    }

    @Test("a missing or unreadable file exits 66")
    func missingFile() throws {
        let result = try sdc(["render", "/nonexistent/deploy.yaml"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText.contains("error: [input-unreadable] cannot read /nonexistent/deploy.yaml"))
        #expect(try sdc(["render", NSTemporaryDirectory()]).status == 66)
    }

    @Test("usage errors exit 64", arguments: [["render"], ["render", "--no-such-flag", "x"], ["no-such-command"], ["render", "-", "-"]])
    func usage(_ arguments: [String]) throws {
        let result = try sdc(arguments)
        #expect(result.status == 64, "\(result.stderrText)")
        #expect(result.stdout.isEmpty)
    }

    @Test("JSON diagnostics carry every field")
    func jsonDiagnostics() throws {
        let path = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n")
        let result = try sdc(["render", "--diagnostics", "json", path])
        #expect(result.status == 1)
        let records = try #require(try JSONSerialization.jsonObject(with: result.stderr) as? [[String: Any]])
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record["severity"] as? String == "error")
        #expect(record["rule"] as? String == "yaml-duplicate-key")
        #expect(record["file"] as? String == path)
        #expect(record["line"] as? Int == 3)
        #expect(record["column"] as? Int == 1)
        #expect(record["message"] as? String != nil)
        #expect(record.keys.contains("fix") && record.keys.contains("path"))
    }

    @Test("piped stderr is never coloured")
    func noColorWhenPiped() throws {
        let path = try temporaryFile("a: [\n")
        let result = try sdc(["render", path], environment: ["NO_COLOR": ""])
        #expect(!result.stderrText.contains("\u{1B}["))
    }
}

@Suite("sdc")
struct RootCommandTests {
    @Test("--version prints the version")
    func version() throws {
        let result = try sdc(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("fetch and validate exist as subcommands", arguments: ["render", "fetch", "validate"])
    func subcommands(_ name: String) throws {
        let result = try sdc([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("USAGE: sdc \(name)"))
    }

    @Test("validate reports YAML errors with their location and exits 1")
    func validateYAML() throws {
        let path = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n")
        let result = try sdc(["validate", path])
        #expect(result.status == 1)
        #expect(result.stderrText.hasPrefix("\(path):3:1: error: [yaml-duplicate-key]"))
        #expect(try sdc(["validate", fixture("tricky-configmap.yaml")]).status == 0)
    }
}
