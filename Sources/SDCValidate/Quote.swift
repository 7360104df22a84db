import SDCStorage

/// How values appear in messages. URIs are redacted (userinfo, signatures) and escaped; Secret values never appear
/// (storage.md §7.12).
enum Quote {
    static func uri(_ text: String) -> String { Redaction.quoted(text) }
}
