/// An rclone.conf, read with the grammar of the INI library rclone 1.60.1 links
/// (spec/storage.md §1.3, `unknwon/goconfig@v1.0.0:read.go`).
public struct RcloneConfigFile: Sendable, Hashable {
    public struct Section: Sendable, Hashable {
        public var name: String
        /// Keys in file order; a repeated key keeps its last value, as goconfig does.
        public var entries: [(key: String, value: String)]

        public static func == (a: Section, b: Section) -> Bool {
            a.name == b.name && a.entries.map(\.key) == b.entries.map(\.key)
                && a.entries.map(\.value) == b.entries.map(\.value)
        }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            for entry in entries {
                hasher.combine(entry.key)
                hasher.combine(entry.value)
            }
        }

        public func rawValue(_ key: String) -> String? {
            entries.last { $0.key == key }?.value
        }
    }

    public enum ParseError: Error, Equatable, Sendable {
        case encrypted
        case noSeparator(line: Int)
    }

    /// Sections in file order; `DEFAULT` holds keys written before the first header.
    public private(set) var sections: [Section]

    public init(sections: [Section] = []) {
        self.sections = sections
    }

    public init(parsing text: String) throws(ParseError) {
        var sections: [Section] = []
        var current = "DEFAULT"
        func append(_ key: String, _ value: String) {
            if let index = sections.firstIndex(where: { $0.name == current }) {
                sections[index].entries.append((key, value))
            } else {
                sections.append(Section(name: current, entries: [(key, value)]))
            }
        }
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.trim(Substring(rawLine))
            if number == 0, line.hasPrefix("RCLONE_ENCRYPT_V0:") { throw .encrypted }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(Self.trim(line.dropFirst().dropLast()))
                if !sections.contains(where: { $0.name == current }) {
                    sections.append(Section(name: current, entries: []))
                }
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .noSeparator(line: number + 1)
            }
            let key = Self.unquoteKey(Self.trim(line[..<separator]))
            let value = Self.unquoteValue(Self.trim(line[line.index(after: separator)...]))
            append(key, value)
        }
        self.sections = sections
    }

    public var sectionNames: [String] { sections.map(\.name).filter { $0 != "DEFAULT" } }

    /// Every named section's settings as rclone sees them: its own keys, then the DEFAULT keys it inherits, each
    /// once, with goconfig's effective value (`%(x)s` expanded); empty values are left out, as rclone drops them.
    public var effectiveSettings: [(section: String, key: String, value: String)] {
        let defaults = section("DEFAULT")?.entries.map(\.key) ?? []
        var settings: [(section: String, key: String, value: String)] = []
        for name in sectionNames {
            var keys: [String] = []
            for key in (section(name)?.entries.map(\.key) ?? []) + defaults where !keys.contains(key) {
                keys.append(key)
            }
            for key in keys {
                guard let value = value(section: name, key: key) else { continue }
                settings.append((name, key, value))
            }
        }
        return settings
    }

    public func section(_ name: String) -> Section? {
        sections.first { $0.name == name }
    }

    /// goconfig's `GetValue` as rclone calls it: the section's own key, else a parent section for `a.b`,
    /// else `DEFAULT`; then `%(name)s` references expanded (up to 200 rounds). Empty values count as absent
    /// (rclone's config-file getter discards them, §1.1).
    public func value(section name: String, key: String) -> String? {
        guard let raw = lookup(section: name, key: key) else { return nil }
        let expanded = expand(raw, section: name)
        return expanded.isEmpty ? nil : expanded
    }

    private func lookup(section name: String, key: String) -> String? {
        if let value = section(name)?.rawValue(key) { return value }
        if let dot = name.lastIndex(of: "."), let value = lookup(section: String(name[..<dot]), key: key) {
            return value
        }
        if name != "DEFAULT" { return section("DEFAULT")?.rawValue(key) }
        return nil
    }

    private func expand(_ value: String, section name: String) -> String {
        var value = value
        for _ in 0..<200 {
            guard let start = value.firstRange(of: "%("),
                let end = value[start.upperBound...].firstRange(of: ")s")
            else { break }
            let reference = String(value[start.upperBound..<end.lowerBound])
            let replacement = lookup(section: name, key: reference) ?? ""
            value.replaceSubrange(start.lowerBound..<end.upperBound, with: replacement)
        }
        return value
    }

    private static func trim(_ s: Substring) -> Substring {
        var s = s
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }

    private static func unquoteKey(_ s: Substring) -> String {
        for quote in ["\"\"\"", "`", "\""] where s.count >= 2 * quote.count && s.hasPrefix(quote) && s.hasSuffix(quote) {
            return String(s.dropFirst(quote.count).dropLast(quote.count))
        }
        return String(s)
    }

    /// Backticks and one-line triple double quotes are unwrapped; ordinary quotes stay literal.
    private static func unquoteValue(_ s: Substring) -> String {
        for quote in ["\"\"\"", "`"] where s.count >= 2 * quote.count && s.hasPrefix(quote) && s.hasSuffix(quote) {
            return String(s.dropFirst(quote.count).dropLast(quote.count))
        }
        return String(s)
    }
}
