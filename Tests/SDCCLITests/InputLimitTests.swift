import Foundation
import SDCTestSupport
import Testing

/// Inputs too big to keep in the repository, made at test time: each limit of YAMLLimits is hit through the real
/// binary with its own rule, stays inside the resource budget, and can be raised from the command line.
@Suite("input limits", .serialized)
struct InputLimitTests {
    typealias Expectation = BadInputCorpusTests.Expectation
    typealias Site = BadInputCorpusTests.ErrorSite

    struct Generated: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var make: @Sendable () -> [UInt8]
        var exit: Int32
        var errors: [Site]
        var description: String { name }
    }

    /// A pass-through object (unknown kinds are printed unchanged), so a raised limit leads to a clean render.
    static let header = "apiVersion: example.com/v1\nkind: Blob\nmetadata:\n  name: b\ndata:\n"

    /// `depth` nested block mappings under data.
    static func deepBlock(_ depth: Int) -> [UInt8] {
        var text = header
        for level in 0..<depth { text += String(repeating: "  ", count: level + 1) + "k\(level):\n" }
        text += String(repeating: "  ", count: depth + 1) + "leaf: x\n"
        return Array(text.utf8)
    }

    /// The classic billion laughs: ten levels of nine aliases each.
    static func laughs(levels: Int, fanOut: Int, flow: Bool) -> [UInt8] {
        var text = header + "  l0: &l0 \"lol\"\n"
        for level in 1..<levels {
            let refs = Array(repeating: "*l\(level - 1)", count: fanOut)
            text += flow
                ? "  l\(level): &l\(level) [\(refs.joined(separator: ", "))]\n"
                : "  l\(level): &l\(level)\n" + refs.map { "  - \($0)\n" }.joined()
        }
        return Array(text.utf8)
    }

    /// libyaml refuses implicit keys over 1,024 characters as a syntax error, so long keys use the explicit `? ` form.
    static func longKey(_ length: Int) -> [UInt8] {
        Array((header + "  ? \(String(repeating: "k", count: length))\n  : v\n").utf8)
    }

    /// About 50 MB of ordinary-looking YAML: the input-size cap must stop it before parsing starts.
    static func fiftyMegabytes() -> [UInt8] {
        var bytes = Array(header.utf8)
        bytes.reserveCapacity(50_000_100)
        let line = Array("  key-000000: \"\(String(repeating: "v", count: 80))\"\n".utf8)
        var n = 0
        while bytes.count < 50_000_000 {
            var copy = line
            let digits = Array(String(format: "%06d", n % 1_000_000).utf8)
            copy.replaceSubrange(6..<12, with: digits)
            bytes += copy
            n += 1
        }
        return bytes
    }

    static let cases: [Generated] = [
        Generated(name: "50 MB file", arguments: [], make: fiftyMegabytes, exit: 1, errors: [Site(rule: "yaml-input-too-large", line: 1)]),
        Generated(name: "1,000 levels of block mappings", arguments: [], make: { deepBlock(1_000) }, exit: 1,
                  errors: [Site(rule: "yaml-too-deep", line: 517)]),
        Generated(name: "1,000 levels accepted with --max-depth 2000", arguments: ["--max-depth", "2000"], make: { deepBlock(1_000) },
                  exit: 0, errors: []),
        Generated(name: "20 levels refused with --max-depth 10", arguments: ["--max-depth", "10"], make: { deepBlock(20) }, exit: 1,
                  errors: [Site(rule: "yaml-too-deep", line: 15)]),
        Generated(name: "billion laughs, flow", arguments: [], make: { laughs(levels: 10, fanOut: 10, flow: true) }, exit: 1,
                  errors: [Site(rule: "yaml-alias-expansion", line: 12)]),
        Generated(name: "billion laughs, block", arguments: [], make: { laughs(levels: 10, fanOut: 10, flow: false) }, exit: 1,
                  errors: [Site(rule: "yaml-alias-expansion", line: 70)]),
        Generated(name: "a small alias fan-out refused with --max-nodes 50", arguments: ["--max-nodes", "50"],
                  make: { laughs(levels: 3, fanOut: 10, flow: true) }, exit: 1, errors: [Site(rule: "yaml-alias-expansion", line: 8)]),
        Generated(name: "a small alias fan-out accepted by default", arguments: [],
                  make: { laughs(levels: 3, fanOut: 10, flow: true) }, exit: 0, errors: []),
        Generated(name: "100,001 documents", arguments: [], make: { Array(String(repeating: "---\n", count: 100_001).utf8) }, exit: 1,
                  errors: [Site(rule: "yaml-too-many-documents", line: 100_001)]),
        Generated(name: "3 documents refused with --max-documents 2", arguments: ["--max-documents", "2"],
                  make: { Array((header + "  a: b\n---\n" + header + "  a: b\n---\n" + header + "  a: b\n").utf8) }, exit: 1,
                  errors: [Site(rule: "yaml-too-many-documents", line: 14)]),
        Generated(name: "a 5,000-character key", arguments: [], make: { longKey(5_000) },
                  exit: 1, errors: [Site(rule: "yaml-key-too-long", line: 6)]),
        Generated(name: "a 5,000-character key accepted with --max-key-length 8192", arguments: ["--max-key-length", "8192"],
                  make: { longKey(5_000) }, exit: 0, errors: []),
        Generated(name: "a 1 KiB file refused with --max-input-size 512", arguments: ["--max-input-size", "512"],
                  make: { Array((header + "  k: \"\(String(repeating: "v", count: 1_000))\"\n").utf8) }, exit: 1,
                  errors: [Site(rule: "yaml-input-too-large", line: 1)]),
        Generated(name: "a 1 KiB file accepted with --max-input-size 2Ki", arguments: ["--max-input-size", "2Ki"],
                  make: { Array((header + "  k: \"\(String(repeating: "v", count: 1_000))\"\n").utf8) }, exit: 0, errors: []),
    ]

    @Test("each limit has its own located error, and a flag to raise it", arguments: cases)
    func limit(_ c: Generated) async throws {
        let path = try temporaryFile(c.make())
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        for command in ["render", "validate"] {
            let result = try await MeasuredRun.run(TestPaths.sdc, [command] + c.arguments + [path])
            BadInputCorpusTests.check(result, Expectation(command: command, exit: c.exit, errors: c.errors), path: path)
            if command == "render", c.exit == 0 {
                #expect(!result.stdout.isEmpty, "a raised limit should let the object through")
            }
        }
    }

    @Test("limit flags refuse nonsense values as usage errors", arguments: [
        ["--max-depth", "0"], ["--max-nodes", "-1"], ["--max-documents", "x"], ["--max-key-length", "0"],
        ["--max-input-size", "12Q"], ["--max-input-size", "0"], ["--max-input-size", "99999999999Ti"],
    ])
    func nonsense(_ flags: [String]) throws {
        let path = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")
        for command in ["render", "validate"] {
            let result = try sdc([command] + flags + [path])
            #expect(result.status == 64, "\(command) \(flags): \(result.stderrText)")
            #expect(result.stdout.isEmpty)
        }
    }
}
