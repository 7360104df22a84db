import SDCFuzzDriver
import SDCModel
import SDCStorage

/// libFuzzer entry point for rclone.conf text, through both uses of sdc's one reader (SDCStorage.RcloneConfigFile):
/// fetch's merged RcloneConfig that looks options up, and render's RCLONE_CONFIG_* Secret data
/// (SDCModel.RcloneEnvironment from the effective settings). The text may be refused; nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func rcloneConf(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    if let file = try? RcloneConfigFile(parsing: text) {
        let config = SDCStorage.RcloneConfig(environment: [:], file: file)
        for name in file.sectionNames.prefix(16) {
            _ = config.remoteExists(name)
            _ = try? SourceResolver(config: config).resolve("\(name):bucket/model")
        }
    }
    if let file = try? RcloneConfigFile(parsing: text) {
        let environment = RcloneEnvironment(
            entries: file.effectiveSettings.map { RcloneEnvironment.Entry(remote: $0.section, key: $0.key, value: $0.value) })
        for (name, _) in environment.variables where !name.hasPrefix("RCLONE_CONFIG_") {
            fatalError("a Secret key outside RCLONE_CONFIG_*: \(name)")
        }
    }
    return 0
}
