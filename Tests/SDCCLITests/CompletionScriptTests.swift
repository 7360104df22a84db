import Foundation
import SDCTestSupport
import Testing

/// `sdc --generate-completion-script bash|zsh|fish` (swift-argument-parser): each script names every subcommand, and
/// the bash one really completes when bash sources it, as bash-completion would.
@Suite struct CompletionScriptTests {
    static let subcommands = ["render", "fetch", "validate", "krm"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptNamesEverySubcommand(_ shell: String) throws {
        let run = try sdc(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderrText)")
        for name in Self.subcommands {
            #expect(run.stdoutText.contains(name), "\(shell) script lacks \(name)")
        }
    }

    /// What `_sdc` offers for the words typed so far (`words.last` is the word being completed).
    static func bashCompletions(_ words: [String]) throws -> [String] {
        let script = try temporaryFile(try sdc(["--generate-completion-script", "bash"]).stdoutText, name: "sdc.bash")
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
            source '\(script)'
            COMP_WORDS=(sdc \(quoted)); COMP_CWORD=\(words.count)
            _sdc sdc '\(words.last ?? "")' '\(words.dropLast().last ?? "sdc")'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let run = try Subprocess.run("/bin/bash", ["-c", program])
        #expect(run.status == 0, "\(run.stderrText)")
        return run.stdoutText.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash not found at /bin/bash"))
    func bashCompletesSubcommandsAndOptions() throws {
        #expect(try Self.bashCompletions(["k"]) == ["krm"])
        #expect(try Self.bashCompletions(["render", "--names"]) == ["--namespace"])
        #expect(try Self.bashCompletions(["krm", "--diag"]) == ["--diagnostics"])
    }
}
