/// Kubernetes resource quantities in canonical form (render.md §0.3): the operator parses every quantity it
/// copies and the API client re-serialises it, as `k8s.io/apimachinery` `resource.Quantity.CanonicalizeBytes`
/// does. This is a port of that algorithm for values that fit 64-bit arithmetic after scaling to 10⁻⁹.
public struct Quantity: Sendable, Hashable {
    enum Format { case binarySI, decimalSI, decimalExponent }

    /// value = mantissa × 10^scale, exact.
    var mantissa: Int64
    var scale: Int
    var format: Format

    public struct ParseError: Error, Sendable { public var text: String }

    /// Parses `<sign><digits>[.<digits>]<suffix>` like `resource.ParseQuantity`, rounding up to nano units.
    public init(parsing text: String) throws {
        var chars = Array(text.unicodeScalars)
        guard !chars.isEmpty else { throw ParseError(text: text) }
        var negative = false
        if chars[0] == "+" || chars[0] == "-" {
            negative = chars[0] == "-"
            chars.removeFirst()
        }
        var i = 0
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        while i < chars.count, let d = Self.digit(chars[i]) {
            whole.append(d)
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            while i < chars.count, let d = Self.digit(chars[i]) {
                fraction.append(d)
                i += 1
            }
        }
        guard !whole.isEmpty || !fraction.isEmpty else { throw ParseError(text: text) }
        let suffix = String(String.UnicodeScalarView(chars[i...]))
        var base10Exponent = 0
        var binaryExponent = 0
        switch suffix {
        case "": format = .decimalSI
        case "Ki": format = .binarySI; binaryExponent = 10
        case "Mi": format = .binarySI; binaryExponent = 20
        case "Gi": format = .binarySI; binaryExponent = 30
        case "Ti": format = .binarySI; binaryExponent = 40
        case "Pi": format = .binarySI; binaryExponent = 50
        case "Ei": format = .binarySI; binaryExponent = 60
        case "n": format = .decimalSI; base10Exponent = -9
        case "u": format = .decimalSI; base10Exponent = -6
        case "m": format = .decimalSI; base10Exponent = -3
        case "k": format = .decimalSI; base10Exponent = 3
        case "M": format = .decimalSI; base10Exponent = 6
        case "G": format = .decimalSI; base10Exponent = 9
        case "T": format = .decimalSI; base10Exponent = 12
        case "P": format = .decimalSI; base10Exponent = 15
        case "E": format = .decimalSI; base10Exponent = 18
        default:
            guard suffix.first == "e" || suffix.first == "E", let e = Int(suffix.dropFirst()), abs(e) < 100 else {
                throw ParseError(text: text)
            }
            format = .decimalExponent
            base10Exponent = e
        }
        // Digits as one integer with a decimal scale; leading zeros are harmless.
        var digits = whole + fraction
        var scale = base10Exponent - fraction.count
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        while digits.count > 1, digits.last == 0 {
            digits.removeLast()
            scale += 1
        }
        // Round up to nano (10⁻⁹) as ParseQuantity does.
        if scale < -9 {
            let drop = -9 - scale
            if drop >= digits.count {
                digits = digits.allSatisfy { $0 == 0 } ? [0] : [1]
            } else {
                let kept = Array(digits[..<(digits.count - drop)])
                let rest = digits[(digits.count - drop)...]
                digits = kept
                if rest.contains(where: { $0 != 0 }) { digits = Self.increment(digits) }
            }
            scale = -9
        }
        guard var value = Self.int64(digits) else { throw ParseError(text: text) }
        if binaryExponent > 0 {
            let (m, overflow) = value.multipliedReportingOverflow(by: Int64(1) << binaryExponent)
            guard !overflow else { throw ParseError(text: text) }
            value = m
        }
        mantissa = negative ? -value : value
        self.scale = scale
    }

    private static func digit(_ c: Unicode.Scalar) -> UInt8? {
        c.value >= 48 && c.value <= 57 ? UInt8(c.value - 48) : nil
    }

    private static func increment(_ digits: [UInt8]) -> [UInt8] {
        var d = digits
        var i = d.count - 1
        while i >= 0 {
            if d[i] == 9 {
                d[i] = 0
                i -= 1
            } else {
                d[i] += 1
                return d
            }
        }
        return [1] + d
    }

    private static func int64(_ digits: [UInt8]) -> Int64? {
        var v: Int64 = 0
        for d in digits {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            v = a
        }
        return v
    }

    /// The canonical text (`CanonicalizeBytes`).
    public var canonical: String {
        if mantissa == 0 { return "0" }
        var format = self.format
        if format == .binarySI {
            // Below 1024 in magnitude, or not integral: decimal SI avoids rounding (apimachinery's rule).
            if let integral = integralValue, integral > -1024 && integral < 1024 {
                format = .decimalSI
            } else if integralValue == nil {
                format = .decimalSI
            }
        }
        switch format {
        case .binarySI:
            var value = integralValue!
            var exponent = 0
            while value != 0, value % 1024 == 0, exponent < 60 {
                value /= 1024
                exponent += 10
            }
            return "\(value)\(Self.binarySuffix(exponent))"
        case .decimalSI, .decimalExponent:
            var amount = mantissa
            var exponent = scale
            while amount != 0, amount % 10 == 0 {
                amount /= 10
                exponent += 1
            }
            // Make the exponent a multiple of 3 by scaling the mantissa up.
            let r = ((exponent % 3) + 3) % 3
            if r != 0 {
                for _ in 0..<r { amount *= 10 }
                exponent -= r
            }
            if format == .decimalExponent {
                return exponent == 0 ? "\(amount)" : "\(amount)e\(exponent)"
            }
            if let s = Self.decimalSuffix(exponent) { return "\(amount)\(s)" }
            return "\(amount)e\(exponent)"
        }
    }

    // Switches rather than dictionary literals: a literal builds (and hashes) its dictionary on every call.

    /// The suffix of a power of 1024 (`exponent` is a multiple of 10, 0 to 60).
    private static func binarySuffix(_ exponent: Int) -> String {
        switch exponent {
        case 10: "Ki"
        case 20: "Mi"
        case 30: "Gi"
        case 40: "Ti"
        case 50: "Pi"
        case 60: "Ei"
        default: ""
        }
    }

    /// The SI suffix of a power of ten, nil when it has none.
    private static func decimalSuffix(_ exponent: Int) -> String? {
        switch exponent {
        case -9: "n"
        case -6: "u"
        case -3: "m"
        case 0: ""
        case 3: "k"
        case 6: "M"
        case 9: "G"
        case 12: "T"
        case 15: "P"
        case 18: "E"
        default: nil
        }
    }

    /// The value as an integer when it is one and fits.
    private var integralValue: Int64? {
        if scale >= 0 {
            var v = mantissa
            for _ in 0..<scale {
                let (m, o) = v.multipliedReportingOverflow(by: 10)
                if o { return nil }
                v = m
            }
            return v
        }
        var divisor: Int64 = 1
        for _ in 0..<(-scale) { divisor *= 10 }
        return mantissa % divisor == 0 ? mantissa / divisor : nil
    }

    /// Canonical text of a quantity written as `text`; nil when it does not parse.
    public static func canonical(_ text: String) -> String? {
        QuantityMemo.shared.canonical(text) { (try? Quantity(parsing: $0))?.canonical }
    }
}
