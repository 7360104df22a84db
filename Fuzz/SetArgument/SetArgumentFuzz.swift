import SDCFuzzDriver
import SDCModel
import SDCYAML

/// libFuzzer entry point for helm `--set` syntax: each input line is one `--set` (odd lines) or `--set-string`
/// (even lines) argument, applied on their own and through ValuesLoader against the chart defaults. A parse
/// error is fine; a crash, a hang or a runaway allocation is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func setArguments(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let lines = fuzzText(data, size).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var typed: [String] = []
    var strings: [String] = []
    for (i, line) in lines.prefix(64).enumerated() {
        if i % 2 == 0 { typed.append(line) } else { strings.append(line) }
        var root = Node.emptyMapping
        if let argument = try? SetArgument(line, typed: i % 2 == 0) {
            argument.apply(to: &root)
            // The tree must be something our own emitter can print (render prints values-derived fields).
            _ = try? YAMLEmitter().emit([root])
        }
    }
    guard let loaded = try? ValuesLoader().load(files: [], set: typed, setString: strings) else { return 0 }
    for diagnostic in loaded.diagnostics where diagnostic.rule.isEmpty {
        fatalError("a values diagnostic without a rule: \(diagnostic)")
    }
    return 0
}
