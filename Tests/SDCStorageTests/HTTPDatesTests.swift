import Foundation
import Testing
@testable import SDCStorage

/// HTTPDates reads and writes dates by hand (no DateFormatter in FoundationEssentials); Foundation's formatters,
/// which it replaced, are the oracle.
struct HTTPDatesTests {
    func foundationRFC1123(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    func foundationISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 UTC",
        "Mon, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 +0000", "Sun, 06 Nov 1994 08:49:37 -0130",
        "Sun, 06 Nov 1994 08:49:37 PST", "sun, 06 nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 8:49:37 GMT",
        "Thu, 29 Feb 2024 23:59:59 GMT", "Fri, 01 Jan 2100 00:00:00 GMT", "Sun, 06 Nov 1994 08:49:37",
        "Sunday, 06-Nov-94 08:49:37 GMT", "", "garbage",
    ])
    func rfc1123AsDateFormatter(_ text: String) {
        #expect(HTTPDates.parseRFC1123(text) == foundationRFC1123(text), "\(text)")
    }

    @Test(arguments: [
        "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05.1Z", "2024-01-02T03:04:05+02:00",
        "2024-01-02T03:04:05.5-01:30", "2024-02-29T00:00:00Z", "1969-12-31T23:59:59Z", "2024-01-02 03:04:05Z",
        "2024-01-02T03:04:05", "2024-01-02t03:04:05z", "2024-01-02T03:04:05.Z", "2024-13-02T03:04:05Z", "", "x",
    ])
    func iso8601AsISO8601DateFormatter(_ text: String) {
        #expect(HTTPDates.parseISO8601(text) == foundationISO8601(text), "\(text)")
    }

    @Test func nanosecondsAreKeptToTheMillisecond() throws {
        let date = try #require(HTTPDates.parseISO8601("2024-01-02T03:04:05.123456789Z"))
        #expect(date.timeIntervalSince1970 == 1_704_164_645.123)
    }

    @Test func formatsAsAzureWantsIt() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        for t in [0, 784_111_777.9, -1, 1_709_251_199, 4_102_444_800] as [Double] {
            let date = Date(timeIntervalSince1970: t)
            #expect(HTTPDates.formatRFC1123(date) == formatter.string(from: date), "\(t)")
            #expect(AzureSharedKeySigner.httpDate(date) == formatter.string(from: date))
        }
    }
}
