import SDCStorage

/// Which remote each `RCLONE_CONFIG_*` key of a Secret configures (storage.md §8.2 steps 2–4).
public struct SecretRemotes: Sendable {
    /// A remote defined by `RCLONE_CONFIG_<X>_TYPE`; `name` is `X` lower-cased (rclone's own rule, §1.2).
    public struct Remote: Sendable {
        public var name: String
        public var typeEntry: SecretObject.Entry
        /// Nil when the TYPE names no backend sdc knows (`remote-type-unknown`, `remote-type-unsupported`).
        public var backend: BackendDescription?
        public var type: String { typeEntry.value ?? "" }
    }

    public enum Assignment: Sendable {
        /// `RCLONE_CONFIG_<X>_<KEY>` with a defined remote `x`; `option` is the key part lower-cased.
        case option(remote: String, option: String)
        /// Keys that configure a remote whose TYPE is missing; `remote` is the best guess at the name.
        case orphan(remote: String)
        case type(remote: String)
        /// `RCLONE_CONFIG`, `RCLONE_CONFIG_DIR`, `RCLONE_CONFIG_PASS` and keys without `RCLONE_CONFIG_`.
        case other
    }

    public static let reserved: Set<String> = ["RCLONE_CONFIG", "RCLONE_CONFIG_DIR", "RCLONE_CONFIG_PASS"]
    static let prefix = "RCLONE_CONFIG_"

    public var remotes: [Remote]

    init(_ secret: SecretObject) {
        remotes = secret.effectiveEntries.compactMap { entry in
            guard !Self.reserved.contains(entry.key), entry.key.hasPrefix(Self.prefix), entry.key.hasSuffix("_TYPE"),
                entry.key.count > Self.prefix.count + "_TYPE".count
            else { return nil }
            let name = String(entry.key.dropFirst(Self.prefix.count).dropLast("_TYPE".count)).lowercased()
            return Remote(name: name, typeEntry: entry, backend: BackendRegistry.backend(forType: entry.value ?? ""))
        }
    }

    public func remote(named name: String) -> Remote? {
        remotes.first { $0.name == name.lowercased() }
    }

    /// §8.2 step 3: the longest defined remote name that prefixes the key, preferring a split whose key part is a known
    /// option of that remote's backend.
    public func assignment(of key: String) -> Assignment {
        guard !Self.reserved.contains(key), key.hasPrefix(Self.prefix) else { return .other }
        let rest = String(key.dropFirst(Self.prefix.count))
        if let remote = remotes.first(where: { "\($0.name.uppercased())_TYPE" == rest }) { return .type(remote: remote.name) }
        let candidates = remotes.filter { rest.hasPrefix($0.name.uppercased() + "_") && rest.count > $0.name.count + 1 }
            .map { remote in (remote, String(rest.dropFirst(remote.name.count + 1)).lowercased()) }
        let known = candidates.filter { remote, option in remote.backend?.option(named: option) != nil }
        if let best = (known.isEmpty ? candidates : known).max(by: { $0.0.name.count < $1.0.name.count }) {
            return .option(remote: best.0.name, option: best.1)
        }
        return .orphan(remote: Self.guessRemoteName(rest))
    }

    /// For a key with no defined remote: the name before the longest suffix that is an option of some backend.
    static func guessRemoteName(_ rest: String) -> String {
        let options = Set(BackendRegistry.all.flatMap { $0.options.map(\.name) } + ["type"])
        let parts = rest.split(separator: "_", omittingEmptySubsequences: false)
        for split in 1..<max(parts.count, 1) {
            let option = parts[split...].joined(separator: "_").lowercased()
            if options.contains(option) { return parts[..<split].joined(separator: "_").lowercased() }
        }
        return String(parts.first ?? "").lowercased()
    }
}
