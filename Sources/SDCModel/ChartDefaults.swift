/// The seldon-core-operator chart values (v1.18.2) that sdc knows about (render.md §2.1, §2.3). Keys that change
/// the render carry their chart default; chart keys without effect on the render (§2.1, last paragraph) are listed
/// so a values file written for the chart raises no "unknown key" warning. `relatedImages` is sdc's own key for
/// the `RELATED_IMAGE_*` operator variables (§2.2), which the chart cannot set.
public enum ChartDefaults {
    public static let yaml = """
        predictiveUnit:
          httpPort: 9000
          grpcPort: 9500
          metricsPortName: metrics
          defaultEnvSecretRefName: ""
        defaultUserID: "8888"
        executor:
          image:
            registry: docker.io
            repository: seldonio/seldon-core-executor
            tag: 1.18.2
            pullPolicy: IfNotPresent
          port: 8000
          metricsPortName: metrics
          resources:
            cpuRequest: 500m
            cpuLimit: 500m
            memoryRequest: 512Mi
            memoryLimit: 512Mi
          prometheus:
            path: /prometheus
          serviceAccount:
            name: default
          user: 8888
          requestLogger:
            defaultEndpoint: http://default-broker
            workQueueSize: 10000
            writeTimeoutMs: 2000
          fullHealthChecks: false
        manager:
          deploymentNameAsPrefix: false
        storageInitializer:
          image: seldonio/rclone-storage-initializer:1.18.2
          cpuRequest: 100m
          cpuLimit: "1"
          memoryRequest: 100Mi
          memoryLimit: 1Gi
        predictor_servers:
          MLFLOW_SERVER:
            protocols:
              seldon:
                image: seldonio/mlflowserver
                defaultImageVersion: "1.18.2"
              v2:
                image: seldonio/mlserver
                defaultImageVersion: "1.3.5-mlflow"
          SKLEARN_SERVER:
            protocols:
              seldon:
                image: seldonio/sklearnserver
                defaultImageVersion: "1.18.2"
              v2:
                image: seldonio/mlserver
                defaultImageVersion: "1.3.5-sklearn"
          TENSORFLOW_SERVER:
            protocols:
              seldon:
                image: seldonio/tfserving-proxy
                defaultImageVersion: "1.18.2"
              tensorflow:
                image: tensorflow/serving
                defaultImageVersion: "2.1.0"
          XGBOOST_SERVER:
            protocols:
              seldon:
                image: seldonio/xgboostserver
                defaultImageVersion: "1.18.2"
              v2:
                image: seldonio/mlserver
                defaultImageVersion: "1.3.5-xgboost"
          TRITON_SERVER:
            protocols:
              v2:
                image: nvcr.io/nvidia/tritonserver
                defaultImageVersion: "21.08-py3"
          HUGGINGFACE_SERVER:
            protocols:
              v2:
                image: seldonio/mlserver
                defaultImageVersion: "1.3.5-huggingface"
          TEMPO_SERVER:
            protocols:
              v2:
                image: seldonio/mlserver
                defaultImageVersion: "1.3.5-slim"
        credentials:
          gcs:
            gcsCredentialFileName: gcloud-application-credentials.json
          s3:
            s3AccessKeyIDName: awsAccessKeyID
            s3SecretAccessKeyName: awsSecretAccessKey
        explainer:
          image: seldonio/alibiexplainer:1.18.2
          image_v2: seldonio/mlserver:1.3.5-alibi-explain
        istio:
          enabled: false
          gateway: istio-system/seldon-gateway
          tlsMode: ""
        ambassador:
          enabled: false
          version: v2
          singleNamespace: false
        keda:
          enabled: false
        controllerId: ""
        relatedImages:
          RELATED_IMAGE_EXECUTOR: ""
          RELATED_IMAGE_STORAGE_INITIALIZER: ""
          RELATED_IMAGE_SKLEARNSERVER: ""
          RELATED_IMAGE_XGBOOSTSERVER: ""
          RELATED_IMAGE_MLFLOWSERVER: ""
          RELATED_IMAGE_SKLEARNSERVER_V2: ""
          RELATED_IMAGE_XGBOOSTSERVER_V2: ""
          RELATED_IMAGE_MLFLOWSERVER_V2: ""
          RELATED_IMAGE_TENSORFLOW: ""
          RELATED_IMAGE_TFPROXY: ""
          RELATED_IMAGE_EXPLAINER: ""
          RELATED_IMAGE_EXPLAINER_V2: ""
          RELATED_IMAGE_MOCK_CLASSIFIER: ""
        """

    /// Chart keys whose whole subtree has no effect on the render: accepted without looking inside.
    public static let opaqueKeys: Set<String> = [
        "image", "rbac", "serviceAccount", "webhook", "metrics", "hostNetwork", "certManager", "crd", "usageMetrics",
        "singleNamespace", "namespaceOverride", "managerCreateResources", "managerUserID", "kubeflow",
        "manager", "executor.serviceAccount", "storageInitializer", "credentials", "istio", "ambassador",
    ]
}
