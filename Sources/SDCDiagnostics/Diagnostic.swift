/// How bad a finding is. `error` fails the command; `warning` only fails `--strict` runs.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The one finding type every sdc module reports: the YAML reader, render, fetch and validate alike.
///
/// A diagnostic is a value: modules collect them and the CLI prints them once, at the edge.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    /// A stable, kebab-case rule id (`yaml-syntax`, `model-uri-scheme`…) that users can grep and suppress.
    public var rule: String
    public var message: String
    /// What to change to make the finding go away, when sdc knows.
    public var fix: String?
    public var location: Location?
    /// The YAML path of the offending node, e.g. `spec.predictors[0].graph.modelUri`.
    public var path: String?

    public init(
        _ severity: Severity,
        rule: String,
        _ message: String,
        fix: String? = nil,
        at location: Location? = nil,
        path: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.fix = fix
        self.location = location
        self.path = path
    }

    public static func error(
        _ rule: String, _ message: String, fix: String? = nil, at location: Location? = nil, path: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, rule: rule, message, fix: fix, at: location, path: path)
    }

    public static func warning(
        _ rule: String, _ message: String, fix: String? = nil, at location: Location? = nil, path: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, rule: rule, message, fix: fix, at: location, path: path)
    }
}

/// Several diagnostics thrown together, for stages that collect every finding before failing.
public struct DiagnosticList: Error, Sendable, Hashable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Sequence where Element == Diagnostic {
    /// File, then position, then rule: the order every printer uses so output is stable.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
