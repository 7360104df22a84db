#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// The backends sdc fetch supports, found by `type` value exactly as rclone's `fs.Find` does (§1.2).
public enum BackendRegistry {
    public static let all: [BackendDescription] = [
        S3Options.backend, GCSOptions.backend, AzureBlobOptions.backend, HTTPOptions.backend, LocalOptions.backend,
    ]

    /// rclone backends that exist but sdc does not implement (§7.2 "Supported backend types").
    public static let rcloneOnlyTypes: Set<String> = [
        "alias", "amazon cloud drive", "b2", "box", "cache", "chunker", "combine", "compress", "crypt", "drive",
        "dropbox", "fichier", "filefabric", "ftp", "google photos", "hasher", "hdfs", "hidrive", "internetarchive",
        "jottacloud", "koofr", "mailru", "mega", "memory", "netstorage", "onedrive", "opendrive", "oracleobjectstorage",
        "pcloud", "premiumizeme", "putio", "qingstor", "sftp", "sharefile", "sia", "smb", "storj", "sugarsync",
        "swift", "union", "uptobox", "webdav", "yandex", "zoho", "tardigrade", "seafile", "pikpak", "azurefiles",
    ]

    /// Case-sensitive match on the type name, the flag prefix, or the name without spaces.
    public static func backend(forType type: String) -> BackendDescription? {
        all.first { backend in
            backend.typeNames.contains(type) || backend.prefix == type
                || backend.typeNames.contains { $0.replacingAll(" ", with: "") == type }
        }
    }

    /// A case-insensitive near miss, for the "did you mean" part of an error.
    public static func suggestion(forType type: String) -> String? {
        let lower = type.lowercased()
        for backend in all {
            for name in backend.typeNames + [backend.prefix] where name.lowercased() == lower {
                return name
            }
        }
        return ClosestName.closest(to: type, among: all.flatMap(\.typeNames))
    }
}
