import Testing
@testable import SDCStorage

/// rclone's path grammar (spec/storage.md §1.5).
struct RclonePathTests {
    @Test func plainPathsWithoutColonAreLocal() throws {
        #expect(try RclonePath.parse("/mnt/models") == .local("/mnt/models"))
        #expect(try RclonePath.parse("relative/dir") == .local("relative/dir"))
    }

    @Test func slashBeforeColonMakesALocalPath() throws {
        #expect(try RclonePath.parse("./a:b") == .local("./a:b"))
        #expect(try RclonePath.parse("/tmp/x:y") == .local("/tmp/x:y"))
    }

    @Test func remoteAndPath() throws {
        #expect(try RclonePath.parse("s3://bucket/path") == .remote(name: "s3", parameters: [:], path: "//bucket/path"))
        #expect(try RclonePath.parse("my-remote:models/iris") == .remote(name: "my-remote", parameters: [:], path: "models/iris"))
    }

    @Test func onTheFlyBackendWithConnectionString() throws {
        let parsed = try RclonePath.parse(":s3,provider=Minio,env_auth:bucket/x")
        #expect(parsed == .onTheFly(backend: "s3", parameters: ["provider": "Minio", "env_auth": "true"], path: "bucket/x"))
    }

    @Test func quotedParameterValuesMayHoldColonsAndDoubledQuotes() throws {
        let parsed = try RclonePath.parse("web,url='http://h:1/a''b':dir")
        #expect(parsed == .remote(name: "web", parameters: ["url": "http://h:1/a'b"], path: "dir"))
    }

    @Test func connectionStringErrorsAreSpecific() {
        #expect(throws: RclonePath.ParseError.unterminatedQuote) { try RclonePath.parse("r,url='abc:x") }
        #expect(throws: RclonePath.ParseError.emptyParameter) { try RclonePath.parse("r,,a=b:x") }
        #expect(throws: RclonePath.ParseError.badParameterCharacter("-")) { try RclonePath.parse("r,a-b=c:x") }
        #expect(throws: RclonePath.ParseError.empty) { try RclonePath.parse("") }
    }

    @Test func remoteNameRules() {
        #expect(RclonePath.isValidRemoteName("my remote.v2_x"))
        #expect(!RclonePath.isValidRemoteName("-leading"))
        #expect(!RclonePath.isValidRemoteName("bad*name"))
    }
}
