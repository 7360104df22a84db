import SDCYAML

/// Helm's install order by kind (`releaseutil.InstallOrder`), which sdc uses for its output (render.md, sdc
/// decisions). Unknown kinds go last, alphabetically by kind; within a kind the original order is kept.
enum Ordering {
    static let installOrder: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
        "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
        "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role",
        "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet",
        "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    private static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: installOrder.enumerated().map { ($1, $0) })

    /// Stable sort of objects by kind; `objects` must already hold generated objects before pass-through ones.
    static func sorted<Object>(_ objects: [(kind: String, object: Object)]) -> [Object] {
        let indexed = objects.enumerated().map { (index: $0.offset, kind: $0.element.kind, node: $0.element.object) }
        return indexed.sorted { a, b in
            let ra = rank[a.kind]
            let rb = rank[b.kind]
            switch (ra, rb) {
            case let (x?, y?): return x != y ? x < y : a.index < b.index
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.kind != b.kind ? a.kind < b.kind : a.index < b.index
            }
        }.map(\.node)
    }
}
