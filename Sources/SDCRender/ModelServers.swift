import SDCModel
import SDCYAML

extension Expansion {
    /// `addModelServersAndInitContainers` (§7): graph pre-order; prepack PUs become servers, custom PUs with a
    /// `modelUri` get a storage initializer.
    mutating func modelServersAndInitContainers(_ pi: Int, pSvc: String, firstDeployment: Int) {
        let p = sdep.spec.predictors[pi]
        for pu in p.graph.preOrder {
            if Prepack.isPrepack(pu.implementation) {
                let impl = pu.implementation!
                guard let j = p.componentSpecs.firstIndex(where: { cs in cs.containers.contains { $0.name == pu.name } }) else { continue }
                let depName = Naming.deploymentName(sdep, p, index: j, p.componentSpecs[j], values: values)
                guard let d = (firstDeployment..<deployments.count).last(where: { deployments[$0].name == depName }) else { continue }
                if let sa = pu.serviceAccountName, !sa.isEmpty { deployments[d].pod["serviceAccountName"] = .string(sa) }
                guard prepack.hasServer(impl) else {
                    error(
                        "sdep-unknown-implementation", "no predictor_servers entry for implementation \(impl) (the operator fails with \"Failed to get server config\")",
                        path: "\(pu.path).implementation", fix: "use a built-in server or add predictor_servers.\(impl) to the values", at: pu.location)
                    continue
                }
                let proto = sdep.spec.protocol ?? ""
                switch impl {
                case "TENSORFLOW_SERVER": tensorflowServer(d, pu: pu, p: p)
                case "TRITON_SERVER": tritonServer(d, pu: pu)
                default:
                    if proto == "kfserving" || proto == "v2" { mlServer(d, pu: pu) } else { seldonServer(d, pu: pu) }
                }
            } else if let uri = pu.modelUri, !uri.isEmpty {
                guard let d = deploymentIndex(holding: pu.name, from: firstDeployment) else {
                    error("sdep-no-container-for-model-uri", "graph node \(pu.name) has a modelUri but no container named \(pu.name)", path: "\(pu.path).modelUri", at: pu.location)
                    continue
                }
                injectStorageInitializer(
                    d, container: pu.name, uri: uri, serviceAccount: pu.serviceAccountName, secret: secret(pu.envSecretRefName),
                    image: pu.storageInitializerImage, path: "\(pu.path).modelUri")
            }
        }
    }

    func secret(_ own: String?) -> String? {
        if let own, !own.isEmpty { return own }
        return values.defaultEnvSecretRefName.isEmpty ? nil : values.defaultEnvSecretRefName
    }

    private mutating func initializer(_ d: Int, container: String, pu: PredictiveUnit) {
        guard let uri = pu.modelUri, !uri.isEmpty else { return }
        injectStorageInitializer(
            d, container: container, uri: uri, serviceAccount: pu.serviceAccountName, secret: secret(pu.envSecretRefName),
            image: pu.storageInitializerImage, path: "\(pu.path).modelUri")
    }

    /// §7.2: Seldon-protocol servers.
    private mutating func seldonServer(_ d: Int, pu: PredictiveUnit) {
        let image = prepack.image(pu.implementation!, protocol: sdep.spec.protocol)
        let params = (pu.parameters ?? []) + [Parameter(name: "model_uri", value: "/mnt/models", type: "STRING")]
        _ = deployments[d].pod.updateContainer(pu.name) { c in
            if c["image"]?.string?.isEmpty ?? true { c["image"] = .string(image) }
            c.replaceOrAppend("env", .envVar("PREDICTIVE_UNIT_PARAMETERS", Self.parametersJSON(params)))
        }
        initializer(d, container: pu.name, pu: pu)
    }

