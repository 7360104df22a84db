import SDCModel

/// PU-type labels (render.md §5.3, `labels.go`).
enum PULabels {
    static let managedBy = ("app.kubernetes.io/managed-by", "seldon-core")

    static func typeLabel(_ type: String?) -> String? {
        switch type {
        case "ROUTER": "seldon.io/router"
        case "COMBINER": "seldon.io/combiner"
        case "MODEL": "seldon.io/model"
        case "TRANSFORMER": "seldon.io/transformer"
        case "OUTPUT_TRANSFORMER": "seldon.io/output-transformer"
        default: nil
        }
    }

    /// The labels for a container that is `pu` (or no PU at all) of predictor `p`.
    static func labels(for pu: PredictiveUnit?, in p: Predictor) -> StringMap {
        var m = StringMap()
        if let pu {
            if let l = typeLabel(pu.type) { m[l] = "true" }
        } else if let e = p.explainer, !(e.type ?? "").isEmpty {
            // An operator quirk: a non-PU container gets the explainer label when the predictor has one (§5.3).
            m["seldon.io/explainer"] = "true"
        }
        if p.shadow == true { m["seldon.io/shadow"] = "true" }
        m[managedBy.0] = managedBy.1
        return m
    }
}
