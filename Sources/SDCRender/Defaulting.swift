import SDCModel
import SDCYAML

/// The in-memory defaulting of `SeldonDeployment.Default()` (render.md §1.5), applied once. Port counters and
/// name→port maps are shared by all predictors of the SDep.
struct Defaulting {
    let values: Values
    let namespace: String
    let separateEnginePod: Bool
    let prepack: PrepackImages

    private var nextHttp: Int
    private var nextGrpc: Int
    private var nextMetrics: Int
    private var httpMap: [String: Int] = [:]
    private var grpcMap: [String: Int] = [:]

    init(values: Values, namespace: String, separateEnginePod: Bool) {
        self.values = values
        self.namespace = namespace
        self.separateEnginePod = separateEnginePod
        self.prepack = PrepackImages(values: values)
        nextHttp = values.predictiveUnitHttpPort
        nextGrpc = values.predictiveUnitGrpcPort
        nextMetrics = values.predictiveUnitMetricsPort
    }

    private mutating func allocate(_ name: String) -> (Int, Int) {
        if httpMap[name] == nil {
            httpMap[name] = nextHttp
            nextHttp += 1
        }
        if grpcMap[name] == nil {
            grpcMap[name] = nextGrpc
            nextGrpc += 1
        }
        return (httpMap[name]!, grpcMap[name]!)
    }

    mutating func apply(to sdep: inout SeldonDeployment) {
        let spec = sdep.spec
        for pi in sdep.spec.predictors.indices {
            var p = sdep.spec.predictors[pi]
            if p.labels["version"] == nil { p.labels["version"] = p.name }
            p.graph.visit { pu in
                if pu.type == nil, pu.methods == nil, pu.implementation == nil { pu.type = "MODEL" }
                if pu.implementation == nil {
                    pu.implementation = "UNKNOWN_IMPLEMENTATION"
                } else if Prepack.isPrepack(pu.implementation) {
                    pu.type = "MODEL"
                }
            }
            for j in p.componentSpecs.indices {
                var containers = p.componentSpecs[j].containers
                for k in containers.indices {
                    let cname = containers[k].name ?? ""
                    var (http, grpc) = allocate(cname)
                    if p.graph.find(cname) != nil {
                        let sdepName = sdep.name
                        let pred = p
                        p.graph.update(cname) { pu in
                            containerDefaults(j: j, http: &http, grpc: &grpc, pu: &pu, container: &containers[k], spec: spec, sdepName: sdepName, predictor: pred)
                        }
                    }
                }
                p.componentSpecs[j].containers = containers
            }
            for pu in p.graph.preOrder where Prepack.isPrepack(pu.implementation) {
                var location: (Int, Int)?
                for (j, cs) in p.componentSpecs.enumerated() {
                    if let k = cs.containers.firstIndex(where: { $0.name == pu.name }) {
                        location = (j, k)
                        break
                    }
                }
                let j = location?.0 ?? 0
                var container = location.map { p.componentSpecs[$0.0].containers[$0.1] }
                    ?? .mapping([("name", .string(pu.name)), ("volumeMounts", .sequence([.mount("seldon-podinfo", "/etc/podinfo")]))])
                var (http, grpc) = allocate(pu.name)
                let sdepName = sdep.name
                let pred = p
                p.graph.update(pu.name) { unit in
                    containerDefaults(j: j, http: &http, grpc: &grpc, pu: &unit, container: &container, spec: spec, sdepName: sdepName, predictor: pred)
                }
                if spec.protocol != "tensorflow", container["image"]?.string?.isEmpty ?? true {
                    container["image"] = .string(prepack.image(pu.implementation ?? "", protocol: spec.protocol))
                }
                if let (j, k) = location {
                    var containers = p.componentSpecs[j].containers
                    containers[k] = container
                    p.componentSpecs[j].containers = containers
                } else if p.componentSpecs.isEmpty {
                    var cs = ComponentSpec(spec: .mapping([("containers", .sequence([container]))]), path: "\(p.path).componentSpecs[0]")
                    cs.metadata = nil
                    p.componentSpecs = [cs]
                } else {
                    var containers = p.componentSpecs[0].containers
                    containers.append(container)
                    p.componentSpecs[0].containers = containers
                }
            }
            sdep.spec.predictors[pi] = p
        }
    }

    /// *ContainerDefaults*(j, http, grpc) of §1.5.
    private mutating func containerDefaults(
        j: Int, http: inout Int, grpc: inout Int, pu: inout PredictiveUnit, container: inout Node, spec: SeldonDeploymentSpec,
        sdepName: String, predictor: Predictor
    ) {
        if container["imagePullPolicy"]?.string?.isEmpty ?? true { container["imagePullPolicy"] = .string("IfNotPresent") }
        if container["terminationMessagePath"]?.string?.isEmpty ?? true { container["terminationMessagePath"] = .string("/dev/termination-log") }
        if container["terminationMessagePolicy"]?.string?.isEmpty ?? true { container["terminationMessagePolicy"] = .string("File") }
        var endpoint = pu.endpoint ?? Endpoint()
        if let h = container.portNumber(named: "http") { http = h }
        if let g = container.portNumber(named: "grpc") { grpc = g }
        if !container.hasItem("volumeMounts", named: "seldon-podinfo") {
            var mounts = container["volumeMounts"]?.listItems ?? []
            // A legacy `podinfo` mount is removed by swapping the last mount into its place (§1.5 step 4).
            if let legacy = mounts.firstIndex(where: { $0.name == "podinfo" }) {
                mounts[legacy] = mounts[mounts.count - 1]
                mounts.removeLast()
            }
            mounts.append(.mount("seldon-podinfo", "/etc/podinfo"))
            container["volumeMounts"] = .sequence(mounts)
        }
        let metricsName = values.predictiveUnitMetricsPortName
        if !container.hasItem("ports", named: metricsName) {
            container.append("ports", .port(metricsName, nextMetrics))
            nextMetrics += 1
        }
        if j == 0 && !separateEnginePod {
            endpoint.serviceHost = "localhost"
        } else {
            endpoint.serviceHost = Naming.fqdn(
                Naming.containerServiceName(sdepName: sdepName, predictorName: predictor.name, container: container.name ?? ""),
                namespace: namespace)
        }
        endpoint.servicePort = (endpoint.type == "GRPC" || spec.transport == "grpc") ? grpc : http
        endpoint.httpPort = http
        endpoint.grpcPort = grpc
        pu.endpoint = endpoint
    }
}
