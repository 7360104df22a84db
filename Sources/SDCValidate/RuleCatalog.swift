/// Every rule of `sdc validate`, in the order they run. storage.md §8.3 names in CamelCase map to these kebab-case ids
/// (`ModelURISyntax` → `model-uri-syntax`, `RemoteUndefined` → `remote-undefined`, …); each rule's doc comment names
/// its storage.md counterpart.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        RenderFindings(),
        // modelUri (storage.md §1.5, §7.2)
        ModelURISyntax(), ModelURIScheme(), ModelURIMissingBucket(), URIEmbeddedEndpoint(), URICredentials(),
        URIPathSegments(), PVCURISyntax(), LocalPathRelative(), BucketName(),
        // the Secret a unit gets (§8.1)
        StorageSecretMissing(), StorageSecretNotInInputs(), StorageSecretNamespace(), RemoteUndefined(), ImplicitRemote(),
        BuiltinGSAnonymous(), KFServingStyleSecret(),
        // Secret contents (§8.2, §8.3)
        SecretDataBase64(), SecretKeyName(), RemoteKeyCase(), RemoteTypeMissing(), RemoteTypeUnknown(),
        RemoteTypeUnsupported(), SecretValueEmpty(), UnknownOption(), OptionValueType(), SecretValueWhitespace(),
        S3AnonymousAccess(), S3HalfCredentials(), S3ProviderCase(), S3EndpointRequired(), EndpointSyntax(), HTTPRemote(),
        AzureNoAuth(), RemoteNameNotEnvSafe(), RemoteKeyAmbiguous(), OptionNewerThanRclone160(), OptionUploadOnly(),
        S3StaticKeysWithEnvAuth(), AWSEnvIgnored(), SeldonV2StyleSecret(), GCSCredentialsJSON(), AzureKeyFormat(),
        SecretKeyOverride(), SecretValueEncoding(), RcloneGlobalEnv(), GCSNoCredentials(), AzureSASURL(), AzureEndpointVersion(),
        // the graph
        GraphNodeDuplicate(), GraphContainerName(), GraphNodeType(), GraphEndpointType(), GraphParameter(), PrepackProtocol(),
        UserInitializerArgs(),
    ]

    public static func rule(id: String) -> (any Rule)? { all.first { $0.id == id } }
}
