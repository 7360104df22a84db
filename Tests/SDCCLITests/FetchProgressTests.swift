import Foundation
import SDCTestSupport
import Testing

/// What `sdc fetch` prints on stderr: a progress line only on a terminal, one summary line otherwise,
/// nothing with --quiet (spec/storage.md §7.11). The terminal case runs the binary under util-linux
/// `script`, which gives it a pseudo-terminal.
struct FetchProgressTests {
    static let haveSdc = FileManager.default.isExecutableFile(atPath: FetchSignalTests.sdc)
    static let script = ["/usr/bin/script", "/bin/script"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func scratchWithOneFile() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-progress-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/src/sub", withIntermediateDirectories: true)
        try Data("weights".utf8).write(to: URL(fileURLWithPath: dir + "/src/model.bin"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/src/sub/config.json"))
        return dir
    }

    func sdc(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(FetchSignalTests.sdc, arguments, environment: ["PATH": "/usr/bin:/bin", "RCLONE_CONFIG": "/dev/null"])
    }

    @Test(.enabled(if: haveSdc, "the sdc binary is not built next to the tests"))
    func notATerminalGivesOneSummaryLineAndQuietGivesNothing() throws {
        let dir = try scratchWithOneFile()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plain = try sdc(["fetch", dir + "/src", dir + "/a"])
        #expect(plain.status == 0)
        #expect(plain.stdoutText.isEmpty)
        let lines = plain.stderrText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line: \(plain.stderrText.debugDescription)")
        #expect(plain.stderrText.hasPrefix("fetched 2 files, 9 B, in "))
        #expect(!plain.stderrText.contains("\r") && !plain.stderrText.contains("\u{1B}"))

        let quiet = try sdc(["fetch", "--quiet", dir + "/src", dir + "/b"])
        #expect(quiet.status == 0)
        #expect(quiet.stderrText.isEmpty && quiet.stdoutText.isEmpty)

        let verbose = try sdc(["fetch", "--verbose", dir + "/src", dir + "/c"])
        #expect(verbose.stderrText.contains("fetched model.bin (7 bytes"))
        #expect(verbose.stderrText.contains("fetched sub/config.json (2 bytes"))
        #expect(!verbose.stderrText.contains("\r"))
    }

    /// A 1 MiB file served in 64 KiB pieces every 50 ms (~0.8 s) so several redraws happen.
    @Test(.enabled(if: haveSdc && script != nil, "the sdc binary or util-linux script is missing"))
    func aTerminalSeesAProgressLineRedrawnThenErasedBeforeTheSummary() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", FetchSignalTests.slowServer, String(1 << 20)]
        let output = Pipe()
        server.standardOutput = output
        server.standardInput = Pipe()
        try server.run()
        defer {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self)))
        let dest = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-progress-tty-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dest) }

        func underScript(_ flags: String) throws -> String {
            try? FileManager.default.removeItem(atPath: dest)
            // stdout to /dev/null inside the pseudo-terminal: what remains is stderr.
            let command = "'\(FetchSignalTests.sdc)' fetch \(flags) http://127.0.0.1:\(port)/model.bin '\(dest)' >/dev/null"
            let run = try Subprocess.run(Self.script!, ["-qec", command, "/dev/null"],
                environment: ["PATH": "/usr/bin:/bin", "RCLONE_CONFIG": "/dev/null", "TERM": "dumb"])
            #expect(run.status == 0, "\(run.stdoutText.debugDescription)")
            return run.stdoutText
        }

        let shown = try underScript("")
        // Redrawn in place: carriage return, the line, erase to end of line; at least two redraws.
        let redraws = shown.components(separatedBy: "\r1/1 file").count - 1 + shown.components(separatedBy: "\r0/1 file").count - 1
        #expect(redraws >= 2, "\(shown.debugDescription)")
        #expect(shown.contains("/1.0 MiB, "))
        #expect(shown.contains("/s\u{1B}[K"))
        // Erased before the summary, which starts on a clean line.
        #expect(shown.contains("\r\u{1B}[Kfetched 1 file, 1.0 MiB, in "), "\(shown.debugDescription)")

        let quiet = try underScript("--quiet")
        #expect(quiet.isEmpty, "\(quiet.debugDescription)")
    }
}
