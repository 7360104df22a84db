import Foundation
import SDCTestSupport
import Testing

@testable import SDCYAML

/// `BlockWriter` must write exactly what libyaml writes: every document here goes through both and the bytes are
/// compared (the writer may decline a document, never differ).
@Suite("Block writer agrees with libyaml")
struct BlockWriterTests {
    /// True when the writer took the document (and wrote libyaml's bytes).
    @discardableResult
    private func expectSame(_ root: Node, _ comment: Comment? = nil) throws -> Bool {
        let libyaml = try YAMLEmitter().libyamlDocument(root)
        guard let fast = BlockWriter.document(root) else { return false }
        #expect(String(decoding: fast, as: UTF8.self) == libyaml, comment)
        return true
    }

    /// Short strings over the characters that decide styles, as keys, values and list items.
    static let alphabet = [" ", "-", ":", "#", "?", ".", "'", "\"", "\\", "a", "1", ",", "[", "!", "&", "|", "{", "~", "e"]

    static var shortStrings: [String] {
        var all = alphabet
        for a in alphabet { for b in alphabet { all.append(a + b) } }
        for a in alphabet { for b in alphabet { for c in ["a", " ", ":", "-", "."] { all.append(a + b + c) } } }
        return all + ["---", "...", "--- a", "... a", "a: b", "a #b", "a#b", String(repeating: "k", count: 128),
            String(repeating: "k", count: 129), "", "a\nb", "é", "\t"]
    }

    @Test("every short string as key, value, list item and nested")
    func shortStringsEverywhere() throws {
        for s in Self.shortStrings {
            let scalar = Node.string(s)
            try expectSame(.mapping([(s, scalar)]), "\(s.debugDescription)")
            try expectSame(.sequence([scalar, .sequence([scalar]), .mapping([("k", scalar)])]), "\(s.debugDescription)")
            try expectSame(.mapping([("k", .mapping([(s, .sequence([scalar, .emptyMapping, .emptySequence]))]))]), "\(s.debugDescription)")
        }
    }

    @Test("tricky strings and non-string scalars")
    func trickyScalars() throws {
        for s in TrickyStrings.all {
            try expectSame(.mapping([("k", .string(s)), ("l", .sequence([.string(s)]))]), "\(s.debugDescription)")
        }
        let others: [Node] = [.int(-1), .int(0), .bool(true), .null, .float(1.5), .float(-.infinity), .float(.nan), .float(1e300)]
        try expectSame(.mapping(others.enumerated().map { ("k\($0.offset)", $0.element) }))
        try expectSame(.sequence(others))
    }

    @Test("shapes: nesting, empty collections, lists of lists, root list")
    func shapes() throws {
        for c in StructuralCases.all {
            guard let documents = try? YAMLParser().parse(c.yaml, file: "t") else { continue }
            for d in documents { try expectSame(d.root, "\(c.name)") }
        }
        try expectSame(.emptyMapping)
        try expectSame(.emptySequence)
        try expectSame(.sequence([.sequence([.sequence([.string("a")]), .emptyMapping]), .mapping([("a", .sequence([.string("b")]))])]))
    }

    @Test("every example's expected output")
    func examples() throws {
        let root = TestPaths.packageRoot.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        var checked = 0
        var written = 0
        for name in names {
            let file = root.appendingPathComponent(name).appendingPathComponent("expected.yaml")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for d in try YAMLParser().parse(text, file: file.path) {
                if try expectSame(d.root, "\(name)") { written += 1 }
                checked += 1
            }
        }
        #expect(checked > 10)
        // Rendered objects are what the writer is for: it takes nearly all of them.
        #expect(written * 10 >= checked * 9)
    }
}
