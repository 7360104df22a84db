import SDCDiagnostics

/// One check of `sdc validate`: a stable kebab-case id, what it is about, and the findings it makes.
///
/// Rules are values with no state; each reads the shared `ValidationContext` and returns every finding it has, so
/// one run reports everything (issue 6).
public protocol Rule: Sendable {
    /// The kebab-case id printed as `[id]` and used as the SARIF `ruleId`.
    var id: String { get }
    /// The severity most findings of this rule carry (SARIF `defaultConfiguration.level`).
    var defaultSeverity: Severity { get }
    /// One line for `--format sarif` `shortDescription` and the rule list.
    var summary: String { get }
    func check(_ context: ValidationContext) -> [Diagnostic]
}
