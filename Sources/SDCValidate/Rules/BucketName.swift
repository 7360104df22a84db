import SDCDiagnostics

/// `bucket-name` (storage.md `BucketName`): S3/GCS bucket naming (warning: some S3-compatible stores allow more) and
/// Azure container naming (error: the service refuses it).
struct BucketName: Rule {
    let id = "bucket-name"
    let defaultSeverity = Severity.warning
    let summary = "the bucket or container follows S3/GCS/Azure naming rules"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, let kind = target.backendKind, let bucket = target.uri.bucketPath?.bucket, !bucket.isEmpty,
                !bucket.contains(":")  // an embedded endpoint is reported by uri-embedded-endpoint
            else { return nil }
            let allowed: (Character) -> Bool
            let backendName: String
            switch kind {
            case .s3:
                (allowed, backendName) = ({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-.".contains($0)) }, "S3 bucket")
            case .googleCloudStorage:  // GCS also allows '_' (cloud.google.com/storage/docs/buckets#naming)
                (allowed, backendName) = ({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-._".contains($0)) }, "GCS bucket")
            case .azureBlob:
                (allowed, backendName) = ({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "Azure container")
            default: return nil
            }
            var reason: String?
            if !(3...63).contains(bucket.count) {
                reason = "it must be 3 to 63 characters long"
            } else if let c = bucket.first(where: { !allowed($0) }) {
                reason = "'\(c)' is not allowed (lower case letters, digits\(kind == .azureBlob ? " and '-'" : ", '-' and '.'"))"
            } else if !(bucket.first!.isLetter || bucket.first!.isNumber) || !(bucket.last!.isLetter || bucket.last!.isNumber) {
                reason = "it must start and end with a letter or digit"
            } else if kind == .azureBlob, bucket.contains("--") {
                reason = "'--' is not allowed"
            }
            guard let reason else { return nil }
            return Diagnostic(
                kind == .azureBlob ? .error : .warning, rule: id, "'\(bucket)' is not a valid \(backendName) name: \(reason)",
                fix: "check the bucket name in the modelUri", at: target.reference.location, path: target.reference.path)
        }
    }
}
