import SDCDiagnostics
import SDCYAML

/// The schema checks and the one schema default (render.md §1.3 item 2) the API server applies to the pod specs
/// inside a SeldonDeployment. Unknown fields inside pod specs are kept.
enum PodSpecChecks {
    static func check(_ spec: Node, path: String, reader r: inout FieldReader) -> Node {
        var spec = spec
        for key in ["containers", "initContainers", "ephemeralContainers"] {
            guard let list = r.list(spec, key, path: path) else { continue }
            spec[key] = .sequence(
                list.enumerated().map { i, c in ContainerChecks.check(c, path: "\(path).\(key)[\(i)]", reader: &r) })
        }
        if let volumes = r.list(spec, "volumes", path: path) {
            for (i, v) in volumes.enumerated() {
                let vp = "\(path).volumes[\(i)]"
                guard v.isMapping else {
                    r.error("schema-type", "\(vp) must be a mapping, not \(v.kindDescription)", at: v, path: vp)
                    continue
                }
                if r.string(v, "name", path: vp) == nil {
                    r.error("schema-required", "\(vp).name is required", at: v, path: "\(vp).name")
                }
            }
        }
        for key in ["serviceAccountName", "restartPolicy", "dnsPolicy", "schedulerName", "priorityClassName", "nodeName"] {
            _ = r.string(spec, key, path: path)
        }
        _ = r.int(spec, "terminationGracePeriodSeconds", path: path)
        _ = r.stringMap(spec, "nodeSelector", path: path)
        return spec
    }
}

enum ContainerChecks {
    static func check(_ container: Node, path: String, reader r: inout FieldReader) -> Node {
        guard container.isMapping else {
            r.error("schema-type", "\(path) must be a mapping, not \(container.kindDescription)", at: container, path: path)
            return container
        }
        var c = container
        if r.string(c, "name", path: path) == nil, c["name"] == nil || c["name"]!.isNull {
            r.error("schema-required", "\(path).name is required", at: c, path: "\(path).name")
        }
        for key in ["image", "imagePullPolicy", "workingDir", "terminationMessagePath", "terminationMessagePolicy"] {
            _ = r.string(c, key, path: path)
        }
        for key in ["command", "args"] {
            for (i, item) in (r.list(c, key, path: path) ?? []).enumerated() where item.string == nil {
                r.error("schema-type", "\(path).\(key)[\(i)] must be a string, not \(item.kindDescription)", fix: "quote it", at: item, path: "\(path).\(key)[\(i)]")
            }
        }
        for (i, e) in (r.list(c, "env", path: path) ?? []).enumerated() {
            let ep = "\(path).env[\(i)]"
            guard e.isMapping else {
                r.error("schema-type", "\(ep) must be a mapping, not \(e.kindDescription)", at: e, path: ep)
                continue
            }
            if r.string(e, "name", path: ep) == nil {
                r.error("schema-required", "\(ep).name is required", at: e, path: "\(ep).name")
            }
            _ = r.string(e, "value", path: ep)
        }
        if let ports = r.list(c, "ports", path: path) {
            var out: [Node] = []
            for (i, p) in ports.enumerated() {
                let pp = "\(path).ports[\(i)]"
                guard p.isMapping else {
                    r.error("schema-type", "\(pp) must be a mapping, not \(p.kindDescription)", at: p, path: pp)
                    out.append(p)
                    continue
                }
                if r.int(p, "containerPort", path: pp) == nil, p["containerPort"] == nil {
                    r.error("schema-required", "\(pp).containerPort is required", at: p, path: "\(pp).containerPort")
                }
                _ = r.string(p, "name", path: pp)
                var port = p
                // The CRD's only schema default (§1.3 item 2).
                if port["protocol"] == nil || port["protocol"]!.isNull { port["protocol"] = .string("TCP") }
                out.append(port)
            }
            c["ports"] = .sequence(out)
        }
        for (i, m) in (r.list(c, "volumeMounts", path: path) ?? []).enumerated() {
            let mp = "\(path).volumeMounts[\(i)]"
            guard m.isMapping else {
                r.error("schema-type", "\(mp) must be a mapping, not \(m.kindDescription)", at: m, path: mp)
                continue
            }
            _ = r.string(m, "name", path: mp)
            _ = r.string(m, "mountPath", path: mp)
        }
        if let resources = r.mapping(c, "resources", path: path) {
            checkQuantities(resources, path: "\(path).resources", reader: &r)
        }
        return c
    }

    /// `limits` / `requests` values must match the CRD's quantity pattern (int-or-string).
    static func checkQuantities(_ resources: Node, path: String, reader r: inout FieldReader) {
        for key in ["limits", "requests"] {
            guard let map = r.mapping(resources, key, path: path) else { continue }
            for pair in map.pairs ?? [] {
                let p = "\(path).\(key).\(pair.key.scalarText ?? "")"
                guard let text = pair.value.scalarText, !pair.value.isNull, pair.value.isQuantityScalar, Quantity.canonical(text) != nil else {
                    r.error(
                        "schema-quantity", "\(p) is not a Kubernetes quantity: \(pair.value.scalarText ?? pair.value.kindDescription)",
                        fix: "write e.g. 500m, 1, 512Mi, 1Gi", at: pair.value, path: p)
                    continue
                }
            }
        }
    }
}

extension Node {
    /// A quantity is written as a string or a number, never a boolean.
    var isQuantityScalar: Bool {
        guard let s = scalar else { return false }
        switch s.value {
        case .string, .int, .uint, .float: return true
        case .bool, .null: return false
        }
    }
}
