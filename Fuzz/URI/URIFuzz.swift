import SDCFuzzDriver
import SDCStorage

/// libFuzzer entry point for fetch URI resolution (spec/storage.md §7.2): the first line is the URI, the rest
/// `KEY=value` environment lines (so RCLONE_CONFIG_* remotes take part). Resolving must either succeed or fail
/// with a FetchFailure, in lenient and strict mode alike, and every message must be printable as it stands.
@_cdecl("LLVMFuzzerTestOneInput")
public func uriResolution(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let lines = fuzzText(data, size).split(separator: "\n", omittingEmptySubsequences: false)
    guard let uri = lines.first.map(String.init) else { return 0 }
    var environment: [String: String] = [:]
    for line in lines.dropFirst().prefix(32) {
        guard let eq = line.firstIndex(of: "=") else { continue }
        environment[String(line[..<eq])] = String(line[line.index(after: eq)...])
    }
    let config = RcloneConfig(environment: environment)
    for strict in [false, true] {
        do {
            _ = try SourceResolver(config: config, strict: strict).resolve(uri)
        } catch {
            if error.diagnostic.message.isEmpty { fatalError("an empty message for \(uri.debugDescription)") }
        }
    }
    _ = try? RclonePath.parse(uri)
    _ = Redaction.url(uri)
    return 0
}
