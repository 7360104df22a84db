import SDCModel
import SDCYAML

extension Expansion {
    /// An annotation from `spec.annotations`, then `metadata.annotations` (`getAnnotation`).
    func annotation(_ key: String) -> String? { sdep.spec.annotations[key] ?? sdep.annotations[key] }

    /// `createExecutorContainer` (§9.3).
    mutating func engineContainer(_ p: Predictor) -> Node {
        let image = values.relatedImage("RELATED_IMAGE_EXECUTOR") ?? values.executorImage
        let http = values.executorPort
        let grpc = values.executorGrpcPort
        var queue = values.requestLoggerWorkQueueSize
        var timeout = values.requestLoggerWriteTimeoutMs
        for (key, target) in [("seldon.io/executor-logger-queue-size", 0), ("seldon.io/executor-logger-write-timeout-ms", 1)] {
            guard let v = annotation(key) else { continue }
            if Int(v) == nil {
                error("sdep-invalid-annotation", "annotation \(key) must be an integer, not \"\(v)\"", path: "spec.annotations.\(key)")
            }
            if target == 0 { queue = v } else { timeout = v }
        }
        let args: [String] = [
            "--sdep", sdep.name, "--namespace", namespace, "--predictor", p.name, "--http_port", String(http), "--grpc_port",
            String(grpc), "--protocol", nonEmpty(sdep.spec.protocol, "seldon"), "--transport", nonEmpty(sdep.spec.transport, "rest"),
            "--prometheus_path", values.prometheusPath, "--server_type", nonEmpty(sdep.spec.serverType, "rpc"),
            "--log_work_buffer_size", queue, "--log_write_timeout_ms", timeout, "--full_health_checks=\(values.fullHealthChecks)",
        ]
        var env: [Node] = [
            .envVar("ENGINE_PREDICTOR", EnginePredictor.value(p)),
            .envVar("REQUEST_LOGGER_DEFAULT_ENDPOINT", values.requestLoggerDefaultEndpoint),
        ]
        let userEnv = p.svcOrchSpec.env ?? []
        env += userEnv
        for key in sdep.spec.annotations.sortedKeys
        where key.hasPrefix("seldon.io/engine-") && key != "seldon.io/engine-separate-pod" {
            let name = String(key.dropFirst("seldon.io/engine-".count)).replacingDashes().uppercased()
            if userEnv.contains(where: { $0.name == name }) { continue }
            env.append(.envVar(name, sdep.spec.annotations[key]!))
        }
        let scheme = (p.sslCertSecretName ?? "").isEmpty ? "HTTP" : "HTTPS"
        func probe(_ path: String) -> Node {
            .mapping([
                ("httpGet", .mapping([("path", .string(path)), ("port", .int(http)), ("scheme", .string(scheme))])),
                ("initialDelaySeconds", .int(20)), ("periodSeconds", .int(5)), ("failureThreshold", .int(3)),
                ("successThreshold", .int(1)), ("timeoutSeconds", .int(60)),
            ])
        }
        let r = values.executorResources
        let resources: Node = p.svcOrchSpec.resources ?? .mapping([
            ("requests", .mapping([("cpu", .string(r.cpuRequest)), ("memory", .string(r.memoryRequest))])),
            ("limits", .mapping([("cpu", .string(r.cpuLimit)), ("memory", .string(r.memoryLimit))])),
        ])
        var c: [(String, Node)] = [
            ("name", .string("seldon-container-engine")), ("image", .string(image)), ("args", .sequence(args.map { .string($0) })),
            ("imagePullPolicy", .string(values.executorPullPolicy)),
            ("terminationMessagePath", .string("/dev/termination-log")), ("terminationMessagePolicy", .string("File")),
            ("volumeMounts", .sequence([.mount("seldon-podinfo", "/etc/podinfo")])), ("env", .sequence(env)),
            ("ports", .sequence([.port("http", http), .port(values.executorMetricsPortName, http), .port("grpc", grpc)])),
            ("readinessProbe", probe("/ready")), ("livenessProbe", probe("/live")), ("resources", resources),
        ]
        if let user = Int(values.executorUser) {
            c.append(("securityContext", .mapping([("runAsUser", .int(user)), ("allowPrivilegeEscalation", .bool(false))])))
        }
        return .mapping(c)
    }

    private func nonEmpty(_ s: String?, _ fallback: String) -> String {
        guard let s, !s.isEmpty else { return fallback }
        return s
    }

