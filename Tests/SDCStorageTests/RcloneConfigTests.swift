import SDCDiagnostics
import Testing
@testable import SDCStorage

/// Remote definition and option layering (spec/storage.md §1.1, §1.2, §7.3).
struct RcloneConfigTests {
    @Test func environmentNamesFollowConfigToEnv() {
        #expect(RcloneConfig.environmentName(remote: "my-remote", key: "access-key-id") == "RCLONE_CONFIG_MY-REMOTE_ACCESS_KEY_ID")
        #expect(RcloneConfig.environmentName(remote: "s3", key: "type") == "RCLONE_CONFIG_S3_TYPE")
    }

    @Test func precedenceRemoteEnvThenBackendEnvThenFileThenDefault() throws {
        let file = try RcloneConfigFile(parsing: "[minio]\ntype = s3\nregion = from-file\nendpoint = http://file\nlist_chunk = 7\n")
        let config = RcloneConfig(
            environment: ["RCLONE_CONFIG_MINIO_REGION": "from-env", "RCLONE_S3_ENDPOINT": "http://backend-wide"], file: file)
        let remote = try config.configuration(remote: "minio")
        #expect(remote.backend.kind == .s3)
        #expect(remote.string("region") == "from-env")
        #expect(remote.string("endpoint") == "http://backend-wide")
        #expect(remote.int("list_chunk") == 7)
        #expect(remote.bool("force_path_style") == true)  // the table's default
    }

    @Test func connectionStringBeatsEverything() throws {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_M_TYPE": "s3", "RCLONE_CONFIG_M_REGION": "env"])
        let remote = try config.configuration(remote: "m", connectionParameters: ["region": "cs"])
        #expect(remote.string("region") == "cs")
    }

    @Test func emptyEnvValueCountsAsSetAndKeepsDefaultForNonStrings() throws {
        let config = RcloneConfig(environment: [
            "RCLONE_CONFIG_M_TYPE": "s3", "RCLONE_CONFIG_M_REGION": "", "RCLONE_CONFIG_M_LIST_CHUNK": "",
            "RCLONE_S3_REGION": "backend",
        ])
        let remote = try config.configuration(remote: "m")
        #expect(remote.string("region") == "")
        #expect(remote.int("list_chunk") == 1000)
    }

    @Test func envRemotesAreCaseInsensitiveFileRemotesAreNot() throws {
        let file = try RcloneConfigFile(parsing: "[Prod]\ntype = s3\n")
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_S3_TYPE": "s3"], file: file)
        #expect(config.remoteExists("S3"))
        #expect(config.remoteExists("Prod"))
        #expect(!config.remoteExists("prod"))
    }

    @Test func missingTypeIsUndefinedAndNamesTheDefinedRemotes() {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_MINIO_TYPE": "s3", "RCLONE_CONFIG_S3_ACCESS_KEY_ID": "x"])
        #expect(!config.remoteExists("s3"))
        do {
            _ = try config.configuration(remote: "mini")
            Issue.record("expected an error")
        } catch {
            #expect(error.exitCode == .usageOrConfig)
            #expect(error.diagnostic.rule == "remote-undefined")
            #expect(error.diagnostic.message.contains("minio"))
            #expect(error.diagnostic.message.contains("did you mean 'minio:'"))
        }
    }

    @Test func typeIsCaseSensitiveWithASuggestion() {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_X_TYPE": "S3"])
        #expect(throws: FetchFailure.self) { try config.configuration(remote: "x") }
        do {
            _ = try config.configuration(remote: "x")
        } catch {
            #expect(error.diagnostic.rule == "remote-type-unknown")
            #expect(error.diagnostic.message.contains("did you mean 's3'"))
        }
    }

    @Test func rcloneOnlyBackendsAreNamedAsUnsupported() {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_X_TYPE": "sftp"])
        do {
            _ = try config.configuration(remote: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.rule == "backend-unsupported")
        }
    }

    @Test func gcsTypeAliasesAllResolve() throws {
        for type in ["google cloud storage", "gcs", "googlecloudstorage"] {
            let config = RcloneConfig(environment: ["RCLONE_CONFIG_G_TYPE": type])
            #expect(try config.configuration(remote: "g").backend.kind == .googleCloudStorage)
        }
    }

    @Test func misspeltKeyWarnsWithTheClosestOption() throws {
        let config = RcloneConfig(environment: [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ACCES_KEY_ID": "x", "RCLONE_CONFIG_S3_LOCATION_CONSTRAINT": "eu",
        ])
        let remote = try config.configuration(remote: "s3")
        #expect(remote.warnings.count == 1)
        #expect(remote.warnings.first?.rule == "unknown-option")
        #expect(remote.warnings.first?.message.contains("access_key_id") == true)
        // The value is a credential: it must not appear in the warning.
        #expect(remote.warnings.first?.message.contains("=x") == false)
    }

    @Test func longerRemoteNamesOwnTheirKeys() throws {
        let config = RcloneConfig(environment: [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROD_TYPE": "s3", "RCLONE_CONFIG_S3_PROD_REGION": "eu",
        ])
        #expect(try config.configuration(remote: "s3").warnings.isEmpty)
    }

    @Test func unparsableValuesFailWithoutEchoingSecrets() {
        let config = RcloneConfig(environment: ["RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_ENV_AUTH": "yes"])
        do {
            _ = try config.configuration(remote: "s3")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.rule == "option-value-type")
            #expect(error.diagnostic.message.contains("RCLONE_CONFIG_S3_ENV_AUTH"))
        }
    }

    @Test func builtinGSIsAnonymousAndWarnsWhenCredentialsAreAdded() throws {
        let plain = try RcloneConfig(environment: [:]).configuration(remote: "gs")
        #expect(plain.backend.kind == .googleCloudStorage)
        #expect(plain.bool("anonymous"))
        let trap = try RcloneConfig(environment: ["RCLONE_CONFIG_GS_SERVICE_ACCOUNT_CREDENTIALS": "{}"]).configuration(remote: "gs")
        #expect(trap.bool("anonymous"))
        #expect(trap.warnings.contains { $0.rule == "builtin-gs-anonymous" })
        let fixed = try RcloneConfig(environment: [
            "RCLONE_CONFIG_GS_SERVICE_ACCOUNT_CREDENTIALS": "{}", "RCLONE_CONFIG_GS_ANONYMOUS": "false",
        ]).configuration(remote: "gs")
        #expect(!fixed.bool("anonymous"))
        #expect(fixed.warnings.isEmpty)
    }

    @Test func optionTablesAreDataWithSecretsMarked() {
        #expect(S3Options.backend.option(named: "secret_access_key")?.isSecret == true)
        #expect(S3Options.backend.option(named: "region")?.isSecret == false)
        #expect(S3Options.backend.option(named: "chunk_size")?.fetch == .uploadOnly)
        #expect(GCSOptions.backend.option(named: "env_auth")?.isNewerThanAnchor == true)
        #expect(AzureBlobOptions.backend.option(named: "key")?.isSecret == true)
        #expect(HTTPOptions.backend.option(named: "url") != nil)
        for backend in BackendRegistry.all {
            #expect(Set(backend.options.map(\.name)).count == backend.options.count, "duplicate option in \(backend.prefix)")
        }
    }
}
