import SDCYAML
import Testing

/// Known answers of Go's yaml.v2 (what sigs.k8s.io/yaml and so kubectl read) for plain scalars.
@Suite("Kubernetes scalar resolution")
struct ScalarResolutionTests {
    @Test(arguments: [
        ("", ScalarValue.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
        ("nULL", .string), ("y", .bool(true)), ("Y", .bool(true)), ("yes", .bool(true)), ("on", .bool(true)),
        ("n", .bool(false)), ("NO", .bool(false)), ("off", .bool(false)), ("False", .bool(false)),
        ("fAlse", .string), ("0", .int(0)), ("-0", .int(0)), ("+7", .int(7)), ("0755", .int(493)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("-0x10", .int(-16)), ("0b11", .int(3)), ("-0b11", .int(-3)),
        ("1_000_000", .int(1_000_000)), ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)), ("9223372036854775808", .uint(9_223_372_036_854_775_808)),
        ("+9223372036854775808", .float(9_223_372_036_854_775_808)), ("09", .float(9)), ("1.5", .float(1.5)),
        ("1e3", .float(1000)), ("-.5", .float(-0.5)), (".5", .float(0.5)), (".5e1", .float(5)), ("1.", .float(1)),
        ("1e400", .string), (".inf", .float(.infinity)), ("-.INF", .float(-.infinity)), ("1:20", .string),
        ("2024-01-02", .string), ("1.18.2", .string), ("100Mi", .string), ("0x", .string), ("_1", .string),
        ("<<", .string), ("=", .string), ("abc", .string), ("+", .string), ("-", .string), (".", .string),
    ])
    func resolves(_ text: String, _ expected: ScalarValue) {
        let got = KubernetesScalarResolver.resolve(text)
        if case .float(let e) = expected, e.isNaN {
            #expect(got != .string)
        } else {
            #expect(got == expected, "\(text)")
        }
    }

    @Test("NaN spellings are floats")
    func nan() {
        for text in [".nan", ".NaN", ".NAN"] {
            guard case .float(let d) = KubernetesScalarResolver.resolve(text) else {
                Issue.record("\(text) is not a float")
                continue
            }
            #expect(d.isNaN)
        }
    }

    @Test("strings that need quotes, and strings that do not", arguments: [
        ("true", true), ("y", true), ("1:20", true), ("2001-12-14", true), ("1.0", true), ("0755", true),
        ("", true), ("~", true), ("=", true), ("<<", true), ("1e3", true), ("10", true),
        ("abc", false), ("1.18.2", false), ("100Mi", false), ("-c", false), ("v1", false), ("--sdep", false),
        ("seldonio/mlserver:1.3.5", false), ("500m", false), ("/mnt/models", false),
    ])
    func quoting(_ text: String, _ quoted: Bool) {
        #expect(PlainScalarSafety.needsQuotes(text) == quoted, "\(text)")
    }
}

@Suite("Key order")
struct KeyOrderTests {
    @Test("yaml.v2 order: letters by code point, non-letters first, digit runs numerically, prefixes first")
    func order() {
        let keys = ["b", "a10", "a2", "A", "a", "_x", "1", "10", "9", "ab", "a-b", "aB"]
        let sorted = keys.sorted(by: KeyOrder.less)
        // "_x" before "1": neither is a letter, so yaml.v2 compares digit runs, and "_x" has none (0 < 1).
        #expect(sorted == ["_x", "1", "9", "10", "A", "a", "a-b", "a2", "a10", "aB", "ab", "b"])
    }

    @Test("Kubernetes field names sort as kubectl prints them")
    func kubernetesFields() {
        let keys = ["status", "spec", "metadata", "kind", "apiVersion"]
        #expect(keys.sorted(by: KeyOrder.less) == ["apiVersion", "kind", "metadata", "spec", "status"])
        let container = ["volumeMounts", "terminationMessagePolicy", "terminationMessagePath", "resources",
                         "ports", "name", "livenessProbe", "image", "env"]
        #expect(container.sorted(by: KeyOrder.less) == container.reversed())
    }
}
