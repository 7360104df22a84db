#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// Which credentials an s3 remote signs with (spec/storage.md §2.1.1, §7.3 "s3").
public enum S3Credentials {
    public struct Resolved: Sendable {
        public var source: S3CredentialProvider.Source
        /// The static credentials, when the source is fixed (nil: anonymous or fetched at run time).
        public var credentials: SigV4Signer.Credentials? {
            if case .fixed(let credentials) = source { return credentials }
            return nil
        }
        /// Where they came from, for `-v` and for the 403 hint; never the values.
        public var origin: String
        public var warnings: [Diagnostic] = []
    }

    /// rclone's `s3Connection`: static keys; with env_auth the AWS default chain; else anonymous.
    ///
    /// Chain links, in the AWS SDK's order: static keys; `AWS_ACCESS_KEY_ID`/`AWS_ACCESS_KEY` +
    /// `AWS_SECRET_ACCESS_KEY`/`AWS_SECRET_KEY` (+ `AWS_SESSION_TOKEN`); web identity (IRSA); the shared credentials
    /// file's static keys; container credentials; EC2 instance metadata (skipped with `AWS_EC2_METADATA_DISABLED`).
    public static func resolve(remote: RemoteConfiguration, environment env: [String: String]) throws(FetchFailure) -> Resolved {
        let accessKey = remote.string("access_key_id")
        let secretKey = remote.string("secret_access_key")
        let token = remote.string("session_token")
        let name = remote.name ?? ":s3"
        if !accessKey.isEmpty, !secretKey.isEmpty {
            return Resolved(
                source: .fixed(.init(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: token.isEmpty ? nil : token)),
                origin: "static keys of remote '\(name)'")
        }
        if !remote.bool("env_auth") {
            if accessKey.isEmpty, secretKey.isEmpty {
                return Resolved(source: .fixed(nil), origin: "anonymous (remote '\(name)' has no keys and env_auth=false)")
            }
            let missing = accessKey.isEmpty ? "access_key_id" : "secret_access_key"
            throw .config(
                "s3-half-credentials", "remote '\(name)': \(missing) not found (the other key is set)",
                fix: "set \(remote.name.map { RcloneConfig.environmentName(remote: $0, key: missing) } ?? missing)")
        }
        // env_auth: the AWS SDK's default chain, in its order.
        let profileName = remote.string("profile").isEmpty ? (env["AWS_PROFILE"] ?? "default") : remote.string("profile")
        if remote.string("profile").isEmpty {
            let envKey = env["AWS_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 } ?? env["AWS_ACCESS_KEY"]
            let envSecret = env["AWS_SECRET_ACCESS_KEY"].flatMap { $0.isEmpty ? nil : $0 } ?? env["AWS_SECRET_KEY"]
            if let envKey, let envSecret, !envKey.isEmpty, !envSecret.isEmpty {
                let envToken = env["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
                return Resolved(
                    source: .fixed(.init(accessKeyID: envKey, secretAccessKey: envSecret, sessionToken: envToken)),
                    origin: "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
            }
        }
        if let tokenFile = env["AWS_WEB_IDENTITY_TOKEN_FILE"], let roleARN = env["AWS_ROLE_ARN"], !tokenFile.isEmpty, !roleARN.isEmpty {
            let region = env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"] ?? (remote.string("region").isEmpty ? "us-east-1" : remote.string("region"))
            var sts = remote.string("sts_endpoint")
            if sts.isEmpty { sts = env["AWS_ENDPOINT_URL_STS"] ?? "https://sts.\(region).amazonaws.com" }
            if !sts.contains("://") { sts = "https://" + sts }
            while sts.hasSuffix("/") { sts.removeLast() }
            let session = env["AWS_ROLE_SESSION_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "sdc-fetch-\(Int(Date().timeIntervalSince1970))"
            return Resolved(
                source: .webIdentity(tokenFile: tokenFile, roleARN: roleARN, sessionName: session, stsEndpoint: sts),
                origin: "web identity (AWS_ROLE_ARN \(roleARN))")
        }
        if let resolved = try sharedCredentials(profile: profileName, remote: remote, environment: env) {
            return resolved
        }
        if let full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            return Resolved(
                source: .container(url: full, authorization: env["AWS_CONTAINER_AUTHORIZATION_TOKEN"],
                                   authorizationFile: env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]),
                origin: "container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)")
        }
        if let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            return Resolved(
                source: .container(url: "http://169.254.170.2" + relative, authorization: env["AWS_CONTAINER_AUTHORIZATION_TOKEN"],
                                   authorizationFile: env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]),
                origin: "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)")
        }
        if (env["AWS_EC2_METADATA_DISABLED"] ?? "").lowercased() != "true" {
            return Resolved(
                source: .instanceMetadata(endpoint: env["AWS_EC2_METADATA_SERVICE_ENDPOINT"].map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                    ?? "http://169.254.169.254"),
                origin: "EC2 instance metadata")
        }
        var result = Resolved(source: .fixed(nil), origin: "anonymous (env_auth found no credentials)")
        result.warnings.append(
            .warning(
                "s3-no-credentials",
                "remote '\(name)' has env_auth=true but no AWS credentials were found; requests are anonymous"))
        return result
    }

    /// `~/.aws/credentials` (or `AWS_SHARED_CREDENTIALS_FILE` / `shared_credentials_file`): static keys only.
    static func sharedCredentials(profile: String, remote: RemoteConfiguration, environment env: [String: String]) throws(FetchFailure)
        -> Resolved?
    {
        var path = remote.string("shared_credentials_file")
        if path.isEmpty { path = env["AWS_SHARED_CREDENTIALS_FILE"] ?? "" }
        if path.isEmpty, let home = env["HOME"] { path = home + "/.aws/credentials" }
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let file = try? RcloneConfigFile(parsing: String(decoding: data, as: UTF8.self)) else {
            throw .config("aws-credentials-file", "cannot parse the AWS shared credentials file \(path)")
        }
        guard file.section(profile) != nil else { return nil }
        let key = file.value(section: profile, key: "aws_access_key_id") ?? ""
        let secret = file.value(section: profile, key: "aws_secret_access_key") ?? ""
        if key.isEmpty || secret.isEmpty {
            if file.value(section: profile, key: "credential_process") != nil || file.value(section: profile, key: "role_arn") != nil
                || file.value(section: profile, key: "sso_start_url") != nil
            {
                throw .config(
                    "s3-credentials-unsupported",
                    "AWS profile '\(profile)' uses credential_process, role chaining or SSO, which sdc fetch does not support")
            }
            return nil
        }
        let token = file.value(section: profile, key: "aws_session_token")
        return Resolved(
            source: .fixed(.init(accessKeyID: key, secretAccessKey: secret, sessionToken: token)),
            origin: "AWS shared credentials file, profile '\(profile)'")
    }
}
