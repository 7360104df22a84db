import SDCModel
import SDCYAML

/// `ENGINE_PREDICTOR` (render.md §9.2): base64 of the compact Go JSON of the predictor with `traffic` and
/// `replicas` zeroed, no explainer, and every componentSpec's `metadata.creationTimestamp` null.
enum EnginePredictor {
    static func value(_ p: Predictor) -> String {
        GoJSON.base64(encode(p).bytes)
    }

    static func json(_ p: Predictor) -> String {
        encode(p).text
    }

    private static func encode(_ p: Predictor) -> GoJSON {
        var j = GoJSON()
        j.raw("{\"name\":")
        j.string(p.name)
        j.raw(",\"graph\":")
        unit(p.graph, &j)
        if !p.componentSpecs.isEmpty {
            j.raw(",\"componentSpecs\":[")
            for (i, cs) in p.componentSpecs.enumerated() {
                if i > 0 { j.raw(",") }
                componentSpec(cs, &j)
            }
            j.raw("]")
        }
        // `replicas` is a pointer set to 0, so it stays; `traffic` is zero and omitted.
        j.raw(",\"replicas\":0")
        if !p.annotations.isEmpty {
            j.raw(",\"annotations\":")
            j.stringMap(p.annotations)
        }
        j.raw(",\"engineResources\":")
        j.value(p.engineResources ?? .emptyMapping, as: .object("ResourceRequirements"))
        if !p.labels.isEmpty {
            j.raw(",\"labels\":")
            j.stringMap(p.labels)
        }
        j.raw(",\"svcOrchSpec\":{")
        var first = true
        func sep() {
            if !first { j.raw(",") }
            first = false
        }
        if let r = p.svcOrchSpec.resources {
            sep()
            j.raw("\"resources\":")
            j.value(r, as: .object("ResourceRequirements"))
        }
        if let env = p.svcOrchSpec.env, !env.isEmpty {
            sep()
            j.raw("\"env\":")
            j.value(.sequence(env), as: .list(.object("EnvVar")))
        }
        if let r = p.svcOrchSpec.replicas {
            sep()
            j.raw("\"replicas\":\(r)")
        }
        j.raw("}")
        if p.shadow == true { j.raw(",\"shadow\":true") }
        if let s = p.sslCertSecretName, !s.isEmpty {
            j.raw(",\"ssl\":{\"certSecretName\":")
            j.string(s)
            j.raw("}")
        } else if p.sslCertSecretName != nil {
            j.raw(",\"ssl\":{}")
        }
        if let d = p.progressDeadlineSeconds { j.raw(",\"progressDeadlineSeconds\":\(d)") }
        j.raw("}")
        return j
    }

    private static func unit(_ u: PredictiveUnit, _ j: inout GoJSON) {
        j.raw("{\"name\":")
        j.string(u.name)
        if !u.children.isEmpty {
            j.raw(",\"children\":[")
            for (i, c) in u.children.enumerated() {
                if i > 0 { j.raw(",") }
                unit(c, &j)
            }
            j.raw("]")
        }
        // Type and implementation are string pointers in the Go type: present even when empty once set.
        if let t = u.type {
            j.raw(",\"type\":")
            j.string(t)
        }
        if let i = u.implementation {
            j.raw(",\"implementation\":")
            j.string(i)
        }
        // `methods` is a pointer to a slice: present whenever it was written, even empty.
        if let m = u.methods {
            j.raw(",\"methods\":[")
            for (i, s) in m.enumerated() {
                if i > 0 { j.raw(",") }
                j.string(s)
            }
            j.raw("]")
        }
        if let e = u.endpoint {
            j.raw(",\"endpoint\":{")
            var parts: [String] = []
            if let h = e.serviceHost, !h.isEmpty { parts.append("\"service_host\":" + GoJSON.quote(h)) }
            if let p = e.servicePort, p != 0 { parts.append("\"service_port\":\(p)") }
            if let t = e.type, !t.isEmpty { parts.append("\"type\":" + GoJSON.quote(t)) }
            if let p = e.httpPort, p != 0 { parts.append("\"httpPort\":\(p)") }
            if let p = e.grpcPort, p != 0 { parts.append("\"grpcPort\":\(p)") }
            j.raw(parts.joined(separator: ","))
            j.raw("}")
        }
        if let params = u.parameters, !params.isEmpty {
            j.raw(",\"parameters\":")
            j.raw(Expansion.parametersJSON(params))
        }
        for (key, value) in [
            ("modelUri", u.modelUri), ("serviceAccountName", u.serviceAccountName), ("envSecretRefName", u.envSecretRefName),
            ("storageInitializerImage", u.storageInitializerImage),
        ] {
            if let v = value, !v.isEmpty {
                j.raw(",\"\(key)\":")
                j.string(v)
            }
        }
        if let l = u.logger {
            var parts: [String] = []
            // `url` is a string pointer: present whenever written.
            if let url = l.url { parts.append("\"url\":" + GoJSON.quote(url)) }
            if let mode = l.mode, !mode.isEmpty { parts.append("\"mode\":" + GoJSON.quote(mode)) }
            j.raw(",\"logger\":{\(parts.joined(separator: ","))}")
        }
        j.raw("}")
    }

    private static func componentSpec(_ cs: ComponentSpec, _ j: inout GoJSON) {
        var metadata = cs.metadata ?? .emptyMapping
        metadata["creationTimestamp"] = .null
        j.raw("{\"metadata\":")
        j.value(metadata, as: .object("ObjectMeta"))
        j.raw(",\"spec\":")
        j.value(cs.spec, as: .object("PodSpec"))
        if let hpa = cs.hpaSpec {
            j.raw(",\"hpaSpec\":")
            j.value(hpa, as: .object("SeldonHpaSpec"))
        }
        if let r = cs.replicas { j.raw(",\"replicas\":\(r)") }
        if let k = cs.kedaSpec {
            j.raw(",\"kedaSpec\":")
            j.value(k, as: .object("SeldonScaledObjectSpec"))
        }
        if let pdb = cs.pdbSpec {
            j.raw(",\"pdbSpec\":")
            j.value(pdb, as: .object("SeldonPdbSpec"))
        }
        j.raw("}")
    }
}
