import SDCYAML

/// libFuzzer entry point: any bytes either fail to parse with a Diagnostic, or parse, emit and parse again to
/// the same tree. A crash, a hang, or a round trip that changes meaning is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func yamlRoundTrip(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 128, maxNodesPerDocument: 100_000)
    guard let documents = try? YAMLParser(limits: limits).parse(bytes, file: "fuzz") else { return 0 }
    let roots = documents.map(\.root)
    let emitted: String
    do {
        emitted = try YAMLEmitter().emit(roots)
    } catch {
        fatalError("emitter refused a parsed tree: \(error)")
    }
    guard let again = try? YAMLParser(limits: limits).parse(emitted, file: "emitted") else {
        fatalError("sdc cannot read its own output:\n\(emitted)")
    }
    guard again.map(\.root) == roots else {
        fatalError("round trip changed the documents:\n\(emitted)")
    }
    return 0
}
