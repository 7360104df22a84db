import SDCTestSupport

/// Strings that a careless emitter writes so that some reader takes them for something else.
/// Every one must come back as the same string from sdc's reader and from PyYAML.
enum TrickyStrings {
    static let boolLike = [
        "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
        "FALSE", "on", "On", "ON", "off", "Off", "OFF", "yEs", "tRUE", "ye", "onn", "offf", "nO", "oN",
    ]
    static let nullLike = ["", "~", "null", "Null", "NULL", "nULL", " ", "  ", "~~", "none", "None"]
    static let intLike = [
        "0", "1", "-1", "+1", "0755", "0o17", "0O17", "0x1F", "0X1f", "0b101", "-0b101", "1_000", "9000", "09",
        "08", "007", "1:20", "190:20:30", "12345678901234567890", "99999999999999999999999",
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "+0", "-0", "0_", "00", "1__2",
        "0x", "0b", "0o", "0xG", "0b2", "1_", "_1", "+", "-", "+-1", "1-", "1:60", "1:5:9", "60:00",
    ]
    static let floatLike = [
        "1.0", "1.", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1.5e-3", "6.8523015e+5", "685.230_15e+03",
        "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN", "inf", "Infinity", "1e400", "0.1",
        "3.14159", "1.e5", ".e5", "1e", "e5", "1.5.5", "1..5", "-.", ".", "1,5", "0.", "-0.0", "+.inf", "._5",
    ]
    static let timestampLike = [
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
        "2002-1-1", "2024-01-02T00:00:00Z", "2024-13-45", "1999-1-1 1:1:11", "2024-01-02x",
    ]
    static let indicators = [
        "-", "- a", "-a", "--", "---", "...", "?", "? a", "?a", ":", ": a", "a:", "a: b", "a:b", "#", "# c",
        "a #b", "a#b", "&a", "*a", "!a", "!!str", "|", "| a", ">", "'", "\"", "%", "%YAML", "@", "`", "[", "]",
        "{", "}", "{}", "[]", ",", "a,b", "a, b", "[a]", "{a: b}", "=", "<<", "<", ">a", "a:\u{20}", "a :b",
    ]
    static let whitespace = [" a", "a ", "\t", "a\tb", "\ta", "a\t", "a  b", "\u{a0}", " \n"]
    static let multiline = [
        "a\nb", "a\n", "a\n\n", "\n", "\na", " a\nb", "a \nb", "a\n b", "a\r\nb", "\n\n", "a\n\n\n", "  lead\nx",
        "tab\tline\nnext", "#!/bin/sh\necho hi\n", "key: value\nother: 1\n", "- item\n- item2",
    ]
    static let unicode = [
        "ünïcode", "日本語", "emoji 😀", "\u{85}", "\u{2028}", "\u{feff}x", "é:", "ﬁ", "Ω=1", "١٢٣", "x\u{301}",
    ]
    static let control = ["\u{0}", "\u{7}", "\u{1b}[0m", "\u{7f}", "a\u{8}b", "\u{c}"]
    static let kubernetesish = [
        "seldonio/sklearnserver:1.18.2", "gs://seldon-models/v1.18.2/sklearn/iris", "s3://bucket/path", "100Mi",
        "0.5", "500m", "1Gi", "IfNotPresent", "/mnt/models", "--sdep=x", "-c", "8080", "TCP", "http", "v1",
        "1.18.2", "1.0.0", "10%", "*.example.com", "${VAR}", "$(ENV)", "{{ .Values.x }}", "{\"version\":\"default\"}",
        "a=b", "key=value,other=x", "C:\\path", "\\", "\\n", "http://x:y@host/", "'quoted'", "\"dq\"", "it's",
        "say \"hi\"", "100%", "[{\"name\":\"x\"}]", "model_uri=/mnt/models", "@timestamp", "%d", "!important",
        "&&", "||", "a || b", "x: {y}", "echo $HOME # comment", "0.0.0.0", "127.0.0.1:9000", "::1", "[::1]:80",
    ]
    static let long = [
        String(repeating: "a", count: 5000),
        Array(repeating: "word", count: 300).joined(separator: " "),
        String(repeating: "line\n", count: 200),
        "x" + String(repeating: " ", count: 100) + "y",
    ]

    static var all: [String] {
        boolLike + nullLike + intLike + floatLike + timestampLike + indicators + whitespace + multiline + unicode
            + control + kubernetesish + long
    }
}

/// Scalars as a user writes them, with what Kubernetes' reader makes of them and whether PyYAML
/// (YAML 1.1) reads the *input* the same way. Where it does not, the difference is Kubernetes' own.
struct SourceScalar: CustomStringConvertible, Sendable {
    var source: String
    var expected: Typed
    var pyyamlAgrees: Bool

    var description: String { source }
}

