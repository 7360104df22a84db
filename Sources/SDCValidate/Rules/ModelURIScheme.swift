import SDCDiagnostics
import SDCStorage

/// `model-uri-scheme` (storage.md `ModelURIScheme`): the scheme is one the initializer can serve — `gs`, `s3`, azure
/// blob URLs, `http(s)`, `pvc`, `file`, a local path, or a remote the Secret defines. KServe-only schemes (`hdfs`,
/// `hf`, `oci`…) fail at pod start.
struct ModelURIScheme: Rule {
    let id = "model-uri-scheme"
    let defaultSeverity = Severity.error
    let summary = "modelUri scheme is supported (gs, s3, azure blob URL, http(s), pvc, file, local, or a defined remote)"

    static let builtinSchemes: Set<String> = ["gs", "s3"]

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage else { return nil }
            switch target.uri {
            case .remote(let name, _, _, true):
                let scheme = name.lowercased()
                guard !Self.builtinSchemes.contains(scheme) else { return nil }
                switch target.secret {
                case .notInInputs: return nil  // the Secret might define it; storage-secret-not-in-inputs says so
                case .found(let secret) where secret.remotes.remote(named: scheme) != nil: return nil
                default: break
                }
                return .error(
                    id,
                    "modelUri scheme '\(scheme)' is not supported by the storage initializer (hdfs, hf, oci… are KServe-only) and no remote '\(scheme)' is defined",
                    fix: "copy the model to gs, s3, azure blob or http storage, or define remote '\(scheme)' with RCLONE_CONFIG_\(scheme.uppercased())_TYPE",
                    at: target.reference.location, path: target.reference.path)
            case .onTheFly(let backend, _, _):
                guard BackendRegistry.backend(forType: backend) == nil else { return nil }
                return .error(
                    id, "modelUri names backend '\(backend)', which sdc fetch does not support",
                    fix: BackendRegistry.suggestion(forType: backend).map { "did you mean :\($0):?" }
                        ?? "use one of :s3:, :gcs:, :azureblob:, :http:, :local:",
                    at: target.reference.location, path: target.reference.path)
            default:
                return nil
            }
        }
    }
}
