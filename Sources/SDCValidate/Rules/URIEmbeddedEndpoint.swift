import SDCDiagnostics

/// `uri-embedded-endpoint` (storage.md `URIEmbeddedEndpoint`, pain point P6): an endpoint written into the URI
/// (`s3://http://minio:9000/bucket`, `s3://minio.local:9000/bucket`) is read by rclone as a bucket name.
struct URIEmbeddedEndpoint: Rule {
    let id = "uri-embedded-endpoint"
    let defaultSeverity = Severity.error
    let summary = "modelUri does not carry an endpoint; endpoints belong in RCLONE_CONFIG_<R>_ENDPOINT"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, let remote = target.rcloneRemoteName, target.isBucketBased || target.uri.remoteName != nil,
                let parts = target.uri.bucketPath
            else { return nil }
            let lowered = parts.bucket.lowercased()
            let embedded = lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || parts.object.contains("://")
                || (parts.bucket.contains(":") && !parts.bucket.contains("@"))  // user info: uri-credentials
            guard embedded else { return nil }
            return .error(
                id, "modelUri \(Quote.uri(target.reference.uri)) contains an endpoint; rclone reads it as the bucket name",
                fix: "put the endpoint in RCLONE_CONFIG_\(remote.uppercased())_ENDPOINT and write \(remote):<bucket>/<path>",
                at: target.reference.location, path: target.reference.path)
        }
    }
}
