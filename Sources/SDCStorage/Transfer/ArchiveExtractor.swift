#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// `--extract`: unpacks a single fetched `.tar`, `.tar.gz`, `.tgz` or `.zip` into DEST, streaming, with every
/// member name held to the object-key rules and every file written through the temp-and-rename path
/// (spec/storage.md §7.10, §7.9, §7.5). Only regular files and directories are extracted.
struct ArchiveExtractor {
    enum Kind: Equatable { case tar, tarGzip, zip }

    let destination: Destination
    let temporaries: TemporaryFiles

    static func kind(forName name: String) -> Kind? {
        let lower = name.lowercased()
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") { return .tarGzip }
        if lower.hasSuffix(".tar") { return .tar }
        if lower.hasSuffix(".zip") { return .zip }
        return nil
    }

    /// Extracts and returns the member files written; the caller deletes the archive afterwards.
    func extract(_ archivePath: String, kind: Kind) throws(FetchFailure) -> [FileOutcome] {
        do {
            switch kind {
            case .tar, .tarGzip: return try extractTar(archivePath, gzip: kind == .tarGzip)
            case .zip: return try extractZip(archivePath)
            }
        } catch let failure as FetchFailure {
            throw failure
        } catch let failure as Inflater.Failure {
            throw FetchFailure(.other, "archive-corrupt", "\(PathString.lastComponent(archivePath)): \(failure.message)")
        } catch {
            throw FetchFailure(.other, "archive-corrupt", "\(PathString.lastComponent(archivePath)): \(error)")
        }
    }

    // MARK: - Member safety

    /// §7.9 rules for a member name; `./` prefixes are dropped, a trailing `/` marks a directory.
    func memberSegments(_ rawName: String, archive: String) throws(FetchFailure) -> [String]? {
        var name = rawName
        while name.hasPrefix("./") { name.removeFirst(2) }
        if name.hasSuffix("/") { name.removeLast() }
        if name.isEmpty || name == "." { return nil }
        do {
            return try KeySafety.check(name)
        } catch {
            throw FetchFailure(.unsafeKey, "unsafe-archive-member",
                "archive \(archive) has an unsafe member '\(Redaction.escapeNonPrintables(rawName))': \(error.reason)")
        }
    }

    func refuse(_ name: String, _ what: String, archive: String) -> FetchFailure {
        FetchFailure(.unsafeKey, "unsafe-archive-member",
            "archive \(archive) member '\(Redaction.escapeNonPrintables(name))' is \(what); only regular files and directories are extracted")
    }

    func makeDirectory(_ segments: [String]) throws(FetchFailure) {
        _ = try destination.prepareParents(of: segments + ["x"])
    }

    // MARK: - tar (ustar, GNU long names, pax path records)

    private func extractTar(_ path: String, gzip: Bool) throws -> [FileOutcome] {
        let archive = PathString.lastComponent(path)
        var parser = TarParser(extractor: self, archive: archive)
        let inflater = gzip ? try Inflater(.gzip) : nil
        try readChunks(path) { chunk in
            if let inflater {
                try inflater.inflate(chunk) { try parser.feed($0) }
            } else {
                try parser.feed(chunk)
            }
        }
        try parser.finish()
        return parser.outcomes
    }

    struct TarParser {
        let extractor: ArchiveExtractor
        let archive: String
        var outcomes: [FileOutcome] = []
        private var header: [UInt8] = []
        private var remaining: Int64 = 0
        private var padding: Int64 = 0
        private var file: AtomicFile?
        private var fileName = ""
        private var fileSize: Int64 = 0
        /// Collects GNU `L` long names and pax `x` records (small, bounded).
        private var metadata: [UInt8]?
        private var metadataType: UInt8 = 0
        private var pendingName: String?
        private var zeroBlocks = 0
        private(set) var ended = false

        init(extractor: ArchiveExtractor, archive: String) {
            self.extractor = extractor
            self.archive = archive
        }

        mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < bytes.count, !ended {
                if remaining > 0 {
                    let n = Int(min(Int64(bytes.count - offset), remaining))
                    let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
                    if file != nil {
                        try file!.write(slice)
                    } else if metadata != nil {
                        guard metadata!.count + n <= 1 << 20 else { throw FetchFailure(.other, "archive-corrupt", "\(archive): oversized tar metadata") }
                        metadata!.append(contentsOf: slice)
                    }
                    remaining -= Int64(n)
                    offset += n
                    if remaining == 0 { try endEntry() }
                    continue
                }
                if padding > 0 {
                    let n = Int(min(Int64(bytes.count - offset), padding))
                    padding -= Int64(n)
                    offset += n
                    continue
                }
                let n = min(512 - header.count, bytes.count - offset)
                header.append(contentsOf: bytes[offset..<offset + n])
                offset += n
                if header.count == 512 {
                    let block = header
                    header = []
                    try startEntry(block)
                }
            }
        }

        mutating func finish() throws {
            if remaining > 0 || file != nil { throw FetchFailure(.other, "archive-corrupt", "\(archive): truncated tar archive") }
        }

        private static func string(_ block: [UInt8], _ range: Range<Int>) -> String {
            let bytes = block[range].prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }

        private static func number(_ block: [UInt8], _ range: Range<Int>) -> Int64? {
            let field = block[range]
            if let first = field.first, first & 0x80 != 0 {  // GNU base-256
                return field.dropFirst().reduce(Int64(first & 0x7F)) { $0 << 8 | Int64($1) }
            }
            let text = String(decoding: field.prefix { $0 != 0 }, as: UTF8.self).trimmingCharactersInWhitespaces()
            return text.isEmpty ? 0 : Int64(text, radix: 8)
        }

        private mutating func startEntry(_ block: [UInt8]) throws {
            if block.allSatisfy({ $0 == 0 }) {
                zeroBlocks += 1
                if zeroBlocks == 2 { ended = true }
                return
            }
            zeroBlocks = 0
            guard let size = Self.number(block, 124..<136) else {
                throw FetchFailure(.other, "archive-corrupt", "\(archive): bad tar header")
            }
            let type = block[156]
            var name = Self.string(block, 0..<100)
            if Self.string(block, 257..<262) == "ustar" {
                let prefix = Self.string(block, 345..<500)
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            if let pendingName {
                name = pendingName
                self.pendingName = nil
            }
            remaining = size
            padding = (512 - size % 512) % 512
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                if name.hasSuffix("/") { throw extractor.refuse(name, "a file whose name ends in '/'", archive: archive) }
                guard let segments = try extractor.memberSegments(name, archive: archive) else { break }
                let final = try extractor.destination.prepareParents(of: segments)
                file = try AtomicFile(finalPath: final, expectedSize: size, registry: extractor.temporaries)
                fileName = segments.joined(separator: "/")
                fileSize = size
                if size == 0 { try endEntry() }
            case UInt8(ascii: "5"):
                if let segments = try extractor.memberSegments(name, archive: archive) { try extractor.makeDirectory(segments) }
                if size == 0 { remaining = 0 }
            case UInt8(ascii: "L"), UInt8(ascii: "x"):
                metadata = []
                metadataType = type
                if size == 0 { try endEntry() }
            case UInt8(ascii: "g"):
                break  // global pax header: nothing sdc uses; its data is skipped
            case UInt8(ascii: "1"): throw extractor.refuse(name, "a hard link", archive: archive)
            case UInt8(ascii: "2"): throw extractor.refuse(name, "a symbolic link", archive: archive)
            default: throw extractor.refuse(name, "a device, FIFO or other special file", archive: archive)
            }
        }

