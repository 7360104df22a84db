import Foundation
import NIOCore
@testable import SDCStorage

/// A fresh scratch directory per test, removed by the caller's `defer`.
func makeScratchDirectory(_ name: String = "t") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-\(name)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func writeFile(_ path: String, _ text: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func readFile(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}

/// Every file under `root`, relative, sorted; temporaries included so tests can prove there are none.
func listTree(_ root: String) -> [String] {
    var out: [String] = []
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
            out.append(relative)
        }
    }
    return out.sorted()
}

/// An in-memory backend for exercising the transfer engine's own rules (key safety, verification, resume).
/// Network backends are tested against real servers; this stands in only for "a source that says X".
struct ScriptedBackend: StorageBackend {
    struct Entry: Sendable {
        var key: String
        var bytes: [UInt8]
        var advertisedMD5: [UInt8]?
        /// Break the stream after this many bytes on the first `failures` opens.
        var breakAfter: Int? = nil
        var failures: Int = 0
    }

    final class OpenCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func next(_ key: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            counts[key, default: 0] += 1
            return counts[key]!
        }
        func count(_ key: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return counts[key, default: 0]
        }
    }

    var entries: [Entry]
    let opens = OpenCounter()

    struct StreamBroke: Error {}

    var secretsForRedaction: [String] { [] }

    func list() async throws -> SourceListing {
        .tree(entries.map {
            RemoteObject(key: $0.key, relativePath: $0.key, size: Int64($0.bytes.count), hashes: ObjectHashes(md5: $0.advertisedMD5))
        })
    }

    func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        let entry = entries.first { $0.key == object.key }!
        let attempt = opens.next(object.key)
        let end = Int(last ?? Int64(entry.bytes.count - 1))
        let remaining = Int(offset) > end ? [] : Array(entry.bytes[Int(offset)...end])
        let breakAfter = attempt <= entry.failures ? entry.breakAfter : nil
        return ObjectStream(
            length: Int64(remaining.count),
            body: HTTPResponseBody { consume in
                if let breakAfter {
                    try await consume(ByteBuffer(bytes: remaining.prefix(breakAfter)))
                    throw StreamBroke()
                }
                try await consume(ByteBuffer(bytes: remaining))
            })
    }
}

/// The Fixtures directory beside these tests.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// Starts a Python stand-in server from Fixtures; it prints its kernel-chosen port on its first line.
/// Its stdin is a pipe from this process, so it exits on its own if the tests die.
func startFixtureServer(_ script: String, arguments: [String]) throws -> (Process, Int) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = Pipe()
    try process.run()
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
        line.append(byte)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
        stopFixtureServer(process)
        throw CancellationError()
    }
    return (process, port)
}

/// SIGKILL: the test runner may leave SIGTERM blocked in children.
func stopFixtureServer(_ process: Process) {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}
