import SDCDiagnostics
import SDCModel
import SDCYAML

/// `createComponents` for one defaulted SeldonDeployment (render.md §3): the ordered Services, HPAs,
/// ScaledObjects, PDBs and Deployments the operator would create.
struct Expansion {
    var sdep: SeldonDeployment
    let values: Values
    let namespace: String
    let seldonId: String
    let prepack: PrepackImages

    var services: [Node] = []
    var hpas: [Node] = []
    var scaledObjects: [Node] = []
    var pdbs: [Node] = []
    var deployments: [DeploymentDraft] = []
    var virtualServices: [Node] = []
    var destinationRules: [Node] = []
    /// Each predictor's external http/grpc ports, for Istio (§14.1).
    var externalPorts: [(http: Int, grpc: Int)] = []
    var diagnostics: [Diagnostic] = []

    init(sdep: SeldonDeployment, values: Values, namespace: String) {
        self.sdep = sdep
        self.values = values
        self.namespace = namespace
        self.seldonId = Naming.seldonId(sdep)
        self.prepack = PrepackImages(values: values)
    }

    var separateEnginePod: Bool { sdep.spec.annotations["seldon.io/engine-separate-pod"]?.lowercased() == "true" }

    /// A finding at `location` (an input node's), else at the SDep's document.
    mutating func error(_ rule: String, _ message: String, path: String, fix: String? = nil, at location: Location? = nil) {
        diagnostics.append(.error(rule, message, fix: fix, at: location ?? sdep.location, path: path))
    }

    mutating func run() {
        for pi in sdep.spec.predictors.indices {
            expandPredictor(pi)
        }
        if values.istioEnabled { istioResources(ports: externalPorts) }
    }

    private mutating func expandPredictor(_ pi: Int) {
        let p = sdep.spec.predictors[pi]
        let noEngine = p.annotations["seldon.io/no-engine"]?.lowercased() == "true"
        let pSvc = Naming.predictorKey(sdep, p)
        let firstDeployment = deployments.count

        if separateEnginePod && !noEngine {
            deployments.append(separateEngineDeployment(p, pSvc: pSvc))
        }

        for (j, cs) in p.componentSpecs.enumerated() where !cs.containers.isEmpty {
            let name = Naming.deploymentName(sdep, p, index: j, cs, values: values)
            var dep = skeleton(name: name, cs: cs, p: p, metricsEnabled: true)
            dep.componentIndex = j
            dep.sharedContainerCount = cs.containers.count
            dep.sourcePath = "\(cs.path).spec"
            if let keda = cs.kedaSpec {
                if values.kedaEnabled { scaledObjects.append(scaledObject(name: name, keda)) }
            } else if let hpa = cs.hpaSpec {
                hpas.append(horizontalPodAutoscaler(name: name, hpa, path: "\(cs.path).hpaSpec"))
            } else {
                dep.replicas = cs.replicas ?? p.replicas ?? sdep.spec.replicas
            }
            if let pdb = cs.pdbSpec { pdbs.append(podDisruptionBudget(name: name, pdb)) }

            for container in cs.containers {
                let cname = container.name ?? ""
                let pu = p.graph.find(cname)
                let puLabels = PULabels.labels(for: pu, in: p)
                dep.labels.merge(puLabels)
                dep.templateLabels.merge(puLabels)
                guard cname != "seldon-container-engine", cname != "tfserving", let pu else { continue }
                let service = containerService(p, pu: pu, pSvc: pSvc, deployment: &dep)
                services.append(service)
                if noEngine {
                    dep.labelEverywhere("seldon-app", pSvc)
                    services.append(
                        predictorService(
                            p, pSvc: pSvc, http: pu.endpoint?.httpPort ?? 0, grpc: pu.endpoint?.grpcPort ?? 0, puLabels: puLabels))
                }
            }
            deployments.append(dep)
        }

        modelServersAndInitContainers(pi, pSvc: pSvc, firstDeployment: firstDeployment)

        // The address the explainer calls: the predictor Service's ports (§10), the PU's in no-engine mode.
        var predictorPorts = (http: values.engineServerPort, grpc: values.engineServerGrpcPort)
        if noEngine {
            let endpoint = sdep.spec.predictors[pi].graph.endpoint
            predictorPorts = (endpoint?.httpPort ?? 0, endpoint?.grpcPort ?? 0)
        }
        externalPorts.append(predictorPorts)
        if !noEngine {
            if !separateEnginePod {
                addEngineToModelDeployment(pi, pSvc: pSvc, firstDeployment: firstDeployment)
            }
            services.append(
                predictorService(p, pSvc: pSvc, http: values.engineServerPort, grpc: values.engineServerGrpcPort, puLabels: nil))
        }
        if let explainer = p.explainer, !(explainer.type ?? "").isEmpty {
            addExplainer(sdep.spec.predictors[pi], explainer, pSvc: pSvc, predictorPorts: predictorPorts)
        }
    }

