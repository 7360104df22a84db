#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a program with a hard timeout and reports what it cost: wall and CPU time and its peak RSS. Output goes
/// through files, not pipes, so a child that prints 50 MB cannot block on a full pipe while we wait.
///
/// The peak RSS comes from GNU time (`/usr/bin/time`, apt package `time`), not from our own `wait4`: Linux carries
/// the spawning process's high-water mark into a child across `vfork`+`exec`, so `wait4` would report the test
/// runner's size, not sdc's. time is a small process that forks sdc, so the figure it reads is sdc's own.
public enum MeasuredRun {
    public static let gnuTime = "/usr/bin/time"

    public struct Result: Sendable {
        /// Exit status, or 128 + signal when the child was killed by a signal (as a shell reports it).
        public var status: Int32
        public var signaled: Bool
        public var timedOut: Bool
        public var stdout: Data
        public var stderr: Data
        public var seconds: Double
        /// User + system CPU time (-1 if unknown): unlike wall time, it does not grow when the machine is busy.
        public var cpuSeconds: Double
        /// Peak resident set size, bytes (-1 if unknown).
        public var maxRSSBytes: Int

        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Async, and polls with `Task.sleep`, so waiting never holds one of Swift Testing's few cooperative threads
    /// (on a 2-core runner, blocking them starves every other async test).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: Double = 60
    ) async throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outPath = dir.appendingPathComponent("stdout").path
        let errPath = dir.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        guard FileManager.default.isExecutableFile(atPath: gnuTime) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(gnuTime) is missing: install the apt package time"])
        }
        let rssPath = dir.appendingPathComponent("rss").path
        let argv = ([gnuTime, "-f", "%U %S %M", "-o", rssPath, executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // A process group of its own, so a timeout kills sdc and not only time.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, gnuTime, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

        var status: Int32 = 0
        var timedOut = false
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            if !timedOut, Date().timeIntervalSince(started) > timeout {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS are macros Swift cannot import. GNU time exits 128+N when its
        // command died of signal N, so both ways a crash shows as a status of 128 or more.
        let signal = status & 0x7f
        let code = signal != 0 && signal != 0x7f ? 128 + signal : (status >> 8) & 0xff
        let signaled = code >= 128
        // The last line of time's output is "user system peak-KiB" ("Command exited with …" may precede it).
        let timeReport = (try? String(contentsOfFile: rssPath, encoding: .utf8)) ?? ""
        let figures = timeReport.split(separator: "\n").last?.split(separator: " ") ?? []
        let cpu = figures.count == 3 ? (Double(figures[0]) ?? 0) + (Double(figures[1]) ?? 0) : -1
        let rss = figures.count == 3 ? (Int(figures[2]) ?? -1) * 1024 : -1
        return Result(
            status: code, signaled: signaled, timedOut: timedOut,
            stdout: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(),
            stderr: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(),
            seconds: seconds, cpuSeconds: cpu, maxRSSBytes: rss)
    }
}
