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

/// DEST on disk: created if missing, never written through a symlink, cleaned of our own stale temporaries
/// (spec/storage.md §7.5).
struct Destination: Sendable {
    /// DEST with a symlink at DEST itself resolved once.
    let root: String

    init(preparing path: String) throws(FetchFailure) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw FetchFailure(.destination, "destination-invalid", "destination \(path) is a dangling symlink")
            }
            root = String(cString: resolved)
            free(resolved)
        } else {
            root = path
        }
        if stat(root, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw FetchFailure(.destination, "destination-invalid", "destination \(root) exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            } catch {
                throw FetchFailure(.destination, "destination-invalid", "cannot create destination \(root): \(describeFileError(error))")
            }
        }
    }

    /// Removes `*.sdc-partial` files a killed earlier attempt left behind (the emptyDir survives restarts, P12).
    func removeStaleTemporaries() -> Int {
        guard let subpaths = try? FileManager.default.subpathsOfDirectory(atPath: root) else { return 0 }
        var removed = 0
        for relative in subpaths {
            let leaf = PathString.lastComponent(relative)
            if AtomicFile.isStaleTemporaryName(leaf) {
                let path = PathString.appending(root, relative)
                var info = stat()
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    /// Creates the parent directories of `segments` (mode 0777 & ~umask) and returns the final path.
    /// Refuses to pass through or land on a symlink, and a file where a directory is needed.
    func prepareParents(of segments: [String]) throws(FetchFailure) -> String {
        var path = root
        for segment in segments.dropLast() {
            path = PathString.appending(path, segment)
            var info = stat()
            if lstat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR: continue
                case S_IFLNK:
                    throw FetchFailure(.destination, "destination-symlink", "refusing to write through the symlink \(path) inside the destination")
                default:
                    throw FetchFailure(.destination, "destination-invalid", "\(path) exists and is not a directory")
                }
            }
            if mkdir(path, 0o777) != 0, errno != EEXIST {
                throw FetchFailure(.destination, "destination-invalid", "cannot create directory \(path): \(AtomicFile.errnoText())")
            }
        }
        let final = PathString.appending(path, segments.last!)
        var info = stat()
        if lstat(final, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                throw FetchFailure(.destination, "destination-symlink", "refusing to replace the symlink \(final) inside the destination")
            case S_IFDIR:
                throw FetchFailure(.destination, "destination-invalid", "\(final) is a directory, but the source has a file there")
            default: break
            }
        }
        return final
    }

    /// Size and modification time of an existing regular file at `path`.
    static func existingFile(_ path: String) -> (size: Int64, modified: Date)? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let seconds = Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        let seconds = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
        return (Int64(info.st_size), Date(timeIntervalSince1970: seconds))
    }

    /// Free bytes for an unprivileged writer on DEST's filesystem.
    func freeBytes() -> Int64? {
        var info = statvfs()
        guard statvfs(root, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// fsync each directory that received files, so the renames survive a crash.
    static func syncDirectories(_ paths: Set<String>) {
        for path in paths {
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
    }
}
