import SDCRender
import SDCYAML
import Testing

/// The webhook's rules (render.md §1.4) and the API-server refusals of the sdc decisions: each input must be
/// refused with the named rule, at the named YAML path, and nothing rendered.
@Suite struct ValidationTests {
    static func sdep(_ spec: String, name: String = "x") -> String {
        """
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata:
          name: \(name)
        spec:
        \(spec.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    static let sklearn = "graph:\n    name: m\n    implementation: SKLEARN_SERVER\n    modelUri: gs://b/m"

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var path: String
        var yaml: String
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "sdep-invalid-protocol", path: "spec.protocol", yaml: sdep("protocol: grpc\npredictors:\n- name: p\n  \(sklearn)")),
        Case(rule: "sdep-invalid-transport", path: "spec.transport", yaml: sdep("transport: http\npredictors:\n- name: p\n  \(sklearn)")),
        Case(rule: "sdep-invalid-server-type", path: "spec.serverType", yaml: sdep("serverType: batch\npredictors:\n- name: p\n  \(sklearn)")),
        Case(rule: "sdep-kafka-env", path: "spec.predictors[0].svcOrchSpec.env", yaml: sdep("serverType: kafka\npredictors:\n- name: p\n  \(sklearn)")),
        Case(rule: "sdep-only-shadow", path: "spec.predictors[0].shadow", yaml: sdep("predictors:\n- name: p\n  shadow: true\n  \(sklearn)")),
        Case(rule: "sdep-no-predictors", path: "spec.predictors", yaml: sdep("predictors: []")),
        Case(
            rule: "sdep-duplicate-predictor", path: "spec.predictors[1].name",
            yaml: sdep("predictors:\n- name: p\n  traffic: 50\n  \(sklearn)\n- name: p\n  traffic: 50\n  \(sklearn)")),
        Case(
            rule: "sdep-duplicate-svc-name", path: "spec.predictors[1].annotations",
            yaml: sdep(
                "predictors:\n- name: a\n  traffic: 50\n  annotations: {seldon.io/svc-name: s}\n  \(sklearn)\n- name: b\n  traffic: 50\n  annotations: {seldon.io/svc-name: s}\n  \(sklearn)")),
        Case(
            rule: "sdep-no-engine-graph", path: "spec.predictors[0].annotations",
            yaml: sdep(
                "predictors:\n- name: p\n  annotations: {seldon.io/no-engine: \"false\"}\n  graph:\n    name: m\n    implementation: SKLEARN_SERVER\n    modelUri: gs://b/m\n    children:\n    - name: c\n      implementation: SIMPLE_MODEL")),
        Case(rule: "sdep-no-container-for-node", path: "spec.predictors[0].graph.name", yaml: sdep("predictors:\n- name: p\n  graph:\n    name: custom")),
        Case(rule: "sdep-missing-model-uri", path: "spec.predictors[0].graph.modelUri", yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n    implementation: XGBOOST_SERVER")),
        Case(rule: "sdep-protocol-implementation", path: "spec.predictors[0].graph.implementation", yaml: sdep("protocol: tensorflow\npredictors:\n- name: p\n  \(sklearn)")),
        Case(
            rule: "sdep-unknown-implementation", path: "spec.predictors[0].graph.implementation",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n    implementation: LIGHTGBM_SERVER\n    modelUri: gs://b/m")),
        Case(
            rule: "sdep-logger-mode", path: "spec.predictors[0].graph.logger",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n    implementation: SKLEARN_SERVER\n    modelUri: gs://b/m\n    logger: {url: http://x}")),
        Case(
            rule: "sdep-transport-mismatch", path: "spec.transport",
            yaml: sdep("transport: grpc\npredictors:\n- name: p\n  graph:\n    name: m\n    implementation: SKLEARN_SERVER\n    modelUri: gs://b/m\n    endpoint: {type: REST}")),
        Case(rule: "sdep-traffic", path: "spec.predictors", yaml: sdep("predictors:\n- name: a\n  traffic: 60\n  \(sklearn)\n- name: b\n  traffic: 30\n  \(sklearn)")),
        Case(rule: "sdep-traffic", path: "spec.predictors[0].traffic", yaml: sdep("predictors:\n- name: a\n  traffic: 60\n  \(sklearn)")),
        Case(
            rule: "pod-invalid-container-name", path: "spec.predictors[0].componentSpecs[0].spec.containers[0].name",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: half_plus_two\n  componentSpecs:\n  - spec:\n      containers:\n      - name: half_plus_two\n        image: x")),
        Case(
            rule: "pod-mount-without-volume", path: "spec.predictors[0].componentSpecs[0].spec.containers[0].volumeMounts[0]",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n  componentSpecs:\n  - spec:\n      containers:\n      - name: m\n        image: x\n        volumeMounts:\n        - {name: data, mountPath: /data}")),
        Case(
            rule: "pod-volume-without-source", path: "spec.predictors[0].componentSpecs[0].spec.volumes[0]",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n  componentSpecs:\n  - spec:\n      volumes:\n      - name: data\n        volumeSource: {emptyDir: {}}\n      containers:\n      - name: m\n        image: x")),
        Case(
            rule: "sdep-no-engine-host", path: "spec.predictors[0].componentSpecs",
            yaml: sdep("predictors:\n- name: p\n  graph:\n    name: m\n    implementation: SIMPLE_MODEL\n  componentSpecs:\n  - spec:\n      containers: []")),
        Case(rule: "sdep-invalid-name", path: "metadata.name", yaml: sdep("predictors:\n- name: p\n  \(sklearn)", name: "Iris_Model")),
    ]

    @Test(arguments: cases)
    func refusedWithRuleAndPath(_ c: Case) throws {
        let rendered = try RenderHarness.render(c.yaml)
        #expect(rendered.output == nil, "nothing may be rendered")
        #expect(rendered.rules.contains(c.rule), "rules: \(rendered.messages)")
        #expect(rendered.messages.contains { $0.hasPrefix("\(c.rule) \(c.path) ") }, "\(rendered.messages)")
    }

    @Test func everyFindingIsReported() throws {
        let yaml = Self.sdep("protocol: grpc\ntransport: http\npredictors:\n- name: a\n  traffic: 60\n  \(Self.sklearn)\n- name: b\n  traffic: 30\n  \(Self.sklearn)")
        let rendered = try RenderHarness.render(yaml)
        #expect(Set(rendered.rules) == ["sdep-invalid-protocol", "sdep-invalid-transport", "sdep-traffic"])
    }

    @Test func misspelledSeldonKindGetsDidYouMean() throws {
        let yaml = "apiVersion: machinelearning.seldon.io/v1\nkind: SeldonDeploymnet\nmetadata: {name: x}\nspec: {}\n"
        let rendered = try RenderHarness.render(yaml)
        #expect(rendered.rules == ["sdep-unknown-kind"])
        let version = try RenderHarness.render("apiVersion: machinelearning.seldon.io/v2\nkind: SeldonDeployment\nmetadata: {name: x}\nspec: {}\n")
        #expect(version.rules == ["sdep-unknown-version"])
    }

    @Test func secretsAreCheckedButPassThrough() throws {
        let bad = try RenderHarness.render("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  key: not base64!\nstringData:\n  n: 1\n")
        #expect(Set(bad.rules) == ["secret-data-not-base64", "secret-stringdata-not-string"])
        let good = try RenderHarness.render("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  key: aGVsbG8=\n")
        #expect(good.output == "apiVersion: v1\ndata:\n  key: aGVsbG8=\nkind: Secret\nmetadata:\n  name: s\n")
    }

    @Test func oversizedAnnotationsAreRefused() throws {
        let big = String(repeating: "x", count: 300 * 1024)
        let yaml = "apiVersion: machinelearning.seldon.io/v1\nkind: SeldonDeployment\nmetadata:\n  name: x\n  annotations:\n    note: \(big)\nspec:\n  predictors:\n  - name: p\n    \(Self.sklearn.replacingOccurrences("\n", "\n  "))\n"
        let rendered = try RenderHarness.render(yaml)
        #expect(rendered.output == nil)
        #expect(rendered.rules == ["sdep-annotations-too-large"])
    }

    @Test func longNodeNameIsRefusedOnlyWhenItBecomesALabelKey() throws {
        let long = String(repeating: "a", count: 49)
        let withContainer = Self.sdep("predictors:\n- name: p\n  graph:\n    name: \(long)\n    implementation: SKLEARN_SERVER\n    modelUri: gs://b/m")
        let refused = try RenderHarness.render(withContainer)
        #expect(refused.rules == ["sdep-label-key-too-long"])
        #expect(refused.messages.contains { $0.hasPrefix("sdep-label-key-too-long spec.predictors[0].graph.name ") })
        let combiner = Self.sdep(
            "predictors:\n- name: p\n  graph:\n    name: \(long)\n    implementation: AVERAGE_COMBINER\n    children:\n    - name: m\n      implementation: SKLEARN_SERVER\n      modelUri: gs://b/m")
        #expect(try RenderHarness.render(combiner).output != nil, "a node run inside the executor gets no Service and no label")
    }

    @Test func serverWithoutImageForTheProtocolIsAWarning() throws {
        let yaml = Self.sdep("predictors:\n- name: p\n  graph:\n    name: m\n    implementation: HUGGINGFACE_SERVER")
        let rendered = try RenderHarness.render(yaml)
        #expect(rendered.output != nil)
        #expect(rendered.messages.contains { $0.hasPrefix("pod-container-without-image ") })
    }

    /// The webhook's traffic rules look at the total number of predictors: one model plus a shadow needs no 100.
    @Test func trafficQuirksOfTheWebhook() throws {
        let withShadow = Self.sdep("predictors:\n- name: a\n  traffic: 60\n  \(Self.sklearn)\n- name: b\n  shadow: true\n  traffic: 10\n  \(Self.sklearn)")
        #expect(try RenderHarness.render(withShadow).output != nil)
        let twoShadows = Self.sdep(
            "predictors:\n- name: a\n  \(Self.sklearn)\n- name: b\n  shadow: true\n  \(Self.sklearn)\n- name: c\n  shadow: true\n  \(Self.sklearn)")
        #expect(try RenderHarness.render(twoShadows).rules == ["sdep-multiple-shadows"])
    }

    @Test func kafkaNeedsThreeTopicVariables() throws {
        let env = "  svcOrchSpec:\n    env:\n    - {name: KAFKA_BROKER, value: b:9092}\n    - {name: KAFKA_INPUT_TOPIC, value: in}\n    - {name: KAFKA_OUTPUT_TOPIC, value: out}\n"
        let ok = Self.sdep("serverType: kafka\npredictors:\n- name: p\n\(env)  \(Self.sklearn)")
        let rendered = try RenderHarness.render(ok)
        let output = try #require(rendered.output, "\(rendered.messages)")
        #expect(output.contains("- --server_type\n        - kafka\n"))
        #expect(output.contains("name: KAFKA_INPUT_TOPIC"))
    }

    @Test func generatedNamesAndLabelsMustBeValid() throws {
        let dotted = try RenderHarness.render(Self.sdep("predictors:\n- name: p\n  \(Self.sklearn)", name: "iris.v2"))
        #expect(dotted.rules.contains("generated-invalid-service-name"), "\(dotted.messages)")
        let svcName = try RenderHarness.render(
            Self.sdep("predictors:\n- name: p\n  annotations: {seldon.io/svc-name: 9lives}\n  \(Self.sklearn)"))
        #expect(svcName.rules == ["generated-invalid-service-name"])
        let label = try RenderHarness.render(Self.sdep("predictors:\n- name: p\n  labels: {team: \"a b\"}\n  \(Self.sklearn)"))
        #expect(Set(label.rules) == ["generated-invalid-label-value"])
    }

    @Test func controllerIdMismatchIsOnlyAWarning() throws {
        let yaml = "apiVersion: machinelearning.seldon.io/v1\nkind: SeldonDeployment\nmetadata:\n  name: x\n  labels: {seldon.io/controller-id: team-a}\nspec:\n  predictors:\n  - name: p\n    \(Self.sklearn.replacingOccurrences("\n", "\n  "))\n"
        let rendered = try RenderHarness.render(yaml)
        #expect(rendered.output != nil)
        #expect(rendered.messages.contains { $0.hasPrefix("sdep-controller-id") })
    }
}
