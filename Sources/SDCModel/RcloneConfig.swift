import SDCDiagnostics

/// An rclone configuration file (INI: `[remote]` sections of `key = value` lines), turned into the environment
/// variables rclone reads (`RCLONE_CONFIG_<REMOTE>_<KEY>`, upper-cased) for a Secret the storage initializer can
/// use through `envFrom`.
public struct RcloneConfig: Sendable {
    public struct Entry: Sendable, Hashable {
        public var remote: String
        public var key: String
        public var value: String
    }

    public let entries: [Entry]

    public init(parsing text: String, file: String) throws(Diagnostic) {
        var entries: [Entry] = []
        var remote: String?
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let location = Location(file: file, line: n + 1, column: 1)
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw .error("rclone-config-syntax", "malformed section header \(line)", fix: "write [remote-name]", at: location)
                }
                remote = String(line.dropFirst().dropLast()).trimmingWhitespace()
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                // Never echo the line: it may hold a credential.
                throw .error("rclone-config-syntax", "line \(n + 1) is neither a [section] nor key = value", at: location)
            }
            guard let remote else {
                throw .error("rclone-config-syntax", "key on line \(n + 1) comes before any [remote] section", at: location)
            }
            let key = String(line[..<eq]).trimmingWhitespace()
            let value = String(line[line.index(after: eq)...]).trimmingWhitespace()
            entries.append(Entry(remote: remote, key: key, value: value))
        }
        guard !entries.isEmpty else {
            throw .error("rclone-config-empty", "\(file) defines no remote", at: Location(file: file, line: 1, column: 1))
        }
        self.entries = entries
    }

    /// `RCLONE_CONFIG_<REMOTE>_<KEY>` as rclone derives it: upper-cased, `-` becomes `_`.
    public static func variableName(remote: String, key: String) -> String {
        func env(_ s: String) -> String { String(s.uppercased().map { $0 == "-" ? "_" : $0 }) }
        return "RCLONE_CONFIG_\(env(remote))_\(env(key))"
    }

    /// Variables in file order; a later duplicate wins.
    public var variables: [(String, String)] {
        var order: [String] = []
        var values: [String: String] = [:]
        for e in entries {
            let name = Self.variableName(remote: e.remote, key: e.key)
            if values[name] == nil { order.append(name) }
            values[name] = e.value
        }
        return order.map { ($0, values[$0]!) }
    }
}

extension StringProtocol {
    /// Leading and trailing Unicode whitespace removed (Go `strings.TrimSpace`).
    public func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
