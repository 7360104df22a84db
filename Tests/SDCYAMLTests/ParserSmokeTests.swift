import Testing
import SDCYAML

@Test func parsesTwoDocuments() throws {
    let documents = try YAMLParser().parse("a: 1\n---\nb: 2\n", file: "t.yaml")
    #expect(documents.count == 2)
}
