import SDCModel
import SDCYAML
import Testing

@Suite struct ValuesLoaderTests {
    func file(_ text: String, _ name: String = "values.yaml") throws -> ValuesFile {
        ValuesFile(root: try YAMLParser().parse(text, file: name)[0].root, name: name)
    }

    @Test func chartDefaults() throws {
        let v = try ValuesLoader().load(files: [], set: [], setString: []).values
        #expect(v.executorImage == "docker.io/seldonio/seldon-core-executor:1.18.2")
        #expect(v.storageInitializerImage == "seldonio/rclone-storage-initializer:1.18.2")
        #expect(v.predictorServers["SKLEARN_SERVER"]?["seldon"]?.reference == "seldonio/sklearnserver:1.18.2")
        #expect(v.predictorServers["TRITON_SERVER"]?["v2"]?.reference == "nvcr.io/nvidia/tritonserver:21.08-py3")
        #expect(v.predictorServers.count == 7)
        #expect(v.defaultUserID == "8888" && v.executorUser == "8888")
        #expect(v.storageInitializerResources.cpuLimit == "1")
    }

    @Test func laterFileWinsAndMapsMerge() throws {
        let a = try file("executor:\n  image:\n    tag: a\n    registry: r.example.com\n", "a.yaml")
        let b = try file("executor:\n  image:\n    tag: b\n", "b.yaml")
        let v = try ValuesLoader().load(files: [a, b], set: [], setString: []).values
        #expect(v.executorImage == "r.example.com/seldonio/seldon-core-executor:b")
    }

    @Test func setBeatsFilesAndSetStringBeatsSet() throws {
        let a = try file("predictiveUnit:\n  defaultEnvSecretRefName: from-file\n")
        let v = try ValuesLoader().load(
            files: [a], set: ["predictiveUnit.defaultEnvSecretRefName=from-set"],
            setString: ["predictiveUnit.defaultEnvSecretRefName=from-set-string"]
        ).values
        #expect(v.defaultEnvSecretRefName == "from-set-string")
    }

    @Test func nullDeletesADefault() throws {
        let a = try file("defaultUserID: null\n")
        let v = try ValuesLoader().load(files: [a], set: [], setString: []).values
        #expect(v.defaultUserID == "")
    }

    @Test func customServerIsAddedNextToTheBuiltIns() throws {
        let a = try file("predictor_servers:\n  MY_SERVER:\n    protocols:\n      seldon:\n        image: me/srv\n        defaultImageVersion: \"2\"\n")
        let loaded = try ValuesLoader().load(files: [a], set: [], setString: [])
        #expect(loaded.values.predictorServers["MY_SERVER"]?["seldon"]?.reference == "me/srv:2")
        #expect(loaded.values.predictorServers["SKLEARN_SERVER"] != nil)
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func numericImageVersionIsRefused() throws {
        let a = try file("predictor_servers:\n  MY_SERVER:\n    protocols:\n      seldon:\n        image: me/srv\n        defaultImageVersion: 1.5\n")
        let loaded = try ValuesLoader().load(files: [a], set: [], setString: [])
        #expect(loaded.failed)
        #expect(loaded.diagnostics.contains { $0.path == "predictor_servers.MY_SERVER.protocols.seldon.defaultImageVersion" })
    }

    @Test func unknownKeyIsAWarningNamingIt() throws {
        let a = try file("executor:\n  imagee:\n    tag: x\n")
        let loaded = try ValuesLoader().load(files: [a], set: ["storageInitialiser.image=x"], setString: [])
        #expect(!loaded.failed)
        let warned = loaded.diagnostics.filter { $0.rule == "values-unknown-key" }.compactMap(\.path)
        #expect(warned == ["executor.imagee", "storageInitialiser"])
    }

    @Test func chartKeysWithoutEffectAreNotWarned() throws {
        let a = try file("image:\n  pullPolicy: Always\nwebhook:\n  port: 4443\nmanager:\n  cpuLimit: 500m\n")
        #expect(try ValuesLoader().load(files: [a], set: [], setString: []).diagnostics.isEmpty)
    }

    @Test func emptyExecutorResourceIsAnError() throws {
        let loaded = try ValuesLoader().load(files: [], set: [], setString: ["executor.resources.cpuLimit="])
        #expect(loaded.diagnostics.contains { $0.rule == "values-empty-resource" && $0.path == "executor.resources.cpuLimit" })
    }

    @Test func resourceValuesMustBeQuantities() throws {
        let loaded = try ValuesLoader().load(files: [], set: ["storageInitializer.memoryLimit=lots"], setString: [])
        #expect(loaded.diagnostics.map(\.rule) == ["values-invalid-quantity"])
        #expect(loaded.diagnostics.first?.path == "storageInitializer.memoryLimit")
    }

    @Test func relatedImagesAreRead() throws {
        let a = try file("relatedImages:\n  RELATED_IMAGE_EXECUTOR: quay.io/x/executor@sha256:abc\n")
        let v = try ValuesLoader().load(files: [a], set: [], setString: []).values
        #expect(v.relatedImage("RELATED_IMAGE_EXECUTOR") == "quay.io/x/executor@sha256:abc")
        #expect(v.relatedImage("RELATED_IMAGE_STORAGE_INITIALIZER") == nil, "empty means not set")
    }

    @Test func badSetSyntaxIsAnError() throws {
        let loaded = try ValuesLoader().load(files: [], set: ["novalue"], setString: [])
        #expect(loaded.diagnostics.map(\.rule) == ["values-set-syntax"])
    }
}
