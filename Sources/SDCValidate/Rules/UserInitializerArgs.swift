import SDCDiagnostics

/// `user-initializer-args`: a user-written `<node>-model-initializer` replaces the operator's (render.md §8.3 step 1),
/// so it must itself take the two arguments the operator would pass: the model URI and `/mnt/models`.
struct UserInitializerArgs: Rule {
    let id = "user-initializer-args"
    let defaultSeverity = Severity.error
    let summary = "a user-written <node>-model-initializer passes the model URI and /mnt/models"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.modelReferences.compactMap { reference -> Diagnostic? in
            guard let initializer = reference.userInitializer else { return nil }
            let args = initializer["args"]?.sequence ?? []
            // A command of three or more words may carry the two arguments itself (`sh -c "rclone copy …"`).
            guard args.count < 2, (initializer["command"]?.sequence?.count ?? 0) < 3 else { return nil }
            let name = initializer["name"]?.string ?? ""
            return .error(
                id,
                "init container \(name) replaces the operator's storage initializer but has \(args.count) argument\(args.count == 1 ? "" : "s"); it needs the model URI and /mnt/models",
                fix: "add args: [\"\(reference.uri)\", \"/mnt/models\"], or remove the init container and let the operator add it",
                at: (initializer["args"] ?? initializer).location)
        }
    }
}
