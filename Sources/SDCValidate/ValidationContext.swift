import SDCDiagnostics
import SDCModel
import SDCRender
import SDCYAML

/// Everything the rules look at, read once from the inputs: the documents, the Secrets, every unit that downloads a
/// model, and the operator configuration from the chart values.
public struct ValidationContext: Sendable {
    public var documents: [Document]
    public var values: Values
    /// `--namespace`, overriding every SeldonDeployment's own (as in render).
    public var namespaceOverride: String?
    /// `--fetcher`: which initializer's semantics apply, whatever the images say (storage.md §8.3, last paragraph).
    public var fetcher: InitializerSemantics?
    public var secrets: [SecretObject]
    public var deployments: [DeploymentNodes]

    public init(documents: [Document], values: Values, namespaceOverride: String? = nil, fetcher: InitializerSemantics? = nil) {
        self.documents = documents
        self.values = values
        self.namespaceOverride = namespaceOverride
        self.fetcher = fetcher
        var secrets: [SecretObject] = []
        var deployments: [DeploymentNodes] = []
        for document in documents {
            guard case .success(let object) = KubernetesObject.classify(document) else { continue }
            if object.apiVersion == "v1", object.kind == "Secret" {
                secrets.append(SecretObject(object.root, document: document))
            } else if object.isSeldonDeployment {
                deployments.append(DeploymentNodes(object.root, namespaceOverride: namespaceOverride))
            }
        }
        self.secrets = secrets
        self.deployments = deployments
    }

    /// Every unit with a non-empty `modelUri`, in document order.
    public var modelReferences: [ModelReference] {
        deployments.flatMap { $0.modelReferences(values: values) }.map { reference in
            var reference = reference
            reference.fetcherOverride = fetcher
            return reference
        }
    }

    /// The Secret named `name` in `namespace`; a missing namespace on either side matches any (it is decided where
    /// the manifests are applied).
    public func secret(named name: String, namespace: String?) -> SecretObject? {
        secrets.first { $0.name == name && ($0.namespace == nil || namespace == nil || $0.namespace == namespace) }
    }

    /// Same name, other namespace: for `storage-secret-namespace`.
    public func secretElsewhere(named name: String, namespace: String?) -> SecretObject? {
        guard let namespace else { return nil }
        return secrets.first { $0.name == name && $0.namespace != nil && $0.namespace != namespace }
    }
}
