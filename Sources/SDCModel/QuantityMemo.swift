import SDCDiagnostics

/// Canonical texts already worked out, by the text written. A render canonicalises the same few quantities
/// (`100m`, `1Gi`, `1`) thousands of times, and parsing one costs a few thousand instructions where a look-up
/// costs a few hundred. Bounded, so distinct quantities without end cannot grow it without end.
final class QuantityMemo: Sendable {
    static let shared = QuantityMemo()
    private static let capacity = 1024

    private let canonical = PthreadLocked<[String: String?]>([:])

    /// `compute(text)`, from the memo when it has been asked before.
    func canonical(_ text: String, compute: (String) -> String?) -> String? {
        if let known = canonical.withLock({ $0[text] }) { return known }
        let answer = compute(text)
        canonical.withLock { memo in
            if memo.count < Self.capacity { memo[text] = .some(answer) }
        }
        return answer
    }
}
