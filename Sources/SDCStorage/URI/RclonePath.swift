/// One command-line path argument, parsed exactly as rclone's `fspath.Parse` does (spec/storage.md §1.5).
public enum RclonePath: Sendable, Equatable {
    case local(String)
    /// `name:path` or `name,key=value:path`.
    case remote(name: String, parameters: [String: String], path: String)
    /// `:backend:path` or `:backend,key=value:path`.
    case onTheFly(backend: String, parameters: [String: String], path: String)

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case invalidRemoteName(String)
        case emptyParameter
        case badParameterCharacter(Character)
        case unterminatedQuote
        case missingTrailingColon
        case leadingColonLocalPath

        public var message: String {
            switch self {
            case .empty: "can't use empty string as a path"
            case .invalidRemoteName(let name): "config name '\(name)' contains invalid characters (allowed: 0-9 A-Z a-z _ . - + @ space; not starting with -)"
            case .emptyParameter: "empty config parameter in connection string"
            case .badParameterCharacter(let c): "connection string parameter names may only use A-Z a-z 0-9 _ (found '\(c)')"
            case .unterminatedQuote: "unterminated quoted value in connection string"
            case .missingTrailingColon: "config name needs a trailing ':'"
            case .leadingColonLocalPath: "a path starting with ':' must name a backend (':s3:bucket/path')"
            }
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> RclonePath {
        guard !text.isEmpty else { throw .empty }
        guard text.contains(":") else { return .local(text) }
        let chars = Array(text)
        let onTheFly = chars[0] == ":"
        var i = onTheFly ? 1 : 0
        while i < chars.count, chars[i] != ":", chars[i] != "," {
            if chars[i] == "/" || chars[i] == "\\" {
                if onTheFly { throw .leadingColonLocalPath }
                return .local(text)
            }
            i += 1
        }
        guard i < chars.count else { return .local(text) }
        let name = String(chars[(onTheFly ? 1 : 0)..<i])
        if !onTheFly, !isValidRemoteName(name) { throw .invalidRemoteName(name) }
        if onTheFly, name.isEmpty { throw .invalidRemoteName(name) }
        var parameters: [String: String] = [:]
        if chars[i] == "," {
            i += 1
            while true {
                var key = ""
                while i < chars.count, chars[i] != "=", chars[i] != ",", chars[i] != ":" {
                    let c = chars[i]
                    guard c.isASCII, c.isLetter || c.isNumber || c == "_" else { throw .badParameterCharacter(c) }
                    key.append(c)
                    i += 1
                }
                guard !key.isEmpty else { throw .emptyParameter }
                guard i < chars.count else { throw .missingTrailingColon }
                var value = "true"
                if chars[i] == "=" {
                    i += 1
                    value = ""
                    if i < chars.count, chars[i] == "'" || chars[i] == "\"" {
                        let quote = chars[i]
                        i += 1
                        var closed = false
                        while i < chars.count {
                            if chars[i] == quote {
                                if i + 1 < chars.count, chars[i + 1] == quote {
                                    value.append(quote)
                                    i += 2
                                    continue
                                }
                                i += 1
                                closed = true
                                break
                            }
                            value.append(chars[i])
                            i += 1
                        }
                        guard closed else { throw .unterminatedQuote }
                    } else {
                        while i < chars.count, chars[i] != ",", chars[i] != ":" {
                            value.append(chars[i])
                            i += 1
                        }
                    }
                }
                parameters[key] = value
                guard i < chars.count else { throw .missingTrailingColon }
                if chars[i] == ":" { break }
                guard chars[i] == "," else { throw .missingTrailingColon }
                i += 1
            }
        }
        let path = String(chars[(i + 1)...])
        return onTheFly
            ? .onTheFly(backend: name, parameters: parameters, path: path)
            : .remote(name: name, parameters: parameters, path: path)
    }

    /// rclone 1.60.1's set (`0-9 A-Z a-z _ . -` and space, not starting with `-`) plus v1.62's `+` and `@`.
    public static func isValidRemoteName(_ name: String) -> Bool {
        guard let first = name.first, first != "-" else { return false }
        return name.allSatisfy { c in
            (c.isASCII && (c.isLetter || c.isNumber)) || "_.- +@".contains(c)
        }
    }
}
