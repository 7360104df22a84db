#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns diagnostics into the text people read and the JSON machines read.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
}

public struct DiagnosticPrinter: Sendable {
    public var format: DiagnosticFormat
    /// ANSI colour; the CLI turns it on only for a TTY without `NO_COLOR`.
    public var colored: Bool

    public init(format: DiagnosticFormat = .text, colored: Bool = false) {
        self.format = format
        self.colored = colored
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch format {
        case .text: diagnostics.map(text).joined()
        case .json: json(diagnostics)
        }
    }

    /// `file:line:col: error: [rule] message`, then indented `at:` and `fix:` lines when known.
    public func text(_ d: Diagnostic) -> String {
        var out = ""
        if let location = d.location {
            out += bold("\(location): ")
        }
        out += paint(d.severity) + " "
        out += bold("[\(d.rule)] \(d.message)")
        out += "\n"
        if let path = d.path, !path.isEmpty {
            out += "  at: \(path)\n"
        }
        if let fix = d.fix, !fix.isEmpty {
            out += "  fix: \(fix)\n"
        }
        return out
    }

    /// One JSON array of objects with stable keys, one line per run (easy for `jq`).
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let records = diagnostics.map(JSONRecord.init)
        guard let data = try? encoder.encode(records) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func paint(_ severity: Severity) -> String {
        let word = "\(severity.rawValue):"
        guard colored else { return word }
        let code =
            switch severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .note: "1;36"
            }
        return "\u{1B}[\(code)m\(word)\u{1B}[0m"
    }

    private func bold(_ s: String) -> String {
        colored ? "\u{1B}[1m\(s)\u{1B}[0m" : s
    }
}

/// The flat JSON shape: every key always present so consumers need no optional handling beyond null.
private struct JSONRecord: Encodable {
    var severity: String
    var rule: String
    var message: String
    var fix: String?
    var file: String?
    var line: Int?
    var column: Int?
    var path: String?

    init(_ d: Diagnostic) {
        severity = d.severity.rawValue
        rule = d.rule
        message = d.message
        fix = d.fix
        file = d.location?.file
        line = d.location?.line
        column = d.location?.column
        path = d.path
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(message, forKey: .message)
        try c.encode(fix, forKey: .fix)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(path, forKey: .path)
    }

    enum CodingKeys: String, CodingKey {
        case severity, rule, message, fix, file, line, column, path
    }
}
