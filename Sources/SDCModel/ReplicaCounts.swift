import SDCYAML

/// Replica counts the CRD stores (it has no minimum) but the API server refuses once the operator copies them into a
/// Deployment or HorizontalPodAutoscaler: the SeldonDeployment then fails with no pods, so sdc refuses them up front.
extension FieldReader {
    /// A `replicas` field: an integer, never negative (apps/v1 Deployment `spec.replicas` must be >= 0).
    public mutating func replicas(_ parent: Node, path: String) -> Int? {
        guard let count = int(parent, "replicas", path: path) else { return nil }
        if count < 0 {
            error(
                "sdep-replicas-negative", "\(Self.join(path, "replicas")) is \(count); the API server refuses a Deployment with negative replicas",
                fix: "use 0 to scale the predictor down, or a positive count", at: parent["replicas"], path: Self.join(path, "replicas"))
        }
        return count
    }

    /// `hpaSpec` bounds as autoscaling/v2 validation checks them: minReplicas >= 1 (scale-to-zero is an alpha feature
    /// gate, off by default), maxReplicas >= 1 and >= minReplicas.
    public mutating func checkHPABounds(_ hpa: Node, path: String) {
        let minimum = int(hpa, "minReplicas", path: path)
        let maximum = int(hpa, "maxReplicas", path: path)
        if let minimum, minimum < 1 {
            error(
                "sdep-hpa-replicas", "\(path).minReplicas is \(minimum); the API server refuses a HorizontalPodAutoscaler with minReplicas below 1",
                fix: "set minReplicas to 1 or more (or leave it out: it defaults to 1)", at: hpa["minReplicas"], path: "\(path).minReplicas")
        }
        if let maximum, maximum < max(1, minimum ?? 1) {
            let bound = (minimum ?? 1) > 1 ? "minReplicas (\(minimum!))" : "1"
            error(
                "sdep-hpa-replicas", "\(path).maxReplicas is \(maximum); the API server refuses a HorizontalPodAutoscaler whose maxReplicas is below \(bound)",
                fix: "set maxReplicas to at least \(max(1, minimum ?? 1))", at: hpa["maxReplicas"], path: "\(path).maxReplicas")
        }
    }
}
