import Foundation
import Testing

/// Every golden output must be valid Kubernetes: `kubernetes-validate --strict` (unknown fields rejected) and
/// `kubectl kustomize` over a kustomization listing it. Skipped, with the reason, when a tool is absent.
@Suite struct ExternalValidationTests {
    static let scenarios = ExampleGoldenTests.scenarios

    @Test(
        "kubernetes-validate --strict accepts every expected.yaml",
        .enabled(if: ExternalTools.kubernetesValidate != nil, "kubernetes-validate not found: set SDC_KUBERNETES_VALIDATE or SDC_PYTHON (a python with the kubernetes-validate package), or put it on PATH"),
        arguments: scenarios)
    func kubernetesValidateStrict(_ scenario: String) throws {
        let command = try #require(ExternalTools.kubernetesValidate)
        let file = "\(TestPaths.examples)/\(scenario)/expected.yaml"
        let run = try ExternalTools.run(command[0], Array(command.dropFirst()) + ["--strict", "--quiet", "-k", "1.34.0", file])
        #expect(run.status == 0, "\(run.output)")
    }

    @Test(
        "kubectl kustomize builds every expected.yaml",
        .enabled(if: ExternalTools.kubectl != nil, "kubectl not found: put it on PATH or set SDC_KUBECTL"),
        arguments: scenarios)
    func kustomizeBuilds(_ scenario: String) throws {
        let kubectl = try #require(ExternalTools.kubectl)
        let dir = try ExternalTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = try #require(TestPaths.read("\(TestPaths.examples)/\(scenario)/expected.yaml"))
        #expect(TestPaths.write(expected, to: "\(dir)/expected.yaml"))
        #expect(TestPaths.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- expected.yaml\n", to: "\(dir)/kustomization.yaml"))
        let run = try ExternalTools.run(kubectl, ["kustomize", dir])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("kind: Deployment"))
    }
}
