import Foundation
import SDCYAML

/// PyYAML as an independent reader: what another YAML implementation makes of the same bytes.
///
/// Found through `SDC_PYTHON` (the test script's venv) or `python3`; `isAvailable` is false when neither
/// can import yaml, and tests then skip — except under CI, where a missing oracle is a failure.
public enum PyYAMLOracle {
    public static let python: String? = {
        let candidates = [ProcessInfo.processInfo.environment["SDC_PYTHON"], "/usr/bin/env"].compactMap { $0 }
        for candidate in candidates {
            let args = candidate == "/usr/bin/env" ? ["python3", "-c", "import yaml"] : ["-c", "import yaml"]
            if let result = try? Subprocess.run(candidate, args), result.status == 0 {
                return candidate
            }
        }
        return nil
    }()

    public static var isAvailable: Bool { python != nil }

    public static var requiredButMissing: Bool { !isAvailable && ProcessInfo.processInfo.environment["CI"] != nil }

    /// What PyYAML reads in each text, in the typed form of `pyyaml_oracle.py`.
    public static func load(_ texts: [String]) throws -> [Result<[Typed], OracleError>] {
        guard let python else { throw OracleError(message: "PyYAML is not available") }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("pyyaml_oracle.py").path
        let args = python == "/usr/bin/env" ? ["python3", script] : [script]
        let input = try JSONEncoder().encode(texts)
        let result = try Subprocess.run(python, args, stdin: input)
        guard result.status == 0 else {
            throw OracleError(message: "oracle failed: \(String(decoding: result.stderr, as: UTF8.self))")
        }
        let raw = try JSONDecoder().decode([OracleAnswer].self, from: result.stdout)
        return raw.map { answer in
            if let docs = answer.ok { return .success(docs) }
            return .failure(OracleError(message: answer.error ?? "unknown"))
        }
    }

    public struct OracleError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private struct OracleAnswer: Decodable {
        var ok: [Typed]?
        var error: String?
    }
}

/// A YAML value with its type, comparable across sdc and PyYAML.
public indirect enum Typed: Equatable, CustomStringConvertible, Decodable, Sendable {
    case null
    case bool(Bool)
    case int(String)
    case float(Double)
    case str(String)
    case seq([Typed])
    case map([[Typed]])
    case other(String, String)

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let tag = try c.decode(String.self)
        switch tag {
        case "null": self = .null
        case "bool": self = .bool(try c.decode(Bool.self))
        case "int": self = .int(try c.decode(String.self))
        case "float": self = .float(Double(try c.decode(String.self)) ?? .nan)
        case "str": self = .str(try c.decode(String.self))
        case "seq": self = .seq(try c.decode([Typed].self))
        case "map": self = .map(try c.decode([[Typed]].self))
        default: self = .other(try c.decode(String.self), try c.decode(String.self))
        }
    }

    /// sdc's reading of a node in the same form.
    public init(_ node: Node) {
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null: self = .null
            case .bool(let b): self = .bool(b)
            case .int(let i): self = .int(String(i))
            case .uint(let u): self = .int(String(u))
            case .float(let d): self = .float(d)
            case .string: self = .str(s.text)
            }
        case .sequence(let items): self = .seq(items.map(Typed.init))
        case .mapping(let pairs): self = .map(pairs.map { [Typed($0.key), Typed($0.value)] })
        }
    }

    public static func == (lhs: Typed, rhs: Typed) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.str(a), .str(b)): return a == b
        case let (.seq(a), .seq(b)): return a == b
        // Mapping order carries no meaning to a reader (PyYAML puts merged keys first, sdc last).
        case let (.map(a), .map(b)):
            return Typed.map(a).canonical == Typed.map(b).canonical
        case let (.other(a1, a2), .other(b1, b2)): return a1 == b1 && a2 == b2
        default: return false
        }
    }

    /// The description with every mapping's pairs sorted, so order-blind comparison works at any depth.
    public var canonical: String {
        switch self {
        case .seq(let items): "[" + items.map(\.canonical).joined(separator: ", ") + "]"
        case .map(let pairs):
            "{" + pairs.map { "\($0[0].canonical): \($0[1].canonical)" }.sorted().joined(separator: ", ") + "}"
        default: description
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "bool(\(b))"
        case .int(let i): "int(\(i))"
        case .float(let d): "float(\(d))"
        case .str(let s): "str(\(String(reflecting: s)))"
        case .seq(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .map(let pairs): "{" + pairs.map { "\($0[0]): \($0[1])" }.joined(separator: ", ") + "}"
        case .other(let type, let repr): "\(type)(\(repr))"
        }
    }
}
