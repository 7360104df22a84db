import SDCDiagnostics

/// The remotes of an rclone configuration, turned into the environment variables rclone reads (`RCLONE_CONFIG_<REMOTE>_<KEY>`, upper-cased) for a Secret the storage initializer can
/// use through `envFrom`.
public struct RcloneEnvironment: Sendable {
    public struct Entry: Sendable, Hashable {
        public var remote: String
        public var key: String
        public var value: String

        public init(remote: String, key: String, value: String) {
            self.remote = remote
            self.key = key
            self.value = value
        }
    }

    public let entries: [Entry]

    /// Settings in file order. Parsing an rclone.conf is SDCStorage's job (`RcloneConfigFile`, goconfig's
    /// grammar); the CLI hands the parsed remotes over, so there is one reading of rclone.conf in sdc.
    public init(entries: [Entry]) {
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
