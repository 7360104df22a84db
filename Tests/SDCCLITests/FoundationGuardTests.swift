import Foundation
import SDCTestSupport
import Testing

/// sdc links FoundationEssentials only: full Foundation drags ICU in (a 77 MB static binary instead of ~30 MB, and a
/// slower start), FoundationXML libxml2, FoundationNetworking libcurl. These keep it that way.
@Suite("FoundationEssentials only")
struct FoundationGuardTests {
    static let sources = TestPaths.packageRoot.appendingPathComponent("Sources")

    static func swiftFiles() throws -> [String] {
        let all = try FileManager.default.subpathsOfDirectory(atPath: sources.path)
        return all.filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// `import Foundation` only as the macOS fallback of `#if canImport(FoundationEssentials) import
    /// FoundationEssentials #else import Foundation #endif`; FoundationXML and FoundationNetworking never.
    @Test("Sources import FoundationEssentials, never Foundation, FoundationXML or FoundationNetworking")
    func sourcesImportOnlyEssentials() throws {
        let files = try Self.swiftFiles()
        #expect(files.count > 50)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            for (n, line) in lines.enumerated() {
                let words = line.split(separator: " ")
                guard let module = words.last, words.contains("import") || line.hasPrefix("#if canImport(") else {
                    continue
                }
                if line.contains("FoundationXML") || line.contains("FoundationNetworking") {
                    offenders.append("\(file):\(n + 1): \(line)")
                } else if words.contains("import"), module == "Foundation" || module.hasPrefix("Foundation.") {
                    let fallback = n >= 3 && lines[n - 1] == "#else" && lines[n - 2] == "import FoundationEssentials"
                        && lines[n - 3] == "#if canImport(FoundationEssentials)"
                    if !fallback { offenders.append("\(file):\(n + 1): \(line)") }
                }
            }
        }
        #expect(offenders.isEmpty, "use FoundationEssentials (and Glibc), see SDCDiagnostics/Essentials.swift:\n\(offenders.joined(separator: "\n"))")
    }

    /// The built binary: no libFoundation, FoundationXML/Networking, ICU or libxml2 among its shared libraries.
    @Test("the built sdc links no libFoundation, ICU or libxml2")
    func binaryLinksNoFullFoundation() throws {
        #if os(Linux)
        let ldd = "/usr/bin/ldd"
        guard FileManager.default.isExecutableFile(atPath: ldd) else { return }
        let run = try Subprocess.run(ldd, [TestPaths.sdc])
        let text = run.stdoutText + run.stderrText
        if text.contains("not a dynamic executable") || text.contains("statically linked") { return }
        #expect(run.status == 0, "ldd failed: \(text)")
        #expect(text.contains("libswiftCore"), "unexpected ldd output: \(text)")
        let forbidden = ["libFoundation.so", "libFoundationXML", "libFoundationNetworking", "libicu", "lib_FoundationICU",
                         "libxml2", "libcurl"]
        let found = text.split(separator: "\n").filter { line in forbidden.contains { line.contains($0) } }
        #expect(found.isEmpty, "\(TestPaths.sdc) links: \(found.joined(separator: "; "))")
        #endif
    }
}
