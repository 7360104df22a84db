import Testing

@testable import SDCRender

/// `NameIndex` must answer as a dictionary from names to first positions would, for every field table and for
/// names that are not there.
@Suite struct NameIndexTests {
    @Test("agrees with a dictionary")
    func agreesWithDictionary() {
        var lists = GoTypes.structs.values.map { $0.map(\.name) }
        lists.append(Array(GoTypes.structs.keys))
        lists.append(["a", "a", "", "ab", "ba", "é", "x" + String(repeating: "y", count: 40)])
        for names in lists {
            let index = NameIndex(names)
            let expected = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            for name in names { #expect(index.position(of: name) == expected[name], "\(name)") }
            for other in ["", "nam", "names", "Name", "zzzz", "containerPorts", "é"] where expected[other] == nil {
                #expect(index.position(of: other) == nil, "\(other)")
            }
        }
    }
}
