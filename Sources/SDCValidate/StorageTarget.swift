import SDCStorage

/// What a unit's init container will find for its modelUri, given the Secret it gets (storage.md §7.2, §8.1).
public struct StorageTarget: Sendable {
    public enum SecretState: Sendable {
        /// Neither `envSecretRefName` nor `predictiveUnit.defaultEnvSecretRefName`.
        case none
        /// Named, but no Secret of that name in the deployment's namespace is among the inputs.
        case notInInputs(String)
        case found(SecretObject)
    }

    public var reference: ModelReference
    public var uri: ModelURI
    public var secret: SecretState

    init(_ reference: ModelReference, context: ValidationContext) {
        self.reference = reference
        uri = ModelURI(reference.uri)
        if let name = reference.secretName {
            secret = context.secret(named: name, namespace: reference.namespace).map { .found($0) } ?? .notInInputs(name)
        } else {
            secret = .none
        }
    }

    /// Units whose init container the user wrote are left alone: the operator runs it as given.
    public var checksStorage: Bool { reference.userInitializer == nil }

    public var secretObject: SecretObject? {
        if case .found(let s) = secret { return s }
        return nil
    }

    /// The scheme-shaped URIs sdc fetch serves without a Secret but the rclone image does not (§7.2 4b–4d).
    public var implicitKind: String? {
        switch uri {
        case .remote(let name, _, _, true) where name.lowercased() == "s3": "s3"
        case .azureURL: "azureblob"
        case .http: "http"
        case .file: "local"
        default: nil
        }
    }

    /// The name rclone looks up for this URI (`https://x` is remote `https` to rclone), or nil when no remote is used.
    public var rcloneRemoteName: String? {
        switch uri {
        case .remote(let name, _, _, _): name.lowercased()
        case .azureURL, .http: reference.uri.prefix { $0 != ":" }.lowercased()
        case .file: "file"
        default: nil
        }
    }

    /// The built-in anonymous `gs` remote of the initializer image (§1.6) applies unless the Secret defines `gs`.
    public var usesBuiltinGS: Bool {
        rcloneRemoteName == "gs" && secretObject?.remotes.remote(named: "gs") == nil
    }

    /// The remote this URI resolves to in the Secret, when the Secret is known and defines it.
    public var definedRemote: SecretRemotes.Remote? {
        guard let name = rcloneRemoteName else { return nil }
        return secretObject?.remotes.remote(named: name)
    }

    /// The backend a bucket check should assume: the defined remote's, else what the scheme implies.
    public var backendKind: BackendDescription.Kind? {
        if let backend = definedRemote?.backend { return backend.kind }
        if case .onTheFly(let b, _, _) = uri { return BackendRegistry.backend(forType: b)?.kind }
        if case .azureURL = uri { return .azureBlob }
        switch rcloneRemoteName {
        case "gs": return .googleCloudStorage
        case "s3": return .s3
        default: return nil
        }
    }

    public var isBucketBased: Bool {
        switch backendKind {
        case .s3, .googleCloudStorage, .azureBlob: true
        default: false
        }
    }
}

extension ValidationContext {
    /// Every modelUri with the Secret its init container gets.
    public var storageTargets: [StorageTarget] {
        modelReferences.map { StorageTarget($0, context: self) }
    }

    /// Secrets checked on their own (§8.1): those with `RCLONE_CONFIG_` keys and those a unit references.
    public var storageSecrets: [SecretObject] {
        let referenced = Set(storageTargets.compactMap { $0.secretObject.map { "\($0.namespace ?? "")/\($0.name)" } })
        return secrets.filter { secret in
            secret.entries.contains { $0.key.uppercased().hasPrefix("RCLONE_CONFIG_") }
                || referenced.contains("\(secret.namespace ?? "")/\(secret.name)")
        }
    }

    /// True when some unit using this Secret runs sdc fetch (storage.md §8.3, last paragraph).
    func isReadBySDCFetch(_ secret: SecretObject) -> Bool {
        storageTargets.contains { $0.secretObject?.name == secret.name && $0.reference.semantics == .sdcFetch }
    }
}
