import SDCModel

/// Which PUs are prepackaged servers and which image they get (render.md §0.1, §2.2, §2.3).
enum Prepack {
    static let nonPrepack: Set<String> = [
        "UNKNOWN_IMPLEMENTATION", "SIMPLE_MODEL", "SIMPLE_ROUTER", "RANDOM_ABTEST", "AVERAGE_COMBINER",
    ]

    /// `IsPrepack`: any non-empty implementation outside the built-in non-server ones.
    static func isPrepack(_ implementation: String?) -> Bool {
        guard let i = implementation, !i.isEmpty else { return false }
        return !nonPrepack.contains(i)
    }

    /// MLServer runtime class per server (§7.3).
    static func mlserverClass(_ implementation: String) -> String {
        switch implementation {
        case "SKLEARN_SERVER": "mlserver_sklearn.SKLearnModel"
        case "XGBOOST_SERVER": "mlserver_xgboost.XGBoostModel"
        case "MLFLOW_SERVER": "mlserver_mlflow.MLflowRuntime"
        case "HUGGINGFACE_SERVER": "mlserver_huggingface.HuggingFaceRuntime"
        case "TEMPO_SERVER": "tempo.mlserver.InferenceRuntime"
        default: ""
        }
    }
}

/// `predictor_servers` with the `RELATED_IMAGE_*` overrides applied (§2.2).
struct PrepackImages {
    let values: Values

    /// Related-image variables per (server, protocol). `RELATED_IMAGE_TENSORFLOW`/`TFPROXY` have no effect in
    /// 1.18.2 (the operator keys them by the variable's value), so they are absent here.
    private static let related: [String: [String: String]] = [
        "SKLEARN_SERVER": ["seldon": "RELATED_IMAGE_SKLEARNSERVER", "v2": "RELATED_IMAGE_SKLEARNSERVER_V2"],
        "XGBOOST_SERVER": ["seldon": "RELATED_IMAGE_XGBOOSTSERVER", "v2": "RELATED_IMAGE_XGBOOSTSERVER_V2"],
        "MLFLOW_SERVER": ["seldon": "RELATED_IMAGE_MLFLOWSERVER", "v2": "RELATED_IMAGE_MLFLOWSERVER_V2"],
    ]

    func hasServer(_ implementation: String) -> Bool { values.predictorServers[implementation] != nil }

    func entry(_ implementation: String, _ proto: String) -> String? {
        if let variable = Self.related[implementation]?[proto], let image = values.relatedImage(variable) { return image }
        return values.predictorServers[implementation]?[proto]?.reference
    }

    /// `PrepackImageName`: the protocol's entry, `v2`↔`kfserving` as fallbacks, else empty.
    func image(_ implementation: String, protocol p: String?) -> String {
        let proto = (p ?? "").isEmpty ? "seldon" : p!
        if let i = entry(implementation, proto) { return i }
        if proto == "v2", let i = entry(implementation, "kfserving") { return i }
        if proto == "kfserving", let i = entry(implementation, "v2") { return i }
        return ""
    }

    /// The MLServer image: `kfserving` first, then `v2` (§7.3).
    func mlserverImage(_ implementation: String) -> String? {
        entry(implementation, "kfserving") ?? entry(implementation, "v2")
    }
}
