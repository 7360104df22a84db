#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDCDiagnostics

extension InputReader {
    /// Reads a non-YAML text input (an rclone.conf) whole, with the same located failure as `read`.
    func readText(_ path: String) -> Result<String, Failure> {
        guard let file = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            return .failure(.unreadable(.error("input-unreadable", "cannot read \(path): \(reason)", fix: errno == ENOENT ? "check the path" : nil)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes += chunk[0..<n] }
            if n < chunk.count { break }
            if bytes.count > limits.maxInputBytes {
                return .failure(.invalid(.error("input-too-large", "\(path) is larger than \(limits.maxInputBytes) bytes", at: Location(file: path, line: 1, column: 1))))
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
