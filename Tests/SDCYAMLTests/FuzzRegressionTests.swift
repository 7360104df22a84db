import SDCYAML
import Testing

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz) found, kept so the bugs stay fixed. Each names its target.
@Suite("fuzz regressions: YAML")
struct FuzzRegressionTests {
    func roundTrip(_ text: String) throws -> (emitted: String, same: Bool) {
        let first = try YAMLParser().parse(text, file: "in").map(\.root)
        let emitted = try YAMLEmitter().emit(first)
        let second = try YAMLParser().parse(emitted, file: "out").map(\.root)
        return (emitted, second == first)
    }

    /// sdc-fuzz-yaml, crash-1f334058…: a plain scalar ending in "..." as the last line of a document was taken
    /// for libyaml's `...` end marker and cut off, so `zz: wait...` rendered as `zz: wait` (and lost its newline).
    @Test("a plain scalar ending in dots keeps them at the end of a document", arguments: [
        " -y: h[ab]]" + String(repeating: ".", count: 86) + "\n",
        "zz: wait...\n",
        "- ...x...\n",
        "a: |+\n  kept\n\nb: end...\n",
    ])
    func trailingDots(_ text: String) throws {
        let (emitted, same) = try roundTrip(text)
        #expect(same, "emitted:\n\(emitted)")
        #expect(emitted.hasSuffix("\n"), "emitted:\n\(emitted)")
    }

    @Test("libyaml's own end marker after a keep-chomped block is still dropped")
    func endMarkerDropped() throws {
        let (emitted, same) = try roundTrip("a: |+\n  kept\n\n")
        #expect(same)
        #expect(!emitted.hasSuffix("...\n"), "emitted:\n\(emitted)")
    }
}
