import CZlib

/// Streaming zlib inflate: gzip (`.tar.gz`, `.tgz`) or raw deflate (`.zip` members), a chunk at a time.
final class Inflater {
    enum Format { case gzip, rawDeflate }

    struct Failure: Error { var message: String }

    private var stream = z_stream()
    private(set) var finished = false

    init(_ format: Format) throws {
        // 16 + MAX_WBITS: gzip wrapper; -MAX_WBITS: raw deflate (zlib.h, inflateInit2).
        let bits: Int32 = format == .gzip ? 16 + MAX_WBITS : -MAX_WBITS
        guard inflateInit2_(&stream, bits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(message: "cannot initialise zlib")
        }
    }

    deinit { inflateEnd(&stream) }

    /// Inflates `input`, handing each produced chunk (≤ 256 KiB) to `output`.
    func inflate(_ input: UnsafeRawBufferPointer, _ output: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !finished, input.count > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        repeat {
            let (status, produced) = buffer.withUnsafeMutableBytes { out -> (Int32, Int) in
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            if produced > 0 { try buffer.withUnsafeBytes { try output(UnsafeRawBufferPointer(rebasing: $0[..<produced])) } }
            switch status {
            case Z_STREAM_END:
                finished = true
                return
            case Z_OK, Z_BUF_ERROR:
                if status == Z_BUF_ERROR, stream.avail_in == 0 { return }
            default:
                throw Failure(message: "corrupt compressed data (zlib status \(status))")
            }
        } while stream.avail_in > 0 || stream.avail_out == 0
    }
}

/// CRC-32 (IEEE), as ZIP stores it per member.
func zipCRC32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
    return UInt32(CZlib.crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
}
