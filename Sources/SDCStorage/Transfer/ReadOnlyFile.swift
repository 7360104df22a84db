#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading, by descriptor: what sdc needed of Foundation's FileHandle (not in
/// FoundationEssentials) — sequential chunks, reads at an offset, the size.
final class ReadOnlyFile {
    private var fd: Int32

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close() }

    func close() {
        if fd >= 0 { _ = Glibc_close(fd) }
        fd = -1
    }

    /// The file's size in bytes.
    func size() throws -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(errno: errno) }
        return Int64(info.st_size)
    }

    /// Up to `count` bytes from the current position; empty at the end of the file.
    func read(upToCount count: Int) throws -> [UInt8] {
        try fill(count) { buffer, done in Glibc_read(fd, buffer + done, count - done) }
    }

    /// Up to `count` bytes from `offset` (fewer only at the end of the file).
    func read(at offset: Int64, upToCount count: Int) throws -> [UInt8] {
        try fill(count) { buffer, done in pread(fd, buffer + done, count - done, off_t(offset) + off_t(done)) }
    }

    private func fill(_ count: Int, _ step: (UnsafeMutableRawPointer, Int) -> Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { raw -> Int in
            var done = 0
            while done < count {
                let n = step(raw.baseAddress!, done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(errno: errno)
                }
                if n == 0 { break }
                done += n
            }
            return done
        }
        bytes.removeSubrange(got...)
        return bytes
    }

    struct ReadError: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }
}

// The C functions under names that the methods above do not shadow.
private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }
private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
