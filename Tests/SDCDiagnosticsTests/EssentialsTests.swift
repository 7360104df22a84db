import Foundation
import Testing
@testable import SDCDiagnostics

/// The FoundationEssentials stand-ins give what full Foundation gave (this test target may import Foundation).
struct EssentialsTests {
    static let samples = [
        "", " ", "\t", "abc", "  a b  ", "\t\nx\r\n", "\u{00A0}x\u{2003}", "\u{2028}y\u{2029}", "\u{85}z\u{0B}",
        "ü é", " 日本 ", "\u{FEFF}x", "a%20b", "%", "%2", "%zz", "%C3%BC", "%FF", "a+b/c?d#e;f", "x\u{0}y",
    ]

    @Test func trimmingMatchesFoundation() {
        for s in Self.samples {
            #expect(s.trimmingCharactersInWhitespaces() == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            #expect(s.trimmingCharactersInWhitespacesAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines),
                    "\(s.debugDescription)")
            #expect(s.trimmingScalars(in: "\" ") == s.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
        }
        #expect("\"abc\" ".trimmingScalars(in: "\" ") == "abc")
    }

    @Test func percentCodingMatchesFoundation() {
        for s in Self.samples {
            #expect(s.removingPercentEncodingOrNil == s.removingPercentEncoding, "\(s.debugDescription)")
            #expect(s.addingPercentEncoding(allowedASCII: urlPathAllowedASCII)
                    == s.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), "\(s.debugDescription)")
        }
    }

    @Test func replacingMatchesFoundation() {
        let cases: [(String, String, String)] = [
            ("a-b-c", "-", "_"), ("aaa", "aa", "b"), ("x", "", "y"), ("secret and secret", "secret", "REDACTED"),
            ("${A}${A}", "${A}", "v"), ("", "a", "b"), ("ü-ü", "ü", "u"),
        ]
        for (s, a, b) in cases {
            #expect(s.replacingAll(a, with: b) == s.replacingOccurrences(of: a, with: b), "\(s) \(a) \(b)")
        }
    }

    @Test func formattingMatchesFoundation() {
        #expect(String(cFormat: "%.1f", 2.25) == String(format: "%.1f", 2.25))
        #expect(String(cFormat: "%.3f", 0.0004) == String(format: "%.3f", 0.0004))
        #expect(String(cFormat: "%08x", UInt32(0xBEEF)) == String(format: "%08x", UInt32(0xBEEF)))
        #expect(String(cFormat: "%%%02X", UInt8(7)) == String(format: "%%%02X", UInt8(7)))
        #expect(String(cFormat: "%04d%02d", 2024, 3) == "202403")
        let long = String(repeating: "x", count: 100)
        #expect(String(cFormat: "%.1f \(long)", 1.0) == "1.0 " + long)
        #expect(hexString([0, 1, 0xAB, 0xFF]) == "0001abff")
        #expect(hexDigits(0x0F, uppercase: true) == "0F")
    }

    @Test func pathsMatchNSString() {
        // ("//" alone is left out: NSString gives "" for its last component and keeps "//b" when appending.)
        let paths = ["", "/", "a", "a/", "/a", "/a/", "/a/b", "/a/b/", "a/b/c", "/a//b", "/mnt/models/x.bin"]
        for p in paths {
            #expect(PathString.lastComponent(p) == (p as NSString).lastPathComponent, "\(p)")
            // corelibs Foundation traps on "a" and "a/" here; Darwin's NSString gives "", as PathString does.
            if p == "a" || p == "a/" {
                #expect(PathString.deletingLastComponent(p) == "")
            } else {
                #expect(PathString.deletingLastComponent(p) == (p as NSString).deletingLastPathComponent, "\(p)")
            }
            for c in ["b", "b/c", ""] where !p.isEmpty || !c.isEmpty {
                #expect(PathString.appending(p, c) == (p as NSString).appendingPathComponent(c), "\(p) + \(c)")
            }
        }
        for p in ["/a/./b/../c", "/a//b/", "/../a", "/", "/a/b/.."] {
            #expect(PathString.standardizing(p) == (p as NSString).standardizingPath, "\(p)")
        }
    }
}
