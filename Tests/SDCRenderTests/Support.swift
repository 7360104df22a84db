import SDCModel
import SDCRender
import SDCYAML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths and helpers shared by the render tests. Fixtures are found from this file's path, never bundles.
enum TestPaths {
    /// `<packageRoot>` = three levels above this file (Tests/SDCRenderTests/Support.swift).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static var examples: String { packageRoot + "/examples" }
    /// The shared spec and corpus sit beside the package (`<packageRoot>/../shared`).
    static var shared: String { packageRoot + "/../shared" }

    static func env(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        let s = String(cString: v)
        return s.isEmpty ? nil : s
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    static func read(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n > 0 { bytes += chunk[0..<n] }
            if n < chunk.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @discardableResult
    static func write(_ text: String, to path: String) -> Bool {
        guard let f = fopen(path, "wb") else { return false }
        defer { fclose(f) }
        let bytes = Array(text.utf8)
        return fwrite(bytes, 1, bytes.count, f) == bytes.count
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Finds an executable on PATH.
    static func which(_ name: String) -> String? {
        for dir in (env("PATH") ?? "").split(separator: ":") where isExecutable("\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }
}

/// Renders YAML text with the given values texts, as the CLI does, returning output text or findings.
enum RenderHarness {
    static func render(_ text: String, file: String = "input.yaml", values: [String] = [], set: [String] = [], form: OutputForm = .apply) throws
        -> (output: String?, messages: [String], rules: [String])
    {
        let documents = try YAMLParser().parse(text, file: file).filter { !$0.root.isNull }
        let valueFiles = try values.enumerated().map { i, v in ValuesFile(root: try YAMLParser().parse(v, file: "values\(i).yaml").first?.root ?? .null, name: "values\(i).yaml") }
        let loaded = try ValuesLoader().load(files: valueFiles, set: set, setString: [])
        let result = Renderer.render(documents, options: RenderOptions(values: loaded.values, form: form))
        let all = loaded.diagnostics + result.diagnostics
        let failed = all.contains { $0.severity == .error }
        return (failed ? nil : try YAMLEmitter().emit(result.objects), all.map { "\($0.rule) \($0.path ?? "") \($0.message)" }, all.filter { $0.severity == .error }.map(\.rule))
    }
}
