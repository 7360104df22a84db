#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Canonical texts already worked out, by the text written. A render canonicalises the same few quantities
/// (`100m`, `1Gi`, `1`) thousands of times, and parsing one costs a few thousand instructions where a look-up
/// costs a few hundred. Bounded, so distinct quantities without end cannot grow it without end.
final class QuantityMemo: @unchecked Sendable {
    static let shared = QuantityMemo()
    private static let capacity = 1024

    /// Guarded by a pthread mutex, as `SourceFileNames` is (no Foundation locks here; `Mutex` needs macOS 15).
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var canonical: [String: String?] = [:]

    private init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    /// `compute(text)`, from the memo when it has been asked before.
    func canonical(_ text: String, compute: (String) -> String?) -> String? {
        pthread_mutex_lock(mutex)
        let known = canonical[text]
        pthread_mutex_unlock(mutex)
        if let known { return known }
        let answer = compute(text)
        pthread_mutex_lock(mutex)
        if canonical.count < Self.capacity { canonical[text] = .some(answer) }
        pthread_mutex_unlock(mutex)
        return answer
    }
}
