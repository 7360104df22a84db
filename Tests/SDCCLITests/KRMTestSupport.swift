import Foundation
import SDCTestSupport
import SDCYAML

/// kpt and kubectl for the KRM tests: `SDC_KPT` / `SDC_KUBECTL`, else PATH. The tests needing them are skipped, with
/// the reason, when they are absent, and run whenever they are present.
enum KRMTools {
    static var kpt: String? { locate("kpt", override: "SDC_KPT") }
    static var kubectl: String? { locate("kubectl", override: "SDC_KUBECTL") }

    static func locate(_ name: String, override: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        if let path = env[override], !path.isEmpty { return path }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let example = TestPaths.packageRoot.appendingPathComponent("examples/krm").path

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdc-krm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Parses a YAML stream into its documents' roots.
    static func documents(_ text: String) throws -> [Node] {
        try YAMLParser().parse(text, file: "output").map(\.root).filter { !$0.isNull }
    }

    /// An object's identity for messages and set comparisons: kind/namespace/name.
    static func id(_ object: Node) -> String {
        "\(object["kind"]?.string ?? "")/\(object["metadata"]?["namespace"]?.string ?? "")/\(object["metadata"]?["name"]?.string ?? "")"
    }

    /// An object without the annotations kpt and kustomize add, keys in sdc's order, for content comparisons.
    static func withoutToolAnnotations(_ object: Node) -> Node {
        var o = object
        guard var metadata = o["metadata"], let pairs = metadata["annotations"]?.pairs else { return o.sortingKeys() }
        let kept = pairs.filter { pair in
            let key = pair.key.scalarText ?? ""
            return !["config.kubernetes.io/", "internal.config.kubernetes.io/", "config.k8s.io/", "kustomize.config.k8s.io/"]
                .contains(where: key.hasPrefix)
        }
        metadata["annotations"] = kept.isEmpty ? nil : Node(.mapping(kept))
        o["metadata"] = metadata
        return o.sortingKeys()
    }
}
