import SDCDiagnostics
import SDCModel
import SDCYAML

/// The validating webhook's checks (render.md §1.4) on the stored object, before defaulting; every finding.
struct Validation {
    let sdep: SeldonDeployment
    let values: Values
    private(set) var diagnostics: [Diagnostic] = []

    init(sdep: SeldonDeployment, values: Values) {
        self.sdep = sdep
        self.values = values
    }

    private mutating func error(_ rule: String, _ message: String, at location: Location?, path: String, fix: String? = nil) {
        diagnostics.append(.error(rule, message, fix: fix, at: location ?? sdep.fieldLocations[path] ?? sdep.location, path: path))
    }

    mutating func run() {
        let spec = sdep.spec
        if let p = spec.protocol, !p.isEmpty, !["seldon", "tensorflow", "kfserving", "v2"].contains(p) {
            error("sdep-invalid-protocol", "Invalid protocol \(p)", at: nil, path: "spec.protocol", fix: "use seldon, tensorflow, kfserving or v2")
        }
        if let t = spec.transport, !t.isEmpty, !["rest", "grpc"].contains(t) {
            error("sdep-invalid-transport", "Invalid transport \(t)", at: nil, path: "spec.transport", fix: "use rest or grpc")
        }
        if let s = spec.serverType, !s.isEmpty, !["rpc", "kafka"].contains(s) {
            error("sdep-invalid-server-type", "Invalid serverType \(s)", at: nil, path: "spec.serverType", fix: "use rpc or kafka")
        }
        if spec.serverType == "kafka" {
            // validateKafka counts entries with one of the three names, so it wants at least three such entries.
            for p in spec.predictors {
                let found = (p.svcOrchSpec.env ?? []).filter { ["KAFKA_BROKER", "KAFKA_INPUT_TOPIC", "KAFKA_OUTPUT_TOPIC"].contains($0.name ?? "") }.count
                if found < 3 {
                    error(
                        "sdep-kafka-env", "For kafka please supply svcOrchSpec envs KAFKA_BROKER, KAFKA_INPUT_TOPIC, KAFKA_OUTPUT_TOPIC (predictor \(p.name))",
                        at: p.location, path: "\(p.path).svcOrchSpec.env")
                }
            }
        }
        if spec.predictors.count == 1, spec.predictors[0].shadow == true {
            error("sdep-only-shadow", "Shadow can not exist as only predictor", at: spec.predictors[0].location, path: "\(spec.predictors[0].path).shadow")
        }
        var svcNames: [String: String] = [:]
        var predictorNames: Set<String> = []
        for p in spec.predictors {
            if let svc = p.annotations["seldon.io/svc-name"] {
                if let other = svcNames[svc] {
                    error("sdep-duplicate-svc-name", "predictors \(other) and \(p.name) have the same seldon.io/svc-name \(svc)", at: p.location, path: "\(p.path).annotations")
                }
                svcNames[svc] = p.name
            }
            if !predictorNames.insert(p.name).inserted {
                error("sdep-duplicate-predictor", "duplicate predictor name \(p.name)", at: p.location, path: "\(p.path).name")
            }
            if p.annotations["seldon.io/no-engine"] != nil, p.graph.preOrder.count > 1 {
                error("sdep-no-engine-graph", "seldon.io/no-engine is only allowed for a single-node graph", at: p.location, path: "\(p.path).annotations")
            }
            for pu in p.graph.preOrder { checkUnit(pu, in: p) }
        }
        if spec.predictors.isEmpty, !diagnostics.contains(where: { $0.path == "spec.predictors" }) {
            error("sdep-no-predictors", "Graph contains no predictors", at: nil, path: "spec.predictors")
        }
        let types = Set(spec.predictors.flatMap { $0.graph.preOrder.compactMap { $0.endpoint?.type }.filter { !$0.isEmpty } })
        if types.count > 1 {
            error("sdep-mixed-endpoint-types", "graph endpoints mix types \(types.sorted().joined(separator: ", "))", at: nil, path: "spec.predictors")
        } else if let t = types.first, let transport = spec.transport, !transport.isEmpty,
            (t == "REST" && transport != "rest") || (t == "GRPC" && transport != "grpc")
        {
            error("sdep-transport-mismatch", "endpoint type \(t) disagrees with spec.transport \(transport)", at: nil, path: "spec.transport")
        }
        checkTraffic()
    }

