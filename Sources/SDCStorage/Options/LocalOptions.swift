/// rclone's local options that matter when a local tree is the source (spec/storage.md §2.5).
public enum LocalOptions {
    public static let backend = BackendDescription(
        kind: .local, typeNames: ["local"], prefix: "local",
        options: [
            BackendOption("copy_links", .bool, default: "false", noPrefix: true),
            BackendOption("links", .bool, default: "false", noPrefix: true),
            BackendOption("skip_links", .bool, default: "false", noPrefix: true),
            BackendOption("one_file_system", .bool, default: "false", noPrefix: true),
            BackendOption("no_preallocate", .bool, default: "false", fetch: .irrelevant),
            BackendOption("no_sparse", .bool, default: "false", fetch: .irrelevant),
            BackendOption("no_set_modtime", .bool, default: "false", fetch: .irrelevant),
            BackendOption("case_sensitive", .bool, default: "false", fetch: .irrelevant),
            BackendOption("case_insensitive", .bool, default: "false", fetch: .irrelevant),
            BackendOption("unicode_normalization", .bool, default: "false", fetch: .irrelevant),
            BackendOption("no_check_updated", .bool, default: "false", fetch: .irrelevant),
            BackendOption("nounc", .bool, default: "false", fetch: .irrelevant),
            BackendOption("zero_size_links", .bool, default: "false", fetch: .irrelevant),
            BackendOption("encoding", .encoding, default: "Slash,Dot", fetch: .irrelevant),
        ])
}
