#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns option text into typed values exactly as rclone's configstruct does (spec/storage.md §1.4).
public enum OptionValueParser {
    public enum Failure: Error, Equatable, Sendable {
        case invalid(hint: String)
    }

    /// Go's `strconv.ParseBool` after trimming blanks: `1 0 t f true false` in any case.
    public static func bool(_ text: String) throws(Failure) -> Bool {
        switch text.trimmingCharactersInWhitespacesAndNewlines() {
        case "1", "t", "T", "true", "TRUE", "True": return true
        case "0", "f", "F", "false", "FALSE", "False": return false
        default: throw .invalid(hint: "use true or false (yes/on are not accepted)")
        }
    }

    public static func int(_ text: String) throws(Failure) -> Int {
        guard let value = Int(text.trimmingCharactersInWhitespacesAndNewlines()) else {
            throw .invalid(hint: "use a decimal integer")
        }
        return value
    }

    /// rclone `SizeSuffix`: number with optional `b`/`B`, `k m g t p e` (binary), `Ki`/`KiB`…; bare numbers are KiB;
    /// `off` is -1 (`rclone/rclone@v1.60.1:fs/sizesuffix.go`).
    public static func size(_ text: String) throws(Failure) -> Int64 {
        var s = text.trimmingCharactersInWhitespacesAndNewlines()
        if s.lowercased() == "off" { return -1 }
        guard !s.isEmpty else { throw .invalid(hint: "empty size") }
        if s.hasSuffix("iB") { s.removeLast(2); s += "i" }  // "MiB" → "Mi"
        if s.hasSuffix("i") { s.removeLast() }  // "Mi" → "M"
        var multiplier: Double = 1024  // no suffix means KiB
        if let last = s.last, last.isLetter {
            switch last {
            case "b", "B": multiplier = 1
            case "k", "K": multiplier = 1024
            case "m", "M": multiplier = 1024 * 1024
            case "g", "G": multiplier = 1024 * 1024 * 1024
            case "t", "T": multiplier = pow(1024, 4)
            case "p", "P": multiplier = pow(1024, 5)
            case "e", "E": multiplier = pow(1024, 6)
            default: throw .invalid(hint: "unknown size suffix '\(last)' (bare numbers are KiB)")
            }
            s.removeLast()
        }
        guard let number = Double(s), number >= 0, number.isFinite else {
            throw .invalid(hint: "use a number with an optional suffix such as 64Mi (bare numbers are KiB)")
        }
        return Int64(number * multiplier)
    }

    /// rclone `Duration`: a Go duration (`1h30m`, `250ms`) or number + `ms s m h d w M y`, or `off`.
    /// Returns seconds; `off` is `.infinity`.
    public static func duration(_ text: String) throws(Failure) -> Double {
        let s = text.trimmingCharactersInWhitespacesAndNewlines()
        if s == "off" { return .infinity }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
            ("d", 86400), ("w", 604800), ("M", 2_592_000), ("y", 31_536_000),
        ]
        var rest = Substring(s)
        var total = 0.0
        var sawComponent = false
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else {
                throw .invalid(hint: "use a duration such as 30s, 5m or 1h30m")
            }
            rest = rest.dropFirst(number.count)
            guard let (unit, factor) = units.sorted(by: { $0.0.count > $1.0.count }).first(where: { rest.hasPrefix($0.0) })
            else {
                // A bare number is seconds in Go's parser only when zero; rclone's fallback reads it as seconds.
                if rest.isEmpty, !sawComponent { return value }
                throw .invalid(hint: "use a duration such as 30s, 5m or 1h30m")
            }
            rest = rest.dropFirst(unit.count)
            total += value * factor
            sawComponent = true
        }
        guard sawComponent else { throw .invalid(hint: "empty duration") }
        return total
    }

    /// Tristate: `true`, `false`, empty = unset.
    public static func tristate(_ text: String) throws(Failure) -> Bool? {
        if text.trimmingCharactersInWhitespacesAndNewlines().isEmpty { return nil }
        return try bool(text)
    }

    /// Checks that `text` parses as `type`; strings, encodings, lists and times always pass here.
    public static func check(_ text: String, as type: BackendOption.ValueType) throws(Failure) {
        switch type {
        case .bool: _ = try bool(text)
        case .int: _ = try int(text)
        case .size: _ = try size(text)
        case .duration: _ = try duration(text)
        case .tristate: _ = try tristate(text)
        case .string, .commaList, .encoding, .time: break
        }
    }
}
