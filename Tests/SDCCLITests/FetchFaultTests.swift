import Foundation
import SDCTestSupport
import Testing

/// `sdc fetch` against a server that misbehaves (Fixtures/fault_http.py) and destinations that do: every case ends
/// in a non-zero exit with a clear message, or in exactly the right bytes; never a partial file at a final path.
@Suite("fetch under faults", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: TestPaths.sdc), "the sdc binary is not built"))
struct FetchFaultTests {
    /// A clean environment: no inherited rclone or cloud settings; fast retries so faults end quickly.
    static func fetch(_ arguments: [String], timeout: Double = 60) async throws -> MeasuredRun.Result {
        try await MeasuredRun.run(TestPaths.sdc, ["fetch"] + arguments, environment: ["RCLONE_CONFIG": "/dev/null"], timeout: timeout)
    }

    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-fault-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func files(in directory: String) -> [String] {
        ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []).sorted()
    }

    static let okBody: Data = {
        let pattern = (0..<251).map { UInt8(($0 * 7 + 3) % 251) }
        return Data((0..<(100 * 1024)).map { pattern[$0 % 251] })
    }()

    struct Fault: Sendable, CustomStringConvertible {
        var path: String
        var flags: [String]
        var exit: Int32
        var message: String
        var description: String { path }
    }

    static let faults: [Fault] = [
        Fault(path: "reset.bin", flags: ["--low-level-retries", "2", "--retries", "1"], exit: 5, message: "reset.bin"),
        Fault(path: "stall.bin", flags: ["--timeout", "1s", "--low-level-retries", "1", "--retries", "1"], exit: 5, message: "stall.bin"),
        Fault(path: "429.bin", flags: ["--low-level-retries", "2", "--retries", "1"], exit: 5, message: "429"),
        Fault(path: "truncated.bin", flags: ["--low-level-retries", "2", "--retries", "1"], exit: 5, message: "truncated.bin"),
        Fault(path: "grows.bin", flags: ["--low-level-retries", "2", "--retries", "1"], exit: 10, message: "grows.bin"),
        Fault(path: "nothing-here.bin", flags: [], exit: 4, message: "nothing-here.bin"),
    ]

    @Test("a failing download exits non-zero with a clear message and leaves nothing behind", arguments: faults)
    func failingDownload(_ fault: Fault) async throws {
        let server = try FaultServer()
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let result = try await Self.fetch(fault.flags + [server.url(fault.path), dest], timeout: 120)
        #expect(!result.timedOut && !result.signaled)
        #expect(result.status == fault.exit, "\(result.stderrText)")
        #expect(result.stderrText.contains("error: [") && result.stderrText.contains(fault.message), "\(result.stderrText)")
        #expect(Self.files(in: dest).isEmpty, "left behind: \(Self.files(in: dest))")
        // A bound against hanging (retries that never end), not a speed check: alone each case takes well under a
        // second, but with the whole suite running on 2 cores a case has taken 30–39 s, so the bound is generous.
        #expect(result.seconds < 90, "took \(result.seconds) s")
    }

    @Test("a stalled body is abandoned when the read timeout fires, not minutes later")
    func stallTimesOut() async throws {
        let server = try FaultServer()
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let result = try await Self.fetch(["--timeout", "1s", "--low-level-retries", "1", "--retries", "1", server.url("stall.bin"), dest])
        #expect(result.status == 5, "\(result.stderrText)")
        #expect(result.seconds < 10, "the 1 s timeout took \(result.seconds) s to fire")
    }

    @Test("429 and 503 with Retry-After are waited out and retried")
    func retryAfter() async throws {
        let server = try FaultServer()
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let result = try await Self.fetch([server.url("503-twice.bin"), dest])
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dest + "/503-twice.bin")) == Self.okBody)
        #expect(result.seconds >= 2, "two Retry-After: 1 answers should cost two seconds, took \(result.seconds)")
        #expect(try server.log().filter { $0.hasPrefix("GET /503-twice.bin") } == [
            "GET /503-twice.bin 503", "GET /503-twice.bin 503", "GET /503-twice.bin 200",
        ])
        let gaveUp = try await Self.fetch(["--low-level-retries", "2", "--retries", "1", server.url("429.bin"), dest + "/b"])
        #expect(gaveUp.status == 5)
        #expect(gaveUp.seconds >= 1, "Retry-After: 1 was not honoured")
    }

    @Test("an object deleted between listing and download: exit 4, the other file complete, no partial")
    func listingChangesMidDownload() async throws {
        let server = try FaultServer()
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let result = try await Self.fetch(["--low-level-retries", "1", "--retries", "1", server.url("dir/"), dest])
        #expect(result.status == 4, "\(result.stderrText)")
        #expect(result.stderrText.contains("gone.bin"))
        let left = Self.files(in: dest)
        #expect(left == [] || left == ["a.bin"], "\(left)")
        if left == ["a.bin"] { #expect(try Data(contentsOf: URL(fileURLWithPath: dest + "/a.bin")) == Self.okBody) }
    }

    @Test("--max-size refuses a listed size before writing and an unlisted one while streaming")
    func maxSize() async throws {
        let server = try FaultServer()
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let listed = try await Self.fetch(["--max-size", "10Ki", server.url("ok.bin"), dest + "/a"])
        #expect(listed.status == 2, "\(listed.stderrText)")
        #expect(listed.stderrText.contains("[fetch-too-large]") && listed.stderrText.contains("--max-size"))
        #expect(Self.files(in: dest + "/a").isEmpty)
        let streamed = try await Self.fetch(["--max-size", "100Ki", server.url("unsized.bin"), dest + "/b"])
        #expect(streamed.status == 2, "\(streamed.stderrText)")
        #expect(streamed.stderrText.contains("[fetch-too-large]"))
        #expect(Self.files(in: dest + "/b").isEmpty)
        let fits = try await Self.fetch(["--max-size", "1Mi", server.url("ok.bin"), dest + "/c"])
        #expect(fits.status == 0, "\(fits.stderrText)")
        let fromEnvironment = try await MeasuredRun.run(
            TestPaths.sdc, ["fetch", server.url("ok.bin"), dest + "/d"], environment: ["RCLONE_CONFIG": "/dev/null", "SDC_MAX_SIZE": "10Ki"])
        #expect(fromEnvironment.status == 2)
    }

    @Test("a destination that fills up: exit 12, no partial file (needs root to mount a 1 MiB tmpfs)")
    func diskFull() async throws {
        let dest = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let mount = try Subprocess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dest])
        guard mount.status == 0 else {
            print("skipped: cannot mount a tmpfs here (\(mount.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? Subprocess.run("/bin/umount", [dest]) }
        let server = try FaultServer()
        let checked = try await Self.fetch([server.url("big.bin"), dest])
        #expect(checked.status == 12, "\(checked.stderrText)")
        #expect(checked.stderrText.contains("[destination-no-space]"))
        let unchecked = try await Self.fetch(["--no-space-check", "--low-level-retries", "1", "--retries", "1", server.url("big.bin"), dest])
        #expect(unchecked.status == 12, "\(unchecked.stderrText)")
        #expect(unchecked.stderrText.lowercased().contains("space"), "\(unchecked.stderrText)")
        #expect(Self.files(in: dest).isEmpty, "left behind: \(Self.files(in: dest))")
    }

    @Test("a destination that cannot be written: exit 12")
    func destinationNotWritable() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/file"))
        let server = try FaultServer()
        for dest in [dir + "/file", dir + "/file/below"] {
            let result = try await Self.fetch([server.url("ok.bin"), dest])
            #expect(result.status == 12, "\(dest): \(result.stderrText)")
            #expect(result.stderrText.contains("error: ["))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/file")) == Data("x".utf8))
    }
}
