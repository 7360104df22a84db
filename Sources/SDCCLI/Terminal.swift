#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDCDiagnostics

/// The process's edges: stdout, stderr and the decision to colour.
enum Terminal {
    static func writeStdout(_ text: String) {
        writeAll(text, to: STDOUT_FILENO)
    }

    /// `pieces` joined by `separator`, written through a 1 MiB buffer so large outputs are never copied whole.
    static func writeStdout(pieces: [String], separator: String) {
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { buffer += separator }
            buffer += piece
            if buffer.utf8.count >= 1 << 20 {
                writeStdout(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { writeStdout(buffer) }
    }

    static func writeStderr(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }

    /// Unbuffered, complete writes: output is produced once, at the end, so a buffer would only add a copy.
    private static func writeAll(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var stderrWantsColor: Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(STDERR_FILENO) != 0
    }

    /// Prints diagnostics on stderr in the chosen format.
    static func report(_ diagnostics: [Diagnostic], options: DiagnosticOptions) {
        let shown = options.quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty || options.diagnosticsFormat == .json else { return }
        let printer = DiagnosticPrinter(
            format: options.diagnosticsFormat, colored: options.diagnosticsFormat == .text && stderrWantsColor)
        writeStderr(printer.render(shown.sortedByLocation()))
    }
}