    private mutating func checkUnit(_ pu: PredictiveUnit, in p: Predictor) {
        let containers = p.componentSpecs.flatMap(\.containers)
        let container = containers.first { $0.name == pu.name }
        let impl = pu.implementation ?? ""
        if impl.isEmpty || impl == "UNKNOWN_IMPLEMENTATION" {
            if container == nil {
                error(
                    "sdep-no-container-for-node", "graph node \(pu.name) has no implementation and no container named \(pu.name) in componentSpecs",
                    at: pu.location, path: "\(pu.path).name", fix: "add a container named \(pu.name) or set implementation")
            }
            if pu.type == "UNKNOWN_TYPE", (pu.methods ?? []).isEmpty {
                error("sdep-unknown-type", "graph node \(pu.name) has type UNKNOWN_TYPE and no methods", at: pu.location, path: "\(pu.path).type")
            }
        } else if Prepack.isPrepack(impl) {
            if (pu.modelUri ?? "").isEmpty, impl != "HUGGINGFACE_SERVER" {
                error("sdep-missing-model-uri", "graph node \(pu.name) uses \(impl) but has no modelUri", at: pu.location, path: "\(pu.path).modelUri")
            }
            if sdep.spec.protocol == "tensorflow", ["SKLEARN_SERVER", "XGBOOST_SERVER", "MLFLOW_SERVER", "HUGGINGFACE_SERVER"].contains(impl) {
                error("sdep-protocol-implementation", "\(impl) does not support protocol tensorflow", at: pu.location, path: "\(pu.path).implementation")
            }
            let hasImage = !(container?["image"]?.string ?? "").isEmpty
            if !hasImage, values.predictorServers[impl] == nil {
                error(
                    "sdep-unknown-implementation", "implementation \(impl) has no predictor_servers entry and node \(pu.name) has no container image",
                    at: pu.location, path: "\(pu.path).implementation", fix: "add predictor_servers.\(impl) to the values or give the container an image")
            }
        }
        if let l = pu.logger, (l.mode ?? "").isEmpty {
            error("sdep-logger-mode", "graph node \(pu.name) has a logger without mode", at: pu.location, path: "\(pu.path).logger")
        }
    }

    /// `checkTraffic`, including its quirks: the single-predictor rule looks at the total number of predictors.
    private mutating func checkTraffic() {
        let predictors = sdep.spec.predictors
        var sum = 0
        var shadows = 0
        for p in predictors {
            if p.shadow == true {
                shadows += 1
                if shadows > 1 {
                    error("sdep-multiple-shadows", "Multiple shadows are not allowed (predictor \(p.name))", at: p.location, path: "\(p.path).shadow")
                }
                if let t = p.traffic, t < 0 || t > 100 {
                    error("sdep-traffic", "shadow traffic must be between 0 and 100, not \(t)", at: p.location, path: "\(p.path).traffic")
                }
            } else {
                sum += p.traffic ?? 0
            }
        }
        if sum != 100, predictors.count - shadows > 1 {
            error("sdep-traffic", "traffic of the non-shadow predictors sums to \(sum), not 100", at: predictors[0].location, path: "spec.predictors")
        }
        if sum > 0, sum < 100, predictors.count == 1 {
            error("sdep-traffic", "a single predictor must have traffic 0 or 100, not \(sum)", at: predictors[0].location, path: "\(predictors[0].path).traffic")
        }
    }
}
