import SDCDiagnostics
import SDCRender
import SDCYAML
import Testing

/// `KRMFunction.run` over items as kpt and older tools annotate them (KRM Functions Specification, "Annotations").
@Suite struct KRMFunctionTests {
    static func deployment(_ name: String, annotations: String) -> String {
        """
        - apiVersion: machinelearning.seldon.io/v1
          kind: SeldonDeployment
          metadata:
            name: \(name)
            annotations:
        \(annotations)
          spec:
            predictors:
            - name: p
              graph:
                name: m
                implementation: SKLEARN_SERVER
                modelUri: gs://bucket/\(name)
        """
    }

    static func items(_ text: String) throws -> [Node] {
        try #require(try YAMLParser().parse(text, file: "items.yaml").first?.root.sequence)
    }

    static func annotation(_ item: Node, _ key: String) -> String? { item["metadata"]?["annotations"]?[key]?.string }

    @Test func everyFileIsRenumberedOnItsOwn() throws {
        let text = [
            Self.deployment("xa", annotations: "      internal.config.kubernetes.io/path: a.yaml\n      internal.config.kubernetes.io/index: '0'"),
            """
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: cm
                annotations:
                  internal.config.kubernetes.io/path: a.yaml
                  internal.config.kubernetes.io/index: '1'
            """,
            // Older tools write only the config.kubernetes.io/ pair.
            Self.deployment("yb", annotations: "      config.kubernetes.io/path: b.yaml\n      config.kubernetes.io/index: '0'"),
        ].joined(separator: "\n")
        let (items, findings) = try KRMFunction.run(items: try Self.items(text), config: KRMFunctionConfig())
        #expect(!findings.contains { $0.diagnostic.severity == .error }, "\(findings.map(\.diagnostic.message))")
        let a = items.filter { Self.annotation($0, "internal.config.kubernetes.io/path") == "a.yaml" }
        let b = items.filter { Self.annotation($0, "config.kubernetes.io/path") == "b.yaml" }
        #expect(a.count == 4 && b.count == 3)
        #expect(a.map { Self.annotation($0, "internal.config.kubernetes.io/index") } == ["0", "1", "2", "3"])
        #expect(a.last?["metadata"]?["name"]?.string == "cm")
        #expect(b.map { Self.annotation($0, "config.kubernetes.io/index") } == ["0", "1", "2"])
        // Only the annotations the deployment carried are written on its objects.
        #expect(b.allSatisfy { Self.annotation($0, "internal.config.kubernetes.io/path") == nil })
    }

    @Test func configMapKeysAreSetArgumentsWithTheirWarnings() throws {
        let config = try #require(
            try YAMLParser().parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  no.such.key: '1'\n  namespace: ns\n", file: "fc.yaml"
            ).first?.root)
        let parsed = KRMFunctionConfig(config, file: "fc.yaml")
        #expect(parsed.set == ["no.such.key=1"])
        #expect(parsed.namespace == "ns")
        let (_, findings) = try KRMFunction.run(items: [], config: parsed)
        #expect(findings.contains { $0.diagnostic.severity == .warning && $0.diagnostic.message.contains("no.such.key") })
    }
}
