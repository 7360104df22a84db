#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDCDiagnostics
import SDCYAML

/// One input read and parsed: the name used in locations and its documents.
struct ParsedInput {
    var name: String
    var documents: [Document]
}

/// Reads input files (or stdin for `-`) and parses them, turning every failure into a located diagnostic.
struct InputReader {
    var limits = YAMLLimits.default

    enum Failure: Error {
        /// The file could not be read at all (exit 66).
        case unreadable(Diagnostic)
        /// The file was read but is not usable YAML (exit 1).
        case invalid(Diagnostic)
    }

    /// The name `-` stands for in messages.
    static let stdinName = "<stdin>"

    func read(_ path: String) -> Result<ParsedInput, Failure> {
        let name = path == "-" ? Self.stdinName : path
        let bytes: [UInt8]
        switch path == "-" ? readAll(fd: STDIN_FILENO) : readFile(path) {
        case .success(let b): bytes = b
        case .failure(let errno):
            let reason = String(cString: strerror(errno.code))
            return .failure(
                .unreadable(
                    .error(
                        "input-unreadable", "cannot read \(name): \(reason)",
                        fix: errno.code == ENOENT ? "check the path" : nil)))
        }
        let documents: [Document]
        do {
            documents = try YAMLParser(limits: limits).parse(bytes, file: name)
        } catch let diagnostic as Diagnostic {
            return .failure(.invalid(diagnostic))
        } catch {
            return .failure(.invalid(.error("yaml-syntax", "\(error)", at: Location(file: name, line: 1, column: 1))))
        }
        // An empty document (`---` with nothing after it) is skipped, as kubectl skips it.
        let objects = documents.filter { !$0.root.isNull }
        guard !objects.isEmpty else {
            return .failure(
                .invalid(
                    .error(
                        "empty-input", "\(name) holds no YAML documents",
                        fix: "give a file with at least one Kubernetes object",
                        at: Location(file: name, line: 1, column: 1))))
        }
        return .success(ParsedInput(name: name, documents: objects))
    }

    struct Errno: Error {
        var code: Int32
    }

    private func readFile(_ path: String) -> Result<[UInt8], Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Errno(code: errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return .failure(Errno(code: EISDIR)) }
        return readAll(fd: fd)
    }

    /// Reads to the end, stopping one byte past the size limit so the parser can report it.
    private func readAll(fd: Int32) -> Result<[UInt8], Errno> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limits.maxInputBytes {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }
}

#if canImport(Glibc)
private let posixRead = Glibc.read
#elseif canImport(Musl)
private let posixRead = Musl.read
#elseif canImport(Darwin)
private let posixRead = Darwin.read
#endif
