import SDCDiagnostics

/// `s3-endpoint-required` (storage.md `S3EndpointRequired`): a self-hosted or non-AWS provider with no endpoint sends
/// requests to AWS (`s3.<region>.amazonaws.com`), where the bucket does not exist.
struct S3EndpointRequired: Rule {
    let id = "s3-endpoint-required"
    let defaultSeverity = Severity.error
    let summary = "an s3 remote of a non-AWS provider sets endpoint"

    /// Providers rclone has no built-in endpoint for (it falls back to AWS).
    static let needEndpoint: Set<String> = [
        "minio", "ceph", "other", "seaweedfs", "digitalocean", "dreamhost", "cloudflare", "netease", "stackpath", "lyvecloud",
        "idrive", "ibmcos", "rclone", "synology",
    ]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .s3).compactMap { remote, options -> Diagnostic? in
                guard let provider = options["provider"],
                    Self.needEndpoint.contains((provider.value ?? "").trimmingCharactersInWhitespacesAndNewlines().lowercased()),
                    !(options["endpoint"]?.isSet ?? false)
                else { return nil }
                return .error(
                    id, "remote '\(remote.name)' has a non-AWS provider but no endpoint; requests would go to AWS",
                    fix: "add RCLONE_CONFIG_\(remote.name.uppercased())_ENDPOINT, e.g. http://minio.minio.svc.cluster.local:9000",
                    at: provider.keyNode.location, path: "\(provider.field.rawValue).\(provider.key)")
            }
        }
    }
}