    /// §7.3: MLServer for protocol v2/kfserving.
    private mutating func mlServer(_ d: Int, pu: PredictiveUnit) {
        let impl = pu.implementation!
        guard let image = prepack.mlserverImage(impl) else {
            error("sdep-no-v2-image", "predictor_servers.\(impl) has no image compatible with kfserving protocol (no kfserving or v2 entry)", path: "\(pu.path).implementation", at: pu.location)
            return
        }
        let http = pu.endpoint?.httpPort ?? 0
        let grpc = pu.endpoint?.grpcPort ?? 0
        var reference: [Node] = [
            .envVar("MLSERVER_HTTP_PORT", String(http)), .envVar("MLSERVER_GRPC_PORT", String(grpc)),
            .envVar("MLSERVER_MODEL_IMPLEMENTATION", Prepack.mlserverClass(impl)), .envVar("MLSERVER_MODEL_NAME", pu.name),
            .envVar("MLSERVER_MODEL_VERSION", "v1"), .envVar("MLSERVER_MODEL_URI", "/mnt/models"),
            .envVar(
                "TEMPO_RUNTIME_OPTIONS",
                "{\"k8s_options\": {\"defaultRuntime\": \"tempo.seldon.SeldonKubernetesRuntime\", \"namespace\": \"\(namespace)\"}}"),
        ]
        if impl == "HUGGINGFACE_SERVER" {
            reference += [.envVar("MLSERVER_PARALLEL_WORKERS", "0"), .envVar("XDG_CACHE_HOME", "/opt/mlserver")]
        }
        _ = deployments[d].pod.updateContainer(pu.name) { c in
            if c["image"]?.string?.isEmpty ?? true { c["image"] = .string(image) }
            var env = Node.mapping([("env", .sequence(reference))])
            for e in c["env"]?.listItems ?? [] { env.replaceOrAppend("env", e) }
            c["env"] = env["env"]
            for (key, path) in [("readinessProbe", "/v2/health/ready"), ("livenessProbe", "/v2/health/live")] {
                let handler: Node = .mapping([("path", .string(path)), ("port", .string("http")), ("scheme", .string("HTTP"))])
                if var probe = c[key], probe.isMapping {
                    // Only the handler is swapped: the §6 timings stay (§7.3 merge step 3).
                    for h in ["exec", "tcpSocket", "grpc", "httpGet"] { probe[h] = nil }
                    probe["httpGet"] = handler
                    c[key] = probe
                } else {
                    c[key] = .mapping([
                        ("httpGet", handler), ("initialDelaySeconds", .int(20)), ("periodSeconds", .int(5)),
                        ("failureThreshold", .int(3)), ("successThreshold", .int(1)), ("timeoutSeconds", .int(60)),
                    ])
                }
            }
            c["ports"] = .sequence([.port("grpc", grpc), .port("http", http)])
        }
        initializer(d, container: pu.name, pu: pu)
    }

