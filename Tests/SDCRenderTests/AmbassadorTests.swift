import SDCYAML
import Testing

/// The Ambassador v1 annotation (render.md §14.2) against the text the spec gives for the iris example, and the
/// v2 path, which sdc refuses.
@Suite struct AmbassadorTests {
    static let iris = """
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata: {name: iris-model, namespace: seldon}
        spec:
          name: iris
          predictors:
          - graph: {implementation: SKLEARN_SERVER, modelUri: gs://seldon-models/v1.14.0/sklearn/iris, name: classifier}
            name: default
            replicas: 1
        """

    /// The fenced block of §14.2 that starts with `---`.
    static func specAnnotation() -> String? {
        guard let spec = TestPaths.read(WorkedExampleTests.specPath),
            let start = spec.firstRange(of: "### 14.2"), let end = spec.firstRange(of: "### 14.3")
        else { return nil }
        let section = spec[start.upperBound..<end.lowerBound]
        guard let open = section.firstRange(of: "```\n---\n") else { return nil }
        let body = section[section.index(open.lowerBound, offsetBy: 4)...]
        guard let close = body.firstRange(of: "```") else { return nil }
        return String(body[..<close.lowerBound])
    }

    func annotation(_ output: String, service: String) throws -> String? {
        let docs = try YAMLParser().parse(output, file: "out.yaml").map(\.root)
        return docs.first { $0["kind"]?.string == "Service" && $0["metadata"]?["name"]?.string == service }?["metadata"]?["annotations"]?[
            "getambassador.io/config"]?.string
    }

    @Test(.enabled(if: TestPaths.exists(WorkedExampleTests.specPath), "render.md not found beside the package"))
    func v1AnnotationMatchesTheSpec() throws {
        let expected = try #require(Self.specAnnotation())
        let output = try #require(try RenderHarness.render(Self.iris, set: ["ambassador.enabled=true", "ambassador.version=v1"]).output)
        #expect(try annotation(output, service: "iris-model-default") == expected)
        #expect(try annotation(output, service: "iris-model-default-classifier") == nil, "container Services get no mapping")
    }

    @Test func customConfigAnnotationIsUsedVerbatim() throws {
        let sdep = Self.iris.replacingOccurrences("  name: iris\n", "  name: iris\n  annotations:\n    seldon.io/ambassador-config: 'custom: yes'\n")
        let output = try #require(try RenderHarness.render(sdep, set: ["ambassador.enabled=true", "ambassador.version=v1"]).output)
        #expect(try annotation(output, service: "iris-model-default") == "custom: yes")
    }

    @Test func v2IsRefused() throws {
        let rendered = try RenderHarness.render(Self.iris, set: ["ambassador.enabled=true"])
        #expect(rendered.output == nil)
        #expect(rendered.rules == ["values-ambassador-v2-unsupported"])
    }
}
