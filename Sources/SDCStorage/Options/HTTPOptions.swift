/// rclone's http options (spec/storage.md §2.4).
public enum HTTPOptions {
    public static let backend = BackendDescription(
        kind: .http, typeNames: ["http"], prefix: "http",
        options: [
            // The userinfo part of the URL is a credential; the whole value is treated as secret (§7.12).
            BackendOption("url", .string, secret: true),
            BackendOption("headers", .commaList, secret: true),
            BackendOption("no_slash", .bool, default: "false"),
            BackendOption("no_head", .bool, default: "false"),
        ])
}
