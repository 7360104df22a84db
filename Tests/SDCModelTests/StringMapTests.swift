import SDCModel
import Testing

/// `StringMap` against a dictionary plus insertion order, small (linear search) and large (indexed).
@Suite struct StringMapTests {
    @Test("writes, overwrites and removals, below and above the indexed size", arguments: [5, 60])
    func agreesWithDictionary(size: Int) {
        var map = StringMap()
        var expected: [String: String] = [:]
        var order: [String] = []
        func set(_ k: String, _ v: String?) {
            map[k] = v
            if let v {
                if expected[k] == nil { order.append(k) }
                expected[k] = v
            } else if expected.removeValue(forKey: k) != nil {
                order.removeAll { $0 == k }
            }
        }
        for i in 0..<size { set("key-\(i % 7)-\(i)", "v\(i)") }
        for i in stride(from: 0, to: size, by: 3) { set("key-\(i % 7)-\(i)", "w\(i)") }
        for i in stride(from: 1, to: size, by: 4) { set("key-\(i % 7)-\(i)", nil) }
        set("absent", nil)
        set("late", "x")
        #expect(map.keys == order)
        #expect(map.count == expected.count)
        for (k, v) in expected { #expect(map[k] == v) }
        #expect(map["absent"] == nil)
        #expect(map.sortedEntries.map(\.key) == map.sortedKeys)
        #expect(map.sortedEntries.map(\.value) == map.sortedKeys.map { expected[$0]! })
        #expect(Array(map).map(\.key) == order)
        var copy = StringMap()
        copy.merge(map)
        #expect(copy == map)
        #expect(copy.hashValue == map.hashValue)
    }
}
