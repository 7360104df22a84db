import SDCDiagnostics
import SDCStorage

/// `s3-provider-case` (storage.md `S3ProviderCase`, P11): rclone compares `provider` exactly; `minio` is not `Minio`,
/// and an unknown provider is treated as `Other` (path-style, list v1).
struct S3ProviderCase: Rule {
    let id = "s3-provider-case"
    let defaultSeverity = Severity.warning
    let summary = "the s3 provider is a known value, spelled exactly"

    static let providers = [
        "AWS", "Alibaba", "ArvanCloud", "Ceph", "ChinaMobile", "Cloudflare", "DigitalOcean", "Dreamhost", "GCS", "HuaweiOBS",
        "IBMCOS", "IDrive", "IONOS", "LyveCloud", "Leviia", "Liara", "Linode", "Magalu", "Minio", "Netease", "Outscale",
        "Petabox", "RackCorp", "Rclone", "Scaleway", "SeaweedFS", "Selectel", "StackPath", "Storj", "Synology",
        "TencentCOS", "Wasabi", "Qiniu", "Other",
    ]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageSecrets.flatMap { secret in
            secret.remotes(of: .s3).compactMap { remote, options -> Diagnostic? in
                guard let entry = options["provider"], let value = entry.value?.trimmingCharactersInWhitespacesAndNewlines(),
                    !Self.providers.contains(value)
                else { return nil }
                let exact = Self.providers.first { $0.lowercased() == value.lowercased() }
                let suggestion = exact ?? ClosestName.closest(to: value, among: Self.providers)
                return .warning(
                    id, "\(entry.key) is not a known S3 provider"
                        + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + "; rclone treats it as Other",
                    fix: suggestion.map { "set \(entry.key) to \($0)" } ?? "use a provider from the rclone s3 docs, or Other",
                    at: entry.valueNode.location, path: "\(entry.field.rawValue).\(entry.key)")
            }
        }
    }
}