enum SourceScalars {
    static let all: [SourceScalar] = [
        .init(source: "true", expected: .bool(true), pyyamlAgrees: true),
        .init(source: "True", expected: .bool(true), pyyamlAgrees: true),
        .init(source: "yes", expected: .bool(true), pyyamlAgrees: true),
        .init(source: "on", expected: .bool(true), pyyamlAgrees: true),
        .init(source: "OFF", expected: .bool(false), pyyamlAgrees: true),
        .init(source: "y", expected: .bool(true), pyyamlAgrees: false),
        .init(source: "n", expected: .bool(false), pyyamlAgrees: false),
        .init(source: "~", expected: .null, pyyamlAgrees: true),
        .init(source: "null", expected: .null, pyyamlAgrees: true),
        .init(source: "", expected: .null, pyyamlAgrees: true),
        .init(source: "12", expected: .int("12"), pyyamlAgrees: true),
        .init(source: "-12", expected: .int("-12"), pyyamlAgrees: true),
        .init(source: "+12", expected: .int("12"), pyyamlAgrees: true),
        .init(source: "0755", expected: .int("493"), pyyamlAgrees: true),
        .init(source: "0x1F", expected: .int("31"), pyyamlAgrees: true),
        .init(source: "0b101", expected: .int("5"), pyyamlAgrees: true),
        .init(source: "-0b101", expected: .int("-5"), pyyamlAgrees: true),
        .init(source: "1_000", expected: .int("1000"), pyyamlAgrees: true),
        .init(source: "0o17", expected: .int("15"), pyyamlAgrees: false),
        .init(source: "09", expected: .float(9), pyyamlAgrees: false),
        .init(source: "1:20", expected: .str("1:20"), pyyamlAgrees: false),
        .init(source: "9223372036854775807", expected: .int("9223372036854775807"), pyyamlAgrees: true),
        .init(source: "18446744073709551615", expected: .int("18446744073709551615"), pyyamlAgrees: true),
        .init(source: "1.5", expected: .float(1.5), pyyamlAgrees: true),
        .init(source: "1.", expected: .float(1), pyyamlAgrees: true),
        .init(source: ".5", expected: .float(0.5), pyyamlAgrees: true),
        .init(source: "1e3", expected: .float(1000), pyyamlAgrees: false),
        .init(source: "1.0e+3", expected: .float(1000), pyyamlAgrees: true),
        .init(source: "-1.5e-3", expected: .float(-0.0015), pyyamlAgrees: true),
        .init(source: "1e400", expected: .str("1e400"), pyyamlAgrees: true),
        .init(source: ".inf", expected: .float(.infinity), pyyamlAgrees: true),
        .init(source: "-.Inf", expected: .float(-.infinity), pyyamlAgrees: true),
        .init(source: ".NaN", expected: .float(.nan), pyyamlAgrees: true),
        .init(source: "2024-01-02", expected: .str("2024-01-02"), pyyamlAgrees: false),
        .init(source: "abc", expected: .str("abc"), pyyamlAgrees: true),
        .init(source: "\"true\"", expected: .str("true"), pyyamlAgrees: true),
        .init(source: "'0755'", expected: .str("0755"), pyyamlAgrees: true),
        .init(source: "\"\"", expected: .str(""), pyyamlAgrees: true),
        .init(source: "\"a\\tb\\u00e9\"", expected: .str("a\tbé"), pyyamlAgrees: true),
        .init(source: "'it''s'", expected: .str("it's"), pyyamlAgrees: true),
        .init(source: "!!str 123", expected: .str("123"), pyyamlAgrees: true),
        .init(source: "!!int \"42\"", expected: .int("42"), pyyamlAgrees: true),
        .init(source: "!!float 1", expected: .float(1), pyyamlAgrees: true),
        .init(source: "!!bool yes", expected: .bool(true), pyyamlAgrees: true),
        .init(source: "!!null ''", expected: .null, pyyamlAgrees: true),
        // libyaml and PyYAML resolve a plain scalar with the non-specific tag `!` as if untagged.
        .init(source: "! 123", expected: .int("123"), pyyamlAgrees: true),
        .init(source: "|\n  a\n  b\n", expected: .str("a\nb\n"), pyyamlAgrees: true),
        .init(source: "|-\n  a\n", expected: .str("a"), pyyamlAgrees: true),
        .init(source: "|+\n  a\n", expected: .str("a\n\n"), pyyamlAgrees: true),
        .init(source: ">\n  a\n  b\n", expected: .str("a b\n"), pyyamlAgrees: true),
        .init(source: "|2\n    indented\n", expected: .str("  indented\n"), pyyamlAgrees: true),
        .init(source: "plain\n  continued", expected: .str("plain continued"), pyyamlAgrees: true),
        .init(source: "\"line\\\n  joined\"", expected: .str("linejoined"), pyyamlAgrees: true),
        .init(source: "a # comment", expected: .str("a"), pyyamlAgrees: true),
        .init(source: "a#not-comment", expected: .str("a#not-comment"), pyyamlAgrees: true),
        .init(source: "100Mi", expected: .str("100Mi"), pyyamlAgrees: true),
        .init(source: "0.5", expected: .float(0.5), pyyamlAgrees: true),
    ]
}
