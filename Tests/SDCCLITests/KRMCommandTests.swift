import Foundation
import SDCTestSupport
import SDCYAML
import Testing

/// `sdc krm` against hand-written ResourceLists (KRM Functions Specification), then through the real kpt and
/// kubectl kustomize.
@Suite struct KRMCommandTests {
    static let deployment = """
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
        """

    /// A ResourceList as kpt sends it: one file holding a ConfigMap, the deployment and a Secret, tool annotations
    /// on every item.
    static func resourceList(implementation: String = "SKLEARN_SERVER", functionConfig: String) -> String {
        """
        apiVersion: config.kubernetes.io/v1
        kind: ResourceList
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
            annotations:
              config.kubernetes.io/index: '0'
              config.kubernetes.io/path: 'app.yaml'
              internal.config.kubernetes.io/index: '0'
              internal.config.kubernetes.io/path: 'app.yaml'
              internal.config.kubernetes.io/id: '1'
          data:
            threshold: "0.5"
        - apiVersion: machinelearning.seldon.io/v1
          kind: SeldonDeployment
          metadata:
            name: iris
            annotations:
              config.kubernetes.io/index: '1'
              config.kubernetes.io/path: 'app.yaml'
              internal.config.kubernetes.io/index: '1'
              internal.config.kubernetes.io/path: 'app.yaml'
              internal.config.kubernetes.io/id: '2'
          spec:
            predictors:
            - name: default
              graph:
                name: classifier
                implementation: \(implementation)
                modelUri: gs://seldon-models/v1.18.2/sklearn/iris
        - apiVersion: v1
          kind: Secret
          metadata:
            name: later
            annotations:
              config.kubernetes.io/index: '2'
              config.kubernetes.io/path: 'app.yaml'
              internal.config.kubernetes.io/index: '2'
              internal.config.kubernetes.io/path: 'app.yaml'
        functionConfig:
        \(functionConfig.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))

        """
    }

    static let renderConfig = """
        apiVersion: sdc.seldon.io/v1alpha1
        kind: RenderConfig
        metadata:
          name: render
        spec:
          namespace: models
          values:
            executor:
              resources:
                cpuRequest: 250m
        """

