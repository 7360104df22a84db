#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCStorage

/// `sdc fetch`'s progress line on a terminal: "12/306 files, 45.1 MiB/109.9 MiB, 30.2 MiB/s", redrawn
/// in place (carriage return, erase to end of line) at most ten times a second and erased at the end,
/// so the summary line that follows starts on a clean line. Logs (kubectl logs) never see it: it is
/// drawn only when stderr is a terminal.
final class FetchProgressDisplay: @unchecked Sendable {
    /// Only on a terminal, and not with --quiet, or -v whose per-file lines it would interleave with.
    static func wanted(quiet: Bool, verboseLevel: Int) -> Bool {
        !quiet && verboseLevel == 0 && isatty(STDERR_FILENO) == 1
    }

    let progress = TransferProgress()
    private var task: Task<Void, Never>?

    func start() {
        let progress = self.progress
        let started = Date()
        task = Task.detached {
            var drawn = false
            while !Task.isCancelled {
                // 100 ms between redraws: smooth enough, and cheap for a slow terminal or a serial console.
                try? await Task.sleep(nanoseconds: 100_000_000)
                if Task.isCancelled { break }
                let snapshot = progress.snapshot
                guard snapshot.filesTotal > 0 else { continue }  // still listing
                Terminal.writeStderr("\r" + ProgressLine.format(snapshot, seconds: Date().timeIntervalSince(started)) + "\u{1B}[K")
                drawn = true
            }
            if drawn { Terminal.writeStderr("\r\u{1B}[K") }
        }
    }

    /// Stops redrawing and erases the line; returns once it is gone, before any summary or error is printed.
    func stop() async {
        task?.cancel()
        await task?.value
        task = nil
    }
}
