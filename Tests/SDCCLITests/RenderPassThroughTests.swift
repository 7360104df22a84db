import Foundation
import SDCTestSupport
import Testing

/// `sdc render` on inputs that hold no SeldonDeployment: every document comes back, meaning the same.
@Suite("render: pass-through")
struct RenderPassThroughTests {
    @Test("a ConfigMap and Secret with tricky values read back under PyYAML exactly as the input does")
    func trickyConfigMap() throws {
        let result = try sdc(["render", fixture("tricky-configmap.yaml")])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stderrText.isEmpty)
        #expect(result.stdoutText.contains("---\n"))
        #expect(!result.stdoutText.hasPrefix("---"))
        try #require(!PyYAMLOracle.requiredButMissing, "PyYAML must be installed in CI (scripts/test does it)")
        guard PyYAMLOracle.isAvailable else { return }
        let input = try String(contentsOfFile: fixture("tricky-configmap.yaml"), encoding: .utf8)
        let answers = try PyYAMLOracle.load([input, result.stdoutText])
        let original = try answers[0].get()
        let rendered = try answers[1].get()
        #expect(original.count == 2)
        // Output is in helm's install order (the Secret first) with sorted keys; what each document means is
        // what must not change.
        #expect(rendered.count == original.count)
        #expect(Set(rendered.map(\.canonical)) == Set(original.map(\.canonical)), "output:\n\(result.stdoutText)")
        #expect(rendered.first?.canonical.contains("str(\"Secret\")") == true)
    }

    @Test("output is byte-identical on every run")
    func deterministic() throws {
        let runs = try (0..<3).map { _ in try sdc(["render", fixture("tricky-configmap.yaml")]).stdoutText }
        #expect(Set(runs).count == 1)
    }

    @Test("stdin with - and several files keep input order")
    func stdinAndOrder() throws {
        let second = try temporaryFile("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: second}\n")
        let result = try sdc(
            ["render", "-", second], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n")
        #expect(result.status == 0)
        #expect(
            result.stdoutText
                == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n"
        )
    }

    @Test("empty documents between objects are skipped, as kubectl skips them")
    func emptyDocuments() throws {
        let result = try sdc(["render", "-"], stdin: "---\n---\napiVersion: v1\nkind: List\nitems: []\n---\n")
        #expect(result.status == 0)
        #expect(result.stdoutText == "apiVersion: v1\nitems: []\nkind: List\n")
    }
}
