import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// Runs one fetch: list, check keys, download in parallel with retries, verify, rename into place
/// (spec/storage.md §7.4–§7.9). The backend and the log sink are injected; nothing here is global.
public struct Fetcher: Sendable {
    public var backend: any StorageBackend
    public var destination: String
    public var options: FetchOptions
    public var temporaries: TemporaryFiles
    /// Receives progress lines (`-v`); the CLI decides where they go.
    public var log: @Sendable (String) -> Void
    /// Files and bytes so far, for a progress line; nil when nobody draws one.
    public var progress: TransferProgress?

    public init(
        backend: any StorageBackend, destination: String, options: FetchOptions = FetchOptions(),
        temporaries: TemporaryFiles = TemporaryFiles(), progress: TransferProgress? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.progress = progress
        self.backend = backend
        self.destination = destination
        self.options = options
        self.temporaries = temporaries
        self.log = log
    }

    /// A file ready to transfer: the object, where it goes, its checked path segments.
    struct Job: Sendable {
        var object: RemoteObject
        var relativePath: String
        var segments: [String]
    }

    public func run(sourceDescription: String) async -> FetchReport {
        var report = FetchReport()
        do {
            let listing = try await withLowLevelRetries("listing") { try await backend.list() }
            report.warnings += backend.listingNotices()
            var jobs: [Job] = []
            var filtered = 0
            for object in listing.objects.sorted(by: { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }) {
                if !options.filter.keeps(object.relativePath) {
                    filtered += 1
                    continue
                }
                do {
                    jobs.append(Job(object: object, relativePath: object.relativePath, segments: try KeySafety.check(object.relativePath)))
                } catch {
                    let message = "unsafe object key '\(Redaction.escapeNonPrintables(object.key))': \(error.reason)"
                    if options.skipUnsafeKeys {
                        report.warnings.append(message + "; skipped")
                    } else {
                        throw FetchFailure(.unsafeKey, "unsafe-object-key", message, fix: "rename the object, or pass --skip-unsafe-keys to skip such keys")
                    }
                }
            }
            let collisions = KeySafety.collisions(jobs.map(\.relativePath))
            if let first = collisions.first {
                throw FetchFailure(.unsafeKey, "unsafe-object-key", "object key '\(Redaction.escapeNonPrintables(first))' is both a file and a directory (or repeated) in the source")
            }
            if jobs.isEmpty, !options.allowEmpty {
                throw FetchFailure(.sourceNotFound, "source-empty",
                    "no objects found under \(Redaction.quoted(sourceDescription))" + (filtered > 0 ? " (\(filtered) excluded by filters)" : ""),
                    fix: "check the bucket and prefix; pass --allow-empty to accept an empty source as rclone does")
            }
            if let cap = options.maxTotalBytes {
                let listed = jobs.reduce(Int64(0)) { $0 + ($1.object.size ?? 0) }
                if listed > cap { throw Self.tooLarge(listed, cap: cap) }
            }
            let destination = try Destination(preparing: self.destination)
            let stale = destination.removeStaleTemporaries()
            if stale > 0 { report.warnings.append("removed \(stale) stale temporary file\(stale == 1 ? "" : "s") from an earlier attempt") }
            if !options.noSpaceCheck, let free = destination.freeBytes() {
                let needed = jobs.reduce(Int64(0)) { $0 + ($1.object.size ?? 0) }
                if needed > free {
                    throw FetchFailure(.destination, "destination-no-space",
                        "the source holds \(needed) bytes but only \(free) bytes are free in \(destination.root)",
                        fix: "give the init container a bigger volume, or pass --no-space-check")
                }
            }
            progress?.planned(files: jobs.count, bytes: jobs.reduce(Int64(0)) { $0 + ($1.object.size ?? 0) })
            // An fsync blocks its thread until the disk has the data. On Swift's cooperative pool, which has one
            // thread a core, that would stall the other transfers, so commits run on threads of their own.
            let fileSystem = NIOThreadPool(numberOfThreads: max(2, options.transfers))
            fileSystem.start()
            do {
                try await transferAll(jobs, into: destination, fileSystem: fileSystem, report: &report)
            } catch {
                try? await fileSystem.shutdownGracefully()
                throw error
            }
            try? await fileSystem.shutdownGracefully()
            if options.extract, report.failures.isEmpty {
                try extractSingleArchive(into: destination, report: &report)
            }
        } catch let failure as FetchFailure {
            report.failures.append(scrubbed(failure))
        } catch {
            report.failures.append(scrubbed(FetchFailure(.other, "fetch-failed", "\(error)")))
        }
        return report
    }

