import SDCDiagnostics
import SDCYAML

/// The operator configuration that the seldon-core-operator chart values produce (render.md §2): the env
/// variables of the manager container and the `seldon-config` ConfigMap, typed. Built by `ValuesLoader`.
public struct Values: Sendable {
    public struct ServerProtocol: Sendable, Hashable {
        public var image: String
        public var defaultImageVersion: String
        public init(image: String, defaultImageVersion: String) {
            self.image = image
            self.defaultImageVersion = defaultImageVersion
        }
        /// `image:version`, or just `image` when the version is empty (§2.3 step 5).
        public var reference: String { defaultImageVersion.isEmpty ? image : "\(image):\(defaultImageVersion)" }
    }

    public struct ResourceSettings: Sendable, Hashable {
        public var cpuRequest: String
        public var cpuLimit: String
        public var memoryRequest: String
        public var memoryLimit: String
    }

    public var predictiveUnitHttpPort: Int = 9000
    public var predictiveUnitGrpcPort: Int = 9500
    /// Not settable through the chart (§2.1).
    public var predictiveUnitMetricsPort: Int = 6000
    public var predictiveUnitMetricsPortName: String = "metrics"
    public var defaultEnvSecretRefName: String = ""
    /// `DEFAULT_USER_ID` as text; empty or not an integer → no pod security context (§2.1).
    public var defaultUserID: String = "8888"
    public var executorImage: String = "docker.io/seldonio/seldon-core-executor:1.18.2"
    public var executorPullPolicy: String = "IfNotPresent"
    public var executorPort: Int = 8000
    public var executorGrpcPort: Int = 5001
    /// `ENGINE_SERVER_PORT` / `ENGINE_SERVER_GRPC_PORT`: the predictor Service ports, never from values (§2.1).
    public var engineServerPort: Int = 8000
    public var engineServerGrpcPort: Int = 5001
    public var executorMetricsPortName: String = "metrics"
    public var executorResources = ResourceSettings(cpuRequest: "500m", cpuLimit: "500m", memoryRequest: "512Mi", memoryLimit: "512Mi")
    public var prometheusPath: String = "/prometheus"
    public var executorServiceAccountName: String = "default"
    /// `EXECUTOR_CONTAINER_USER` as text; empty → no container security context.
    public var executorUser: String = "8888"
    public var requestLoggerDefaultEndpoint: String = "http://default-broker"
    public var requestLoggerWorkQueueSize: String = "10000"
    public var requestLoggerWriteTimeoutMs: String = "2000"
    public var fullHealthChecks: String = "false"
    public var deploymentNameAsPrefix: Bool = false
    public var storageInitializerImage: String = "seldonio/rclone-storage-initializer:1.18.2"
    public var storageInitializerResources = ResourceSettings(cpuRequest: "100m", cpuLimit: "1", memoryRequest: "100Mi", memoryLimit: "1Gi")
    /// `predictor_servers`: implementation → protocol → image.
    public var predictorServers: [String: [String: ServerProtocol]] = [:]
    public var explainerImage: String = "seldonio/alibiexplainer:1.18.2"
    public var explainerImageV2: String = "seldonio/mlserver:1.3.5-alibi-explain"
    public var istioEnabled = false
    /// `ISTIO_GATEWAY` (chart `istio.gateway`).
    public var istioGateway: String = "istio-system/seldon-gateway"
    /// `ISTIO_TLS_MODE` (chart `istio.tlsMode`); empty → the idle-timeout traffic policy.
    public var istioTLSMode: String = ""
    public var ambassadorEnabled = false
    /// `AMBASSADOR_VERSION`: only exactly `v1` selects the annotation path (§14.2); anything else is v2 (§14.3).
    public var ambassadorVersion: String = "v2"
    public var ambassadorSingleNamespace = false
    public var kedaEnabled = false
    public var controllerId: String = ""
    /// `RELATED_IMAGE_*` overrides (§2.2); an empty value means "not set".
    public var relatedImages: [String: String] = [:]
    public var certMountPath: String = "/cert/"

    public init() {}

    /// The chart defaults, decoded once from `ChartDefaults.yaml`.
    public static var chartDefaults: Values {
        (try? ValuesLoader().load(files: [], set: [], setString: []).values) ?? Values()
    }

    public func relatedImage(_ name: String) -> String? {
        guard let v = relatedImages[name], !v.isEmpty else { return nil }
        return v
    }
}
