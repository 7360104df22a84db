import Foundation
import Testing
@testable import SDCStorage

/// Known answers from AWS's published material: the SigV4 test suite (`get-vanilla`,
/// `get-vanilla-query-order-key-case`) and the S3 API reference's "Signature Calculations for the
/// Authorization Header" examples (GET Object with Range, GET Bucket / list objects).
struct SigV4Tests {
    static let suiteCredentials = SigV4Signer.Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let s3Credentials = SigV4Signer.Credentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z

    func authorization(_ headers: [(name: String, value: String)]) -> String {
        headers.first { $0.name == "Authorization" }?.value ?? ""
    }

    @Test func getVanilla() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let headers = signer.sign(.init(method: "GET", host: "example.amazonaws.com", encodedPath: "/"), at: Self.suiteDate)
        #expect(headers.first { $0.name == "x-amz-date" }?.value == "20150830T123600Z")
        #expect(
            authorization(headers)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func getVanillaQueryOrderKeyCase() {
        let signer = SigV4Signer(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let headers = signer.sign(
            .init(method: "GET", host: "example.amazonaws.com", encodedPath: "/", query: [("Param2", "value2"), ("Param1", "value1")]),
            at: Self.suiteDate)
        #expect(authorization(headers).hasSuffix("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"))
    }

    @Test func s3GetObjectWithRange() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1")
        let headers = signer.sign(
            .init(
                method: "GET", host: "examplebucket.s3.amazonaws.com", encodedPath: "/test.txt",
                headers: [("Range", "bytes=0-9"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]),
            at: Self.s3Date)
        #expect(
            authorization(headers)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func s3ListObjects() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1")
        let headers = signer.sign(
            .init(
                method: "GET", host: "examplebucket.s3.amazonaws.com", encodedPath: "/",
                query: [("max-keys", "2"), ("prefix", "J")], headers: [("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]),
            at: Self.s3Date)
        #expect(authorization(headers).hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"))
    }

    /// rclone issue 6670: proxies rewrite these, so signing them breaks downloads.
    @Test func acceptEncodingAndUserAgentAreNeverSigned() {
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1")
        let plain = signer.sign(.init(method: "GET", host: "h", encodedPath: "/k"), at: Self.s3Date)
        let noisy = signer.sign(
            .init(method: "GET", host: "h", encodedPath: "/k", headers: [("Accept-Encoding", "gzip"), ("User-Agent", "x")]),
            at: Self.s3Date)
        #expect(authorization(plain) == authorization(noisy))
    }

    @Test func sessionTokenIsSentAndSigned() {
        var credentials = Self.s3Credentials
        credentials.sessionToken = "TOKEN"
        let headers = SigV4Signer(credentials: credentials, region: "eu-west-1").sign(
            .init(method: "GET", host: "h", encodedPath: "/"), at: Self.s3Date)
        #expect(headers.contains { $0.name == "x-amz-security-token" && $0.value == "TOKEN" })
        #expect(authorization(headers).contains("x-amz-security-token"))
        #expect(authorization(headers).contains("/eu-west-1/s3/"))
    }

    @Test func uriEncodingMatchesS3() {
        #expect(SigV4Signer.uriEncode("a b/ü+&=~.txt", encodeSlash: false) == "a%20b/%C3%BC%2B%26%3D~.txt")
        #expect(SigV4Signer.uriEncode("model/", encodeSlash: true) == "model%2F")
    }
}
