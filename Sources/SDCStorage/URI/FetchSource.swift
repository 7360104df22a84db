/// What a fetch URI resolves to (spec/storage.md §7.2), before any byte moves.
public enum FetchSource: Sendable {
    /// A local directory or file: plain paths, `file://`, `pvc://` (mapped under the PVC root).
    case local(path: String, description: String)
    /// A configured (or implicit) remote with the path to copy, as rclone would see it.
    case remote(RemoteConfiguration, path: String)
    /// A direct `http(s)://` URL with no remote: one object, or a directory index when the path ends in `/`.
    case directURL(String)
}
