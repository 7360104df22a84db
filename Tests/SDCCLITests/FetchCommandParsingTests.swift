import Testing
@testable import SDCCLI

/// The operator passes exactly `[modelUri, /mnt/models]` (spec/storage.md §7.1): that must parse.
@Test func fetchAcceptsTheOperatorsTwoArguments() throws {
    let command = try SDC.parseAsRoot(["fetch", "s3://bucket/iris", "/mnt/models"])
    let fetch = try #require(command as? FetchCommand)
    #expect(fetch.uri == "s3://bucket/iris")
    #expect(fetch.destination == "/mnt/models")
}
