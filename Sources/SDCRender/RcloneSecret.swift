import SDCModel
import SDCYAML

/// The Secret `--rclone-config` + `--secret-name` generate: one `stringData` entry per rclone setting, named as
/// rclone reads it from the environment, so a storage initializer with `envFrom` of this Secret finds the remote.
public enum RcloneSecret {
    public static func object(name: String, namespace: String?, config: RcloneEnvironment) -> Node {
        var metadata: [(String, Node)] = [("name", .string(name))]
        if let namespace { metadata.append(("namespace", .string(namespace))) }
        return Node.mapping([
            ("apiVersion", .string("v1")), ("kind", .string("Secret")), ("metadata", .mapping(metadata)),
            ("stringData", .mapping(config.variables.map { ($0.0, .string($0.1)) })), ("type", .string("Opaque")),
        ]).sortingKeys()
    }
}
