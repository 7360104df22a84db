/// Remotes sdc supplies when the URI's scheme names none (spec/storage.md §7.3 "Implicit remotes").
/// Off in `--strict` mode, where resolution is rclone's alone.
public enum ImplicitRemotes {
    /// `s3://` without a remote `s3`: AWS with env_auth, filled from the KServe/KFServing variables.
    public static func s3(environment env: [String: String]) throws(FetchFailure) -> RemoteConfiguration {
        var values: [String: RemoteConfiguration.Value] = [
            "provider": .init(text: "AWS", source: .implicit("implicit s3 remote")),
            "env_auth": .init(text: "true", source: .implicit("implicit s3 remote")),
        ]
        if let endpoint = env["AWS_ENDPOINT_URL"] ?? env["S3_ENDPOINT"], !endpoint.isEmpty {
            var url = endpoint
            if !url.contains("://") {
                let plain = ["0", "false"].contains((env["S3_USE_HTTPS"] ?? "").lowercased())
                    || (env["USE_SSL"] ?? "").lowercased() == "false"
                url = (plain ? "http://" : "https://") + url
            }
            values["endpoint"] = .init(text: url, source: .implicit("AWS_ENDPOINT_URL/S3_ENDPOINT"))
            // A custom endpoint is almost never AWS itself: path-style addressing like rclone's `Other`.
            values["provider"] = .init(text: "Other", source: .implicit("AWS_ENDPOINT_URL/S3_ENDPOINT"))
        }
        if let region = env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"], !region.isEmpty {
            values["region"] = .init(text: region, source: .implicit("AWS_REGION"))
        }
        if (env["awsAnonymousCredential"] ?? "").lowercased() == "true" {
            values["env_auth"] = .init(text: "false", source: .implicit("awsAnonymousCredential"))
        }
        if (env["S3_USER_VIRTUAL_BUCKET"] ?? "").lowercased() == "true" {
            values["force_path_style"] = .init(text: "false", source: .implicit("S3_USER_VIRTUAL_BUCKET"))
        }
        return RemoteConfiguration(name: "s3", backend: S3Options.backend, values: values)
    }

    /// An Azure Blob URL: account from the host; SAS from the URL's query, else `AZURE_STORAGE_ACCESS_KEY`, else anonymous.
    public static func azure(
        account: String, serviceURL: String, sasQuery: String?, environment env: [String: String]
    ) -> RemoteConfiguration {
        var values: [String: RemoteConfiguration.Value] = [
            "account": .init(text: account, source: .implicit("URL host")),
            "endpoint": .init(text: serviceURL, source: .implicit("URL host")),
        ]
        if let sasQuery, !sasQuery.isEmpty {
            values["sas_url"] = .init(text: serviceURL + "?" + sasQuery, source: .implicit("URL query"))
        } else if let key = env["AZURE_STORAGE_ACCESS_KEY"], !key.isEmpty {
            values["key"] = .init(text: key, source: .implicit("AZURE_STORAGE_ACCESS_KEY"))
        }
        return RemoteConfiguration(name: nil, backend: AzureBlobOptions.backend, values: values)
    }
}
