/// Did-you-mean by edit distance.
enum Suggest {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    static func closest(_ s: String, among candidates: [String]) -> String? {
        candidates.map { ($0, distance(s, $0)) }.filter { $0.1 <= max(3, s.count / 3) }.min { $0.1 < $1.1 }?.0
    }
}