    /// §3 step 5 and §9.4: the engine joins the Deployment holding the first PU served on `localhost`.
    mutating func addEngineToModelDeployment(_ pi: Int, pSvc: String, firstDeployment: Int) {
        let p = sdep.spec.predictors[pi]
        guard let host = p.graph.preOrder.first(where: { $0.endpoint?.serviceHost == "localhost" }),
            let d = deploymentIndex(holding: host.name, from: firstDeployment)
        else {
            error(
                "sdep-no-engine-host", "predictor \(p.name): no graph node has its container in the first componentSpec, so the operator has nowhere to put the executor",
                path: "\(p.path).componentSpecs", fix: "put the container of a graph node into componentSpecs[0]", at: p.location)
            return
        }
        // The model containers are shared with the SDep's componentSpecs, so the engine sees them as augmented by
        // §6–§8 (§3, last paragraph).
        var shared = sdep.spec.predictors[pi]
        for dep in deployments[firstDeployment...] {
            guard let j = dep.componentIndex else { continue }
            let now = dep.pod["containers"]?.listItems ?? []
            var containers = shared.componentSpecs[j].containers
            for k in 0..<min(dep.sharedContainerCount, now.count, containers.count) { containers[k] = now[k] }
            shared.componentSpecs[j].containers = containers
        }
        if deployments[d].hasContainer("seldon-container-engine") { return }
        let engine = engineContainer(shared)
        deployments[d].labels["seldon-deployment-contains-svcorch"] = "true"
        deployments[d].pod.append("containers", engine)
        for (k, v) in p.annotations {
            deployments[d].annotations[k] = v
            deployments[d].templateAnnotations[k] = v
        }
        deployments[d].labelEverywhere("seldon-app", pSvc)
        if !deployments[d].pod.hasItem("volumes", named: "seldon-podinfo") && !deployments[d].pod.hasItem("volumes", named: "podinfo") {
            deployments[d].pod.append("volumes", DeploymentDraft.podinfoVolume)
        }
        if let cert = p.sslCertSecretName, !cert.isEmpty {
            let root = p.graph.name
            if let j = p.componentSpecs.firstIndex(where: { cs in cs.containers.contains { $0.name == root } }) {
                let name = Naming.deploymentName(sdep, p, index: j, p.componentSpecs[j], values: values)
                if let rd = (firstDeployment..<deployments.count).last(where: { deployments[$0].name == name }) {
                    Self.addSSL(&deployments[rd], cert: cert, mountPath: values.certMountPath)
                }
            }
        }
    }

    /// §9.7: the certificate volume and mount on every container, `SELDON_CERT_MOUNT_PATH` until one has it.
    static func addSSL(_ dep: inout DeploymentDraft, cert: String, mountPath: String) {
        dep.pod.append("volumes", .mapping([("name", .string("seldon-cert-volume")), ("secret", .mapping([("secretName", .string(cert))]))]))
        var containers = dep.pod["containers"]?.listItems ?? []
        for k in containers.indices {
            containers[k].append("volumeMounts", .mount("seldon-cert-volume", mountPath, readOnly: true))
        }
        // AddEnvVarToDeploymentContainers returns at the first container that already has the variable.
        for k in containers.indices {
            if containers[k].hasItem("env", named: "SELDON_CERT_MOUNT_PATH") { break }
            containers[k].append("env", .envVar("SELDON_CERT_MOUNT_PATH", mountPath))
        }
        dep.pod["containers"] = .sequence(containers)
    }

    /// §9.5: the engine alone in `<sdep>-<predictor>-svc-orch`, built before the model Deployments.
    mutating func separateEngineDeployment(_ p: Predictor, pSvc: String) -> DeploymentDraft {
        let name = Naming.svcOrchName(sdep, p)
        var dep = DeploymentDraft(name: name, namespace: namespace)
        // The operator passes the predictor key where an SDep id is expected (§9.5).
        dep.labels = StringMap([
            ("seldon-deployment-contains-svcorch", "true"), ("seldon-app", pSvc), ("seldon-deployment-id", pSvc), ("app", name),
            ("version", "v1"), ("fluentd", "true"),
        ])
        dep.labels.merge(p.labels)
        dep.annotations = sdep.spec.annotations
        dep.selector = StringMap([("seldon-app", pSvc), ("seldon-deployment-id", pSvc)])
        dep.templateLabels = StringMap([("seldon-app", pSvc), ("seldon-deployment-id", pSvc), ("app", name)])
        dep.templateLabels.merge(p.labels)
        dep.templateAnnotations = StringMap([("prometheus.io/path", values.prometheusPath), ("prometheus.io/scrape", "true")])
        dep.pod = .mapping([
            ("containers", .sequence([engineContainer(p)])), ("terminationGracePeriodSeconds", .int(20)),
            ("dnsPolicy", .string("ClusterFirst")), ("schedulerName", .string("default-scheduler")),
            ("securityContext", podSecurityContext ?? .emptyMapping), ("volumes", .sequence([DeploymentDraft.podinfoVolume])),
            ("restartPolicy", .string("Always")), ("serviceAccountName", .string(values.executorServiceAccountName)),
            ("serviceAccount", .string(values.executorServiceAccountName)),
        ])
        dep.replicas = p.svcOrchSpec.replicas ?? p.replicas ?? sdep.spec.replicas
        if let cert = p.sslCertSecretName, !cert.isEmpty {
            Self.addSSL(&dep, cert: cert, mountPath: values.certMountPath)
        }
        return dep
    }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
