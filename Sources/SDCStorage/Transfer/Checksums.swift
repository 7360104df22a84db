import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Hashes a source may publish for an object (spec/storage.md §7.8). Absent means "not trustworthy or not given".
public struct ObjectHashes: Sendable, Equatable {
    public var md5: [UInt8]?
    public var crc32c: UInt32?

    public init(md5: [UInt8]? = nil, crc32c: UInt32? = nil) {
        self.md5 = md5
        self.crc32c = crc32c
    }

    /// An S3-style ETag is an MD5 only when it is exactly 32 hex digits; `<hex>-<parts>` is a multipart ETag.
    public static func md5(fromETag etag: String) -> [UInt8]? {
        let trimmed = etag.trimmingScalars(in: "\" ")
        guard trimmed.utf8.count == 32 else { return nil }
        return hexBytes(trimmed)
    }

    public static func md5(fromBase64 text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text.trimmingCharactersInWhitespaces()), data.count == 16 else { return nil }
        return Array(data)
    }

    /// GCS `crc32c`: base64 of the big-endian checksum.
    public static func crc32c(fromBase64 text: String) -> UInt32? {
        guard let data = Data(base64Encoded: text.trimmingCharactersInWhitespaces()), data.count == 4 else { return nil }
        return data.reduce(0) { ($0 << 8) | UInt32($1) }
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let h = hexValue(high), let l = hexValue(low) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// CRC-32C (Castagnoli), the checksum GCS publishes for every object, including composite ones.
public struct CRC32C: Sendable {
    private static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        return c
    }

    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var c = state
        for byte in bytes {
            c = Self.table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
        }
        state = c
    }

    public var value: UInt32 { state ^ 0xFFFF_FFFF }
}

/// Whatever verification needs, computed while bytes stream to disk, so there is no second read.
/// Only the hash that will be compared is computed: MD5 (BoringSSL) when the source published one, else
/// CRC-32C when that is all there is (GCS composite objects), else just the byte count.
struct StreamingDigests {
    var md5: Insecure.MD5?
    var crc32c: CRC32C?
    var byteCount: Int64 = 0

    mutating func choose(for expected: ObjectHashes) {
        if expected.md5 != nil { md5 = Insecure.MD5() } else if expected.crc32c != nil { crc32c = CRC32C() }
    }

    /// Whether a hash is computed at all (else only bytes are counted).
    var isHashing: Bool { md5 != nil || crc32c != nil }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        md5?.update(bufferPointer: bytes)
        crc32c?.update(bytes)
        byteCount += Int64(bytes.count)
    }
}

extension ObjectHashes {
    /// Lower-case hex, for messages and signatures.
    public static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        hexString(bytes)
    }
}
