import SDCRender
import Testing

/// `RELATED_IMAGE_*` overrides (render.md §2.2), given as sdc's `relatedImages` values key.
@Suite struct RelatedImageTests {
    static let sdep = """
        apiVersion: machinelearning.seldon.io/v1
        kind: SeldonDeployment
        metadata: {name: iris, namespace: seldon}
        spec:
          predictors:
          - name: default
            graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: gs://b/iris}
        """

    @Test func relatedImagesReplaceExecutorServerAndInitializerImages() throws {
        let values = """
            relatedImages:
              RELATED_IMAGE_EXECUTOR: registry.example.com/executor@sha256:1111
              RELATED_IMAGE_SKLEARNSERVER: registry.example.com/sklearnserver@sha256:2222
              RELATED_IMAGE_STORAGE_INITIALIZER: registry.example.com/init@sha256:3333
            """
        let output = try #require(try RenderHarness.render(Self.sdep, values: [values]).output)
        #expect(output.contains("image: registry.example.com/executor@sha256:1111\n"))
        #expect(output.contains("image: registry.example.com/sklearnserver@sha256:2222\n"))
        #expect(output.contains("image: registry.example.com/init@sha256:3333\n"))
        #expect(!output.contains("seldonio/sklearnserver:1.18.2"))
    }

    @Test func tensorflowRelatedImageHasNoEffect() throws {
        let sdep = Self.sdep.replacingOccurrences("SKLEARN_SERVER", "TENSORFLOW_SERVER")
        let values = "relatedImages:\n  RELATED_IMAGE_TENSORFLOW: registry.example.com/tf:9\n  RELATED_IMAGE_TFPROXY: registry.example.com/proxy:9\n"
        let output = try #require(try RenderHarness.render(sdep, values: [values]).output)
        #expect(output.contains("image: tensorflow/serving:2.1.0\n"))
        #expect(output.contains("image: seldonio/tfserving-proxy:1.18.2\n"))
    }

    @Test func storageInitializerImagePrecedence() throws {
        let node = Self.sdep.replacingOccurrences("modelUri: gs://b/iris}", "modelUri: gs://b/iris, storageInitializerImage: node/init:1}")
        let values = "storageInitializer:\n  image: values/init:2\nrelatedImages:\n  RELATED_IMAGE_STORAGE_INITIALIZER: related/init:3\n"
        #expect(try RenderHarness.render(node, values: [values]).output?.contains("image: node/init:1\n") == true)
        #expect(try RenderHarness.render(Self.sdep, values: [values]).output?.contains("image: related/init:3\n") == true)
        #expect(try RenderHarness.render(Self.sdep, values: ["storageInitializer:\n  image: values/init:2\n"]).output?.contains("image: values/init:2\n") == true)
        #expect(try RenderHarness.render(Self.sdep, values: ["storageInitializer:\n  image: \"\"\n"]).output?.contains("image: docker.io/seldonio/rclone-storage-initializer:latest\n") == true)
    }
}
