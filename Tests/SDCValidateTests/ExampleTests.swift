import Foundation
import SDCDiagnostics
import Testing

/// Every example in examples/ validates without errors; the warnings they legitimately trigger are listed exactly.
@Suite struct ExampleTests {
    static let scenarios: [String] = Fixtures.list(Fixtures.examples).filter {
        FileManager.default.fileExists(atPath: "\(Fixtures.examples)/\($0)/seldondeployment.yaml")
    }

    /// `rule@line:col` of every finding an example is expected to have; absent means none at all.
    static let expectedFindings: [String: [String]] = [
        // The chart's default secret is part of the cluster, not of the example.
        "helm-values-defaults": ["storage-secret-not-in-inputs@15:17"],
        // Each node names a Secret that lives in the cluster.
        "per-node-initializer": ["storage-secret-not-in-inputs@16:25", "storage-secret-not-in-inputs@22:27"],
        // rclone compares the provider exactly: `minio` is treated as Other (still path-style, so it works).
        "s3-env-secret": ["s3-provider-case@36:30"],
        "sdc-init-image": ["s3-provider-case@36:30"],  // the same Secret, from the Seldon documentation
        "tempo": ["storage-secret-not-in-inputs@15:25"],
    ]

    @Test func everyExampleIsCovered() {
        #expect(Self.scenarios.count >= 20)
        #expect(Set(Self.expectedFindings.keys).isSubset(of: Set(Self.scenarios)))
    }

    @Test("validates with no errors and exactly the expected warnings", arguments: scenarios)
    func validatesClean(_ scenario: String) throws {
        let dir = "\(Fixtures.examples)/\(scenario)"
        let values = FileManager.default.fileExists(atPath: "\(dir)/values.yaml") ? ["\(dir)/values.yaml"] : []
        let findings = try validate(files: ["\(dir)/seldondeployment.yaml"], values: values)
        #expect(!findings.contains { $0.severity == .error }, "\(findings.map(\.message))")
        let got = findings.map { "\($0.rule)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(got == Self.expectedFindings[scenario] ?? [])
    }
}
