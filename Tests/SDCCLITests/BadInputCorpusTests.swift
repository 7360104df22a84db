import Foundation
import SDCTestSupport
import Testing

/// The bad-input corpus (issue 7): every file in BadInputs/ is run through the real `sdc render` and/or
/// `sdc validate`. Each file starts with one header line per command and expected error:
///
///     # expect render: exit=1 rule=yaml-duplicate-key line=3
///     # expect validate: exit=1 rule=yaml-duplicate-key line=3
///
/// Several lines for one command give the expected set of errors; `exit=0` without a rule means the command
/// accepts the file (a finding that only the other command reports). The run must give exactly those errors,
/// never die of a signal, print nothing on stdout when render fails, and stay under the resource budget.
@Suite("bad-input corpus", .serialized)
struct BadInputCorpusTests {
    struct Expectation: Sendable, Equatable {
        var command: String
        var exit: Int32
        /// (rule, line) of each expected error; empty for exit 0.
        var errors: [ErrorSite]
    }

    struct ErrorSite: Sendable, Hashable, Comparable, CustomStringConvertible {
        var rule: String
        var line: Int
        static func < (a: Self, b: Self) -> Bool { (a.line, a.rule) < (b.line, b.rule) }
        var description: String { "\(rule)@\(line)" }
    }

    struct CorpusFile: Sendable, CustomStringConvertible {
        var name: String
        var path: String
        var expectations: [Expectation]
        var description: String { name }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInputs")

    static let files: [CorpusFile] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { name in
            let path = directory.appendingPathComponent(name).path
            return CorpusFile(name: name, path: path, expectations: expectations(in: path))
        }
    }()

    /// Reads the `# expect` header lines (they are ASCII even when the rest of the file is not UTF-8).
    static func expectations(in path: String) -> [Expectation] {
        let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        var byCommand: [String: Expectation] = [:]
        var order: [String] = []
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self)
            guard text.hasPrefix("# expect ") else { break }
            let rest = text.dropFirst("# expect ".count)
            guard let colon = rest.firstIndex(of: ":") else { continue }
            let command = String(rest[..<colon])
            var fields: [String: String] = [:]
            for pair in rest[rest.index(after: colon)...].split(separator: " ") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
            }
            if byCommand[command] == nil {
                order.append(command)
                byCommand[command] = Expectation(command: command, exit: Int32(fields["exit"] ?? "") ?? -1, errors: [])
            }
            if let rule = fields["rule"] {
                byCommand[command]!.errors.append(ErrorSite(rule: rule, line: Int(fields["line"] ?? "") ?? -1))
            }
        }
        return order.compactMap { byCommand[$0] }
    }

    @Test("the corpus holds at least 150 files, each with a header that expects a failure")
    func corpusIsComplete() {
        #expect(Self.files.count >= 150, "only \(Self.files.count) files in \(Self.directory.path)")
        for file in Self.files {
            #expect(!file.expectations.isEmpty, "\(file.name) has no '# expect' header")
            #expect(file.expectations.contains { $0.exit != 0 }, "\(file.name) expects no command to fail")
            for e in file.expectations {
                #expect(["render", "validate"].contains(e.command), "\(file.name): unknown command \(e.command)")
                #expect(e.exit >= 0, "\(file.name): no exit= for \(e.command)")
                #expect((e.exit == 0) == e.errors.isEmpty, "\(file.name): exit and rules disagree for \(e.command)")
            }
        }
    }

    @Test("each corpus file gives exactly the expected located errors", arguments: files)
    func corpusFile(_ file: CorpusFile) async throws {
        for expectation in file.expectations {
            let result = try await MeasuredRun.run(TestPaths.sdc, [expectation.command, file.path])
            Self.check(result, expectation, path: file.path)
        }
    }

    /// The shared assertions; also used by the generated cases.
    static func check(_ result: MeasuredRun.Result, _ expected: Expectation, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let context = "sdc \(expected.command) \(path):\n\(result.stderrText.prefix(2000))"
        #expect(!result.timedOut, "timed out: \(context)", sourceLocation: sourceLocation)
        #expect(!result.signaled && result.status < 128, "crashed with status \(result.status): \(context)", sourceLocation: sourceLocation)
        #expect(result.status == expected.exit, "exit \(result.status), expected \(expected.exit): \(context)", sourceLocation: sourceLocation)
        if expected.command == "render", expected.exit != 0 {
            #expect(result.stdout.isEmpty, "render printed \(result.stdout.count) bytes on stdout", sourceLocation: sourceLocation)
        }
        #expect(errorSites(in: result.stderrText, path: path) == expected.errors.sorted(), "\(context)", sourceLocation: sourceLocation)
        #expect(result.cpuSeconds >= 0 && result.cpuSeconds < 5, "took \(result.cpuSeconds) s of CPU: \(context)", sourceLocation: sourceLocation)
        #expect(result.maxRSSBytes > 0 && result.maxRSSBytes < 200 << 20, "peak RSS \(result.maxRSSBytes >> 20) MiB: \(context)", sourceLocation: sourceLocation)
    }

    /// `path:line:column: error: [rule] message` lines; an error without a location counts as line 0.
    static func errorSites(in stderr: String, path: String) -> [ErrorSite] {
        stderr.split(separator: "\n").compactMap { line -> ErrorSite? in
            guard let marker = line.range(of: "error: [") else { return nil }
            let head = line[..<marker.lowerBound].dropLast(2)  // "path:line:column: " without ": 
            let ruleText = line[marker.upperBound...].prefix { $0 != "]" }
            var lineNumber = 0
            if head.hasPrefix(path + ":") {
                lineNumber = Int(head.dropFirst(path.count + 1).prefix { $0 != ":" }) ?? 0
            }
            return ErrorSite(rule: String(ruleText), line: lineNumber)
        }.sorted()
    }
}
