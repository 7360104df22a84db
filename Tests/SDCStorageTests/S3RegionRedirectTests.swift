import Crypto
import Foundation
import NIOCore
import Testing
@testable import SDCStorage

/// A bucket in another region than the remote says: S3 answers 301 PermanentRedirect (or 400
/// AuthorizationHeaderMalformed) with `x-amz-bucket-region`; sdc learns the region and goes on.
struct S3RegionRedirectTests {
    /// Stands in for AWS S3: only requests signed for eu-west-1 and sent to its regional host succeed.
    final class WrongRegionStandIn: HTTPTransport, @unchecked Sendable {
        let wrongStatus: Int
        private let lock = NSLock()
        private var seen: [String] = []
        init(wrongStatus: Int) { self.wrongStatus = wrongStatus }

        var requests: [String] {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }

        func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
            let authorization = request.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
            let region = authorization.contains("/eu-west-1/s3/aws4_request") ? "eu-west-1" : "other"
            lock.withLock { seen.append("\(request.method) \(region) \(request.url)") }
            guard region == "eu-west-1", request.url.hasPrefix("https://models.s3.eu-west-1.amazonaws.com/") else {
                let code = wrongStatus == 301 ? "PermanentRedirect" : "AuthorizationHeaderMalformed"
                return HTTPResponse(status: wrongStatus, headers: [("x-amz-bucket-region", "eu-west-1")],
                    body: .bytes(Array("<Error><Code>\(code)</Code><Region>eu-west-1</Region></Error>".utf8)))
            }
            let path = String(request.url.dropFirst("https://models.s3.eu-west-1.amazonaws.com".count))
            let md5 = Insecure.MD5.hash(data: Data("hello".utf8)).map { String(format: "%02x", $0) }.joined()
            switch (request.method, path) {
            case ("HEAD", "/model"):
                return HTTPResponse(status: 404, headers: [], body: .bytes([]))
            case ("GET", let p) where p.hasPrefix("/?"):
                let xml = """
                    <ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>model/a.bin</Key><Size>5</Size>\
                    <ETag>"\(md5)"</ETag></Contents></ListBucketResult>
                    """
                return HTTPResponse(status: 200, headers: [], body: .bytes(Array(xml.utf8)))
            case ("GET", "/model/a.bin"):
                return HTTPResponse(status: 200, headers: [("Content-Length", "5"), ("ETag", "\"\(md5)\"")], body: .bytes(Array("hello".utf8)))
            default:
                return HTTPResponse(status: 404, headers: [], body: .bytes([]))
            }
        }
    }

    @Test(arguments: [301, 400])
    func learnsTheBucketRegionAndFetches(wrongStatus: Int) async throws {
        let dest = try makeScratchDirectory("s3region")
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let standIn = WrongRegionStandIn(wrongStatus: wrongStatus)
        var request = FetchRequest(uri: "s3://models/model", destination: dest, environment: [
            "RCLONE_CONFIG_S3_TYPE": "s3", "RCLONE_CONFIG_S3_PROVIDER": "AWS",
            "RCLONE_CONFIG_S3_ACCESS_KEY_ID": "AKIDEXAMPLE", "RCLONE_CONFIG_S3_SECRET_ACCESS_KEY": "secret",
        ])
        request.configPath = "/dev/null"
        let outcome = await FetchSession.run(request, temporaries: TemporaryFiles(), transport: standIn)
        #expect(outcome.exitCode == .success, "\(outcome.report.failures.map(\.diagnostic.message)) \(standIn.requests)")
        #expect(readFile(dest + "/a.bin") == "hello")
        // One request in the configured region (us-east-1 by default), every later one in the bucket's.
        #expect(standIn.requests.filter { $0.contains(" other ") }.count == 1, "\(standIn.requests)")
        #expect(standIn.requests.first?.hasPrefix("HEAD other https://models.s3.amazonaws.com/model") == true, "\(standIn.requests)")
    }
}
