import SDCDiagnostics

/// `seldon-v2-style-secret` (storage.md `SeldonV2StyleSecret`, P8): Seldon Core v2 stores an rclone remote as YAML/JSON
/// with `type:` and `parameters:` in one value; v1's initializer needs `RCLONE_CONFIG_<NAME>_<KEY>` keys.
struct SeldonV2StyleSecret: Rule {
    let id = "seldon-v2-style-secret"
    let defaultSeverity = Severity.warning
    let summary = "a referenced Secret is in the v1 format, not Seldon Core v2's"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        var seen = Set<String>()
        return context.storageTargets.compactMap { target -> Diagnostic? in
            guard let secret = target.secretObject, seen.insert(secret.name).inserted,
                let entry = secret.effectiveEntries.first(where: { entry in
                    let v = entry.value ?? ""
                    return v.contains("type") && v.contains("parameters")
                        && (v.contains("type:") || v.contains("\"type\"")) && (v.contains("parameters:") || v.contains("\"parameters\""))
                })
            else { return nil }
            return .warning(
                id, "secret '\(secret.name)' uses the Seldon Core v2 format in \(entry.key); v1 needs RCLONE_CONFIG_<NAME>_<KEY> keys",
                fix: "write one key per option: RCLONE_CONFIG_<NAME>_TYPE, RCLONE_CONFIG_<NAME>_<PARAMETER>…",
                at: entry.keyNode.location, path: "\(entry.field.rawValue).\(entry.key)")
        }
    }
}