    @Test func expandsTheDeploymentInPlaceAndKeepsEverythingElse() throws {
        let run = try sdc(["krm"], stdin: Self.resourceList(functionConfig: Self.renderConfig))
        #expect(run.status == 0, "\(run.stderrText)")
        let list = try #require(try KRMTools.documents(run.stdoutText).first)
        #expect(list["kind"]?.string == "ResourceList")
        #expect(list["results"] == nil)
        let items = try #require(list["items"]?.sequence)
        #expect(items.map(KRMTools.id) == [
            "ConfigMap//settings", "Service/models/iris-default-classifier", "Service/models/iris-default",
            "Deployment/models/iris-default-0-classifier", "Secret//later",
        ])
        // Generated objects are written where the deployment was; the file's indices stay unique and ordered.
        for (position, item) in items.enumerated() {
            let annotations = try #require(item["metadata"]?["annotations"])
            #expect(annotations["internal.config.kubernetes.io/path"]?.string == "app.yaml")
            #expect(annotations["config.kubernetes.io/index"]?.string == String(position))
            #expect(annotations["internal.config.kubernetes.io/index"]?.string == String(position))
        }
        // Ids belong to the input items only; the untouched items keep theirs.
        #expect(items[0]["metadata"]?["annotations"]?["internal.config.kubernetes.io/id"]?.string == "1")
        #expect(items[1]["metadata"]?["annotations"]?["internal.config.kubernetes.io/id"] == nil)
        // Items that are not SeldonDeployments come back as they went in; only a later index moves past the new objects.
        let input = try #require(try KRMTools.documents(Self.resourceList(functionConfig: Self.renderConfig)).first?["items"]?.sequence)
        #expect(items[0] == input[0])
        #expect(KRMTools.withoutToolAnnotations(items[4]) == KRMTools.withoutToolAnnotations(input[2]))
    }

    @Test func generatedObjectsAreWhatRenderPrints() throws {
        let values = try temporaryFile("executor:\n  resources:\n    cpuRequest: 250m\n", name: "values.yaml")
        let input = try temporaryFile(Self.deployment)
        let render = try sdc(["render", "-n", "models", "-f", values, input])
        #expect(render.status == 0, "\(render.stderrText)")
        let run = try sdc(["krm"], stdin: Self.resourceList(functionConfig: Self.renderConfig))
        let items = try #require(try KRMTools.documents(run.stdoutText).first?["items"]?.sequence)
        let generated = items.filter { $0["metadata"]?["name"]?.string?.hasPrefix("iris") ?? false }
        #expect(generated.map(KRMTools.withoutToolAnnotations) == (try KRMTools.documents(render.stdoutText)))
        #expect(render.stdoutText.contains("cpu: 250m"))
    }

    @Test func aConfigMapCarriesValuesTextSetKeysAndTheNamespace() throws {
        let config = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: function-input
            data:
              namespace: staging
              values.yaml: |
                executor:
                  resources:
                    cpuRequest: 250m
              predictiveUnit.httpPort: "9100"
            """
        let run = try sdc(["krm"], stdin: Self.resourceList(functionConfig: config))
        #expect(run.status == 0, "\(run.stderrText)")
        let text = run.stdoutText
        #expect(text.contains("namespace: staging"))
        #expect(text.contains("cpu: 250m"))
        #expect(text.contains("containerPort: 9100"))
        #expect(!text.contains("kind: SeldonDeployment"))
    }

    @Test func aFailingDeploymentIsAnErrorResultAndStaysUnchanged() throws {
        let run = try sdc(["krm"], stdin: Self.resourceList(implementation: "SKLEARN_SERVR", functionConfig: Self.renderConfig))
        #expect(run.status == 1)
        let list = try #require(try KRMTools.documents(run.stdoutText).first)
        let items = try #require(list["items"]?.sequence)
        #expect(items.map(KRMTools.id) == ["ConfigMap//settings", "SeldonDeployment//iris", "Secret//later"])
        #expect(items[1]["metadata"]?["annotations"]?["internal.config.kubernetes.io/id"]?.string == "2")
        let results = try #require(list["results"]?.sequence)
        let error = try #require(results.first { $0["severity"]?.string == "error" })
        #expect(error["resourceRef"]?["kind"]?.string == "SeldonDeployment")
        #expect(error["resourceRef"]?["name"]?.string == "iris")
        #expect(error["file"]?["path"]?.string == "app.yaml")
        #expect(error["file"]?["index"]?.scalarText == "1")
        #expect(error["field"]?["path"]?.string?.contains("implementation") == true)
        #expect(error["message"]?.string?.contains("SKLEARN_SERVR") == true)
        #expect(error["tags"]?["rule"]?.string?.isEmpty == false)
    }

    @Test func anUnknownFunctionConfigKindIsAnError() throws {
        let config = "apiVersion: example.com/v1\nkind: Settings\nmetadata:\n  name: x"
        let run = try sdc(["krm"], stdin: Self.resourceList(functionConfig: config))
        #expect(run.status == 1)
        let results = try #require(try KRMTools.documents(run.stdoutText).first?["results"]?.sequence)
        #expect(results.first?["severity"]?.string == "error")
        #expect(results.first?["tags"]?["rule"]?.string == "krm-config-kind")
    }

    @Test func aPlainStreamAndAConfigFileIsKustomizesPluginProtocol() throws {
        let config = try temporaryFile(Self.renderConfig, name: "render-config.yaml")
        let run = try sdc(["krm", config], stdin: Self.deployment + "\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n")
        #expect(run.status == 0, "\(run.stderrText)")
        let objects = try KRMTools.documents(run.stdoutText)
        #expect(objects.map(KRMTools.id) == [
            "Service/models/iris-default-classifier", "Service/models/iris-default", "Deployment/models/iris-default-0-classifier",
            "Secret//s",
        ])
    }

    @Test func invokedAsRenderConfigItIsTheKrmCommand() throws {
        let dir = try KRMTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/RenderConfig", withDestinationPath: TestPaths.sdc)
        let config = try temporaryFile(Self.renderConfig, name: "render-config.yaml")
        let run = try Subprocess.run("\(dir)/RenderConfig", [config], stdin: Data(Self.deployment.utf8))
        #expect(run.status == 0, "\(run.stderrText)")
        #expect(try KRMTools.documents(run.stdoutText).map(KRMTools.id).contains("Deployment/models/iris-default-0-classifier"))
    }

    @Test(.enabled(if: KRMTools.kpt != nil, "kpt not found: put it on PATH or set SDC_KPT"))
    func kptFnEvalExpandsTheExampleInPlace() throws {
        let kpt = try #require(KRMTools.kpt)
        let dir = try KRMTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let package = "\(dir)/package"
        try FileManager.default.createDirectory(atPath: package, withIntermediateDirectories: true)
        for file in ["iris.yaml", "settings.yaml"] {
            try FileManager.default.copyItem(atPath: "\(KRMTools.example)/\(file)", toPath: "\(package)/\(file)")
        }
        let settingsBefore = try String(contentsOfFile: "\(package)/settings.yaml", encoding: .utf8)
        let run = try Subprocess.run(
            kpt, ["fn", "eval", "--exec", "\(TestPaths.sdc) krm", "--fn-config", "\(KRMTools.example)/render-config.yaml", package])
        #expect(run.status == 0, "\(run.stdoutText)\(run.stderrText)")
        let iris = try KRMTools.documents(try String(contentsOfFile: "\(package)/iris.yaml", encoding: .utf8))
        #expect(iris.map(KRMTools.id) == [
            "Service/models/iris-default-classifier", "Service/models/iris-default", "Deployment/models/iris-default-0-classifier",
        ])
        #expect(iris.allSatisfy { $0["metadata"]?["annotations"]?["config.kubernetes.io/path"] == nil })
        #expect(try String(contentsOfFile: "\(package)/settings.yaml", encoding: .utf8) == settingsBefore)
    }

    /// `kpt fn eval … -- key=value` hands the pairs over as a ConfigMap function config.
    @Test(.enabled(if: KRMTools.kpt != nil, "kpt not found: put it on PATH or set SDC_KPT"))
    func kptKeyValuesAreTheNamespaceAndSetValues() throws {
        let kpt = try #require(KRMTools.kpt)
        let dir = try KRMTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: "\(KRMTools.example)/iris.yaml", toPath: "\(dir)/iris.yaml")
        let run = try Subprocess.run(
            kpt, ["fn", "eval", "--exec", "\(TestPaths.sdc) krm", dir, "--", "namespace=staging", "predictiveUnit.httpPort=9100"])
        #expect(run.status == 0, "\(run.stdoutText)\(run.stderrText)")
        let text = try String(contentsOfFile: "\(dir)/iris.yaml", encoding: .utf8)
        let objects = try KRMTools.documents(text)
        #expect(objects.count == 3)
        #expect(objects.allSatisfy { $0["metadata"]?["namespace"]?.string == "staging" })
        #expect(text.contains("containerPort: 9100"))
    }

    @Test(.enabled(if: KRMTools.kpt != nil, "kpt not found: put it on PATH or set SDC_KPT"))
    func kptShowsAnErrorResultAndLeavesTheFileAlone() throws {
        let kpt = try #require(KRMTools.kpt)
        let dir = try KRMTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let broken = Self.deployment.replacingOccurrences(of: "SKLEARN_SERVER", with: "SKLEARN_SERVR") + "\n"
        try broken.write(toFile: "\(dir)/iris.yaml", atomically: true, encoding: .utf8)
        let run = try Subprocess.run(kpt, ["fn", "eval", "--exec", "\(TestPaths.sdc) krm", dir])
        #expect(run.status != 0)
        #expect((run.stdoutText + run.stderrText).contains("SKLEARN_SERVR"))
        #expect(try String(contentsOfFile: "\(dir)/iris.yaml", encoding: .utf8) == broken)
    }

    @Test(.enabled(if: KRMTools.kubectl != nil, "kubectl not found: put it on PATH or set SDC_KUBECTL"))
    func kubectlKustomizeRunsTheExamplePlugin() throws {
        let kubectl = try #require(KRMTools.kubectl)
        var env = ProcessInfo.processInfo.environment
        env["KUSTOMIZE_PLUGIN_HOME"] = "\(KRMTools.example)/plugins"
        env["SDC"] = TestPaths.sdc
        let run = try Subprocess.run(kubectl, ["kustomize", "--enable-alpha-plugins", KRMTools.example], environment: env)
        #expect(run.status == 0, "\(run.stderrText)")
        let built = try KRMTools.documents(run.stdoutText)
        // Exactly `sdc render` of the deployment plus the ConfigMap, whatever order and key order kustomize picks.
        let values = try temporaryFile("executor:\n  resources:\n    cpuRequest: 250m\n", name: "values.yaml")
        let render = try sdc(["render", "-n", "models", "-f", values, "\(KRMTools.example)/iris.yaml", "\(KRMTools.example)/settings.yaml"])
        let rendered = try KRMTools.documents(render.stdoutText)
        #expect(Set(built.map(KRMTools.id)) == Set(rendered.map(KRMTools.id)))
        for object in rendered {
            let twin = built.first { KRMTools.id($0) == KRMTools.id(object) }
            #expect(twin.map(KRMTools.withoutToolAnnotations) == object.sortingKeys(), "\(KRMTools.id(object))")
        }
    }
}
