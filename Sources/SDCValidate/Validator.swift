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
        return RuleCatalog.all.flatMap { $0.check(context) }.filter { seen.insert($0).inserted }.sortedByLocation()
    }
}
