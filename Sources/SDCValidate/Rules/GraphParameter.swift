import SDCDiagnostics
import SDCStorage
import SDCYAML

/// `graph-parameter`: each graph parameter has a type the Seldon wrappers know and a value of that type. The CRD
/// only checks that all three are strings, so `type: INTEGER` or `INT` with value `four` reach the pod, where the
/// Python wrapper's `parse_parameters` raises at start-up and the model container crash-loops.
struct GraphParameter: Rule {
    let id = "graph-parameter"
    let defaultSeverity = Severity.error
    let summary = "a graph parameter's type is INT, FLOAT, DOUBLE, STRING or BOOL and its value parses as that type"

    static let types = ["INT", "FLOAT", "DOUBLE", "STRING", "BOOL"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for deployment in context.deployments {
            for predictor in deployment.predictors {
                for unit in predictor.graph?.preOrder ?? [] {
                    for (i, parameter) in (unit.node["parameters"]?.sequence ?? []).enumerated() {
                        if let finding = check(parameter, path: "\(unit.path).parameters[\(i)]") { findings.append(finding) }
                    }
                }
            }
        }
        return findings
    }

    private func check(_ parameter: Node, path: String) -> Diagnostic? {
        // Missing or non-string fields are render's schema findings.
        guard let typeNode = parameter["type"], let type = typeNode.string, let valueNode = parameter["value"],
            let value = valueNode.string
        else { return nil }
        let name = parameter["name"]?.string ?? ""
        guard Self.types.contains(type) else {
            let fix = ClosestName.closest(to: type, among: Self.types).map { "write \($0)" }
            return .error(
                id, "parameter '\(name)' has type '\(type)'; the wrappers know \(Self.types.joined(separator: ", "))",
                fix: fix ?? "use one of \(Self.types.joined(separator: ", "))", at: typeNode.location, path: "\(path).type")
        }
        guard !Self.parses(value, as: type) else { return nil }
        return .error(
            id, "parameter '\(name)' is \(type) but its value '\(value)' is not \(Self.article(type)) \(type.lowercased()); the model would fail at start-up",
            fix: Self.hint(type), at: valueNode.location, path: "\(path).value")
    }

    /// What Python's `int()`, `float()` and `distutils.util.strtobool` accept, as `parse_parameters` calls them.
    static func parses(_ value: String, as type: String) -> Bool {
        let trimmed = value.trimmingWhitespace().withASCIIDigits()
        switch type {
        case "INT":
            var digits = Substring(trimmed.replacingUnderscoresBetweenDigits())
            if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
            return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
        case "FLOAT", "DOUBLE":
            let lower = trimmed.lowercased()
            let unsigned = lower.first == "+" || lower.first == "-" ? String(lower.dropFirst()) : lower
            if ["inf", "infinity", "nan"].contains(unsigned) { return true }
            return Double(trimmed.replacingUnderscoresBetweenDigits()) != nil && !unsigned.hasPrefix("0x")
        case "BOOL":
            return ["y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off", "0"].contains(value.lowercased())
        default:
            return true
        }
    }

    static func article(_ type: String) -> String { type == "INT" ? "an" : "a" }

    static func hint(_ type: String) -> String {
        switch type {
        case "INT": return "write a whole number such as \"4\", or change the type"
        case "BOOL": return "write \"true\" or \"false\", or change the type"
        default: return "write a number such as \"0.5\", or change the type"
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Python's whitespace strip as `int()`/`float()` apply it (ASCII space, tab, newlines, vertical tab, form feed).
    fileprivate func trimmingWhitespace() -> String { trimmingScalars(in: " \t\n\r\u{0B}\u{0C}") }

    /// Python's `int()` and `float()` read any Unicode decimal digit (`٣` is 3).
    fileprivate func withASCIIDigits() -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if !scalar.isASCII, scalar.properties.generalCategory == .decimalNumber, let v = scalar.properties.numericValue {
                scalars.append(Unicode.Scalar(48 + UInt8(v)))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// PEP 515: `1_000` is a valid literal for `int()` and `float()` (an underscore only between two digits).
    fileprivate func replacingUnderscoresBetweenDigits() -> String {
        let chars = Array(self)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c == "_" {
                guard i > 0, i + 1 < chars.count, chars[i - 1].isASCIIDigit, chars[i + 1].isASCIIDigit else { return "x" }
                continue
            }
            out.append(c)
        }
        return out
    }
}
