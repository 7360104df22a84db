import SDCFuzzDriver
import SDCModel
import SDCStorage

/// libFuzzer entry point for rclone.conf text, through both readers: fetch's (SDCStorage.RcloneConfigFile, then
/// the merged RcloneConfig that looks options up) and render's (SDCModel.RcloneConfig, which turns a file into
/// RCLONE_CONFIG_* Secret data). Either may refuse the text; neither may crash or hang.
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
    if let model = try? SDCModel.RcloneConfig(parsing: text, file: "fuzz.conf") {
        for (name, _) in model.variables where !name.hasPrefix("RCLONE_CONFIG_") {
            fatalError("a Secret key outside RCLONE_CONFIG_*: \(name)")
        }
    }
    return 0
}