        private mutating func endEntry() throws {
            if var current = file {
                try current.commit(modified: nil)
                file = nil
                outcomes.append(FileOutcome(relativePath: fileName, size: fileSize, verification: .size, action: .written))
            }
            if let data = metadata {
                metadata = nil
                if metadataType == UInt8(ascii: "L") {
                    pendingName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                } else {
                    // pax records: "<len> key=value\n"
                    for record in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                        guard let space = record.firstIndex(of: " ") else { continue }
                        let pair = record[record.index(after: space)...]
                        if pair.hasPrefix("path=") { pendingName = String(pair.dropFirst(5)) }
                    }
                }
            }
        }
    }

    // MARK: - zip

    private func extractZip(_ path: String) throws -> [FileOutcome] {
        let archive = PathString.lastComponent(path)
        guard let handle = ReadOnlyFile(path: path) else {
            throw FetchFailure(.destination, "archive-unreadable", "cannot open \(archive)")
        }
        defer { handle.close() }
        let fileSize = try handle.size()
        func read(_ offset: Int64, _ count: Int) throws -> [UInt8] {
            let data = try handle.read(at: offset, upToCount: count)
            guard data.count == count else { throw FetchFailure(.other, "archive-corrupt", "\(archive): truncated zip") }
            return data
        }
        func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ b: [UInt8], _ at: Int) -> Int64 { Int64(u16(b, at)) | Int64(u16(b, at + 2)) << 16 }

        // End of central directory: the last 22..65557 bytes.
        let tailLength = Int(min(fileSize, 65_557))
        let tail = try read(fileSize - Int64(tailLength), tailLength)
        guard let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
            tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06
        }) else { throw FetchFailure(.other, "archive-corrupt", "\(archive): no zip end-of-central-directory record") }
        let count = u16(tail, eocd + 10)
        let directorySize = Int(u32(tail, eocd + 12))
        let directoryOffset = u32(tail, eocd + 16)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw FetchFailure(.other, "archive-unsupported", "\(archive): ZIP64 archives are not supported by sdc fetch --extract")
        }
        let directory = try read(directoryOffset, directorySize)
        var outcomes: [FileOutcome] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, u32(directory, at) == 0x0201_4B50 else {
                throw FetchFailure(.other, "archive-corrupt", "\(archive): bad zip central directory")
            }
            let method = u16(directory, at + 10)
            let crc = UInt32(u32(directory, at + 16))
            let compressed = u32(directory, at + 20)
            let size = u32(directory, at + 24)
            let nameLength = u16(directory, at + 28)
            let extraLength = u16(directory, at + 30)
            let commentLength = u16(directory, at + 32)
            let mode = Int((u32(directory, at + 38) >> 16) & 0xF000)
            let localOffset = u32(directory, at + 42)
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            at += 46 + nameLength + extraLength + commentLength

            if mode == 0xA000 { throw refuse(name, "a symbolic link", archive: archive) }
            if mode != 0, mode != 0x8000, mode != 0x4000 { throw refuse(name, "a special file", archive: archive) }
            if name.hasSuffix("/") || mode == 0x4000 {
                if let segments = try memberSegments(name, archive: archive) { try makeDirectory(segments) }
                continue
            }
            guard let segments = try memberSegments(name, archive: archive) else { continue }
            guard method == 0 || method == 8 else {
                throw FetchFailure(.other, "archive-unsupported", "\(archive): member '\(name)' uses compression method \(method); only stored and deflate are supported")
            }
            let local = try read(localOffset, 30)
            guard u32(local, 0) == 0x0403_4B50 else { throw FetchFailure(.other, "archive-corrupt", "\(archive): bad local header for '\(name)'") }
            var dataOffset = localOffset + 30 + Int64(u16(local, 26)) + Int64(u16(local, 28))
            let final = try destination.prepareParents(of: segments)
            var file = try AtomicFile(finalPath: final, expectedSize: size, registry: temporaries)
            do {
                var written: Int64 = 0
                var checksum: UInt32 = 0
                let inflater = method == 8 ? try Inflater(.rawDeflate) : nil
                var left = compressed
                while left > 0 {
                    let n = Int(min(left, 1 << 20))
                    let chunk = try read(dataOffset, n)
                    dataOffset += Int64(n)
                    left -= Int64(n)
                    try chunk.withUnsafeBytes { raw in
                        let sink: (UnsafeRawBufferPointer) throws -> Void = { out in
                            try file.write(out)
                            checksum = zipCRC32(checksum, out)
                            written += Int64(out.count)
                        }
                        if let inflater { try inflater.inflate(raw, sink) } else { try sink(raw) }
                    }
                }
                guard written == size, checksum == crc else {
                    throw FetchFailure(.integrity, "integrity-check", "archive \(archive) member '\(name)': size or CRC-32 does not match")
                }
                try file.commit(modified: nil)
            } catch {
                file.discard()
                throw error
            }
            outcomes.append(FileOutcome(relativePath: segments.joined(separator: "/"), size: size, verification: .crc32, action: .written))
        }
        return outcomes
    }

    private func readChunks(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle = ReadOnlyFile(path: path) else {
            throw FetchFailure(.destination, "archive-unreadable", "cannot open \(PathString.lastComponent(path))")
        }
        defer { handle.close() }
        while case let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            try data.withUnsafeBytes { try body($0) }
        }
    }
}
