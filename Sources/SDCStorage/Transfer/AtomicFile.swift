#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CWriteback
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// A file that appears at its final path only when complete: written to `.<leaf>.<random>.sdc-partial` in the
/// same directory (exclusive create, no-follow), fsynced, then renamed (spec/storage.md §7.5).
struct AtomicFile: Sendable {
    let finalPath: String
    let temporaryPath: String
    private var descriptor: Int32
    private let registry: TemporaryFiles

    static let partialSuffix = ".sdc-partial"

    /// `.<leaf>.<8 random [a-z0-9]>.sdc-partial`, the leaf truncated so the name fits 255 bytes.
    static func temporaryName(forLeaf leaf: String) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        // One draw from the system generator (one getrandom call) gives all 8 characters: 36^8 < 2^64.
        var bits = UInt64.random(in: 0...UInt64.max)
        let random = String((0..<8).map { _ in
            defer { bits /= 36 }
            return alphabet[Int(bits % 36)]
        })
        let overhead = 1 + 1 + 8 + partialSuffix.utf8.count
        var truncated = leaf
        while truncated.utf8.count + overhead > 255 { truncated.removeLast() }
        return ".\(truncated).\(random)\(partialSuffix)"
    }

    /// Whether `name` looks like one of ours, for stale-temporary cleanup at start.
    static func isStaleTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(partialSuffix) else { return false }
        let stem = name.dropLast(partialSuffix.utf8.count)
        guard let dot = stem.lastIndex(of: ".") else { return false }
        let random = stem[stem.index(after: dot)...]
        return random.count == 8 && random.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber }
    }

    init(finalPath: String, expectedSize: Int64?, registry: TemporaryFiles) throws(FetchFailure) {
        self.finalPath = finalPath
        self.registry = registry
        let directory = PathString.deletingLastComponent(finalPath)
        let leaf = PathString.lastComponent(finalPath)
        var path = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            path = PathString.appending(directory, Self.temporaryName(forLeaf: leaf))
            fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)  // read back for chunked hashes
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw FetchFailure(.destination, "destination-write", "cannot create a temporary file in \(directory): \(Self.errnoText())")
        }
        registry.register(path)
        self.temporaryPath = path
        self.descriptor = fd
        #if canImport(Glibc)
        if let size = expectedSize, size > 0 {
            // Preallocation fails on some filesystems (tmpfs older kernels); it is only an optimisation.
            _ = posix_fallocate(fd, 0, off_t(size))
        }
        #endif
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(FetchFailure) {
        var offset = 0
        while offset < bytes.count {
            let n = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FetchFailure(.destination, "destination-write", "writing \(temporaryPath) failed: \(Self.errnoText())")
            }
            offset += n
        }
        written += Int64(bytes.count)
        if written - writebackStart >= Self.writebackUnit {
            Self.startWriteback(descriptor, from: writebackStart, count: written - writebackStart)
            writebackStart = written
        }
    }

    /// Bytes appended by `write`, and how far the kernel has been asked to write them to disk.
    private var written: Int64 = 0
    private var writebackStart: Int64 = 0

    /// Dirty bytes after which writing to disk starts, while the download goes on: the fsync before rename
    /// then waits for the last few MiB instead of the whole file (for 1 GiB, seconds on a slow disk).
    static let writebackUnit: Int64 = 8 << 20

    /// Starts writeback without waiting for it; only an optimisation, so errors are ignored (fsync reports them).
    static func startWriteback(_ descriptor: Int32, from offset: Int64, count: Int64) {
        _ = sdc_start_writeback(descriptor, offset, count)
    }

    /// The descriptor for positional writes by concurrent chunk downloads (pwrite is safe to share).
    var positionalWriter: PositionalWriter { PositionalWriter(descriptor: descriptor, path: temporaryPath) }

    /// Drops whatever was written, for a restart from byte 0.
    mutating func truncate() throws(FetchFailure) {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw FetchFailure(.destination, "destination-write", "truncating \(temporaryPath) failed: \(Self.errnoText())")
        }
        written = 0
        writebackStart = 0
    }

    /// fsync, set the modification time, rename over the final name. The caller has verified the bytes.
    mutating func commit(modified: Date?) throws(FetchFailure) {
        if let size = try? currentSize() { _ = ftruncate(descriptor, off_t(size)) }
        guard fsync(descriptor) == 0 else {
            throw FetchFailure(.destination, "destination-write", "fsync of \(temporaryPath) failed: \(Self.errnoText())")
        }
        if let modified {
            let seconds = modified.timeIntervalSince1970
            var times = [
                timespec(tv_sec: time_t(seconds.rounded(.down)), tv_nsec: Int(((seconds - seconds.rounded(.down)) * 1e9).rounded())),
                timespec(tv_sec: time_t(seconds.rounded(.down)), tv_nsec: Int(((seconds - seconds.rounded(.down)) * 1e9).rounded())),
            ]
            _ = futimens(descriptor, &times)
        }
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = Self.errnoText()
            unlink(temporaryPath)
            registry.unregister(temporaryPath)
            throw FetchFailure(.destination, "destination-write", "cannot rename into \(finalPath): \(reason)")
        }
        registry.unregister(temporaryPath)
    }

    /// Removes the temporary; for every failure path.
    mutating func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
        registry.unregister(temporaryPath)
    }

    /// Bytes written so far (the file offset), so preallocated space never survives a commit.
    /// Chunked downloads write with pwrite and leave the offset at 0: they set `finalSize` instead.
    private func currentSize() throws -> Int64 {
        finalSize ?? Int64(lseek(descriptor, 0, SEEK_CUR))
    }

    /// Set by chunked downloads, whose positional writes do not move the file offset.
    var finalSize: Int64?

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)` under a name that the `write` method above does not shadow.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// Writes at explicit offsets into a temporary file; shared by the tasks of one chunked download.
struct PositionalWriter: Sendable {
    let descriptor: Int32
    let path: String

    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(FetchFailure) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + Int64(done)))
            if n < 0 {
                if errno == EINTR { continue }
                throw FetchFailure(.destination, "destination-write", "writing \(path) failed: \(AtomicFile.errnoText())")
            }
            done += n
        }
    }

    /// Starts writing `count` bytes at `offset` to disk (see `AtomicFile.writebackUnit`).
    func startWriteback(from offset: Int64, count: Int64) {
        AtomicFile.startWriteback(descriptor, from: offset, count: count)
    }

    /// Reads back the bytes from `digests.byteCount` up to `end` into the digests, for the hash of a chunked
    /// download (§7.8); `buffer` is the caller's, reused from call to call.
    func digest(into digests: inout StreamingDigests, through end: Int64, buffer: inout [UInt8]) throws(FetchFailure) {
        while digests.byteCount < end {
            let offset = digests.byteCount
            let want = Int(min(Int64(buffer.count), end - offset))
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, want, off_t(offset)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw FetchFailure(.destination, "destination-write", "reading back \(path) failed") }
            buffer.withUnsafeBytes { digests.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
        }
    }
}
