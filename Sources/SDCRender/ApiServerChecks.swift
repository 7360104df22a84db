import SDCDiagnostics
import SDCModel
import SDCYAML

/// What the API server would refuse in objects the webhook let through (render.md, sdc decisions): in a cluster
/// these end as a failed SeldonDeployment with no pods, so render refuses them, located at the input.
enum ApiServerChecks {
    static func isDNS1123Label(_ s: String) -> Bool {
        // Bytes read in place: every generated object's name and labels come through here.
        var s = s
        return s.withUTF8 { bytes in bytes.count <= 63 && isDNS1123Part(bytes[...]) }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, any length.
    private static func isDNS1123Part(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
        guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// `IsDNS1123Subdomain`: the pattern and 253 bytes in all; unlike a label, a part between dots may be longer
    /// than 63 (the API server does not check that, and long SDep names are accepted, §4).
    static func isDNS1123Subdomain(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.count <= 253 else { return false }
            return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy(isDNS1123Part)
        }
    }

    /// Every refusal and warning about the objects an expansion produced; `deploymentNodes` are its Deployments'
    /// `node`s, in order.
    static func check(_ expansion: Expansion, deploymentNodes: [Node]) -> [Diagnostic] {
        let sdep = expansion.sdep
        var findings: [Diagnostic] = []
        for d in expansion.deployments {
            findings += check(pod: d.pod, deployment: d.name, fallback: sdep.location, path: d.sourcePath)
            // A prepack server without an image for the protocol (§2.3 step 4, §7.6): the Deployment is accepted
            // but its pods can never start.
            for c in d.pod["containers"]?.listItems ?? [] where c["image"]?.string?.isEmpty ?? true {
                findings.append(
                    .warning("pod-container-without-image", "container \(c.name ?? "") of Deployment \(d.name) has no image; its pods cannot start",
                        fix: "set spec.protocol to one the server has an image for (predictor_servers), or give the container an image",
                        at: c.location ?? sdep.location, path: d.sourcePath))
            }
        }
        // Only graph nodes with a container get a container Service and its `seldon-app-svc-<name>` label (§4).
        let containerNodes = sdep.spec.predictors.flatMap { p in
            p.graph.preOrder.filter { pu in p.componentSpecs.contains { $0.containers.contains { $0.name == pu.name } } }
        }
        for pu in containerNodes where pu.name.utf8.count > 63 - "seldon-app-svc-".count {
            findings.append(
                .error("sdep-label-key-too-long", "graph node name \(pu.name) makes the label key seldon-app-svc-\(pu.name) longer than 63 characters",
                    at: pu.location, path: "\(pu.path).name"))
        }
        for object in expansion.services + deploymentNodes {
            let name = object["metadata"]?["name"]?.string ?? ""
            // Looked up only for a name that may be refused: almost every object's name is fine.
            let fallback = isDNS1035Label(name) ? sdep.location : nameSource(of: name, in: sdep) ?? sdep.location
            findings += check(object: object, fallback: fallback)
        }
        return findings
    }

    /// The input name a generated object name was built from and that makes it invalid (a predictor or graph node
    /// name with upper-case letters or `_`), so the finding points at what to change rather than at line 1.
    static func nameSource(of generated: String, in sdep: SeldonDeployment) -> Location? {
        var candidates: [(String, Location?)] = []
        for (i, p) in sdep.spec.predictors.enumerated() {
            candidates.append((p.name, sdep.fieldLocations["spec.predictors[\(i)].name"] ?? p.location))
            candidates += p.graph.preOrder.map { ($0.name, $0.location) }
            candidates += p.componentSpecs.flatMap { $0.containers.compactMap { c in c["name"]?.string.map { ($0, c["name"]?.location) } } }
        }
        candidates.append((sdep.name, sdep.fieldLocations["metadata.name"]))
        return candidates.first { name, _ in !name.isEmpty && generated.contains(name) && !isDNS1123Label(name) }?.1
            ?? sdep.fieldLocations["metadata.name"]
    }

    /// `IsDNS1035Label`: Service names start with a letter.
    static func isDNS1035Label(_ s: String) -> Bool {
        guard let first = s.utf8.first, first >= 97 && first <= 122 else { return false }
        return isDNS1123Label(s)
    }

    /// `IsValidLabelValue`: empty, or up to 63 characters of alphanumerics, `-`, `_`, `.`, starting and ending
    /// alphanumeric.
    static func isLabelValue(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            guard bytes.count <= 63 else { return false }
            func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) }
            guard alnum(first), alnum(last) else { return false }
            return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
        }
    }

    /// Names and label values of generated objects that the API server would refuse.
    static func check(object: Node, fallback: Location?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let kind = object["kind"]?.string ?? ""
        let name = object["metadata"]?["name"]?.string ?? ""
        if kind == "Service", !isDNS1035Label(name) {
            found.append(
                .error("generated-invalid-service-name", "the operator would name a Service \(name), which is not a DNS-1035 label (lower-case letters, digits, '-', starting with a letter)",
                    fix: "change metadata.name, the predictor name or the seldon.io/svc-name annotation it comes from", at: fallback, path: "metadata.name"))
        }
        if kind == "Deployment", !isDNS1123Subdomain(name) {
            found.append(
                .error("generated-invalid-deployment-name", "the operator would name a Deployment \(name), which is not a DNS-1123 name",
                    fix: "change the predictor, componentSpec or container names it comes from", at: fallback, path: "metadata.name"))
        }
        var labelMaps: [Node?] = [object["metadata"]?["labels"]]
        if kind == "Deployment" {
            labelMaps.append(object["spec"]?["template"]?["metadata"]?["labels"])
        }
        for map in labelMaps {
            for pair in map?.pairs ?? [] {
                let value = pair.value.string ?? ""
                if !isLabelValue(value) {
                    found.append(
                        .error("generated-invalid-label-value", "\(kind) \(name) would get label \(pair.key.scalarText ?? "")=\(value), which is not a valid label value",
                            fix: "label values are at most 63 characters of letters, digits, '-', '_', '.'", at: fallback, path: "metadata.labels"))
                }
            }
        }
        return found
    }

    static func check(pod: Node, deployment: String, fallback: Location?, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let volumes = pod["volumes"]?.listItems ?? []
        let volumeNames = Set(volumes.compactMap(\.name))
        for (i, v) in volumes.enumerated() {
            let sources = (v.pairs ?? []).compactMap(\.key.scalarText).filter { GoTypes.isVolumeSource($0) }
            if sources.isEmpty {
                found.append(
                    .error(
                        "pod-volume-without-source", "volume \(v.name ?? "") of Deployment \(deployment) has no volume source (emptyDir, secret, persistentVolumeClaim…)",
                        fix: "the API server prunes unknown fields; check the volume's spelling", at: v.location ?? fallback, path: "\(path).volumes[\(i)]"))
            }
        }
        for key in ["initContainers", "containers"] {
            for (k, c) in (pod[key]?.listItems ?? []).enumerated() {
                let name = c.name ?? ""
                if !isDNS1123Label(name) {
                    found.append(
                        .error(
                            "pod-invalid-container-name", "container name \(name) is not a DNS-1123 label (lower-case letters, digits, '-')",
                            fix: "rename it, e.g. \(name.lowercased().replacingUnderscores())", at: c["name"]?.location ?? c.location ?? fallback,
                            path: "\(path).\(key)[\(k)].name"))
                }
                for (i, m) in (c["volumeMounts"]?.listItems ?? []).enumerated() where !volumeNames.contains(m.name ?? "") {
                    found.append(
                        .error(
                            "pod-mount-without-volume", "container \(name) mounts volume \(m.name ?? "") but the pod has no volume of that name",
                            fix: "add a volume named \(m.name ?? "") to the componentSpec's spec.volumes", at: m.location ?? c.location ?? fallback,
                            path: "\(path).\(key)[\(k)].volumeMounts[\(i)]"))
                }
            }
        }
        return found
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
