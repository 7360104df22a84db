import SDCDiagnostics
import SDCYAML

/// A SeldonDeployment as the API server stores it (render.md §1.2–1.3): the Seldon-level fields typed, unknown
/// Seldon-level fields pruned, pod specs and other Kubernetes types kept as node trees so nothing inside them is
/// lost. All three apiVersions share this model (§1.1).
public struct SeldonDeployment: Sendable {
    public var apiVersion: String
    public var name: String
    public var namespace: String?
    public var labels: StringMap
    public var annotations: StringMap
    public var spec: SeldonDeploymentSpec
    /// Where the document starts, for findings that have no better place.
    public var location: Location?
    /// Where a few scalar fields that later checks name were written, by YAML path (`spec.protocol`,
    /// `spec.predictors[0].name`, …): the typed fields above are plain values without locations.
    public var fieldLocations: [String: Location] = [:]

    public init(
        apiVersion: String, name: String, namespace: String? = nil, labels: StringMap = StringMap(),
        annotations: StringMap = StringMap(), spec: SeldonDeploymentSpec, location: Location? = nil
    ) {
        self.apiVersion = apiVersion
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.spec = spec
        self.location = location
    }
}

public struct SeldonDeploymentSpec: Sendable {
    public var name: String?
    public var predictors: [Predictor]
    public var annotations: StringMap
    public var `protocol`: String?
    public var transport: String?
    public var replicas: Int?
    public var serverType: String?

    public init(
        name: String? = nil, predictors: [Predictor] = [], annotations: StringMap = StringMap(), protocol: String? = nil,
        transport: String? = nil, replicas: Int? = nil, serverType: String? = nil
    ) {
        self.name = name
        self.predictors = predictors
        self.annotations = annotations
        self.protocol = `protocol`
        self.transport = transport
        self.replicas = replicas
        self.serverType = serverType
    }
}

public struct Predictor: Sendable {
    public var name: String
    public var graph: PredictiveUnit
    public var componentSpecs: [ComponentSpec]
    public var replicas: Int?
    public var annotations: StringMap
    /// `engineResources`: only ever serialised into `ENGINE_PREDICTOR` (§1.7).
    public var engineResources: Node?
    public var labels: StringMap
    public var svcOrchSpec: SvcOrchSpec
    public var traffic: Int?
    public var explainer: Explainer?
    public var shadow: Bool?
    public var sslCertSecretName: String?
    public var progressDeadlineSeconds: Int?
    /// YAML path of this predictor, for findings (`spec.predictors[0]`).
    public var path: String
    public var location: Location?

    public init(name: String, graph: PredictiveUnit, path: String) {
        self.name = name
        self.graph = graph
        self.componentSpecs = []
        self.annotations = StringMap()
        self.labels = StringMap()
        self.svcOrchSpec = SvcOrchSpec()
        self.path = path
    }
}

public struct SvcOrchSpec: Sendable {
    public var resources: Node?
    public var env: [Node]?
    public var replicas: Int?
    public init(resources: Node? = nil, env: [Node]? = nil, replicas: Int? = nil) {
        self.resources = resources
        self.env = env
        self.replicas = replicas
    }
}

public struct Explainer: Sendable {
    public var type: String?
    public var modelUri: String?
    public var serviceAccountName: String?
    public var containerSpec: Node?
    public var config: StringMap
    public var endpoint: Endpoint?
    public var envSecretRefName: String?
    public var storageInitializerImage: String?
    public var replicas: Int?
    public var initParameters: String?
    public var raw: Node
    public init(raw: Node) {
        self.raw = raw
        self.config = StringMap()
    }
}

/// One graph node (render.md §0.1 "PU").
public struct PredictiveUnit: Sendable {
    public var name: String
    public var children: [PredictiveUnit]
    public var type: String?
    public var implementation: String?
    public var methods: [String]?
    public var endpoint: Endpoint?
    public var parameters: [Parameter]?
    public var modelUri: String?
    public var serviceAccountName: String?
    public var envSecretRefName: String?
    public var storageInitializerImage: String?
    public var logger: Logger?
    public var path: String
    public var location: Location?

    public init(name: String, path: String) {
        self.name = name
        self.children = []
        self.path = path
    }

    /// The PU and all its descendants in pre-order (the order every operator loop over the graph uses).
    public var preOrder: [PredictiveUnit] {
        [self] + children.flatMap(\.preOrder)
    }

    /// Finds the first PU named `name` in pre-order.
    public func find(_ name: String) -> PredictiveUnit? {
        if self.name == name { return self }
        for c in children { if let f = c.find(name) { return f } }
        return nil
    }

    /// Applies `body` to every PU in pre-order, in place.
    public mutating func visit(_ body: (inout PredictiveUnit) throws -> Void) rethrows {
        try body(&self)
        for i in children.indices { try children[i].visit(body) }
    }

    /// Applies `body` to the first PU named `name` (pre-order); returns false if there is none.
    @discardableResult
    public mutating func update(_ name: String, _ body: (inout PredictiveUnit) -> Void) -> Bool {
        if self.name == name {
            body(&self)
            return true
        }
        for i in children.indices where children[i].update(name, body) { return true }
        return false
    }
}

public struct Endpoint: Sendable, Hashable {
    public var serviceHost: String?
    public var servicePort: Int?
    public var type: String?
    public var httpPort: Int?
    public var grpcPort: Int?
    public init(serviceHost: String? = nil, servicePort: Int? = nil, type: String? = nil, httpPort: Int? = nil, grpcPort: Int? = nil) {
        self.serviceHost = serviceHost
        self.servicePort = servicePort
        self.type = type
        self.httpPort = httpPort
        self.grpcPort = grpcPort
    }
}

public struct Parameter: Sendable, Hashable {
    public var name: String
    public var value: String
    public var type: String
    public init(name: String, value: String, type: String) {
        self.name = name
        self.value = value
        self.type = type
    }
}

public struct Logger: Sendable, Hashable {
    public var url: String?
    public var mode: String?
    public init(url: String? = nil, mode: String? = nil) {
        self.url = url
        self.mode = mode
    }
}

/// One `componentSpecs` entry: a pod template plus scaling specs, kept as nodes (Kubernetes types).
public struct ComponentSpec: Sendable {
    public var metadata: Node?
    /// The PodSpec, never nil after decoding (an absent spec is an empty mapping).
    public var spec: Node
    public var hpaSpec: Node?
    public var replicas: Int?
    public var kedaSpec: Node?
    public var pdbSpec: Node?
    public var path: String

    public init(spec: Node = .emptyMapping, path: String) {
        self.spec = spec
        self.path = path
    }

    public var containers: [Node] {
        get { spec["containers"]?.sequence ?? [] }
        set { spec["containers"] = .sequence(newValue) }
    }

    public var metadataName: String? { metadata?["name"]?.string }
    public var metadataLabels: StringMap { Self.stringMap(metadata?["labels"]) }
    public var metadataAnnotations: StringMap { Self.stringMap(metadata?["annotations"]) }

    static func stringMap(_ node: Node?) -> StringMap {
        var m = StringMap()
        for p in node?.pairs ?? [] { if let k = p.key.scalarText, let v = p.value.string { m[k] = v } }
        return m
    }
}
