import Foundation
import SDCDiagnostics

/// SARIF 2.1.0 for GitHub code scanning: one run, the rules that fired (with their descriptions) and one result per
/// finding located by file, line and column.
public enum SARIFPrinter {
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where users learn about the tool (`tool.driver.informationUri`, required by code scanning).
    public static let defaultInformationURI = "https://github.com/SeldonIO/seldon-core/tree/v1.18.2"

    public static func render(
        _ diagnostics: [Diagnostic], toolVersion: String, informationURI: String = defaultInformationURI
    ) -> String {
        let ruleIds = Array(Set(diagnostics.map(\.rule))).sorted()
        let index = Dictionary(uniqueKeysWithValues: ruleIds.enumerated().map { ($1, $0) })
        let rules: [[String: Any]] = ruleIds.map { id in
            let rule = RuleCatalog.rule(id: id)
            let severity = rule?.defaultSeverity ?? diagnostics.first { $0.rule == id }!.severity
            return [
                "id": id,
                "name": id,
                "shortDescription": ["text": rule?.summary ?? "sdc render check \(id)"],
                "defaultConfiguration": ["level": level(severity)],
            ]
        }
        let results: [[String: Any]] = diagnostics.map { d in
            var result: [String: Any] = [
                "ruleId": d.rule,
                "ruleIndex": index[d.rule]!,
                "level": level(d.severity),
                "message": ["text": d.fix.map { "\(d.message) (fix: \($0))" } ?? d.message],
            ]
            if let location = d.location {
                result["locations"] = [
                    [
                        "physicalLocation": [
                            "artifactLocation": ["uri": artifactURI(location.file)],
                            "region": ["startLine": location.line, "startColumn": location.column],
                        ]
                    ]
                ]
            } else {
                result["locations"] = [[String: Any]]()
            }
            return result
        }
        let log: [String: Any] = [
            "$schema": schema,
            "version": "2.1.0",
            "runs": [
                [
                    "tool": [
                        "driver": [
                            "name": "sdc", "version": toolVersion, "informationUri": informationURI, "rules": rules,
                        ]
                    ],
                    "results": results,
                ]
            ],
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: log, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// Relative paths stay relative (code scanning resolves them against the checkout); `<stdin>` becomes `stdin`.
    static func artifactURI(_ file: String) -> String {
        if file == "<stdin>" { return "stdin" }
        return file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
    }
}
