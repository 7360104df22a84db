import SDCDiagnostics
import SDCYAML
import Testing

/// Hostile inputs stop at a documented limit with a located error instead of hanging or crashing.
@Suite("Limits")
struct LimitsTests {
    func diagnostic(_ yaml: [UInt8], limits: YAMLLimits = .default) -> Diagnostic? {
        do {
            _ = try YAMLParser(limits: limits).parse(yaml, file: "x.yaml")
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    static let billionLaughs = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

        """

    @Test("an alias bomb is refused at the alias that crosses the limit")
    func aliasBomb() throws {
        let d = try #require(diagnostic(Array(Self.billionLaughs.utf8)))
        #expect(d.rule == "yaml-alias-expansion")
        #expect(d.location?.line == 7)
        #expect(d.message.contains("*f"))
    }

    @Test("10,000 levels of nesting are refused at the level past the limit", arguments: ["[", "{a: ", "- "])
    func deepNesting(_ opener: String) throws {
        let yaml = String(repeating: opener, count: 10_000) + "x"
        let d = try #require(diagnostic(Array(yaml.utf8)))
        #expect(d.rule == "yaml-too-deep")
        #expect(d.location?.line == 1)
        #expect(d.location?.column == YAMLLimits.default.maxDepth * opener.count + 1)
    }

    @Test("input size, document count and key length have their own errors")
    func otherLimits() throws {
        let small = YAMLLimits(maxInputBytes: 10, maxDocuments: 2, maxKeyLength: 3)
        #expect(diagnostic(Array("a: 1234567890\n".utf8), limits: small)?.rule == "yaml-input-too-large")
        let roomy = YAMLLimits(maxDocuments: 2, maxKeyLength: 3)
        let docs = diagnostic(Array("a: 1\n---\nb: 2\n---\nc: 3\n".utf8), limits: roomy)
        #expect(docs?.rule == "yaml-too-many-documents")
        #expect(docs?.location?.line == 4)
        let key = diagnostic(Array("abcd: 1\n".utf8), limits: roomy)
        #expect(key?.rule == "yaml-key-too-long")
        #expect(diagnostic(Array("abc: 1\n".utf8), limits: roomy) == nil)
    }

    @Test("many aliases of a small anchor are fine")
    func legitimateAliases() throws {
        let yaml = "base: &b {x: 1}\n" + (0..<1000).map { "k\($0): *b\n" }.joined()
        let docs = try YAMLParser().parse(yaml, file: "ok.yaml")
        #expect(docs[0].root["k999"]?["x"]?.scalarText == "1")
    }
}
