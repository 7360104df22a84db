import SDCStorage

/// A bool option as rclone reads it (storage.md §1.4): unset, empty or unparsable count as false here, because the
/// credential rules ask "is it on?"; `option-value-type` reports the unparsable ones.
enum BoolOption {
    static func isTrue(_ text: String?) -> Bool {
        guard let text, !text.isEmpty else { return false }
        return (try? OptionValueParser.bool(text)) ?? false
    }
}
