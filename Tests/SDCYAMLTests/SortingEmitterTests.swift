import Testing

@testable import SDCYAML

/// `YAMLEmitter(sortingKeys: true)` must write what the plain emitter writes for the `sortingKeys()` copy, on the
/// block writer's path and on libyaml's.
@Suite("Emitter sorting keys while writing")
struct SortingEmitterTests {
    private func expectSameAsSortedCopy(_ root: Node, _ comment: Comment? = nil) throws {
        let sorted = root.sortingKeys()
        #expect(try YAMLEmitter(sortingKeys: true).emitDocument(root) == YAMLEmitter().emitDocument(sorted), comment)
        #expect(
            try YAMLEmitter(sortingKeys: true).libyamlDocument(root) == YAMLEmitter().libyamlDocument(sorted), comment)
    }

    @Test("unsorted mappings at every depth, ties and digit runs included")
    func unsortedTrees() throws {
        let container: Node = .mapping([
            ("name", .string("c")), ("image", .string("i")),
            ("ports", .sequence([.mapping([("name", .string("http")), ("containerPort", .int(9000)), ("protocol", .string("TCP"))])])),
            ("env", .sequence([.mapping([("value", .string("v")), ("name", .string("A"))])])),
            ("resources", .mapping([("requests", .mapping([("memory", .string("1Gi")), ("cpu", .string("1"))])), ("limits", .emptyMapping)])),
        ])
        try expectSameAsSortedCopy(.mapping([
            ("spec", .mapping([("containers", .sequence([container, container])), ("a10", .int(1)), ("a9", .int(2)), ("a", .null)])),
            ("kind", .string("Deployment")), ("apiVersion", .string("apps/v1")), ("k", .int(1)), ("k", .int(2)),
        ]))
        // Something only libyaml writes (a multi-line string) below an unsorted mapping.
        try expectSameAsSortedCopy(.mapping([("z", .string("a\nb")), ("b", .mapping([("y", .int(1)), ("x", .int(2))]))]))
        try expectSameAsSortedCopy(.sequence([.mapping([("b", .int(1)), ("a", .int(2))]), .emptyMapping]))
    }

    @Test("key sort agrees with KeyOrder.less, prefixes of eight letters and digit runs included")
    func sortAgreesWithKeyOrder() {
        let keys = ["containerPort", "containerPorts", "container", "containe", "containerport", "Container", "name",
            "a10", "a9", "a09", "abcdefgh1", "abcdefgh", "abcdefghZ", "abcdefgha", "", "_x", "x_", "é", "e", "Z", "z",
            "ports", "port", "mountPath", "readOnly", "httpGet", "tcpSocket", "initialDelaySeconds"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let shuffled = keys.shuffled(using: &generator)
            let node = Node.mapping(shuffled.map { ($0, .null) })
            let sorted = node.sortingKeys().pairs!.map { $0.key.scalarText! }
            #expect(sorted == shuffled.sorted(by: KeyOrder.less))
        }
    }

    @Test("every structural case")
    func structuralCases() throws {
        for c in StructuralCases.all {
            guard let documents = try? YAMLParser().parse(c.yaml, file: "t") else { continue }
            for d in documents { try expectSameAsSortedCopy(d.root, "\(c.name)") }
        }
    }
}
