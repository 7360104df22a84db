import SDCDiagnostics

/// `kfserving-style-secret` (storage.md `KFServingStyleSecret`, P7): KFServing/KServe keys are ignored by the rclone
/// initializer; the Secret needs `RCLONE_CONFIG_*` keys instead.
struct KFServingStyleSecret: Rule {
    let id = "kfserving-style-secret"
    let defaultSeverity = Severity.warning
    let summary = "a referenced Secret is in the rclone format, not KFServing's"

    static let keys = ["awsAccessKeyID", "awsSecretAccessKey", "AWS_ENDPOINT_URL", "USE_SSL", "S3_USE_HTTPS", "S3_ENDPOINT"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen = Set<String>()
        return context.storageTargets.compactMap { target -> Diagnostic? in
            guard let secret = target.secretObject, seen.insert(secret.name).inserted,
                !secret.entries.contains(where: { $0.key.hasPrefix("RCLONE_CONFIG_") }),
                let first = secret.entries.first(where: { Self.keys.contains($0.key) })
            else { return nil }
            return .warning(
                id, "secret '\(secret.name)' is in the KFServing format, which the rclone initializer ignores",
                fix: "use RCLONE_CONFIG_S3_TYPE: s3, RCLONE_CONFIG_S3_ACCESS_KEY_ID, RCLONE_CONFIG_S3_SECRET_ACCESS_KEY, RCLONE_CONFIG_S3_ENDPOINT (and RCLONE_CONFIG_S3_PROVIDER)",
                at: first.keyNode.location, path: "\(first.field.rawValue).\(first.key)")
        }
    }
}
