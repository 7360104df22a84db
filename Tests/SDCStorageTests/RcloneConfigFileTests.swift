import Testing
@testable import SDCStorage

/// The goconfig grammar rclone 1.60.1 reads rclone.conf with (spec/storage.md §1.3).
struct RcloneConfigFileTests {
    @Test func sectionsKeysCommentsAndSeparators() throws {
        let file = try RcloneConfigFile(parsing: """
            # comment
            ; also a comment
            [minio]
            type = s3
            provider: Minio
            endpoint = http://127.0.0.1:9000 # not a comment
              access_key_id   =   AK
            """)
        #expect(file.sectionNames == ["minio"])
        #expect(file.value(section: "minio", key: "type") == "s3")
        #expect(file.value(section: "minio", key: "provider") == "Minio")
        #expect(file.value(section: "minio", key: "endpoint") == "http://127.0.0.1:9000 # not a comment")
        #expect(file.value(section: "minio", key: "access_key_id") == "AK")
    }

    @Test func quotingRules() throws {
        let file = try RcloneConfigFile(parsing: "[r]\na = `x y`\nb = \"\"\"z\"\"\"\nc = \"kept\"\n")
        #expect(file.value(section: "r", key: "a") == "x y")
        #expect(file.value(section: "r", key: "b") == "z")
        #expect(file.value(section: "r", key: "c") == "\"kept\"")
    }

    @Test func emptyValuesCountAsAbsent() throws {
        let file = try RcloneConfigFile(parsing: "[r]\nregion =\n")
        #expect(file.value(section: "r", key: "region") == nil)
    }

    @Test func defaultSectionParentSectionAndInterpolation() throws {
        let file = try RcloneConfigFile(parsing: """
            host = 127.0.0.1
            [a]
            type = s3
            endpoint = http://%(host)s:9000
            [a.b]
            region = eu
            """)
        #expect(file.value(section: "a", key: "endpoint") == "http://127.0.0.1:9000")
        #expect(file.value(section: "a.b", key: "type") == "s3")
        #expect(file.value(section: "a.b", key: "region") == "eu")
    }

    @Test func encryptedAndMalformedFilesAreRejected() {
        #expect(throws: RcloneConfigFile.ParseError.encrypted) { try RcloneConfigFile(parsing: "RCLONE_ENCRYPT_V0:\nabc") }
        #expect(throws: RcloneConfigFile.ParseError.noSeparator(line: 2)) { try RcloneConfigFile(parsing: "[a]\njunk\n") }
    }
}