    /// §7.4: TensorFlow Serving, as a proxy plus `tfserving` or directly with protocol `tensorflow`.
    private mutating func tensorflowServer(_ d: Int, pu: PredictiveUnit, p: Predictor) {
        let http = pu.endpoint?.httpPort ?? 0
        let grpc = pu.endpoint?.grpcPort ?? 0
        let tfImage = prepack.image("TENSORFLOW_SERVER", protocol: "tensorflow")
        if sdep.spec.protocol == "tensorflow" {
            _ = deployments[d].pod.updateContainer(pu.name) { c in
                if c["image"]?.string?.isEmpty ?? true { c["image"] = .string(tfImage) }
                if (c["args"]?.listItems ?? []).isEmpty {
                    c["args"] = .sequence(
                        ["--port=\(grpc)", "--rest_api_port=\(http)", "--model_name=\(pu.name)", "--model_base_path=/mnt/models"].map { .string($0) })
                }
            }
            initializer(d, container: pu.name, pu: pu)
            return
        }
        let proxyImage = prepack.image("TENSORFLOW_SERVER", protocol: sdep.spec.protocol)
        var params = pu.parameters ?? []
        if !params.contains(where: { $0.name == "rest_endpoint" || $0.name == "grpc_endpoint" }) {
            params += [
                Parameter(name: "rest_endpoint", value: "http://0.0.0.0:2001", type: "STRING"),
                Parameter(name: "grpc_endpoint", value: "0.0.0.0:2000", type: "STRING"),
            ]
        }
        params.append(Parameter(name: "model_name", value: pu.name, type: "STRING"))
        _ = deployments[d].pod.updateContainer(pu.name) { c in
            c["image"] = .string(proxyImage)
            c.replaceOrAppend("env", .envVar("PREDICTIVE_UNIT_PARAMETERS", Self.parametersJSON(params)))
        }
        let args: [Node] = ["--port=2000", "--rest_api_port=2001", "--model_name=\(pu.name)", "--model_base_path=/mnt/models"].map { .string($0) }
        let ports: [Node] = [
            .mapping([("containerPort", .int(2000)), ("protocol", .string("TCP"))]),
            .mapping([("containerPort", .int(2001)), ("protocol", .string("TCP"))]),
        ]
        if deployments[d].hasContainer("tfserving") {
            _ = deployments[d].pod.updateContainer("tfserving") { c in
                if c["image"]?.string?.isEmpty ?? true { c["image"] = .string(tfImage) }
                if (c["args"]?.listItems ?? []).isEmpty { c["args"] = .sequence(args) }
                if (c["ports"]?.listItems ?? []).isEmpty { c["ports"] = .sequence(ports) }
            }
        } else {
            deployments[d].pod.append(
                "containers",
                .mapping([
                    ("name", .string("tfserving")), ("image", .string(tfImage)), ("args", .sequence(args)),
                    ("imagePullPolicy", .string("IfNotPresent")), ("ports", .sequence(ports)),
                    ("terminationMessagePath", .string("/dev/termination-log")), ("terminationMessagePolicy", .string("File")),
                ]))
        }
        initializer(d, container: "tfserving", pu: pu)
    }

    /// §7.5: Triton.
    private mutating func tritonServer(_ d: Int, pu: PredictiveUnit) {
        let http = pu.endpoint?.httpPort ?? 0
        let grpc = pu.endpoint?.grpcPort ?? 0
        let noStorage = sdep.spec.annotations["seldon.io/no-storage-initializer"]?.lowercased() == "true"
        var args = ["/opt/tritonserver/bin/tritonserver", "--grpc-port=\(grpc)", "--http-port=\(http)"]
        var envFrom: Node?
        if noStorage {
            args.append("--model-repository=\(pu.modelUri ?? "")")
            for param in pu.parameters ?? [] {
                switch param.name.lowercased() {
                case "model_control_mode": args.append("--model-control-mode=\(param.value)")
                case "load_model": args.append("--load-model=\(param.value)")
                case "strict_model_config": args.append("--strict-model-config=\(param.value)")
                default: break
                }
            }
            if let s = secret(pu.envSecretRefName) {
                envFrom = .sequence([.mapping([("secretRef", .mapping([("name", .string(s))]))])])
            }
        } else {
            args += ["--model-repository=/mnt/models", "--strict-model-config=false"]
        }
        let image = prepack.image("TRITON_SERVER", protocol: sdep.spec.protocol)
        _ = deployments[d].pod.updateContainer(pu.name) { c in
            if c["image"]?.string?.isEmpty ?? true, !image.isEmpty { c["image"] = .string(image) }
            if c["args"] == nil || c["args"]!.isNull { c["args"] = .sequence(args.map { .string($0) }) }
            if let envFrom, c["envFrom"] == nil || c["envFrom"]!.isNull { c["envFrom"] = envFrom }
            c["ports"] = .sequence([.port("grpc", grpc), .port("http", http)])
        }
        if !noStorage { initializer(d, container: pu.name, pu: pu) }
    }
}
