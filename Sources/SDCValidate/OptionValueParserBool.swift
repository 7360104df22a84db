import SDCStorage

/// A bool option's value, false when unset: the reading the credential rules need.
enum OptionValueParserBool {
    static func parse(_ text: String?) throws -> Bool {
        guard let text, !text.isEmpty else { return false }
        return try OptionValueParser.bool(text)
    }
}
