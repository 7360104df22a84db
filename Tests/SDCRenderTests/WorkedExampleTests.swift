import SDCRender
import SDCYAML
import Testing

/// The three worked examples of render.md §17, read from the spec itself: `--faithful` output must equal the
/// spec's text exactly, and the default (apply) output must equal it with the owner references and the
/// `seldon.io/last-applied` annotation stripped, as the spec's sdc decisions say.
@Suite(.enabled(if: TestPaths.exists(TestPaths.shared + "/spec/render.md"), "render.md not found at ../shared/spec beside the package: the worked-example checks are skipped"))
struct WorkedExampleTests {
    static let specPath = TestPaths.shared + "/spec/render.md"

    struct Example: Sendable, CustomTestStringConvertible {
        var section: String
        var input: String
        var expected: String
        var scenario: String
        var testDescription: String { section }
    }

    static func examples() -> [Example] {
        guard let spec = TestPaths.read(specPath) else { return [] }
        let sections = [("### 17.1", "### 17.2", "gcs-public"), ("### 17.2", "### 17.3", "s3-env-secret"), ("### 17.3", "## 18.", "pvc")]
        return sections.compactMap { start, end, scenario in
            guard let from = spec.firstRange(of: start), let to = spec.firstRange(of: end) else { return nil }
            let blocks = yamlBlocks(String(spec[from.lowerBound..<to.lowerBound]))
            guard blocks.count >= 2 else { return nil }
            return Example(section: start.replacingOccurrences("### ", ""), input: blocks[0], expected: blocks[1], scenario: scenario)
        }
    }

    static func yamlBlocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// §0.4: the apply form has no owner references, no last-applied annotation, no annotations map left empty.
    static func strip(_ node: Node) -> Node {
        var n = node
        guard var metadata = n["metadata"] else { return n }
        metadata["ownerReferences"] = nil
        if var annotations = metadata["annotations"] {
            annotations["seldon.io/last-applied"] = nil
            metadata["annotations"] = (annotations.pairs ?? []).isEmpty ? nil : annotations
        }
        n["metadata"] = metadata
        return n
    }

    @Test func specHoldsThreeWorkedExamples() {
        #expect(Self.examples().count == 3)
    }

    @Test(arguments: examples())
    func faithfulOutputEqualsTheSpec(_ example: Example) throws {
        let rendered = try RenderHarness.render(example.input, form: .faithful)
        let output = try #require(rendered.output, "\(rendered.messages)")
        #expect(output == example.expected)
    }

    @Test(arguments: examples())
    func applyOutputEqualsTheStrippedSpec(_ example: Example) throws {
        let rendered = try RenderHarness.render(example.input)
        let output = try #require(rendered.output, "\(rendered.messages)")
        let expectedNodes = try YAMLParser().parse(example.expected, file: "render.md").map { Self.strip($0.root) }
        let expected = try YAMLEmitter().emit(expectedNodes)
        #expect(output == expected)
        #expect(!output.contains("ownerReferences") && !output.contains("last-applied"))
    }

    /// The committed scenarios of the worked examples hold the same objects (the s3 one adds its MinIO Secret).
    @Test(arguments: examples())
    func committedScenarioMatchesTheSpec(_ example: Example) throws {
        let expectedText = try #require(TestPaths.read("\(TestPaths.examples)/\(example.scenario)/expected.yaml"))
        let committed = try YAMLParser().parse(expectedText, file: "expected.yaml").map(\.root).filter { $0["kind"]?.string != "Secret" }
        let spec = try YAMLParser().parse(example.expected, file: "render.md").map { Self.strip($0.root) }
        #expect(try YAMLEmitter().emit(committed) == YAMLEmitter().emit(spec))
    }

    @Test func ownerUidFillsTheOwnerReferences() throws {
        let example = try #require(Self.examples().first)
        let rendered = try RenderHarness.render(example.input, form: .ownedBy(uid: "0f6c1a3e-1111-2222-3333-444455556666"))
        let output = try #require(rendered.output)
        let faithful = example.expected.replacingOccurrences("<OFFLINE-UNKNOWN:seldondeployment-uid>", "0f6c1a3e-1111-2222-3333-444455556666")
        let expected = try YAMLParser().parse(faithful, file: "render.md").map { node -> Node in
            var n = node.root
            guard var metadata = n["metadata"], var annotations = metadata["annotations"] else { return n }
            annotations["seldon.io/last-applied"] = nil
            metadata["annotations"] = (annotations.pairs ?? []).isEmpty ? nil : annotations
            n["metadata"] = metadata
            return n
        }
        #expect(output == (try YAMLEmitter().emit(expected)))
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
