import SDCDiagnostics

/// `storage-secret-namespace` (storage.md `StorageSecretNamespace`): `envFrom` cannot cross namespaces, so a Secret of
/// that name in another namespace leaves the pod in CreateContainerConfigError.
struct StorageSecretNamespace: Rule {
    let id = "storage-secret-namespace"
    let defaultSeverity = Severity.error
    let summary = "the referenced Secret is in the SeldonDeployment's namespace"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard target.checksStorage, case .notInInputs(let name) = target.secret,
                let other = context.secretElsewhere(named: name, namespace: target.reference.namespace)
            else { return nil }
            let node = target.reference.secretNode ?? target.reference.uriNode
            return .error(
                id,
                "secret '\(name)' is in namespace '\(other.namespace ?? "")' but the deployment is in '\(target.reference.namespace ?? "")'; envFrom cannot cross namespaces",
                fix: "create the Secret in namespace '\(target.reference.namespace ?? "")'", at: node.location,
                path: target.reference.secretNode == nil ? target.reference.path : target.reference.path.replacingAll("modelUri", with: "envSecretRefName"))
        }
    }
}
