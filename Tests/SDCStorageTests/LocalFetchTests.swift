import Crypto
import Foundation
import Testing
@testable import SDCStorage

/// `sdc fetch` from local paths, file:// and pvc:// into DEST: tree copy, atomicity, DEST rules (§7.4, §7.5).
struct LocalFetchTests {
    func fetch(_ uri: String, to dest: String, env: [String: String] = [:], pvcRoot: String = "/mnt/pvc",
               configure: (inout FetchOptions) -> Void = { _ in }) async -> FetchOutcome {
        var request = FetchRequest(uri: uri, destination: dest, environment: env)
        request.pvcRoot = pvcRoot
        configure(&request.options)
        return await FetchSession.run(request, temporaries: TemporaryFiles())
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SDC_TEST_FIXTURE_DIR"] != nil,
        "SDC_TEST_FIXTURE_DIR is not set: run under scripts/testservers.sh for the large fixture tree"))
    func copiesTheWholeFixtureTreeFromAPathAndAFileURI() async throws {
        let fixture = ProcessInfo.processInfo.environment["SDC_TEST_FIXTURE_DIR"] ?? ""
        expectFixtureIsTheFullTree(fixture)
        let scratch = try makeScratchDirectory("localtree")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let plain = await fetch(fixture, to: scratch + "/plain")
        #expect(plain.exitCode == .success, "\(plain.report.failures.map(\.diagnostic.message))")
        try expectSameTree(scratch + "/plain", as: fixture)
        try FileManager.default.removeItem(atPath: scratch + "/plain")
        let viaURI = await fetch("file://" + fixture, to: scratch + "/uri")
        #expect(viaURI.exitCode == .success, "\(viaURI.report.failures.map(\.diagnostic.message))")
        try expectSameTree(scratch + "/uri", as: fixture)
    }

    @Test func copiesTheTreeIncludingEmptyFilesAndSkipsSymlinks() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let source = scratch + "/src"
        try writeFile(source + "/model.bin", "weights")
        try writeFile(source + "/sub/dir/config.json", "{}")
        try writeFile(source + "/empty", "")
        try writeFile(scratch + "/outside", "secret")
        try FileManager.default.createSymbolicLink(atPath: source + "/link", withDestinationPath: scratch + "/outside")
        let dest = scratch + "/out/models"

        let outcome = await fetch(source, to: dest)
        #expect(outcome.exitCode == .success)
        #expect(listTree(dest) == ["empty", "model.bin", "sub/dir/config.json"])
        #expect(readFile(dest + "/model.bin") == "weights")
        #expect(outcome.report.outcomes.filter { $0.action == .written }.count == 3)
        #expect(outcome.warnings.contains { $0.message.contains("skipped 1 symlink") })

        // A second run finds identical files (size and mtime) and writes nothing.
        let again = await fetch("file://" + source, to: dest)
        #expect(again.exitCode == .success)
        #expect(again.report.outcomes.allSatisfy { $0.action == .skipped })
    }

    @Test func existingFileWithSameSizeButOtherTimeIsComparedByMD5() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let bytes = Array("same size".utf8)
        let object = RemoteObject(key: "m", relativePath: "m", size: Int64(bytes.count),
                                  hashes: ObjectHashes(md5: Array(Insecure.MD5.hash(data: bytes))), modified: Date(timeIntervalSince1970: 1_000_000))
        struct OneObject: StorageBackend {
            var object: RemoteObject
            var bytes: [UInt8]
            var secretsForRedaction: [String] { [] }
            func list() async throws -> SourceListing { .tree([object]) }
            func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
                ObjectStream(length: Int64(bytes.count), body: .bytes(bytes))
            }
        }
        try writeFile(scratch + "/m", "same size")  // identical bytes, newer mtime
        let same = await Fetcher(backend: OneObject(object: object, bytes: bytes), destination: scratch).run(sourceDescription: "t")
        #expect(same.outcomes.first?.action == .skipped)
        #expect(Destination.existingFile(scratch + "/m")?.modified == Date(timeIntervalSince1970: 1_000_000))
        try writeFile(scratch + "/m", "diff size")  // same size, other bytes
        let different = await Fetcher(backend: OneObject(object: object, bytes: bytes), destination: scratch).run(sourceDescription: "t")
        #expect(different.outcomes.first?.action == .written)
        #expect(readFile(scratch + "/m") == "same size")
    }

    @Test func singleFileLandsUnderItsLeafName() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/src/model.joblib", "abc")
        let outcome = await fetch(scratch + "/src/model.joblib", to: scratch + "/dest")
        #expect(outcome.exitCode == .success)
        #expect(listTree(scratch + "/dest") == ["model.joblib"])
    }

    @Test func pvcURIsMapUnderThePVCRoot() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/pvc/models/iris/model.pkl", "iris")
        let outcome = await fetch("pvc://my-claim/models/iris", to: scratch + "/dest", pvcRoot: scratch + "/pvc")
        #expect(outcome.exitCode == .success)
        #expect(readFile(scratch + "/dest/model.pkl") == "iris")

        let missing = await fetch("pvc://my-claim/models/nope", to: scratch + "/dest2", pvcRoot: scratch + "/pvc")
        #expect(missing.exitCode == .sourceNotFound)
        #expect(missing.report.failures.first?.diagnostic.message.contains("claim 'my-claim'") == true)
    }

    @Test func emptySourceIsExit3UnlessAllowed() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch + "/empty", withIntermediateDirectories: true)
        #expect(await fetch(scratch + "/empty", to: scratch + "/d").exitCode == .sourceNotFound)
        #expect(await fetch(scratch + "/empty", to: scratch + "/d") { $0.allowEmpty = true }.exitCode == .success)
    }

    @Test func destinationThatIsAFileIsExit12() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/src/a", "a")
        try writeFile(scratch + "/dest", "not a directory")
        #expect(await fetch(scratch + "/src", to: scratch + "/dest").exitCode == .destination)
    }

    @Test func neverWritesThroughASymlinkInsideDest() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/src/sub/a", "a")
        try FileManager.default.createDirectory(atPath: scratch + "/dest", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch + "/dest/sub", withDestinationPath: scratch + "/elsewhere")
        let outcome = await fetch(scratch + "/src", to: scratch + "/dest")
        #expect(outcome.exitCode == .destination)
        #expect(listTree(scratch + "/elsewhere").isEmpty)
    }

    @Test func staleTemporariesFromAKilledAttemptAreRemoved() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/src/a", "a")
        try writeFile(scratch + "/dest/.a.abcd1234.sdc-partial", "half")
        try writeFile(scratch + "/dest/.keep.sdc-partial", "not ours: wrong pattern")
        let outcome = await fetch(scratch + "/src", to: scratch + "/dest")
        #expect(outcome.exitCode == .success)
        #expect(listTree(scratch + "/dest") == [".keep.sdc-partial", "a"])
    }

    @Test func destinationInsideTheSourceIsRefused() async throws {
        let scratch = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try writeFile(scratch + "/src/a", "a")
        #expect(await fetch(scratch + "/src", to: scratch + "/src/out").exitCode == .usageOrConfig)
    }
}

