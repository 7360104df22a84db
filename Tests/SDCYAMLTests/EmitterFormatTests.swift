import SDCYAML
import Testing

/// The exact bytes of sdc's output form (render spec §0.3), so golden files stay stable.
@Suite("Emitter format")
struct EmitterFormatTests {
    @Test("block style, 2-space indent, kubectl-style lists, separators, quoting")
    func canonicalForm() throws {
        let first = Node.mapping([
            ("apiVersion", .string("v1")),
            ("kind", .string("ConfigMap")),
            ("metadata", .mapping([("name", .string("x")), ("labels", .emptyMapping)])),
            ("data", .mapping([
                ("port", .string("9000")),
                ("flag", .string("true")),
                ("json", .string("{\"version\":\"default\"}")),
                ("arg", .string("--sdep")),
                ("script", .string("a\nb\n")),
                ("strip", .string("a\nb")),
                ("keep", .string("a\n\n")),
            ])),
            ("items", .sequence([.mapping([("name", .string("a")), ("n", .int(1))]), .emptySequence])),
            ("timestamp", .null),
            ("ratio", .float(0.5)),
        ])
        let second = Node.mapping([("b", .bool(false))])
        let text = try YAMLEmitter().emit([first, second])
        #expect(
            text == """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                  labels: {}
                data:
                  port: "9000"
                  flag: "true"
                  json: '{"version":"default"}'
                  arg: --sdep
                  script: |
                    a
                    b
                  strip: |-
                    a
                    b
                  keep: |+
                    a

                items:
                - name: a
                  "n": 1
                - []
                timestamp: null
                ratio: 0.5
                ---
                b: false

                """)
    }

    @Test("no folding of long lines")
    func noFolding() throws {
        let long = String(repeating: "abcdefgh ", count: 100) + "end"
        let text = try YAMLEmitter().emit(Node.mapping([("k", .string(long))]))
        #expect(text == "k: \(long)\n")
    }

    @Test("floats are written so YAML 1.1 readers see floats", arguments: [
        (1000.0, "1000.0"), (1e20, "1.0e+20"), (1.5e-7, "1.5e-07"), (-0.25, "-0.25"),
        (Double.infinity, ".inf"), (-Double.infinity, "-.inf"), (Double.nan, ".nan"),
    ])
    func floatText(_ value: Double, _ expected: String) {
        #expect(ScalarFormatting.float(value) == expected)
    }

    @Test("output is identical on every run")
    func deterministic() throws {
        let text = "b: 1\na: [x, {y: z}]\nc: \"yes\"\n"
        let runs = try (0..<5).map { _ in try YAMLEmitter().emit(YAMLParser().parse(text, file: "t").map(\.root)) }
        #expect(Set(runs).count == 1)
    }
}

@Suite("Node equality")
struct NodeEqualityTests {
    @Test("equal by meaning: style and the spelling of non-strings do not count")
    func semantic() throws {
        let a = try YAMLParser().parse("a: \"x\"\nb: 0x1F\nc: .NaN\nd: yes\n", file: "a")[0].root
        let b = try YAMLParser().parse("a: x\nb: 31\nc: .nan\nd: true\n", file: "b")[0].root
        #expect(a == b)
        let c = try YAMLParser().parse("a: \"31\"\nb: 0x1F\nc: .nan\nd: true\n", file: "c")[0].root
        #expect(a != c)
        #expect(Set([a, b]).count == 1)
    }
}
