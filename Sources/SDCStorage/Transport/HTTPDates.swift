#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates as storage APIs write them: RFC 1123 (`Last-Modified`, `x-ms-date`) and RFC 3339/ISO 8601 (listings).
/// Read and written by hand (FoundationEssentials has no DateFormatter), accepting what Foundation's
/// `DateFormatter("EEE, dd MMM yyyy HH:mm:ss zzz")` and `ISO8601DateFormatter([.withInternetDateTime,
/// .withFractionalSeconds])` accepted, with the same results (fractions of a second kept to the millisecond).
package enum HTTPDates {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    /// RFC 822 zone names besides offsets.
    private static let zones: [String: Int] = [
        "gmt": 0, "utc": 0, "ut": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7,
    ]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (day and hour may have one digit; names in any case; the weekday is not
    /// checked; the zone is a name above or `±hhmm`).
    package static func parseRFC1123(_ text: String) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6, fields[0].hasSuffix(","), days.contains(fields[0].dropLast().lowercased()),
              let day = number(fields[1], digits: 1...2), (1...31).contains(day),
              let month = months.firstIndex(of: fields[2].lowercased()),
              let year = number(fields[3], digits: 4...4)
        else { return nil }
        let clock = fields[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, let hour = number(clock[0], digits: 1...2), let minute = number(clock[1], digits: 2...2),
              let second = number(clock[2], digits: 2...2), hour < 24, minute < 60, second < 61
        else { return nil }
        let zone = fields[5]
        let offset: Int
        if let hours = zones[zone.lowercased()] {
            offset = hours * 3600
        } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
                  let hh = number(zone.dropFirst().prefix(2), digits: 2...2),
                  let mm = number(zone.suffix(2), digits: 2...2) {
            offset = (sign == "-" ? -1 : 1) * (hh * 3600 + mm * 60)
        } else {
            return nil
        }
        guard let seconds = epochSeconds(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds - offset))
    }

    /// `2024-01-02T03:04:05Z`, `…05.123Z`, `…05.5-01:30` (`T` and `Z` upper-case, as Foundation wants them);
    /// without `fractionalSeconds`, a fraction is refused (ISO8601DateFormatter's default options).
    package static func parseISO8601(_ text: String) -> Date? { parseISO8601(text, fractionalSeconds: true) }

    package static func parseISO8601(_ text: String, fractionalSeconds: Bool) -> Date? {
        let b = Array(text.utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for k in at..<(at + n) {
                guard (0x30...0x39).contains(b[k]) else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        guard b.count >= 20, let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
              let day = digits(8, 2), b[10] == 0x54, let hour = digits(11, 2), b[13] == 0x3A,
              let minute = digits(14, 2), b[16] == 0x3A, let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 0x2E {  // '.'
            guard fractionalSeconds else { return nil }
            i += 1
            let start = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            guard i > start else { return nil }
            for k in 0..<3 { millis = millis * 10 + (start + k < i ? Int(b[start + k] - 0x30) : 0) }
        }
        guard i < b.count else { return nil }
        let offset: Int
        if b[i] == 0x5A, i + 1 == b.count {  // 'Z'
            offset = 0
        } else if b[i] == 0x2B || b[i] == 0x2D, i + 6 == b.count, let hh = digits(i + 1, 2), b[i + 3] == 0x3A,
                  let mm = digits(i + 4, 2) {
            offset = (b[i] == 0x2D ? -1 : 1) * (hh * 3600 + mm * 60)
        } else {
            return nil
        }
        guard let seconds = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds - offset) + Double(millis) / 1000)
    }

    /// `2024-01-02`: midnight UTC (ISO8601DateFormatter with `.withFullDate`).
    package static func parseISO8601Day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = number(parts[0], digits: 4...4), let month = number(parts[1], digits: 2...2),
              let day = number(parts[2], digits: 2...2), (1...12).contains(month), day >= 1,
              let seconds = epochSeconds(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`, whole seconds (rounded down).
    package static func formatRFC1123(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let day = days[Int(parts.tm_wday)].initialCapital, month = months[Int(parts.tm_mon)].initialCapital
        var year = "\(parts.tm_year + 1900)"
        while year.count < 4 { year = "0" + year }
        return "\(day), \(two(parts.tm_mday)) \(month) \(year) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    private static func number(_ s: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(s.utf8.count), s.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(s)
    }

    /// Seconds since the epoch of a UTC calendar date (days from civil, proleptic Gregorian); nil for 31 February.
    private static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int? {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }
}

private extension String {
    /// `mon` → `Mon` (ASCII names only).
    var initialCapital: String { prefix(1).uppercased() + dropFirst() }
}
