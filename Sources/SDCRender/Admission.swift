import SDCDiagnostics
import SDCModel
import SDCYAML

/// Everything that refuses a SeldonDeployment before it is expanded: the API server's object rules, the
/// validating webhook (§1.4), and the configurations sdc does not render.
enum Admission {
    static func check(_ sdep: SeldonDeployment, root: Node, values: Values) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        if !ApiServerChecks.isDNS1123Subdomain(sdep.name) {
            findings.append(
                .error("sdep-invalid-name", "metadata.name \(sdep.name) is not a valid DNS-1123 name", fix: "use lower-case letters, digits and '-'",
                    at: root["metadata"]?["name"]?.location ?? sdep.location, path: "metadata.name"))
        }
        // The API server's limit on one object's annotations (keys plus values); they are copied onto the
        // generated objects, so an SDep over it cannot produce objects either.
        let annotationBytes = (sdep.annotations.map { $0.key.utf8.count + $0.value.utf8.count }.reduce(0, +))
            + sdep.spec.annotations.map { $0.key.utf8.count + $0.value.utf8.count }.reduce(0, +)
        if annotationBytes > 256 * 1024 {
            findings.append(
                .error("sdep-annotations-too-large", "annotations total \(annotationBytes) bytes, more than Kubernetes' 256 KiB",
                    at: root["metadata"]?["annotations"]?.location ?? sdep.location, path: "metadata.annotations"))
        }
        // §1.6: an operator only reconciles SDeps labelled with its own controller id.
        if (sdep.labels["seldon.io/controller-id"] ?? "") != values.controllerId {
            findings.append(
                .warning("sdep-controller-id", "label seldon.io/controller-id \"\(sdep.labels["seldon.io/controller-id"] ?? "")\" does not match controllerId \"\(values.controllerId)\": that operator would ignore this SeldonDeployment",
                    at: sdep.location, path: "metadata.labels"))
        }
        if values.ambassadorEnabled, values.ambassadorVersion != "v1" {
            findings.append(
                .error("values-ambassador-v2-unsupported", "ambassador.enabled with version \(values.ambassadorVersion.isEmpty ? "\"\"" : values.ambassadorVersion) creates Ambassador v2 Mapping objects, which sdc render does not produce (render.md §14.3)",
                    fix: "set ambassador.version=v1 for the getambassador.io/config annotation, or ambassador.enabled=false", at: sdep.location))
        }
        var validation = Validation(sdep: sdep, values: values)
        validation.run()
        return findings + validation.diagnostics
    }
}
