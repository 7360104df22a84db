import Crypto
import Testing
@testable import SDCStorage

struct ChecksumTests {
    /// The CRC-32C check value from the Castagnoli catalogue (RFC 3720 appendix B.4 uses the same polynomial).
    @Test func crc32cCheckValue() {
        var crc = CRC32C()
        Array("123456789".utf8).withUnsafeBytes { crc.update($0) }
        #expect(crc.value == 0xE306_9283)
    }

    @Test func etagIsAnMD5OnlyWhenItIs32HexDigits() {
        #expect(ObjectHashes.md5(fromETag: "\"d41d8cd98f00b204e9800998ecf8427e\"") == Array(Insecure.MD5.hash(data: [UInt8]())))
        #expect(ObjectHashes.md5(fromETag: "\"d41d8cd98f00b204e9800998ecf8427e-40\"") == nil)
        #expect(ObjectHashes.md5(fromETag: "W/\"abc\"") == nil)
    }

    @Test func gcsBase64Hashes() {
        // md5("") and crc32c("") as GCS prints them.
        #expect(ObjectHashes.md5(fromBase64: "1B2M2Y8AsgTpgAmY7PhCfg==") == Array(Insecure.MD5.hash(data: [UInt8]())))
        #expect(ObjectHashes.crc32c(fromBase64: "AAAAAA==") == 0)
    }
}
