/// Canonical text for non-string scalars: what the emitter writes for a resolved number, boolean or null.
public enum ScalarFormatting {
    /// A float every YAML reader reads back as the same float: YAML 1.1 needs a '.' before any exponent
    /// (`1.0e+20`, never `1e+20`), and infinities and NaN use the YAML spellings.
    public static func float(_ d: Double) -> String {
        if d.isNaN { return ".nan" }
        if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
        var text = d.description
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            if !text[..<e].contains(".") { text.insert(contentsOf: ".0", at: e) }
            // YAML 1.1 wants an explicit exponent sign.
            let afterE = text.index(after: text.firstIndex(where: { $0 == "e" || $0 == "E" })!)
            if text[afterE] != "-" && text[afterE] != "+" { text.insert("+", at: afterE) }
        } else if !text.contains(".") {
            text += ".0"
        }
        return text
    }

    public static func text(for value: ScalarValue, original: String) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .uint(let u): String(u)
        case .float(let d): float(d)
        case .string: original
        }
    }
}
