import Foundation
import SDCDiagnostics
import SDCValidate
import Testing

/// Every file under BadInputs/ is one minimal bad input whose first lines say what validate must report:
/// `# expect: <rule> <line>:<col> <severity>`, optionally `# set: key=value` for chart values.
@Suite struct BadInputTests {
    struct BadInput: Sendable, CustomTestStringConvertible {
        var file: String
        var rule: String
        var line: Int
        var column: Int
        var severity: Severity
        var set: [String]
        var testDescription: String { URL(fileURLWithPath: file).lastPathComponent }
    }

    static let inputs: [BadInput] = Fixtures.list(Fixtures.badInputs).filter { $0.hasSuffix(".yaml") }.compactMap { name in
        let path = Fixtures.badInputs + "/" + name
        guard let text = try? Fixtures.read(path) else { return nil }
        let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }
        guard let expect = header.first(where: { $0.hasPrefix("# expect: ") }) else { return nil }
        let words = expect.dropFirst("# expect: ".count).split(separator: " ")
        guard words.count == 3 else { return nil }
        let position = words[1].split(separator: ":").compactMap { Int($0) }
        guard position.count == 2, let severity = Severity(rawValue: String(words[2])) else { return nil }
        let set = header.filter { $0.hasPrefix("# set: ") }.map { String($0.dropFirst("# set: ".count)) }
        return BadInput(
            file: path, rule: String(words[0]), line: position[0], column: position[1], severity: severity, set: set)
    }

    @Test("there are at least 60 bad inputs, each with a readable expectation")
    func enoughBadInputs() {
        let files = Fixtures.list(Fixtures.badInputs).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 60)
        #expect(Self.inputs.count == files.count, "some bad input has no valid '# expect:' header")
    }

    @Test("every validate rule has at least one bad input")
    func everyRuleIsExercised() {
        let covered = Set(Self.inputs.map(\.rule))
        let missing = RuleCatalog.all.map(\.id).filter { $0 != "render" && !covered.contains($0) }
        #expect(missing.isEmpty, "rules without a bad input: \(missing)")
    }

    @Test("the expected finding is reported at the exact line and column", arguments: inputs)
    func reportsTheExpectedFinding(_ input: BadInput) throws {
        let findings = try validate(files: [input.file], set: input.set)
        let match = findings.contains {
            $0.rule == input.rule && $0.severity == input.severity && $0.location?.file == input.file
                && $0.location?.line == input.line && $0.location?.column == input.column
        }
        #expect(
            match,
            "expected \(input.severity.rawValue) [\(input.rule)] at \(input.line):\(input.column); got \(findings.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.severity.rawValue) [\($0.rule)]" })"
        )
    }

    @Test("findings come out sorted by file and position")
    func sorted() throws {
        for input in Self.inputs.prefix(20) {
            let findings = try validate(files: [input.file])
            #expect(findings.map(\.location) == findings.sortedByLocation().map(\.location))
        }
    }
}
