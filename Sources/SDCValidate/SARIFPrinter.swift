#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
        let rules: [Log.Rule] = ruleIds.map { id in
            let rule = RuleCatalog.rule(id: id)
            let severity = rule?.defaultSeverity ?? diagnostics.first { $0.rule == id }!.severity
            return Log.Rule(
                id: id, name: id, shortDescription: .init(text: rule?.summary ?? "sdc render check \(id)"),
                defaultConfiguration: .init(level: level(severity)))
        }
        let results: [Log.Result] = diagnostics.map { d in
            Log.Result(
                ruleId: d.rule, ruleIndex: index[d.rule]!, level: level(d.severity),
                message: .init(text: d.fix.map { "\(d.message) (fix: \($0))" } ?? d.message),
                locations: d.location.map { location in
                    [.init(physicalLocation: .init(
                        artifactLocation: .init(uri: artifactURI(location.file)),
                        region: .init(startLine: location.line, startColumn: location.column)))]
                } ?? [])
        }
        let log = Log(
            schema: schema, version: "2.1.0",
            runs: [.init(tool: .init(driver: .init(name: "sdc", version: toolVersion, informationUri: informationURI, rules: rules)),
                         results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The SARIF log's shape (only the members sdc writes).
    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }

        struct Run: Encodable { var tool: Tool; var results: [Result] }
        struct Tool: Encodable { var driver: Driver }
        struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [Rule] }
        struct Text: Encodable { var text: String }
        struct Level: Encodable { var level: String }
        struct Rule: Encodable { var id: String; var name: String; var shortDescription: Text; var defaultConfiguration: Level }
        struct Result: Encodable {
            var ruleId: String; var ruleIndex: Int; var level: String; var message: Text; var locations: [Location]
        }
        struct Location: Encodable { var physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
        struct ArtifactLocation: Encodable { var uri: String }
        struct Region: Encodable { var startLine: Int; var startColumn: Int }
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
        return file.addingPercentEncoding(allowedASCII: urlPathAllowedASCII)
    }
}
