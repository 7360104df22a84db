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
import NIOConcurrencyHelpers
import NIOCore

/// Local paths, `file://` and `pvc://` sources: copies the tree, regular files only (spec/storage.md §7.4).
public struct LocalBackend: StorageBackend {
    public var root: String
    /// `copy_links` (`RCLONE_COPY_LINKS`, `RCLONE_LOCAL_COPY_LINKS`): follow symlinks that stay inside the root.
    public var followSymlinks: Bool
    /// Where DEST is, to refuse copying a tree into itself.
    public var destination: String?
    /// Collected while listing: skipped symlinks and special files, for one summary warning.
    public var description: String
    /// What the walk skipped, for one summary warning each (§7.4).
    private let skipped = NIOLockedValueBox<(symlinks: Int, special: Int)>((0, 0))

    public init(root: String, followSymlinks: Bool = false, destination: String? = nil, description: String? = nil) {
        self.root = root
        self.followSymlinks = followSymlinks
        self.destination = destination
        self.description = description ?? root
    }

    public var secretsForRedaction: [String] { [] }

    public func listingNotices() -> [String] {
        let counts = skipped.withLockedValue { $0 }
        var notices: [String] = []
        if counts.symlinks > 0 {
            notices.append("skipped \(counts.symlinks) symlink\(counts.symlinks == 1 ? "" : "s") in the source (use --copy-links to follow links that stay inside it)")
        }
        if counts.special > 0 {
            notices.append("skipped \(counts.special) special file\(counts.special == 1 ? "" : "s") (sockets, FIFOs, devices) in the source")
        }
        return notices
    }

    public func list() async throws -> SourceListing {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw FetchFailure(.sourceNotFound, "source-not-found", "source \(description) does not exist",
                fix: root.hasPrefix("/mnt/pvc") ? "the operator mounts pvc://<claim>/<path> at /mnt/pvc/<path>; check the path inside the claim and that the init container's user may read it" : nil)
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            let leaf = PathString.lastComponent(root)
            return .singleObject(object(path: root, relative: leaf, info: info))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FetchFailure(.sourceNotFound, "source-not-found", "source \(description) is neither a file nor a directory")
        }
        let realRoot = Self.realPath(root) ?? root
        if let destination, Self.isInside(destination, root: realRoot) || Self.isInside(destination, root: Self.absolute(root)) {
            throw FetchFailure.config("destination-inside-source", "destination \(destination) is inside the source \(description)")
        }
        var objects: [RemoteObject] = []
        try walk(directory: root, relative: "", realRoot: realRoot, into: &objects)
        return .tree(objects)
    }

    private func walk(directory: String, relative: String, realRoot: String, into objects: inout [RemoteObject]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw FetchFailure(.sourceNotFound, "source-unreadable", "cannot read directory \(directory): \(describeFileError(error))")
        }
        for name in names {
            let path = PathString.appending(directory, name)
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // rclone skips symlinks unless -L; a followed link must stay inside the source (§7.4).
                guard followSymlinks, let target = Self.realPath(path),
                    target == realRoot || target.hasPrefix(realRoot + "/"), stat(path, &info) == 0
                else {
                    skipped.withLockedValue { $0.symlinks += 1 }
                    continue
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                objects.append(object(path: path, relative: childRelative, info: info))
            case S_IFDIR:
                try walk(directory: path, relative: childRelative, realRoot: realRoot, into: &objects)
            default:
                skipped.withLockedValue { $0.special += 1 }  // sockets, FIFOs, devices: never copied
            }
        }
    }

    private func object(path: String, relative: String, info: stat) -> RemoteObject {
        #if canImport(Darwin)
        let seconds = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        return RemoteObject(key: path, relativePath: relative, size: Int64(info.st_size), modified: Date(timeIntervalSince1970: seconds))
    }

    public func open(_ object: RemoteObject, from offset: Int64, through last: Int64?) async throws -> ObjectStream {
        let path = object.key
        let fd = posixOpen(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw FetchFailure(.objectNotFound, "source-unreadable", "cannot open \(path): \(AtomicFile.errnoText())")
        }
        if offset > 0, lseek(fd, off_t(offset), SEEK_SET) < 0 {
            close(fd)
            throw FetchFailure(.other, "source-unreadable", "cannot seek in \(path)")
        }
        let limit: Int64? = last.map { $0 - offset + 1 }
        let body = HTTPResponseBody { consume in
            defer { close(fd) }
            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
            var left = limit ?? Int64.max
            while left > 0 {
                buffer.clear()
                let want = Int(min(Int64(1 << 20), left))
                let n = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: want) { pointer in
                    max(0, read(fd, pointer.baseAddress!, want))
                }
                if n == 0 { break }
                left -= Int64(n)
                try await consume(buffer)
            }
        }
        return ObjectStream(length: limit ?? object.size.map { $0 - offset }, body: body)
    }

    /// DEST may not exist yet: resolve its nearest existing ancestor, then append the rest.
    static func isInside(_ path: String, root: String) -> Bool {
        var existing = absolute(path)
        var rest: [String] = []
        while realPath(existing) == nil, existing != "/" {
            rest.insert(PathString.lastComponent(existing), at: 0)
            existing = PathString.deletingLastComponent(existing)
        }
        let resolved = ([realPath(existing) ?? existing] + rest).joined(separator: "/")
        return resolved == root || resolved.hasPrefix(root + "/")
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return PathString.standardizing(joined)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// `open(2)` under a name that `StorageBackend.open` does not shadow.
private func posixOpen(_ path: String, _ flags: Int32) -> Int32 {
    open(path, flags)
}
