import Foundation
import SDCDiagnostics

/// Which credentials an s3 remote signs with (spec/storage.md §2.1.1, §7.3 "s3").
public enum S3Credentials {
    public struct Resolved: Sendable {
        /// nil means anonymous (unsigned) requests.
        public var credentials: SigV4Signer.Credentials?
        /// Where they came from, for `-v` and for the 403 hint; never the values.
        public var origin: String
        public var warnings: [Diagnostic] = []
    }

    /// rclone's `s3Connection`: static keys; with env_auth the AWS default chain; else anonymous.
    ///
    /// Supported chain links: static keys, `AWS_ACCESS_KEY_ID`/`AWS_ACCESS_KEY` + `AWS_SECRET_ACCESS_KEY`/`AWS_SECRET_KEY`
    /// (+ `AWS_SESSION_TOKEN`), and the shared credentials file's static keys. Web identity, container credentials
    /// and IMDS are not implemented yet and are reported as such.
    public static func resolve(remote: RemoteConfiguration, environment env: [String: String]) throws(FetchFailure) -> Resolved {
        let accessKey = remote.string("access_key_id")
        let secretKey = remote.string("secret_access_key")
        let token = remote.string("session_token")
        let name = remote.name ?? ":s3"
        if !accessKey.isEmpty, !secretKey.isEmpty {
            return Resolved(
                credentials: .init(accessKeyID: accessKey, secretAccessKey: secretKey, sessionToken: token.isEmpty ? nil : token),
                origin: "static keys of remote '\(name)'")
        }
        if !remote.bool("env_auth") {
            if accessKey.isEmpty, secretKey.isEmpty {
                return Resolved(credentials: nil, origin: "anonymous (remote '\(name)' has no keys and env_auth=false)")
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
                    credentials: .init(accessKeyID: envKey, secretAccessKey: envSecret, sessionToken: envToken),
                    origin: "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
            }
        }
        if env["AWS_WEB_IDENTITY_TOKEN_FILE"] != nil, env["AWS_ROLE_ARN"] != nil {
            throw .config(
                "s3-credentials-unsupported",
                "remote '\(name)': web identity credentials (AWS_WEB_IDENTITY_TOKEN_FILE, IRSA) are not supported by this build of sdc fetch",
                fix: "use static keys, or keep the rclone image for this model")
        }
        if let resolved = try sharedCredentials(profile: profileName, remote: remote, environment: env) {
            return resolved
        }
        var result = Resolved(credentials: nil, origin: "anonymous (env_auth found no credentials)")
        result.warnings.append(
            .warning(
                "s3-no-credentials",
                "remote '\(name)' has env_auth=true but no AWS credentials were found (environment, shared credentials file); requests are anonymous"
                    + (env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] != nil || env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil
                        ? "; container credentials are not supported by this build" : "")))
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
            credentials: .init(accessKeyID: key, secretAccessKey: secret, sessionToken: token),
            origin: "AWS shared credentials file, profile '\(profile)'")
    }
}
