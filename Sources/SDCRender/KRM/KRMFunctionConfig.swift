import SDCDiagnostics
import SDCModel
import SDCYAML

/// What a KRM function config asks of a render: chart values and a namespace. Two shapes are accepted
/// (KRM Functions Specification, "functionConfig"):
///
/// - a `ConfigMap` (what `kpt fn eval -- key=value` builds): `data["values.yaml"]` holds a values file as text,
///   `data.namespace` overrides every SeldonDeployment's namespace, and every other key is a helm `--set`
///   path (`executor.enabled: "false"`), typed as `--set` types it;
/// - sdc's own `sdc.seldon.io/v1alpha1` `RenderConfig` (also the kustomize plugin's kind): `spec.values` is a
///   values mapping, `spec.set` a list of `--set` arguments, `spec.namespace` the namespace.
public struct KRMFunctionConfig: Sendable {
    public static let group = "sdc.seldon.io"
    public static let apiVersion = "sdc.seldon.io/v1alpha1"
    public static let kind = "RenderConfig"

    public var valuesFiles: [ValuesFile] = []
    public var set: [String] = []
    public var namespace: String?
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// Reads a function config; `nil` or an empty mapping means chart defaults.
    public init(_ config: Node?, file: String) {
        guard let config, !config.isNull, config.pairs?.isEmpty == false else { return }
        let kind = config["kind"]?.string ?? ""
        let apiVersion = config["apiVersion"]?.string ?? ""
        if kind == "ConfigMap", apiVersion == "v1" {
            readConfigMap(config, file: file)
        } else if kind == Self.kind, apiVersion.hasPrefix(Self.group + "/") {
            readRenderConfig(config)
        } else {
            diagnostics.append(
                .error(
                    "krm-config-kind", "function config \(apiVersion) \(kind) is not one sdc reads",
                    fix: "give a v1 ConfigMap or an \(Self.apiVersion) \(Self.kind)", at: config.location, path: "kind"))
        }
    }

    private mutating func readConfigMap(_ config: Node, file: String) {
        for pair in config["data"]?.pairs ?? [] {
            guard let key = pair.key.scalarText else { continue }
            let value = pair.value.scalarText ?? ""
            switch key {
            case "namespace":
                namespace = value.isEmpty ? nil : value
            case "values.yaml":
                do {
                    // Locations inside the embedded text are relative to it; name it after the key.
                    let name = "\(file) data[values.yaml]"
                    for document in try YAMLParser().parse(value, file: name) {
                        valuesFiles.append(ValuesFile(root: document.root, name: name))
                    }
                } catch let d as Diagnostic {
                    diagnostics.append(d)
                } catch {
                    diagnostics.append(.error("yaml-syntax", "data[values.yaml]: \(error)", at: pair.value.location))
                }
            default:
                set.append("\(key)=\(value)")
            }
        }
    }

    private mutating func readRenderConfig(_ config: Node) {
        let spec = config["spec"] ?? .emptyMapping
        if let values = spec["values"], !values.isNull {
            valuesFiles.append(ValuesFile(root: values, name: "\(Self.kind) spec.values"))
        }
        for item in spec["set"]?.sequence ?? [] {
            if let text = item.scalarText { set.append(text) }
        }
        if let ns = spec["namespace"]?.string, !ns.isEmpty { namespace = ns }
    }

    /// The effective chart values, as `sdc render -f … --set …` would load them.
    public func loadValues() throws -> ValuesLoader.Loaded {
        try ValuesLoader().load(files: valuesFiles, set: set, setString: [])
    }
}
