import SDCDiagnostics
import SDCYAML

/// Documents that are not SeldonDeployments pass through unchanged; a Secret the API server would refuse is
/// refused here (render.md, sdc decisions).
enum PassThroughChecks {
    static func check(_ object: KubernetesObject, document: Document) -> [Diagnostic] {
        var found = metadataShape(object, document: document)
        guard object.kind == "Secret", object.apiVersion == "v1" else { return found }
        for field in ["data", "stringData"] {
            if let value = object.root[field], !value.isNull, !value.isMapping {
                found.append(
                    .error("schema-type", "Secret \(field) must be a mapping of keys to values, not \(value.kindDescription)",
                        fix: "write one `key: value` line per entry under \(field)", at: value.location ?? document.location, path: field))
            }
        }
        for pair in object.root["data"]?.pairs ?? [] {
            let key = pair.key.scalarText ?? ""
            if pair.value.isNull { continue }
            guard let text = pair.value.string ?? pair.value.scalarText, isBase64(text) else {
                found.append(
                    .error("secret-data-not-base64", "Secret data.\(key) is not base64", fix: "put plain text under stringData instead",
                        at: pair.value.location ?? document.location, path: "data.\(key)"))
                continue
            }
        }
        for pair in object.root["stringData"]?.pairs ?? [] where pair.value.string == nil && !pair.value.isNull {
            let key = pair.key.scalarText ?? ""
            found.append(
                .error("secret-stringdata-not-string", "Secret stringData.\(key) must be a string, not \(pair.value.kindDescription)", fix: "quote the value",
                    at: pair.value.location ?? document.location, path: "stringData.\(key)"))
        }
        return found
    }

    /// kubectl decodes every object's `metadata` as ObjectMeta: a list there, or a label or annotation value that is
    /// not a string, fails the whole apply.
    static func metadataShape(_ object: KubernetesObject, document: Document) -> [Diagnostic] {
        guard let metadata = object.root["metadata"], !metadata.isNull else { return [] }
        guard metadata.isMapping else {
            return [
                .error("schema-type", "\(object.kind) metadata must be a mapping, not \(metadata.kindDescription)",
                    at: metadata.location ?? document.location, path: "metadata")
            ]
        }
        var found: [Diagnostic] = []
        for field in ["labels", "annotations"] {
            guard let map = metadata[field], !map.isNull else { continue }
            guard map.isMapping else {
                found.append(
                    .error("schema-type", "\(object.kind) metadata.\(field) must be a mapping, not \(map.kindDescription)",
                        at: map.location ?? document.location, path: "metadata.\(field)"))
                continue
            }
            for pair in map.pairs ?? [] where pair.value.string == nil && !pair.value.isNull {
                let key = pair.key.scalarText ?? ""
                found.append(
                    .error("schema-type", "\(object.kind) metadata.\(field).\(key) must be a string, not \(pair.value.kindDescription)",
                        fix: "quote the value", at: pair.value.location ?? document.location, path: "metadata.\(field).\(key)"))
            }
        }
        return found
    }

    static func isBase64(_ s: String) -> Bool {
        let chars = Array(s.utf8).filter { $0 != 10 && $0 != 13 && $0 != 32 }
        guard chars.count % 4 == 0 else { return false }
        var padding = 0
        for (i, c) in chars.enumerated() {
            if c == UInt8(ascii: "=") {
                padding += 1
                if i < chars.count - 2 { return false }
                continue
            }
            if padding > 0 { return false }
            let ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 43 || c == 47
            if !ok { return false }
        }
        return padding <= 2
    }
}
