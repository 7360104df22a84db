/// Resolves a plain scalar exactly as sigs.k8s.io/yaml does (it decodes with Go's yaml.v2 into `interface{}`
/// before converting to JSON), so `sdc` reads a manifest the way `kubectl apply` does.
///
/// Port of yaml.v2 `resolve.go`: a first-character hint picks the branch; `y`/`n`/`on`/`off` are booleans;
/// `0755` is octal, `09` is the float 9, `1_000` is 1000; timestamps stay strings (yaml.v2 hands them back as
/// strings when the target is `interface{}`).
public enum KubernetesScalarResolver {
    public static func resolve(_ text: String) -> ScalarValue {
        // Most text is a plain word: decided by its first byte, without copying it.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
            return mapLookup(text) ?? .string
        case UInt8(ascii: "."):
            if let value = mapLookup(text) { return value }
            return goParseFloatDotLeading(Array(text.utf8)).map(ScalarValue.float) ?? .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if let value = mapLookup(text) { return value }
            if cannotBeNumber(text.utf8) { return .string }
            return resolveNumeric(Array(text.utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // No word of the table starts with a digit; skipping it saves ~40 string compares per number.
            return resolveNumeric(Array(text.utf8))
        default:
            return .string
        }
    }

    private static func mapLookup(_ text: String) -> ScalarValue? {
        // No word is longer than 5 bytes: longer text (`--port=9000`) skips the compares.
        guard text.utf8.count <= 5 else { return nil }
        return switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": .bool(true)
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": .bool(false)
        case "", "~", "null", "Null", "NULL": .null
        case ".nan", ".NaN", ".NAN": .float(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": .float(-.infinity)
        default: nil
        }
    }

    /// Every number form of `resolveNumeric` starts, once `_`s are dropped, with a digit or '.' after at most one
    /// sign; text that does not (`--port=9000`, `-v`) is a string, found without copying it.
    private static func cannotBeNumber(_ text: String.UTF8View) -> Bool {
        var signed = false
        for c in text where c != UInt8(ascii: "_") {
            if isDigit(c) || c == UInt8(ascii: ".") { return false }
            if !signed, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                signed = true
                continue
            }
            return true
        }
        return true
    }

    private static func resolveNumeric(_ text: [UInt8]) -> ScalarValue {
        if looksLikeTimestampPrefix(text) { return .string }
        let plain = text.contains(UInt8(ascii: "_")) ? text.filter { $0 != UInt8(ascii: "_") } : text
        if let value = goParseInt(plain) { return value }
        if matchesYAMLStyleFloat(plain), let d = Double(String(decoding: plain, as: UTF8.self)), d.isFinite {
            return .float(d)
        }
        if plain.starts(with: "0b".utf8), let v = parseDigits(plain.dropFirst(2), radix: 2) {
            return v <= UInt64(Int64.max) ? .int(Int64(v)) : .uint(v)
        }
        if plain.starts(with: "-0b".utf8), let v = parseDigits(plain.dropFirst(3), radix: 2),
            v <= UInt64(Int64.max) + 1
        {
            return .int(v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v))
        }
        return .string
    }

    /// yaml.v2 tries timestamps first; any `YYYY-…` text that parses as one is a string to Kubernetes.
    /// Only the four-digit-year-dash prefix matters here: such text is never an int or float either.
    private static func looksLikeTimestampPrefix(_ text: [UInt8]) -> Bool {
        text.count > 4 && text[0..<4].allSatisfy(isDigit) && text[4] == UInt8(ascii: "-")
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` then `ParseUint(s, 0, 64)`.
    private static func goParseInt(_ s: [UInt8]) -> ScalarValue? {
        var body = s[...]
        var negative = false
        if let c = body.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var radix: UInt64 = 10
        if body.count >= 2, body.first == UInt8(ascii: "0") {
            switch body[body.startIndex + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16; body = body.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; body = body.dropFirst(2)
            case UInt8(ascii: "b"): radix = 2; body = body.dropFirst(2)
            default: radix = 8; body = body.dropFirst(1)
            }
            guard !body.isEmpty else { return nil }
        }
        guard let magnitude = parseDigits(body, radix: radix) else { return nil }
        if negative {
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(.min) }
            return nil
        }
        if magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        // ParseUint rejects a leading '+'.
        return s.first == UInt8(ascii: "+") ? nil : .uint(magnitude)
    }

    private static func parseDigits(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in digits {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt64(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard d < radix else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        return value
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func matchesYAMLStyleFloat(_ s: [UInt8]) -> Bool {
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < s.count, isDigit(s[i]) { i += 1 }
            if i == start { return false }
        } else {
            let start = i
            while i < s.count, isDigit(s[i]) { i += 1 }
            if i == start { return false }
            if i < s.count, s[i] == UInt8(ascii: ".") {
                i += 1
                while i < s.count, isDigit(s[i]) { i += 1 }
            }
        }
        return matchesExponentTail(s, from: i, signRequired: false)
    }

    /// Go's ParseFloat for text starting with '.': `\.[0-9]+([eE][-+]?[0-9]+)?`.
    private static func goParseFloatDotLeading(_ s: [UInt8]) -> Double? {
        var i = 1
        let start = i
        while i < s.count, isDigit(s[i]) { i += 1 }
        guard i > start, matchesExponentTail(s, from: i, signRequired: false) else { return nil }
        guard let d = Double(String(decoding: s, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    /// True when `s[i...]` is empty or an exponent `[eE][-+]?[0-9]+` (sign mandatory when asked).
    static func matchesExponentTail(_ s: [UInt8], from start: Int, signRequired: Bool) -> Bool {
        var i = start
        if i == s.count { return true }
        guard s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") else { return false }
        i += 1
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            i += 1
        } else if signRequired {
            return false
        }
        let digits = i
        while i < s.count, isDigit(s[i]) { i += 1 }
        return i > digits && i == s.count
    }
}

@inline(__always)
func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