    /// `--max-size` exceeded; not retryable, since the same source will be as large next time.
    static func tooLarge(_ bytes: Int64, cap: Int64, streaming: Bool = false) -> FetchFailure {
        FetchFailure(.other, "fetch-too-large",
            streaming
                ? "an object's body passed \(cap) bytes, the --max-size limit, while downloading"
                : "the source holds \(bytes) bytes, over the --max-size limit of \(cap) bytes",
            fix: "raise --max-size (or SDC_MAX_SIZE) if this model really is that large")
    }

    /// KServe's rule (§7.10): exactly one file fetched and it is an archive → unpack it into DEST, delete it.
    private func extractSingleArchive(into destination: Destination, report: inout FetchReport) throws(FetchFailure) {
        guard report.outcomes.count == 1, let archive = report.outcomes.first,
            let kind = ArchiveExtractor.kind(forName: archive.relativePath)
        else { return }
        let path = PathString.appending(destination.root, archive.relativePath)
        let members = try ArchiveExtractor(destination: destination, temporaries: temporaries).extract(path, kind: kind)
        unlink(path)
        log("extracted \(members.count) file\(members.count == 1 ? "" : "s") from \(archive.relativePath)")
        report.outcomes = members.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// Passes over the files; each pass retries only those that failed with a retryable error (§7.7 "High-level").
    private func transferAll(
        _ jobs: [Job], into destination: Destination, fileSystem: NIOThreadPool, report: inout FetchReport
    ) async throws {
        var pending = jobs
        var touchedDirectories = Set<String>()
        var pass = 0
        var lastFailures: [FetchFailure] = []
        while !pending.isEmpty {
            pass += 1
            if pass > 1, options.retriesSleep > 0 { try await Task.sleep(nanoseconds: UInt64(options.retriesSleep * 1e9)) }
            let results = await transferPass(pending, into: destination, fileSystem: fileSystem)
            var retry: [Job] = []
            lastFailures = []
            for (job, result) in results {
                switch result {
                case .success(let outcome):
                    report.outcomes.append(outcome)
                    progress?.finished(unreceivedBytes: outcome.action == .written ? Int64(0) : Int64(outcome.size))
                    touchedDirectories.insert(PathString.deletingLastComponent(PathString.appending(destination.root, job.relativePath)))
                    log("\(outcome.action == .written ? "fetched" : "unchanged") \(job.relativePath) (\(outcome.size) bytes\(outcome.verification.map { ", \($0.rawValue)" } ?? ""))")
                case .failure(let failure):
                    if failure.isRetryable { retry.append(job) }
                    lastFailures.append(failure)
                }
            }
            if lastFailures.contains(where: { !$0.isRetryable }) || retry.isEmpty || pass >= max(1, options.retries) {
                report.failures += lastFailures.map(scrubbed)
                break
            }
            log("retrying \(retry.count) file\(retry.count == 1 ? "" : "s") (pass \(pass + 1) of \(options.retries))")
            pending = retry
        }
        Destination.syncDirectories(touchedDirectories)
        report.outcomes.sort { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
    }

    /// At most `transfers` files downloading at once. A downloaded file's commit (fsync, rename) runs on
    /// `fileSystem` while its slot already downloads the next file: an fsync waits for the disk, not the
    /// network, and holding the slot through it made small-file trees wait on the disk once a file.
    private func transferPass(_ jobs: [Job], into destination: Destination, fileSystem: NIOThreadPool) async
        -> [(Job, Result<FileOutcome, FetchFailure>)]
    {
        let slots = max(1, options.transfers)
        // Each commit waiting for a thread holds an open temporary; this bounds them.
        let commitLimit = 2 * max(2, slots)
        return await withTaskGroup(of: SlotResult.self) { group in
            var results: [(Int, Result<FileOutcome, FetchFailure>)] = []
            var next = 0
            var downloading = 0
            var committing = 0
            func startDownloads() {
                while downloading < slots, committing < commitLimit, next < jobs.count {
                    let index = next
                    let job = jobs[index]
                    next += 1
                    downloading += 1
                    group.addTask {
                        do {
                            switch try await receive(job, into: destination) {
                            case .skipped(let outcome): return .downloaded(index, .success(outcome))
                            case .received(let file, let outcome): return .awaitingCommit(index, file, outcome)
                            }
                        } catch {
                            return .downloaded(index, .failure(Self.transferFailure(error, job)))
                        }
                    }
                }
            }
            startDownloads()
            while let result = await group.next() {
                switch result {
                case .downloaded(let index, let outcome):
                    downloading -= 1
                    results.append((index, outcome))
                case .awaitingCommit(let index, let file, let outcome):
                    downloading -= 1
                    committing += 1
                    let job = jobs[index]
                    group.addTask {
                        var file = file
                        do {
                            try await Self.commit(&file, modified: job.object.modified, on: fileSystem)
                            return .committed(index, .success(outcome))
                        } catch {
                            file.discard()
                            return .committed(index, .failure(Self.transferFailure(error, job)))
                        }
                    }
                case .committed(let index, let outcome):
                    committing -= 1
                    results.append((index, outcome))
                }
                startDownloads()
            }
            return results.sorted { $0.0 < $1.0 }.map { (jobs[$0.0], $0.1) }
        }
    }

    /// What a task of `transferPass` hands back.
    private enum SlotResult: Sendable {
        /// The slot is free: the file was skipped, or failed.
        case downloaded(Int, Result<FileOutcome, FetchFailure>)
        /// The slot is free; the verified temporary still needs its commit.
        case awaitingCommit(Int, AtomicFile, FileOutcome)
        case committed(Int, Result<FileOutcome, FetchFailure>)
    }

    private static func transferFailure(_ error: any Error, _ job: Job) -> FetchFailure {
        switch error {
        case let failure as FetchFailure: failure
        case is CancellationError: FetchFailure(.interrupted, "interrupted", "interrupted")
        default: FetchFailure(.transient, "transfer-failed", "\(job.relativePath): \(error)", retryable: true)
        }
    }

    /// A file already identical at its final path, or a verified temporary waiting to be committed.
    enum Received: Sendable {
        case skipped(FileOutcome)
        case received(AtomicFile, FileOutcome)
    }

    /// One file up to its commit: skip if identical (§3.2), else stream to a temporary and verify (§7.8).
    /// The temporary is removed on any failure here; after success the caller commits it (§7.5).
    func receive(_ job: Job, into destination: Destination) async throws -> Received {
        let object = job.object
        var file: AtomicFile
        // A few short system calls (stat, create; rarely an existing file hashed, CPU work like a download's):
        // cheaper run here than handed to another thread and back.
        switch try prepare(job, in: destination) {
        case .skip(let outcome): return .skipped(outcome)
        case .write(let created): file = created
        }
        do {
            let (digests, responseHashes, streamLength): (StreamingDigests, ObjectHashes, Int64?)
            // rclone skips multi-thread for local sources: a plain copy is as fast (§3.6).
            if let size = object.size, options.multiThreadStreams > 1, size >= options.multiThreadCutoff, size > 0,
                !(backend is LocalBackend)
            {
                (digests, responseHashes, streamLength) = try await downloadInChunks(object, size: size, into: &file)
            } else {
                (digests, responseHashes, streamLength) = try await download(object, into: &file)
            }
            let verification = try verify(job, digests: digests, responseHashes: responseHashes, streamLength: streamLength)
            return .received(file, FileOutcome(relativePath: job.relativePath, size: digests.byteCount, verification: verification, action: .written))
        } catch {
            file.discard()
            throw error
        }
    }

    /// A file already in place (skipped), or the temporary to stream into.
    enum Prepared: Sendable {
        case skip(FileOutcome)
        case write(AtomicFile)
    }

    /// Directories, the skip decision (rclone's NeedTransfer, §3.2: size, then time, then a common hash; no
    /// hash means transfer) and the temporary file.
    private func prepare(_ job: Job, in destination: Destination) throws(FetchFailure) -> Prepared {
        let finalPath = try destination.prepareParents(of: job.segments)
        let object = job.object
        if let existing = Destination.existingFile(finalPath), !options.ignoreTimes {
            let sameSize = object.size == nil || object.size == existing.size
            let sameTime = object.modified.map { abs($0.timeIntervalSince(existing.modified)) <= 1 } ?? false
            if options.ignoreExisting || (sameSize && (options.sizeOnly || sameTime)) {
                return .skip(FileOutcome(relativePath: job.relativePath, size: existing.size, verification: nil, action: .skipped))
            }
            if sameSize, let expected = object.hashes.md5, Self.md5(ofFile: finalPath) == expected {
                if let modified = object.modified { Self.setModificationTime(finalPath, modified) }
                return .skip(FileOutcome(relativePath: job.relativePath, size: existing.size, verification: .md5, action: .skipped))
            }
        }
        return .write(try AtomicFile(finalPath: finalPath, expectedSize: object.size, registry: temporaries))
    }

    /// fsync and rename on `fileSystem`, handing back the file's state (a descriptor it closed must not be
    /// closed again by `discard`).
    private static func commit(_ file: inout AtomicFile, modified: Date?, on fileSystem: NIOThreadPool) async throws {
        let pending = file
        let (committed, failure) = try await fileSystem.runIfActive { () -> (AtomicFile, FetchFailure?) in
            var file = pending
            do throws(FetchFailure) {
                try file.commit(modified: modified)
                return (file, nil)
            } catch {
                return (file, error)
            }
        }
        file = committed
        if let failure { throw failure }
    }

    static func md5(ofFile path: String) -> [UInt8]? {
        guard let handle = ReadOnlyFile(path: path) else { return nil }
        defer { handle.close() }
        var md5 = Insecure.MD5()
        while let data = try? handle.read(upToCount: 1 << 20), !data.isEmpty { md5.update(data: data) }
        return Array(md5.finalize())
    }

    static func setModificationTime(_ path: String, _ date: Date) {
        try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    /// Streams the object into `file`, resuming a broken stream at the byte reached (§7.7), hashing as it goes.
    private func download(_ object: RemoteObject, into file: inout AtomicFile) async throws
        -> (StreamingDigests, ObjectHashes, Int64?)
    {
        var digests = StreamingDigests()
        var responseHashes = ObjectHashes()
        var totalLength: Int64?
        var attempt = 0
        while true {
            attempt += 1
            do {
                let stream = try await backend.open(object, from: digests.byteCount)
                if digests.byteCount == 0 {
                    responseHashes = stream.hashes
                    totalLength = stream.length
                    digests.choose(for: ObjectHashes(
                        md5: stream.hashes.md5 ?? object.hashes.md5, crc32c: stream.hashes.crc32c ?? object.hashes.crc32c))
                }
                let cap = options.maxTotalBytes
                let size = object.size ?? totalLength ?? Int64.max
                if digests.isHashing, size >= ConcurrentDigest.threshold {
                    var received = digests.byteCount
                    try await ConcurrentDigest.feeding(&digests) { hash in
                        try await stream.body.forEachChunk { buffer in
                            try Self.write(buffer, to: &file, receivedBefore: received, cap: cap)
                            received += Int64(buffer.readableBytes)
                            progress?.received(buffer.readableBytes)
                            await hash(buffer)
                        }
                    }
                } else {
                    try await stream.body.forEachChunk { buffer in
                        try Self.write(buffer, to: &file, receivedBefore: digests.byteCount, cap: cap)
                        buffer.withUnsafeReadableBytes { digests.update($0) }
                        progress?.received(buffer.readableBytes)
                    }
                }
                return (digests, responseHashes, totalLength)
            } catch {
                try await backOffOrThrow(
                    error, attempt: attempt, rule: "transfer-failed",
                    message: "\(Redaction.escapeNonPrintables(object.relativePath)): \(error) (after \(attempt) attempts)",
                    retrying: "retrying \(object.relativePath) from byte \(digests.byteCount) after: \(error)")
            }
        }
    }

    /// Appends one chunk of a streamed body to `file`. A body longer than the whole budget (an unlisted size,
    /// or a server that lies) stops here.
    private static func write(_ buffer: ByteBuffer, to file: inout AtomicFile, receivedBefore: Int64, cap: Int64?) throws {
        if let cap, receivedBefore + Int64(buffer.readableBytes) > cap {
            throw tooLarge(receivedBefore + Int64(buffer.readableBytes), cap: cap, streaming: true)
        }
        try buffer.withUnsafeReadableBytes { try file.write($0) }
    }

    /// Large files: `multiThreadStreams` ranged GETs at once over `multiThreadChunkSize` chunks, each written at
    /// its offset and retried alone (resuming inside the chunk); the file is read back and hashed from the start
    /// as the chunks fill it (`ChunkedDigest`, §7.6, §7.8). Ranged reads are pinned to the listed version by the
    /// backends (If-Match / generation).
    private func downloadInChunks(_ object: RemoteObject, size: Int64, into file: inout AtomicFile) async throws
        -> (StreamingDigests, ObjectHashes, Int64?)
    {
        let writer = file.positionalWriter
        let chunk = max(1 << 20, options.multiThreadChunkSize)
        let starts = Array(stride(from: Int64(0), to: size, by: Int(chunk)))
        let streams = options.multiThreadStreams
        let digest = ChunkedDigest(starts: starts, size: size)
        async let hashing = digest.run(listed: object.hashes, reading: writer)
        let chunks: Result<Void, any Error>
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func startNext() {
                    guard next < starts.count else { return }
                    let index = next
                    next += 1
                    let last = min(size, starts[index] + chunk) - 1
                    group.addTask {
                        try await downloadChunk(object, from: starts[index], through: last, writer: writer) { count in
                            digest.received(count, inChunk: index)
                        } firstResponse: { hashes in
                            // The first chunk's response carries whole-object hashes (S3 ETag or
                            // x-amz-meta-md5chksum, Azure x-ms-blob-content-md5) that a listing may lack.
                            if index == 0 { digest.firstResponse(hashes) }
                        }
                    }
                }
                for _ in 0..<streams { startNext() }
                while try await group.next() != nil { startNext() }
            }
            chunks = .success(())
        } catch {
            chunks = .failure(error)
        }
        digest.end()
        let (digests, firstResponseHashes) = try await hashing
        try chunks.get()
        file.finalSize = size
        log("fetched \(object.relativePath) with \(starts.count) ranged request\(starts.count == 1 ? "" : "s")")
        return (digests, firstResponseHashes, size)
    }

    /// One chunk, resumed inside itself on a broken stream; reports the bytes it writes and the hashes its first
    /// response carried.
    private func downloadChunk(
        _ object: RemoteObject, from start: Int64, through last: Int64, writer: PositionalWriter,
        received report: (Int64) -> Void, firstResponse: (ObjectHashes) -> Void
    ) async throws {
        var received: Int64 = 0
        var writebackStart: Int64 = 0
        var reportedHashes = false
        let length = last - start + 1
        var attempt = 0
        while received < length {
            attempt += 1
            do {
                let stream = try await backend.open(object, from: start + received, through: last)
                if !reportedHashes {
                    firstResponse(stream.hashes)
                    reportedHashes = true
                }
                try await stream.body.forEachChunk { buffer in
                    let count = min(Int64(buffer.readableBytes), length - received)
                    try buffer.withUnsafeReadableBytes { bytes in
                        try writer.write(UnsafeRawBufferPointer(rebasing: bytes[..<Int(count)]), at: start + received)
                    }
                    received += count
                    report(count)
                    progress?.received(Int(count))
                    if received - writebackStart >= AtomicFile.writebackUnit {
                        writer.startWriteback(from: start + writebackStart, count: received - writebackStart)
                        writebackStart = received
                    }
                }
                if received < length { throw FetchFailure(.transient, "short-read", "range ended early", retryable: true) }
            } catch {
                try await backOffOrThrow(
                    error, attempt: attempt, rule: "transfer-failed",
                    message: "\(Redaction.escapeNonPrintables(object.relativePath)) bytes \(start)-\(last): \(error)")
            }
        }
    }

    /// Size first, then the strongest hash the source published (§7.8). A mismatch is retryable (exit 10 at the end).
    private func verify(_ job: Job, digests: StreamingDigests, responseHashes: ObjectHashes, streamLength: Int64?) throws(FetchFailure)
        -> Verification
    {
        let name = Redaction.escapeNonPrintables(job.relativePath)
        if let expected = job.object.size ?? streamLength, expected != digests.byteCount {
            throw FetchFailure(.integrity, "integrity-check", "integrity check failed for \(name): expected \(expected) bytes, got \(digests.byteCount)", retryable: true)
        }
        if let expected = responseHashes.md5 ?? job.object.hashes.md5, let md5 = digests.md5 {
            let got = Array(md5.finalize())
            guard got == expected else {
                throw FetchFailure(.integrity, "integrity-check",
                    "integrity check failed for \(name): expected md5 \(ObjectHashes.hex(expected)), got \(ObjectHashes.hex(got))", retryable: true)
            }
            return .md5
        }
        if let expected = responseHashes.crc32c ?? job.object.hashes.crc32c, let crc = digests.crc32c {
            let got = crc.value
            guard got == expected else {
                throw FetchFailure(.integrity, "integrity-check",
                    "integrity check failed for \(name): expected crc32c \(String(cFormat: "%08x", expected)), got \(String(cFormat: "%08x", got))", retryable: true)
            }
            return .crc32c
        }
        return (job.object.size ?? streamLength) != nil ? .size : .none
    }

    /// Retries a request-level operation on transient errors (§7.7), up to `--low-level-retries` attempts.
    func withLowLevelRetries<T: Sendable>(_ what: String, _ operation: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await operation()
            } catch {
                try await backOffOrThrow(
                    error, attempt: attempt, rule: "request-failed", message: "\(what) failed after \(attempt) attempts: \(error)",
                    retrying: "retrying \(what) after: \(error)")
            }
        }
    }

    /// What every low-level retry loop does after a failed attempt (§7.7): an error that must not be retried, or
    /// the last allowed attempt's, is thrown (a non-FetchFailure as `rule` with `message`); otherwise `retrying` is
    /// logged and the backoff (or the server's Retry-After) waited out.
    private func backOffOrThrow(
        _ error: any Error, attempt: Int, rule: String, message: @autoclosure () -> String,
        retrying: @autoclosure () -> String? = nil
    ) async throws {
        if let failure = error as? FetchFailure, !failure.isRetryable { throw failure }
        if Task.isCancelled { throw CancellationError() }
        guard attempt < max(1, options.lowLevelRetries) else {
            if let failure = error as? FetchFailure { throw failure }
            throw FetchFailure(.transient, rule, message(), retryable: true)
        }
        if let line = retrying() { log(line) }
        try await Task.sleep(nanoseconds: UInt64(try Backoff.delay(attempt: attempt, base: options.backoffBase, after: error) * 1e9))
    }

    private func scrubbed(_ failure: FetchFailure) -> FetchFailure {
        var failure = failure
        failure.diagnostic.message = Redaction.scrub(failure.diagnostic.message, secrets: backend.secretsForRedaction)
        return failure
    }
}

/// Exponential backoff with full jitter: base 200 ms, factor 2, cap 20 s (spec/storage.md §7.7).
/// A server's `Retry-After` wins when it is longer, up to 5 minutes; beyond that the error is reported instead.
enum Backoff {
    static func delay(attempt: Int, base: Double, cap: Double = 20) -> Double {
        let ceiling = min(cap, base * pow(2, Double(max(0, attempt - 1))))
        return Double.random(in: 0...ceiling)
    }

    static func delay(attempt: Int, base: Double, after error: any Error) throws -> Double {
        let backoff = delay(attempt: attempt, base: base)
        guard let failure = error as? FetchFailure, let requested = failure.retryAfter else { return backoff }
        if requested > 300 { throw failure }
        return max(backoff, requested)
    }
}
