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
        // Each kind is ranked once (not a String hash twice per comparison), and indices are sorted, not objects.
        let unranked = Int.max
        let ranks = objects.map { rank[$0.kind] ?? unranked }
        let order = objects.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if ranks[a] == unranked, objects[a].kind != objects[b].kind { return objects[a].kind < objects[b].kind }
            return a < b
        }
        return order.map { objects[$0].object }
    }
}
