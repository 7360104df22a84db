import Foundation
import SDCTestSupport
import Testing

/// The committed man pages match what the current help text generates (`scripts/update-man` refreshes them).
@Suite("man pages")
struct ManPageTests {
    static let manDirectory = TestPaths.packageRoot.appendingPathComponent("man")

    /// generate-manual is swift-argument-parser's tool; scripts/test builds it next to sdc.
    static var generator: String? {
        let path = URL(fileURLWithPath: TestPaths.sdc).deletingLastPathComponent()
            .appendingPathComponent("generate-manual").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    @Test("man/ holds a page for sdc and each subcommand")
    func pagesExist() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.manDirectory.path).sorted()
        #expect(pages == ["sdc.1", "sdc.fetch.1", "sdc.help.1", "sdc.krm.1", "sdc.render.1", "sdc.validate.1"])
    }

    @Test("committed pages are what generate-manual makes of the current help")
    func upToDate() throws {
        guard let generator = Self.generator else {
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "build generate-manual (scripts/test does)")
            return
        }
        let committed = try String(contentsOf: Self.manDirectory.appendingPathComponent("sdc.1"), encoding: .utf8)
        let dateLine = try #require(committed.split(separator: "\n").first { $0.hasPrefix(".Dd ") })
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        let date = try #require(formatter.date(from: String(dateLine.dropFirst(4))))
        formatter.dateFormat = "yyyy-MM-dd"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let result = try Subprocess.run(
            generator, [TestPaths.sdc, "--multi-page", "--date", formatter.string(from: date), "--output-directory", out.path])
        try #require(result.status == 0, "\(result.stderrText)")
        for page in try FileManager.default.contentsOfDirectory(atPath: Self.manDirectory.path) {
            let fresh = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            let old = try String(contentsOf: Self.manDirectory.appendingPathComponent(page), encoding: .utf8)
            #expect(fresh == old, "man/\(page) is stale: run scripts/update-man")
        }
    }
}
