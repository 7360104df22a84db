import SDCDiagnostics

/// `model-uri-missing-bucket` (storage.md `ModelURIMissingBucket`): `s3://`, `s3:`, `gs://` alone name every bucket
/// of the account; rclone would try to copy them all (§1.5, §7.4). `s3:/bucket/path` is valid rclone and passes.
struct ModelURIMissingBucket: Rule {
    let id = "model-uri-missing-bucket"
    let defaultSeverity = Severity.error
    let summary = "a bucket-based modelUri names a bucket or container"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, target.isBucketBased, let parts = target.uri.bucketPath, parts.bucket.isEmpty else {
                return nil
            }
            let remote = target.rcloneRemoteName ?? "the remote"
            return .error(
                id, "modelUri \(Quote.uri(target.reference.uri)) names no bucket; it would copy every bucket of remote '\(remote)'",
                fix: "write \(remote)://<bucket>/<path>", at: target.reference.location, path: target.reference.path)
        }
    }
}
