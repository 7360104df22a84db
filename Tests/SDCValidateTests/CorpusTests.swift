import Foundation
import SDCValidate
import Testing

/// The Seldon Core v1.18.2 corpus (`<packageRoot>/../shared/corpus`, never copied into the project): validate finds
/// errors in every `reject` file, and no render-level error in any `accept` file (storage findings are allowed: the
/// docs' examples seldom ship their Secrets).
@Suite struct CorpusTests {
    static let manifest = Fixtures.corpus + "/MANIFEST.tsv"
    static let available = FileManager.default.fileExists(atPath: manifest)

    /// Where the render suite documents that the MANIFEST disagrees with the operator source (see SDCRenderTests).
    static let knownDisagreements: [String: String] = ["notebooks__resources__model_multiple_versions.json.yaml": "reject"]

    struct Entry: Sendable, CustomTestStringConvertible {
        var file: String
        var accept: Bool
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        guard let text = try? Fixtures.read(manifest) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 6 else { return nil }
            let file = String(columns[0])
            return Entry(file: file, accept: (knownDisagreements[file] ?? String(columns[5])) == "accept")
        }
    }()

    /// Ids of validate's own rules; anything else comes from the render pipeline.
    static let storageRules = Set(RuleCatalog.all.map(\.id))

    @Test(.enabled(if: available, "corpus not found beside the package (../shared/corpus): skipped"))
    func manifestIsComplete() {
        #expect(Self.entries.count == 281)
    }

    @Test(.enabled(if: available, "corpus not found beside the package (../shared/corpus): skipped"), arguments: entries)
    func verdict(_ entry: Entry) throws {
        let path = Fixtures.corpus + "/" + entry.file
        let findings: [String]
        do {
            findings = try validate(files: [path]).filter { $0.severity == .error }.map { "[\($0.rule)] \($0.message)" }
        } catch {
            // The YAML parser throws on malformed input; that is an error finding in the CLI (yaml-syntax).
            findings = ["[yaml] \(error)"]
        }
        if entry.accept {
            let renderLevel = findings.filter { f in !Self.storageRules.contains(where: { f.hasPrefix("[\($0)]") }) }
            #expect(renderLevel.isEmpty, "\(renderLevel)")
        } else {
            #expect(!findings.isEmpty, "validate found no error in a reject file")
        }
    }

    @Test(
        "the CLI exits non-zero on every reject file",
        .enabled(if: available, "corpus not found beside the package (../shared/corpus): skipped"))
    func cliExitsNonZeroOnRejects() throws {
        for entry in Self.entries where !entry.accept {
            let run = try sdc(["validate", Fixtures.corpus + "/" + entry.file])
            #expect(run.status == 1, "\(entry.file): exit \(run.status)")
        }
    }
}
