import SDCYAML

/// The two output forms (render.md §0.4, §15.3): the default apply form has no owner references and no
/// `seldon.io/last-applied`; `--owner-uid` adds owner references with that UID; `--faithful` prints the
/// placeholders exactly as the worked examples show.
public enum OutputForm: Sendable, Hashable {
    case apply
    case ownedBy(uid: String)
    case faithful

    static let uidPlaceholder = "<OFFLINE-UNKNOWN:seldondeployment-uid>"
    static let lastAppliedPlaceholder = "<OFFLINE-UNKNOWN:last-applied>"

    func finish(_ object: Node, sdepName: String) -> Node {
        var o = object
        let uid: String?
        switch self {
        case .apply: uid = nil
        case .ownedBy(let u): uid = u
        case .faithful: uid = Self.uidPlaceholder
        }
        guard var metadata = o["metadata"] else { return o }
        if let uid {
            metadata["ownerReferences"] = .sequence([
                .mapping([
                    ("apiVersion", .string("machinelearning.seldon.io/v1")), ("blockOwnerDeletion", .bool(true)),
                    ("controller", .bool(true)), ("kind", .string("SeldonDeployment")), ("name", .string(sdepName)),
                    ("uid", .string(uid)),
                ])
            ])
        }
        if self == .faithful, o["kind"]?.string == "Deployment" {
            var annotations = metadata["annotations"] ?? .emptyMapping
            annotations["seldon.io/last-applied"] = .string(Self.lastAppliedPlaceholder)
            metadata["annotations"] = annotations
        }
        o["metadata"] = metadata
        return o
    }
}
