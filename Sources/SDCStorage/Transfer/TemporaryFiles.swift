#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// The in-flight temporary files of one fetch, so a failure or SIGTERM/SIGINT can remove them (spec/storage.md §7.5).
///
/// Owned by whoever runs the fetch (the CLI creates one and hands it to its signal handler); never global.
public final class TemporaryFiles: Sendable {
    private let paths = NIOLockedValueBox<Set<String>>([])

    public init() {}

    func register(_ path: String) { paths.withLockedValue { _ = $0.insert(path) } }
    func unregister(_ path: String) { paths.withLockedValue { _ = $0.remove(path) } }

    /// Unlinks every registered temporary; safe to call from a signal-handling thread.
    public func removeAll() {
        let current = paths.withLockedValue { set -> Set<String> in
            let copy = set
            set.removeAll()
            return copy
        }
        for path in current { unlink(path) }
    }

    public var count: Int { paths.withLockedValue { $0.count } }
}
