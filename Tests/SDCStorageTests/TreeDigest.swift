import Crypto
import Foundation
import Testing

/// The SHA-256 of every file under a directory, keyed by relative path: two trees are the same when
/// these are equal (names, nesting, empty files and every byte).
func treeDigests(_ root: String) throws -> [String: String] {
    var digests: [String: String] = [:]
    for relative in listTree(root) {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: root + "/" + relative))
        defer { try? handle.close() }
        var hasher = SHA256()
        // 1 MiB reads: the fixture's big file is over 100 MiB.
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        digests[relative] = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
    return digests
}

/// Expects `dest` to hold exactly the fixture tree, byte for byte, and names the first differences.
func expectSameTree(_ dest: String, as fixture: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let want = try treeDigests(fixture), got = try treeDigests(dest)
    #expect(want.count > 0, "the fixture tree \(fixture) is empty", sourceLocation: sourceLocation)
    let missing = Set(want.keys).subtracting(got.keys).sorted()
    let extra = Set(got.keys).subtracting(want.keys).sorted()
    let differing = want.keys.filter { got[$0] != nil && got[$0] != want[$0] }.sorted()
    #expect(missing.isEmpty, "missing from \(dest): \(missing.prefix(5))", sourceLocation: sourceLocation)
    #expect(extra.isEmpty, "not in the fixture: \(extra.prefix(5))", sourceLocation: sourceLocation)
    #expect(differing.isEmpty, "bytes differ: \(differing.prefix(5))", sourceLocation: sourceLocation)
}

/// What the end-to-end fixture (scripts/testservers/make_fixture.py) must hold for the tests to mean
/// what the issue asks: a file of at least 100 MiB (unless SDC_TEST_FIXTURE_BIG_MIB shrank it on
/// purpose), hundreds of files, nested folders, names with spaces and non-ASCII characters.
func expectFixtureIsTheFullTree(_ fixture: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let files = listTree(fixture)
    let bigMiB = Int(ProcessInfo.processInfo.environment["SDC_TEST_FIXTURE_BIG_MIB"] ?? "") ?? 100
    let bigSize = (try? FileManager.default.attributesOfItem(atPath: fixture + "/big.bin"))?[.size].flatMap { Int("\($0)") } ?? 0
    #expect(bigSize >= bigMiB << 20, "big.bin is \(bigSize) bytes", sourceLocation: sourceLocation)
    #expect(files.count >= 300, "\(files.count) files", sourceLocation: sourceLocation)
    #expect(files.contains { $0.split(separator: "/").count >= 4 }, sourceLocation: sourceLocation)
    #expect(files.contains { $0.contains(" ") }, sourceLocation: sourceLocation)
    #expect(files.contains { $0.unicodeScalars.contains { !$0.isASCII } }, sourceLocation: sourceLocation)
}
