/// One rclone backend option as data (spec/storage.md §2): what `sdc fetch` reads and `sdc validate` checks.
///
/// The tables are data, not code, so both commands (and generated docs) agree on every name, type,
/// default and secret flag.
public struct BackendOption: Sendable, Hashable {
    /// How the option's text is parsed (§1.4).
    public enum ValueType: String, Sendable, Hashable {
        case string, bool, int, size, duration, tristate, commaList, encoding, time
    }

    /// Whether a downloader must honour the option (§2 "fetch" column).
    public enum FetchRelevance: String, Sendable, Hashable {
        /// Changes what or how sdc downloads.
        case honoured
        /// Only affects uploads or bucket creation: read, type-checked, ignored.
        case uploadOnly
        /// Neither (name encoding, memory pools, logging).
        case irrelevant
    }

    public var name: String
    public var type: ValueType
    /// rclone's default as rclone would print it; "" means empty/unset.
    public var defaultValue: String
    /// Never print the value (§7.12).
    public var isSecret: Bool
    public var fetch: FetchRelevance
    /// First rclone version that knows the key; "1.60.1" for everything in the primary anchor.
    public var since: String
    /// rclone "no prefix" options are also read from `RCLONE_<KEY>` (§1.1 item 4).
    public var noPrefix: Bool

    public init(
        _ name: String, _ type: ValueType, default defaultValue: String = "", secret: Bool = false,
        fetch: FetchRelevance = .honoured, since: String = "1.60.1", noPrefix: Bool = false
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isSecret = secret
        self.fetch = fetch
        self.since = since
        self.noPrefix = noPrefix
    }

    /// True for keys that rclone 1.60.1 (the compatibility anchor) does not know.
    public var isNewerThanAnchor: Bool { since != "1.60.1" }
}

/// A backend as rclone registers it: the names a `type` value may use, its env/flag prefix, its options.
public struct BackendDescription: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case s3, googleCloudStorage, azureBlob, http, local
    }

    public var kind: Kind
    /// `type` values rclone accepts for this backend, matched case-sensitively (§1.2).
    public var typeNames: [String]
    /// `RCLONE_<PREFIX>_<KEY>` prefix, lower case.
    public var prefix: String
    public var options: [BackendOption]

    public init(kind: Kind, typeNames: [String], prefix: String, options: [BackendOption]) {
        self.kind = kind
        self.typeNames = typeNames
        self.prefix = prefix
        self.options = options
    }

    public func option(named name: String) -> BackendOption? {
        options.first { $0.name == name }
    }
}
