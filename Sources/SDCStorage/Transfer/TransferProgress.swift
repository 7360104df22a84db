#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOConcurrencyHelpers

/// Running totals of one fetch (files and bytes, planned and done), updated by the transfer tasks and
/// read by whoever draws a progress line. A class with a lock because many transfers update it at once;
/// each fetch makes its own (nothing global).
public final class TransferProgress: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var filesDone = 0
        public var filesTotal = 0
        public var bytesDone: Int64 = 0
        /// Unknown sizes (an HTTP file without Content-Length) count as 0.
        public var bytesTotal: Int64 = 0

        public init(filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int64 = 0, bytesTotal: Int64 = 0) {
            self.filesDone = filesDone
            self.filesTotal = filesTotal
            self.bytesDone = bytesDone
            self.bytesTotal = bytesTotal
        }
    }

    private let lock = NIOLock()
    private var state = Snapshot()

    public init() {}

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return state
    }

    func planned(files: Int, bytes: Int64) {
        lock.lock()
        defer { lock.unlock() }
        state.filesTotal = files
        state.bytesTotal = bytes
    }

    func received(_ bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        state.bytesDone += Int64(bytes)
    }

    /// A file is in place; `unreceivedBytes` are those it did not stream (a file already present).
    func finished(unreceivedBytes: Int64 = 0) {
        lock.lock()
        defer { lock.unlock() }
        state.filesDone += 1
        state.bytesDone += unreceivedBytes
    }
}

/// The one-line progress display of `sdc fetch` on a terminal: "12/306 files, 45.1 MiB/109.9 MiB, 30.2 MiB/s".
public enum ProgressLine {
    public static func format(_ s: TransferProgress.Snapshot, seconds: Double) -> String {
        // A retried pass streams some bytes twice: never show more done than planned.
        let done = s.bytesTotal > 0 ? min(s.bytesDone, s.bytesTotal) : s.bytesDone
        let rate = seconds > 0 ? Int64(Double(s.bytesDone) / seconds) : 0
        let total = s.bytesTotal > 0 ? "/" + FetchReport.humanBytes(s.bytesTotal) : ""
        return "\(s.filesDone)/\(s.filesTotal) file\(s.filesTotal == 1 ? "" : "s"), "
            + "\(FetchReport.humanBytes(done))\(total), \(FetchReport.humanBytes(rate))/s"
    }
}
