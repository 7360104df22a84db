import Testing
@testable import SDCStorage

/// No object key may escape DEST or land somewhere it does not name (spec/storage.md §7.9).
struct KeySafetyTests {
    @Test(arguments: [
        ("", KeySafety.Violation.empty),
        ("/etc/passwd", .absolute),
        ("a//b", .emptySegment),
        ("../evil", .dotSegment("..")),
        ("a/../../evil", .dotSegment("..")),
        ("./a", .dotSegment(".")),
        ("a\u{0}b", .controlCharacter),
        ("a\nb", .controlCharacter),
        ("a\\..\\b", .backslash),
        (String(repeating: "x", count: 256), .segmentTooLong),
    ])
    func refusesUnsafePaths(path: String, violation: KeySafety.Violation) {
        #expect(throws: violation) { try KeySafety.check(path) }
    }

    @Test func acceptsOrdinaryNames() throws {
        #expect(try KeySafety.check("model/1/weights.bin") == ["model", "1", "weights.bin"])
        #expect(try KeySafety.check("dir with space/ü.txt") == ["dir with space", "ü.txt"])
        #expect(try KeySafety.check("..hidden/...") == ["..hidden", "..."])
    }

    @Test func findsFileDirectoryCollisions() {
        #expect(KeySafety.collisions(["a", "a/b", "c"]) == ["a"])
        #expect(KeySafety.collisions(["x/y", "x/z"]).isEmpty)
    }
}
