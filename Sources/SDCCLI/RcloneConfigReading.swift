import SDCDiagnostics
import SDCModel
import SDCStorage

/// Reads an rclone.conf for `render --rclone-config` with the same parser `sdc fetch` uses (goconfig's grammar:
/// `key = value` or `key: value`, a DEFAULT section, parent sections, `%(key)s` references), so the generated
/// Secret means to the init container what the file means to rclone.
enum RcloneConfigReading {
    static func config(text: String, file: String) throws(Diagnostic) -> RcloneEnvironment {
        let parsed: RcloneConfigFile
        do throws(RcloneConfigFile.ParseError) {
            parsed = try RcloneConfigFile(parsing: text)
        } catch {
            switch error {
            case .encrypted:
                throw .error(
                    "rclone-config-encrypted", "\(file) is encrypted; sdc cannot read it",
                    fix: "write a decrypted copy with `rclone config show > plain.conf`",
                    at: Location(file: file, line: 1, column: 1))
            case .noSeparator(let line):
                // Never echo the line: it may hold a credential.
                throw .error(
                    "rclone-config-syntax", "line \(line) is neither a [section] nor key = value",
                    at: Location(file: file, line: line, column: 1))
            }
        }
        let entries = parsed.effectiveSettings.map { RcloneEnvironment.Entry(remote: $0.section, key: $0.key, value: $0.value) }
        guard !entries.isEmpty else {
            throw .error(
                "rclone-config-empty", "\(file) defines no remote", fix: "add a [remote] section with a type",
                at: Location(file: file, line: 1, column: 1))
        }
        return RcloneEnvironment(entries: entries)
    }
}
