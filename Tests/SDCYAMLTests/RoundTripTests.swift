import SDCTestSupport
import SDCYAML
import Testing

/// parse(emit(parse(x))) == parse(x), and PyYAML reads sdc's output as sdc means it.
@Suite("YAML round trip")
struct RoundTripTests {
    static let oracleMissingInCI = PyYAMLOracle.requiredButMissing

    func read(_ text: String) throws -> [Typed] {
        try YAMLParser().parse(text, file: "t.yaml").map { Typed($0.root) }
    }

    func roundTrip(_ text: String) throws -> (first: [Typed], emitted: String, second: [Typed]) {
        let documents = try YAMLParser().parse(text, file: "t.yaml")
        let emitted = try YAMLEmitter().emit(documents.map(\.root))
        let second = try YAMLParser().parse(emitted, file: "emitted.yaml")
        return (documents.map { Typed($0.root) }, emitted, second.map { Typed($0.root) })
    }

    @Test("the corpus is as large as the issue asks")
    func corpusSize() {
        #expect(TrickyStrings.all.count + SourceScalars.all.count >= 200)
        #expect(StructuralCases.all.count >= 30)
    }

    @Test("tricky strings survive as values, keys and list items", arguments: TrickyStrings.all)
    func stringSurvives(_ s: String) throws {
        var pairs: [(String, Node)] = [("value", .string(s)), ("list", .sequence([.string(s), .int(1)]))]
        if s.count <= YAMLLimits.default.maxKeyLength { pairs.append((s, .string("as key"))) }
        let doc = Node.mapping(pairs)
        let emitted = try YAMLEmitter().emit(doc)
        let back = try YAMLParser().parse(emitted, file: "e.yaml")
        try #require(back.count == 1, "emitted:\n\(emitted)")
        #expect(Typed(back[0].root) == Typed(doc), "emitted:\n\(emitted)")
    }

    @Test("PyYAML reads every tricky string sdc writes as that same string")
    func pyyamlReadsStrings() throws {
        try #require(!Self.oracleMissingInCI, "PyYAML must be installed in CI (scripts/test does it)")
        guard PyYAMLOracle.isAvailable else { return }
        let docs = TrickyStrings.all.map { s in
            Node.mapping([("value", .string(s))] + (s.count <= 4096 ? [(s, .string("as key"))] : []))
        }
        let emitted = try docs.map { try YAMLEmitter().emit($0) }
        let answers = try PyYAMLOracle.load(emitted)
        for (i, answer) in answers.enumerated() {
            switch answer {
            case .success(let read):
                #expect(read == [Typed(docs[i])], "string \(String(reflecting: TrickyStrings.all[i])) as\n\(emitted[i])")
            case .failure(let error):
                Issue.record("PyYAML rejects sdc's output for \(String(reflecting: TrickyStrings.all[i])): \(error)")
            }
        }
    }

    @Test("plain, quoted, block and tagged scalars resolve as Kubernetes reads them", arguments: SourceScalars.all)
    func sourceScalarResolves(_ c: SourceScalar) throws {
        let (first, emitted, second) = try roundTrip("v: \(c.source)\n")
        #expect(first == [.map([[.str("v"), c.expected]])])
        #expect(second == first, "emitted:\n\(emitted)")
    }

    @Test("PyYAML agrees with sdc on written scalars, and on the input where YAML 1.1 and Kubernetes agree")
    func pyyamlOnSourceScalars() throws {
        try #require(!Self.oracleMissingInCI, "PyYAML must be installed in CI (scripts/test does it)")
        guard PyYAMLOracle.isAvailable else { return }
        let inputs = SourceScalars.all.map { "v: \($0.source)\n" }
        let emitted = try inputs.map { try YAMLEmitter().emit(YAMLParser().parse($0, file: "t").map(\.root)) }
        let onInputs = try PyYAMLOracle.load(inputs)
        let onOutputs = try PyYAMLOracle.load(emitted)
        for (i, c) in SourceScalars.all.enumerated() {
            let ours: [Typed] = [.map([[.str("v"), c.expected]])]
            #expect((try? onOutputs[i].get()) == ours, "output for \(c.source):\n\(emitted[i])")
            let agrees = (try? onInputs[i].get()) == ours
            #expect(agrees == c.pyyamlAgrees, "input \(c.source): PyYAML reads \(String(describing: try? onInputs[i].get()))")
        }
    }

    @Test("structures round-trip", arguments: StructuralCases.all)
    func structureRoundTrips(_ c: StructuralCase) throws {
        let (first, emitted, second) = try roundTrip(c.yaml)
        #expect(!first.isEmpty)
        #expect(second == first, "emitted:\n\(emitted)")
        let again = try YAMLEmitter().emit(YAMLParser().parse(emitted, file: "e").map(\.root))
        #expect(again == emitted, "emission is not a fixed point")
    }

    @Test("PyYAML reads every structure as sdc does")
    func pyyamlOnStructures() throws {
        try #require(!Self.oracleMissingInCI, "PyYAML must be installed in CI (scripts/test does it)")
        guard PyYAMLOracle.isAvailable else { return }
        let cases = StructuralCases.all
        let ours = try cases.map { try read($0.yaml) }
        let emitted = try cases.map { try YAMLEmitter().emit(YAMLParser().parse($0.yaml, file: "t").map(\.root)) }
        let onInputs = try PyYAMLOracle.load(cases.map(\.yaml))
        let onOutputs = try PyYAMLOracle.load(emitted)
        for (i, c) in cases.enumerated() {
            #expect((try? onOutputs[i].get()) == ours[i], "\(c.name): output\n\(emitted[i])")
            if c.pyyamlAgrees {
                #expect((try? onInputs[i].get()) == ours[i], "\(c.name): input")
            }
        }
    }
}