    /// `createDeploymentWithoutEngine` (§5.1), in the operator's order of writes.
    func skeleton(name: String, cs: ComponentSpec, p: Predictor, metricsEnabled: Bool) -> DeploymentDraft {
        var dep = DeploymentDraft(name: name, namespace: namespace)
        dep.labels = StringMap([("seldon-deployment-id", seldonId), ("app", name), ("fluentd", "true")])
        dep.selector = StringMap([("seldon-deployment-id", seldonId)])
        dep.templateLabels = dep.labels
        dep.progressDeadlineSeconds = p.progressDeadlineSeconds
        if metricsEnabled {
            dep.templateAnnotations["prometheus.io/path"] = values.prometheusPath
            dep.templateAnnotations["prometheus.io/scrape"] = "true"
        }
        if p.shadow == true { dep.templateLabels["seldon.io/shadow"] = "true" }
        for (k, v) in sdep.spec.annotations {
            dep.annotations[k] = v
            dep.templateAnnotations[k] = v
        }
        for (k, v) in p.annotations {
            dep.annotations[k] = v
            dep.templateAnnotations[k] = v
        }
        dep.pod = cs.spec
        for (k, v) in cs.metadataAnnotations {
            dep.annotations[k] = v
            dep.templateAnnotations[k] = v
        }
        if dep.pod["securityContext"] == nil || dep.pod["securityContext"]!.isNull, let ctx = podSecurityContext {
            dep.pod["securityContext"] = ctx
        }
        for (k, v) in p.labels {
            dep.labels[k] = v
            dep.templateLabels[k] = v
        }
        for (k, v) in cs.metadataLabels {
            dep.labels[k] = v
            dep.templateLabels[k] = v
        }
        for (key, value) in [("restartPolicy", "Always"), ("dnsPolicy", "ClusterFirst"), ("schedulerName", "default-scheduler")] {
            if dep.pod[key]?.string?.isEmpty ?? true { dep.pod[key] = .string(value) }
        }
        if dep.pod["terminationGracePeriodSeconds"] == nil || dep.pod["terminationGracePeriodSeconds"]!.isNull {
            dep.pod["terminationGracePeriodSeconds"] = .int(20)
        }
        if !dep.pod.hasItem("volumes", named: "seldon-podinfo") {
            dep.pod.append("volumes", DeploymentDraft.podinfoVolume)
        }
        return dep
    }

    /// `{runAsUser: DEFAULT_USER_ID}`; empty or non-integer → none (§2.1).
    var podSecurityContext: Node? {
        guard let uid = Int(values.defaultUserID) else { return nil }
        return .mapping([("runAsUser", .int(uid))])
    }

    /// The Deployment (among this predictor's) that holds a container named `name`; the last one if several.
    func deploymentIndex(holding name: String, from first: Int) -> Int? {
        (first..<deployments.count).last { deployments[$0].hasContainer(name) }
    }
}
