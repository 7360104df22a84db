/// Decides whether a string may be written as a plain scalar without another reader taking it for a number,
/// boolean, null or date.
///
/// The emitter double-quotes a string when *any* of these readers would resolve its plain form to a non-string:
/// Kubernetes (yaml.v2 rules, `KubernetesScalarResolver`), YAML 1.1 (PyYAML, Ruby, many CI tools: adds
/// sexagesimal `1:20`, timestamps, `=`, `<<`) and YAML 1.2 core (covered by the first two). Everything that is
/// plain-safe by type but not by syntax (`*x`, `a: b`) is left to libyaml, which falls back to single quotes.
public enum PlainScalarSafety {
    public static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        // Fast path: no resolver in use gives a non-string to text starting elsewhere.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "="):
            break
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
            UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
            UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Text starting with these letters is special only as one of the boolean/null words (`false` is
            // the longest); `name`, `tcpSocket`, `object` are common and need no further look.
            if text.utf8.count > 5 || !isSpecialWordIgnoringCase(text.utf8) { return false }
        default:
            return false
        }
        if !KubernetesScalarResolver.resolve(text).isString { return true }
        return YAML11.resolvesToNonString(Array(text.utf8))
    }
}

extension PlainScalarSafety {
    /// Every boolean or null word of both resolvers, in any case, is one of these lower-cased (packed as in
    /// `packedLowercased`).
    private static let specialWords: [UInt64] = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"].map {
        packedLowercased($0.utf8)
    }

    /// False for most short words (`name`, `type`, `ports`) without comparing strings; true only means the exact
    /// resolvers must decide.
    static func isSpecialWordIgnoringCase(_ utf8: String.UTF8View) -> Bool {
        specialWords.contains(packedLowercased(utf8))
    }

    /// Up to 8 bytes in one integer, ASCII letters lower-cased (other bytes may collide, which only costs a look).
    private static func packedLowercased(_ utf8: String.UTF8View) -> UInt64 {
        var word: UInt64 = 0
        for b in utf8.prefix(8) { word = word << 8 | UInt64(b | 0x20) }
        return word
    }
}

/// The YAML 1.1 implicit resolvers, as PyYAML's `resolver.py` states them.
enum YAML11 {
    static func resolvesToNonString(_ s: [UInt8]) -> Bool {
        guard let first = s.first else { return true }
        // No word starts with a digit or is longer than 5 bytes: text like `500m` or `--port=9000` skips two
        // dozen string compares.
        if !isDigit(first), s.count <= 5 {
            switch String(decoding: s, as: UTF8.self) {
            case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null", "NULL", "=", "<<":
                return true
            default:
                break
            }
        }
        return isInt(s) || isFloat(s) || isTimestamp(s)
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func isInt(_ s: [UInt8]) -> Bool {
        var b = s[...]
        if let c = b.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { b = b.dropFirst() }
        guard let first = b.first else { return false }
        if first == UInt8(ascii: "0") {
            let rest = b.dropFirst()
            if rest.isEmpty { return true }
            if rest.first == UInt8(ascii: "b") {
                return rest.count > 1 && rest.dropFirst().allSatisfy { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
            }
            if rest.first == UInt8(ascii: "x") {
                return rest.count > 1 && rest.dropFirst().allSatisfy { isHexDigit($0) || $0 == 0x5F }
            }
            return rest.allSatisfy { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }
        }
        guard first >= UInt8(ascii: "1"), first <= UInt8(ascii: "9") else { return false }
        var i = b.startIndex + 1
        while i < b.endIndex, isDigit(b[i]) || b[i] == 0x5F { i += 1 }
        if i == b.endIndex { return true }
        return isSexagesimalTail(b[i...])
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)? | \.[0-9][0-9_]*([eE][-+][0-9]+)?
    ///  | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ s: [UInt8]) -> Bool {
        // The words all start with `.`, `+` or `-` and have at most 5 bytes; a number like `500m` need not become a
        // String to miss them.
        if s.count <= 5, let first = s.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            switch String(decoding: s, as: UTF8.self) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
                return true
            default: break
            }
        }
        if s.first == UInt8(ascii: ".") {
            guard s.count > 1, isDigit(s[1]) else { return false }
            var i = 2
            while i < s.count, isDigit(s[i]) || s[i] == 0x5F { i += 1 }
            return KubernetesScalarResolver.matchesExponentTail(s, from: i, signRequired: true)
        }
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") { i += 1 }
        guard i < s.count, isDigit(s[i]) else { return false }
        while i < s.count, isDigit(s[i]) || s[i] == 0x5F { i += 1 }
        guard i < s.count else { return false }
        if s[i] == UInt8(ascii: ":") {
            // Sexagesimal float: the `:` groups then a mandatory '.'.
            var j = i
            while j < s.count, s[j] == UInt8(ascii: ":") {
                j += 1
                let start = j
                while j < s.count, isDigit(s[j]), j - start < 2 { j += 1 }
                guard j > start else { return false }
                if j - start == 2, s[start] > UInt8(ascii: "5") { return false }
            }
            guard j < s.count, s[j] == UInt8(ascii: ".") else { return false }
            return s[(j + 1)...].allSatisfy { isDigit($0) || $0 == 0x5F }
        }
        guard s[i] == UInt8(ascii: ".") else { return false }
        i += 1
        while i < s.count, isDigit(s[i]) || s[i] == 0x5F { i += 1 }
        return KubernetesScalarResolver.matchesExponentTail(s, from: i, signRequired: true)
    }

    /// `(:[0-5]?[0-9])+` to the end.
    private static func isSexagesimalTail(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        guard i < s.endIndex else { return false }
        while i < s.endIndex {
            guard s[i] == UInt8(ascii: ":") else { return false }
            i += 1
            let start = i
            while i < s.endIndex, isDigit(s[i]), i - start < 2 { i += 1 }
            guard i > start else { return false }
            if i - start == 2, s[start] > UInt8(ascii: "5") { return false }
        }
        return true
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` followed by `T`/`t`/blanks and a time, optional fraction and zone.
    static func isTimestamp(_ s: [UInt8]) -> Bool {
        var i = 0
        func digits(_ min: Int, _ max: Int) -> Bool {
            let start = i
            while i < s.count, isDigit(s[i]), i - start < max { i += 1 }
            return i - start >= min
        }
        func char(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard digits(4, 4), char("-") else { return false }
        let afterYear = i
        if digits(2, 2), char("-"), digits(2, 2), i == s.count { return true }
        i = afterYear
        guard digits(1, 2), char("-"), digits(1, 2) else { return false }
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") {
            i += 1
        } else {
            let start = i
            while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
            guard i > start else { return false }
        }
        guard digits(1, 2), char(":"), digits(2, 2), char(":"), digits(2, 2) else { return false }
        if char(".") { while i < s.count, isDigit(s[i]) { i += 1 } }
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 { i += 1 }
        if i == s.count { return true }
        if char("Z") { return i == s.count }
        guard i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard digits(1, 2) else { return false }
        if char(":") { guard digits(2, 2) else { return false } }
        return i == s.count
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
    }
}
