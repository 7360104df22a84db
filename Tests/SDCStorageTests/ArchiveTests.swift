import Foundation
import Testing
@testable import SDCStorage

/// `--extract` (spec/storage.md §7.10): archives made by the system's own tar and Python's zipfile/tarfile,
/// unpacked by sdc with the §7.9 member rules.
struct ArchiveTests {
    func run(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CancellationError() }
    }

    func makeTree(_ root: String) throws {
        try writeFile(root + "/model/weights.bin", String(repeating: "w", count: 300_000))
        try writeFile(root + "/model/sub/config.json", "{}")
        try writeFile(root + "/model/empty", "")
    }

    func fetch(_ uri: String, to dest: String, extract: Bool = true) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: [:])
        request.configPath = "/dev/null"
        request.options.extract = extract
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test(arguments: [
        ("model.tar.gz", ["tar", "-czf"]), ("model.tgz", ["tar", "-czf"]), ("model.tar", ["tar", "-cf"]),
    ])
    func tarArchivesAreExtractedAndRemoved(name: String, command: [String]) async throws {
        let scratch = try makeScratchDirectory("tar")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try makeTree(scratch + "/src")
        try FileManager.default.createDirectory(atPath: scratch + "/archive", withIntermediateDirectories: true)
        try run(command + [scratch + "/archive/" + name, "-C", scratch + "/src/model", "."], in: scratch)
        let outcome = await fetch(scratch + "/archive/" + name, to: scratch + "/dest")
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(scratch + "/dest") == ["empty", "sub/config.json", "weights.bin"])
        #expect(readFile(scratch + "/dest/weights.bin")?.count == 300_000)
    }

    @Test func zipArchivesAreExtractedWithCRCChecks() async throws {
        let scratch = try makeScratchDirectory("zip")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try makeTree(scratch + "/src")
        try FileManager.default.createDirectory(atPath: scratch + "/archive", withIntermediateDirectories: true)
        try run(["python3", "-c", """
            import zipfile, os
            with zipfile.ZipFile('archive/model.zip', 'w', zipfile.ZIP_DEFLATED) as z:
                z.write('src/model/weights.bin', 'weights.bin')
                z.write('src/model/sub/config.json', 'sub/config.json')
                z.writestr('stored.txt', 'kept as is', compress_type=zipfile.ZIP_STORED)
                z.writestr('dir/', '')
            """], in: scratch)
        let outcome = await fetch(scratch + "/archive/model.zip", to: scratch + "/dest")
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(scratch + "/dest") == ["stored.txt", "sub/config.json", "weights.bin"])
        #expect(outcome.report.outcomes.allSatisfy { $0.verification == .crc32 })
    }

    @Test func withoutExtractTheArchiveIsKept() async throws {
        let scratch = try makeScratchDirectory("noextract")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try makeTree(scratch + "/src")
        try FileManager.default.createDirectory(atPath: scratch + "/archive", withIntermediateDirectories: true)
        try run(["tar", "-czf", scratch + "/archive/m.tgz", "-C", scratch + "/src/model", "."], in: scratch)
        #expect(await fetch(scratch + "/archive/m.tgz", to: scratch + "/dest", extract: false).exitCode == .success)
        #expect(listTree(scratch + "/dest") == ["m.tgz"])
    }

    @Test(arguments: ["traversal", "symlink", "absolute"])
    func hostileMembersAreRefusedWithExit11(kind: String) async throws {
        let scratch = try makeScratchDirectory("hostile")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/archive", withIntermediateDirectories: true)
        try run(["python3", "-c", """
            import io, tarfile, sys
            kind = sys.argv[1]
            with tarfile.open('archive/bad.tar.gz', 'w:gz') as t:
                ok = tarfile.TarInfo('ok.txt'); ok.size = 2; t.addfile(ok, io.BytesIO(b'ok'))
                if kind == 'symlink':
                    link = tarfile.TarInfo('link'); link.type = tarfile.SYMTYPE; link.linkname = '/etc/passwd'; t.addfile(link)
                else:
                    name = '../evil.txt' if kind == 'traversal' else '/tmp/evil.txt'
                    bad = tarfile.TarInfo(name); bad.size = 4; t.addfile(bad, io.BytesIO(b'evil'))
            """, kind], in: scratch)
        let outcome = await fetch(scratch + "/archive/bad.tar.gz", to: scratch + "/out/dest")
        #expect(outcome.exitCode == .unsafeKey)
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out/evil.txt"))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/out/dest/link"))
        #expect(listTree(scratch + "/out").allSatisfy { !$0.contains("sdc-partial") })
    }
}

/// A .tgz served by nginx, fetched by direct URL with --extract.
@Suite(.enabled(if: testEnvironment["SDC_TEST_HTTP_ROOT"] != nil,
    "SDC_TEST_HTTP_ROOT is not set: run under scripts/testservers.sh to test against nginx"))
struct ArchiveOverHTTPTests {
    @Test func directURLArchiveIsExtracted() async throws {
        let root = testEnvironment["SDC_TEST_HTTP_ROOT"] ?? ""
        let fixture = testEnvironment["SDC_TEST_FIXTURE_DIR"] ?? ""
        let name = "archive-\(UUID().uuidString).tgz"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-czf", root + "/" + name, "-C", fixture, "."]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: root + "/" + name) }
        let dest = try makeScratchDirectory("httptgz")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        var request = FetchRequest(uri: (testEnvironment["SDC_TEST_HTTP_URL"] ?? "") + "/" + name, destination: dest, environment: [:])
        request.configPath = "/dev/null"
        request.options.extract = true
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message))")
        #expect(listTree(dest) == listTree(fixture))
    }
}
