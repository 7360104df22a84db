/// Names to their positions in a fixed list, for the Go field tables: normalising a pod spec and encoding
/// `ENGINE_PREDICTOR` look up every key of every object, and a `[String: Int]` spent most of each look-up in
/// SipHash. Here: a cheap hash of a few bytes, open addressing at most a quarter full, names compared as bytes.
struct NameIndex: Sendable {
    /// Every name's bytes, back to back; name k is `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Name positions by hash slot; -1 is an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// A repeated name keeps its first position, as `Dictionary(_:uniquingKeysWith: { first, _ in first })` does.
    init(_ names: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for name in names {
            bytes += name.utf8
            starts.append(bytes.count)
        }
        var size = 8
        while size < names.count * 4 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (k, name) in names.enumerated() {
            var slot = Array(name.utf8).withUnsafeBufferPointer(Self.hash) & (size - 1)
            var repeated = false
            while slots[slot] >= 0 {
                let other = Int(slots[slot])
                if bytes[starts[other]..<starts[other + 1]].elementsEqual(name.utf8) {
                    repeated = true
                    break
                }
                slot = (slot + 1) & (size - 1)
            }
            if !repeated { slots[slot] = Int32(k) }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.mask = size - 1
    }

    /// The position of `name` in the list, or nil.
    func position(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { key in
            var slot = Self.hash(key) & mask
            return bytes.withUnsafeBufferPointer { bytes in
                while true {
                    let k = Int(slots[slot])
                    if k < 0 { return nil }
                    let start = starts[k]
                    let count = starts[k + 1] - start
                    if count == key.count, count == 0 || memcmpEqual(bytes.baseAddress! + start, key.baseAddress!, count) {
                        return k
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The length and four bytes (first, second, middle, last), mixed by one multiplication: field names of one
    /// struct differ there, and reading every byte cost more than the rare extra probe.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let n = key.count
        guard n > 0 else { return 0 }
        let x = UInt64(n) | UInt64(key[0]) << 8 | UInt64(key[n > 1 ? 1 : 0]) << 16 | UInt64(key[n / 2]) << 24
            | UInt64(key[n - 1]) << 32
        return Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}

/// Byte equality of two ranges of the same length.
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
