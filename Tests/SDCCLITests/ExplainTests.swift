import Foundation
import SDCTestSupport
import Testing

/// `sdc render --explain`: comments name the rule and input behind generated fields, and are invisible to readers —
/// the text without them is byte-identical to `sdc render`, and PyYAML and kubectl kustomize read the same objects.
@Suite struct ExplainTests {
    static let examples = TestPaths.packageRoot.appendingPathComponent("examples").path

    static let scenarios: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter {
        FileManager.default.fileExists(atPath: "\(examples)/\($0)/seldondeployment.yaml")
    }.sorted()

    static func renderArguments(_ scenario: String) -> [String] {
        let dir = "\(examples)/\(scenario)"
        let values = FileManager.default.fileExists(atPath: "\(dir)/values.yaml") ? ["-f", "\(dir)/values.yaml"] : []
        return ["render"] + values + ["\(dir)/seldondeployment.yaml"]
    }

    /// The text with every explain comment (` # §…` at a line's end) removed.
    static func strippingComments(_ text: String) -> (text: String, removed: Int) {
        var removed = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard let range = line.range(of: " # §") else { return line }
            removed += 1
            return line[..<range.lowerBound]
        }
        return (lines.joined(separator: "\n"), removed)
    }

    @Test func everyExampleHasScenarios() {
        #expect(Self.scenarios.count >= 16)
    }

    @Test(arguments: scenarios)
    func withoutCommentsTheOutputIsByteIdentical(_ scenario: String) throws {
        let plain = try sdc(Self.renderArguments(scenario))
        let explained = try sdc(Self.renderArguments(scenario) + ["--explain"])
        #expect(plain.status == 0 && explained.status == 0, "\(explained.stderrText)")
        #expect(!plain.stdoutText.contains(" # §"))
        let (stripped, removed) = Self.strippingComments(explained.stdoutText)
        #expect(stripped == plain.stdoutText)
        // One header comment per generated object at least.
        let objects = plain.stdoutText.components(separatedBy: "\nkind: ").count - 1
        #expect(removed > objects, "\(removed) comments for \(objects) objects")
    }

    @Test(
        .enabled(if: PyYAMLOracle.isAvailable || PyYAMLOracle.requiredButMissing, "PyYAML not found: set SDC_PYTHON"),
        arguments: scenarios)
    func pyYAMLReadsTheSameObjects(_ scenario: String) throws {
        let plain = try sdc(Self.renderArguments(scenario)).stdoutText
        let explained = try sdc(Self.renderArguments(scenario) + ["--explain"]).stdoutText
        let read = try PyYAMLOracle.load([plain, explained])
        let a = try read[0].get()
        let b = try read[1].get()
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    @Test(.enabled(if: KRMTools.kubectl != nil, "kubectl not found: put it on PATH or set SDC_KUBECTL"), arguments: ["explainer", "s3-env-secret", "pvc"])
    func kubectlKustomizeBuildsTheSameObjects(_ scenario: String) throws {
        let kubectl = try #require(KRMTools.kubectl)
        func build(_ text: String) throws -> String {
            let dir = try KRMTools.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try text.write(toFile: "\(dir)/out.yaml", atomically: true, encoding: .utf8)
            try "resources:\n- out.yaml\n".write(toFile: "\(dir)/kustomization.yaml", atomically: true, encoding: .utf8)
            let run = try Subprocess.run(kubectl, ["kustomize", dir])
            #expect(run.status == 0, "\(run.stderrText)")
            return run.stdoutText
        }
        let plain = try build(try sdc(Self.renderArguments(scenario)).stdoutText)
        let explained = try build(try sdc(Self.renderArguments(scenario) + ["--explain"]).stdoutText)
        #expect(plain == explained)
        #expect(plain.contains("kind: Deployment"))
    }

    @Test func notesNameTheRuleAndTheInputLine() throws {
        let input = try temporaryFile(
            """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata:
              name: iris
            spec:
              predictors:
              - name: default
                graph:
                  name: classifier
                  implementation: SKLEARN_SERVER
                  modelUri: gs://seldon-models/v1.18.2/sklearn/iris
            """, name: "deploy.yaml")
        let run = try sdc(["render", "--explain", input])
        #expect(run.status == 0, "\(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.contains("kind: Service # §10 predictor Service from \(input):7:5"))
        #expect(lines.contains("kind: Service # §6.1 container Service for classifier from \(input):9:7"))
        #expect(lines.contains("kind: Deployment # §5 model Deployment for a componentSpec from \(input):7:5"))
        #expect(lines.contains { $0.hasSuffix("# §8.3 storage initializer for classifier, modelUri \(input):11:17") })
        #expect(lines.contains { $0.hasSuffix("# §7 SKLEARN_SERVER server from \(input):9:7") })
        #expect(lines.contains { $0.hasSuffix("# §9.3 service orchestrator from \(input):7:5") })
        #expect(lines.contains { $0.hasSuffix("name: classifier-provision-location # §8.3 model volume") })
        // A container's note is on its name line, so its first key (often `env`) keeps its own.
        #expect(lines.contains { $0.hasSuffix("- env: # §6.3 ports, ids and metrics env; §7 model env") })
    }

    /// Notes follow the input: a user-supplied initializer and volume are the user's (§8.3 step 1); the tfserving
    /// initializer points at the graph node's modelUri (§7.4).
    @Test func userSuppliedPartsAndTheTFServingInitializer() throws {
        let userInit = "\(Self.examples)/user-init-container/seldondeployment.yaml"
        let lines = try sdc(["render", "--explain", userInit]).stdoutText.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("# §8.3 step 1 user's initializer, used as given from \(userInit):19:11") })
        #expect(lines.contains { $0.hasSuffix("# §5.1 user volume from \(userInit):31:11") })
        #expect(!lines.contains { $0.contains("§8.3 model volume") })
        let tensorflow = "\(Self.examples)/tensorflow/seldondeployment.yaml"
        let tfLines = try sdc(["render", "--explain", tensorflow]).stdoutText.split(separator: "\n")
        #expect(tfLines.contains { $0.hasSuffix("# §8.3 storage initializer for tfserving, modelUri \(tensorflow):14:17") })
        #expect(tfLines.contains { $0.hasSuffix("# §7.4 TensorFlow Serving container from \(tensorflow):10:5") })
    }

    @Test func explainIsYAMLOnly() throws {
        let run = try sdc(["render", "--explain", "-o", "json", "\(Self.examples)/sklearn-v2/seldondeployment.yaml"])
        #expect(run.status == 64)
    }
}
