import SDCDiagnostics
import SDCYAML

/// A finding as a ResourceList `results` entry (KRM Functions Specification, "results"): `message`, `severity`
/// (error | warning | info), `resourceRef`, `field.path`, `file.path`/`file.index`, and `tags.rule` naming the check.
public enum KRMResult {
    public static func node(_ finding: KRMFinding) -> Node {
        let d = finding.diagnostic
        var pairs: [(String, Node)] = [
            ("message", .string(d.fix.map { "\(d.message) (\($0))" } ?? d.message)),
            ("severity", .string(severity(d.severity))),
        ]
        if let item = finding.item {
            let metadata = item["metadata"]
            var ref: [(String, Node)] = []
            for (key, value) in [("apiVersion", item["apiVersion"]), ("kind", item["kind"]), ("name", metadata?["name"]),
                                 ("namespace", metadata?["namespace"])] {
                if let text = value?.string, !text.isEmpty { ref.append((key, .string(text))) }
            }
            if !ref.isEmpty { pairs.append(("resourceRef", .mapping(ref))) }
        }
        if let path = d.path, !path.isEmpty { pairs.append(("field", .mapping([("path", .string(path))]))) }
        if let item = finding.item {
            let slot = KRMFunction.Slot(item, position: 0)
            if let path = slot.path {
                pairs.append(("file", .mapping([("path", .string(path)), ("index", .int(slot.index))])))
            }
        }
        pairs.append(("tags", .mapping([("rule", .string(d.rule))])))
        return .mapping(pairs)
    }

    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "info"
        }
    }
}
