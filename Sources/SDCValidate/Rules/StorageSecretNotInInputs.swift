import SDCDiagnostics

/// `storage-secret-not-in-inputs` (storage.md `StorageSecretNotInInputs`): the Secret the init container will get is
/// not among the files validated, so its remotes and keys cannot be checked. Pass it too (`sdc validate sdep.yaml
/// secret.yaml`) to have them checked.
struct StorageSecretNotInInputs: Rule {
    let id = "storage-secret-not-in-inputs"
    let defaultSeverity = Severity.warning
    let summary = "the Secret a modelUri needs is among the inputs, so its keys can be checked"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen = Set<String>()
        return context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, case .notInInputs(let name) = target.secret,
                target.rcloneRemoteName != nil || target.uri.remoteName != nil,
                context.secretElsewhere(named: name, namespace: target.reference.namespace) == nil
            else { return nil }
            let node = target.reference.secretNode ?? target.reference.uriNode
            guard seen.insert("\(node.location.map(\.description) ?? "")").inserted else { return nil }
            let origin = target.reference.secretNode == nil ? " (predictiveUnit.defaultEnvSecretRefName)" : ""
            return .warning(
                id, "secret '\(name)'\(origin) is not in the inputs; its remotes and keys cannot be checked",
                fix: "pass the Secret's manifest to sdc validate as well", at: node.location,
                path: target.reference.secretNode == nil ? target.reference.path : target.reference.path.replacingAll("modelUri", with: "envSecretRefName"))
        }
    }
}
