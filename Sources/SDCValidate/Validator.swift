import SDCDiagnostics
import SDCModel
import SDCYAML

/// `sdc validate`'s engine: every rule over the parsed inputs, every finding, sorted by file and position.
///
/// Pure: the CLI reads files and values; nothing here touches the file system or the environment.
public enum Validator {
    public static func validate(
        _ documents: [Document], values: Values, namespace: String? = nil, fetcher: InitializerSemantics? = nil
    ) -> [Diagnostic] {
        let context = ValidationContext(documents: documents, values: values, namespaceOverride: namespace, fetcher: fetcher)
        var seen = Set<Diagnostic>()
        // Two rules may reach the same fact (render and a storage rule); a finding is reported once.
        let findings = RuleCatalog.all.flatMap { $0.check(context) }.filter { seen.insert($0).inserted }
        return withoutRestatedRenderFindings(findings).sortedByLocation()
    }

    /// Render findings that a validate rule restates at the same place with more detail (render's
    /// `secret-data-not-base64` next to validate's `secret-data-base64`, which says what is wrong with the value).
    static let restatedBy = ["secret-data-not-base64": "secret-data-base64"]

    static func withoutRestatedRenderFindings(_ findings: [Diagnostic]) -> [Diagnostic] {
        let detailed = Set(findings.compactMap { f in f.location.map { "\(f.rule)@\($0.file):\($0.line):\($0.column)" } })
        return findings.filter { f in
            guard let better = restatedBy[f.rule], let l = f.location else { return true }
            return !detailed.contains("\(better)@\(l.file):\(l.line):\(l.column)")
        }
    }
}
