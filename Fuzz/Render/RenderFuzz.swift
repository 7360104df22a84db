import SDCFuzzDriver
import SDCRender
import SDCYAML

/// libFuzzer entry point for render as a whole: parse the bytes, render every document with the chart defaults,
/// emit. Render may refuse the input with diagnostics; it may not crash or hang, and whatever it prints must
/// parse again (a stream sdc cannot read back would not apply with kubectl either).
@_cdecl("LLVMFuzzerTestOneInput")
public func renderWhole(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = YAMLLimits(maxInputBytes: 1 << 20, maxDepth: 128, maxNodesPerDocument: 100_000)
    guard let documents = try? YAMLParser(limits: limits).parse(bytes, file: "fuzz") else { return 0 }
    let emitter = YAMLEmitter()
    let rendered: [String]
    do {
        (rendered, _) = try Renderer.render(documents, options: RenderOptions()) { try emitter.emitDocument($0) }
    } catch {
        fatalError("render could not emit an object it built: \(error)")
    }
    let stream = rendered.joined(separator: "---\n")
    guard (try? YAMLParser().parse(stream, file: "rendered")) != nil else {
        fatalError("sdc cannot read its own render output:\n\(stream)")
    }
    return 0
}
