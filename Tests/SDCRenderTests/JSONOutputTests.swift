import SDCRender
import SDCYAML
import Testing

/// `JSONOutput` writes keys in `KeyOrder` itself, so an unsorted object reads the same as its sorted copy.
@Suite struct JSONOutputTests {
    @Test("keys sorted while writing")
    func sortsWhileWriting() {
        let object: Node = .mapping([
            ("spec", .mapping([("b", .sequence([.mapping([("y", .int(1)), ("x", .string("s"))])])), ("a10", .null), ("a9", .bool(true))])),
            ("kind", .string("Service")), ("apiVersion", .string("v1")),
        ])
        #expect(JSONOutput.item(object) == JSONOutput.item(object.sortingKeys()))
        #expect(JSONOutput.item(object).hasPrefix("{\n            \"apiVersion\": \"v1\",\n            \"kind\""))
    }
}
