import ArgumentParser
import SDCYAML

/// Caps on what one input may hold (YAMLLimits), shared by render and validate. The defaults stop a hostile or
/// broken file long before it hurts a CI runner; these flags raise (or lower) them for the rare real need.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest input file, in bytes or with a Ki/Mi/Gi suffix (default 32Mi).", valueName: "size"))
    var maxInputSize: ByteSize?

    @Option(help: ArgumentHelp("Deepest nesting of mappings and sequences (default 512).", valueName: "n"))
    var maxDepth: Int?

    @Option(help: ArgumentHelp("Most nodes in one document, aliases counted at their expanded size (default 1000000).", valueName: "n"))
    var maxNodes: Int?

    @Option(help: ArgumentHelp("Most documents in one input (default 100000).", valueName: "n"))
    var maxDocuments: Int?

    @Option(help: ArgumentHelp("Longest mapping key, in characters (default 4096).", valueName: "n"))
    var maxKeyLength: Int?

    func validate() throws {
        for (name, value) in [("--max-depth", maxDepth), ("--max-nodes", maxNodes),
                              ("--max-documents", maxDocuments), ("--max-key-length", maxKeyLength)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    var limits: YAMLLimits {
        var limits = YAMLLimits.default
        if let maxInputSize { limits.maxInputBytes = maxInputSize.bytes }
        if let maxDepth { limits.maxDepth = maxDepth }
        if let maxNodes { limits.maxNodesPerDocument = maxNodes }
        if let maxDocuments { limits.maxDocuments = maxDocuments }
        if let maxKeyLength { limits.maxKeyLength = maxKeyLength }
        return limits
    }
}

/// A byte count as users write it: `1048576`, `512Ki`, `64Mi`, `1Gi` (binary multiples only, so there is one meaning).
struct ByteSize: ExpressibleByArgument, Equatable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let units: [(String, Int)] = [("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40)]
        var text = Substring(argument)
        var multiplier = 1
        if let unit = units.first(where: { text.hasSuffix($0.0) }) {
            text = text.dropLast(2)
            multiplier = unit.1
        }
        guard let number = Int(text), number >= 1 else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        self.bytes = bytes
    }
}
