import SDCDiagnostics
import SDCYAML

/// An input document that is a Kubernetes object: a mapping with string `apiVersion` and `kind`.
public struct KubernetesObject: Sendable {
    public var root: Node
    public var apiVersion: String
    public var kind: String

    public static let seldonGroup = "machinelearning.seldon.io"
    public static let seldonVersions = ["v1", "v1alpha2", "v1alpha3"]

    public var group: String {
        apiVersion.contains("/") ? String(apiVersion.split(separator: "/")[0]) : ""
    }

    public var isSeldonDeployment: Bool { group == Self.seldonGroup && kind == "SeldonDeployment" }

    /// Checks the document is an object Kubernetes could accept, with a located reason when not.
    public static func classify(_ document: Document) -> Result<KubernetesObject, Diagnostic> {
        let root = document.root
        guard root.isMapping else {
            return .failure(
                .error(
                    "not-an-object",
                    "document is \(root.kindDescription), not a Kubernetes object",
                    fix: "each document must be a mapping with apiVersion and kind",
                    at: root.location ?? document.location))
        }
        for field in ["apiVersion", "kind"] {
            guard let value = root[field] else {
                return .failure(
                    .error(
                        "missing-\(field.lowercased())", "document has no \(field)",
                        fix: "add \(field) (for example \(field == "kind" ? "kind: ConfigMap" : "apiVersion: v1"))",
                        at: root.location ?? document.location))
            }
            guard let text = value.string, !text.isEmpty else {
                return .failure(
                    .error(
                        "invalid-\(field.lowercased())", "\(field) must be a non-empty string, not \(value.kindDescription)",
                        at: value.location, path: field))
            }
        }
        return .success(KubernetesObject(root: root, apiVersion: root["apiVersion"]!.string!, kind: root["kind"]!.string!))
    }
}
