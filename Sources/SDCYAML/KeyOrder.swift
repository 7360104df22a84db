/// Go yaml.v2's mapping-key order, which is what Kubernetes objects look like after `kubectl get -o yaml`
/// and what the Seldon operator's objects look like once encoded (render spec §0.3).
///
/// Rune by rune: two letters compare by code point; a letter sorts after a non-letter; digit runs compare
/// numerically; a proper prefix sorts first.
public enum KeyOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        // Kubernetes keys are ASCII: compare bytes in place, and fall back to scalars only where non-ASCII
        // text could change the answer. This runs for every key of every generated object, so it reads the
        // bytes through pointers rather than index by index through `utf8`.
        var a = a
        var b = b
        let answer = a.withUTF8 { a in b.withUTF8 { b in asciiLess(a, b) } }
        return answer ?? scalarLess(a, b)
    }

    /// The same rules on bytes; nil when a non-ASCII byte is involved.
    private static func asciiLess(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var i = 0
        var sawNonASCII = false
        while i < a.count, i < b.count {
            let x = a[i]
            let y = b[i]
            if x == y {
                sawNonASCII = sawNonASCII || x >= 0x80
                i += 1
                continue
            }
            if sawNonASCII || x >= 0x80 || y >= 0x80 { return nil }
            let xl = isASCIILetter(x)
            let yl = isASCIILetter(y)
            if xl && yl { return x < y }
            if xl || yl { return yl }
            // Digit runs: fall back to the exact scalar logic (rare in keys, and it looks backwards).
            if isASCIIDigit(x) || isASCIIDigit(y) { return nil }
            return x < y
        }
        return a.count < b.count
    }

    private static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isASCIIDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func scalarLess(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0, isDigit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count, isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value - 48)
                ai += 1
            }
            var bi = i
            while bi < br.count, isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c.value >= 0x30 && c.value <= 0x39) : c.properties.numericType == .decimal
    }
}

extension Node {
    /// The same tree with every mapping's keys in `KeyOrder`, as the operator's JSON encoding yields them.
    public func sortingKeys() -> Node { reorderedKeys() ?? self }

    /// nil when every mapping is already in order: such subtrees (most of them, and all of an object sdc wrote
    /// itself) are shared, never copied. Children are visited through buffer pointers so that looking at one
    /// does not copy it (and retain its contents) first.
    private func reorderedKeys() -> Node? {
        switch content {
        case .scalar:
            return nil
        case .sequence(let items):
            var changed: [Node]?
            items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    guard let item = items[i].reorderedKeys() else { continue }
                    if changed == nil { changed = Array(items) }
                    changed![i] = item
                }
            }
            return changed.map { Node(.sequence($0), origin: origin) }
        case .mapping(let pairs):
            var changed: [Pair]?
            let order = pairs.withUnsafeBufferPointer { pairs in
                for i in pairs.indices {
                    guard let value = pairs[i].value.reorderedKeys() else { continue }
                    if changed == nil { changed = Array(pairs) }
                    changed![i].value = value
                }
                return Self.keyOrderPermutation(pairs)
            }
            if let order {
                let source = changed ?? pairs
                changed = order.map { source[$0] }
            }
            return changed.map { Node(.mapping($0), origin: origin) }
        }
    }

    /// The indices of a mapping's pairs in `KeyOrder`, or nil when they are in that order already: writers that
    /// sort as they write (`YAMLEmitter(sortingKeys:)`, JSON output) visit pairs through it instead of copying
    /// every reordered tree first. Same order, ties included, as `sortingKeys()`.
    public static func keyOrder(of pairs: [Pair]) -> [Int]? {
        pairs.withUnsafeBufferPointer { keyOrderPermutation($0) }
    }

    /// The text a key sorts by ("" for a non-scalar key), read without copying the whole scalar.
    private var orderKey: String {
        if case .scalar(let s) = content { return s.text }
        return ""
    }

    /// The indices of `pairs` in key order, or nil when they are in order already. Sorting indices over keys read
    /// once moves no pairs and copies no scalars per comparison; the sort is the one that sorted the pairs
    /// before, so ties come out the same.
    private static func keyOrderPermutation(_ pairs: UnsafeBufferPointer<Pair>) -> [Int]? {
        guard pairs.count > 1 else { return nil }
        var inOrder = true
        var previous = pairs[0].key.orderKey
        for i in 1..<pairs.count {
            let key = pairs[i].key.orderKey
            if KeyOrder.less(key, previous) {
                inOrder = false
                break
            }
            previous = key
        }
        if inOrder { return nil }
        return sortedIndices(pairs)
    }

    /// Out of line: kept apart, the in-order check above (the common path) stays as small as it was.
    @inline(never)
    private static func sortedIndices(_ pairs: UnsafeBufferPointer<Pair>) -> [Int] {
        let keys = pairs.map { $0.key.orderKey }
        let prefixes = keys.map(LetterPrefix.init)
        return keys.indices.sorted { prefixes[$0].less(than: prefixes[$1]) ?? KeyOrder.less(keys[$0], keys[$1]) }
    }
}

/// The first eight bytes of a key (all of it if shorter), packed big-endian, when they are ASCII letters. Two such
/// prefixes that differ decide `KeyOrder` alone: the keys first differ inside them, at two letters (or at the end
/// of the shorter, which sorts first, as zero padding does), and letters compare by byte. They are worth it for
/// sorting (many comparisons per key), not for the in-order check (one comparison per key, mostly decided by the
/// first byte).
private struct LetterPrefix {
    var packed: UInt64 = 0
    var lettersOnly = true

    init(_ key: String) {
        var key = key
        (packed, lettersOnly) = key.withUTF8 { bytes in
            var packed: UInt64 = 0
            for i in 0..<min(bytes.count, 8) {
                let b = bytes[i]
                if (b | 0x20) &- 0x61 > 25 { return (0, false) }
                packed |= UInt64(b) << (56 - 8 * UInt64(i))
            }
            return (packed, true)
        }
    }

    /// `KeyOrder.less` of the two keys when the prefixes decide it; nil when the keys must be compared.
    func less(than other: LetterPrefix) -> Bool? {
        guard lettersOnly, other.lettersOnly, packed != other.packed else { return nil }
        return packed < other.packed
    }
}