/// Filters and the JSON summary (spec/storage.md §7.4, §7.11).
struct FilterAndReportTests {
    @Test func includeExcludeAndKServePatternVariables() async throws {
        let scratch = try makeScratchDirectory("filter")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for name in ["model.bin", "model.onnx", "README.md", "sub/extra.bin"] { try writeFile(scratch + "/src/" + name, name) }
        var request = FetchRequest(uri: scratch + "/src", destination: scratch + "/dest", environment: [:])
        request.options.filter = PathFilter(include: ["*.bin", "*.onnx"], exclude: PathFilter.patterns(fromEnvironment: #"["sub/*"]"#))
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(outcome.exitCode == .success)
        #expect(listTree(scratch + "/dest") == ["model.bin", "model.onnx"])
        #expect(PathFilter.patterns(fromEnvironment: "*.md, *.txt") == ["*.md", "*.txt"])

        request.options.filter = PathFilter(include: ["*.nothing"])
        request.destination = scratch + "/none"
        let empty = await FetchSession.run(request, temporaries: TemporaryFiles())
        #expect(empty.exitCode == .sourceNotFound)
        #expect(empty.report.failures.first?.diagnostic.message.contains("excluded by filters") == true)
    }

    @Test func jsonSummaryHasStableKeysAndRedactedSource() throws {
        var report = FetchReport()
        report.outcomes = [FileOutcome(relativePath: "a", size: 3, verification: .md5, action: .written)]
        let json = report.json(source: "https://u:pw@h/m?sig=s", destination: "/mnt/models", seconds: 1.23456)
        #expect(json.hasPrefix(#"{"destination":"/mnt/models","errors":[],"exitCode":0,"files":[{"action":"written","path":"a","size":3,"verification":"md5"}],"seconds":1.235,"source":"https://REDACTED@h/m?sig=REDACTED","#))
    }
}
