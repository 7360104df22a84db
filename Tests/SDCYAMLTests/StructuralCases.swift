/// Whole documents whose structure a YAML layer can get wrong. `pyyamlAgrees` is false where Kubernetes'
/// reading differs from YAML 1.1's (then only sdc's own round trip and PyYAML's reading of sdc's output count).
struct StructuralCase: CustomStringConvertible, Sendable {
    var name: String
    var yaml: String
    var pyyamlAgrees = true

    var description: String { name }
}

enum StructuralCases {
    static let all: [StructuralCase] = [
        .init(name: "flat mapping", yaml: "a: 1\nb: two\nc: true\n"),
        .init(name: "nested mappings", yaml: "a:\n  b:\n    c:\n      d: deep\n"),
        .init(name: "sequence of scalars", yaml: "- 1\n- two\n- null\n- 3.5\n"),
        .init(name: "sequence of mappings", yaml: "- name: a\n  value: 1\n- name: b\n  value: 2\n"),
        .init(name: "indentless sequence in mapping", yaml: "items:\n- a\n- b\n"),
        .init(name: "indented sequence in mapping", yaml: "items:\n  - a\n  - b\n"),
        .init(name: "sequence of sequences", yaml: "- - a\n  - b\n- - c\n"),
        .init(name: "empty flow mapping and sequence", yaml: "m: {}\ns: []\n"),
        .init(name: "flow collections", yaml: "m: {a: 1, b: [x, z, {z: 2}]}\n"),
        .init(name: "y in a flow list is a boolean to Kubernetes", yaml: "m: [x, y]\n", pyyamlAgrees: false),
        .init(name: "null values", yaml: "a:\nb: ~\nc: null\n"),
        .init(name: "anchors and aliases", yaml: "base: &b {x: 1}\nuse: *b\nlist: [*b, *b]\n"),
        .init(name: "anchored scalar", yaml: "a: &s hello\nb: *s\n"),
        .init(name: "merge key", yaml: "base: &b {x: 1, z: 2}\nderived:\n  <<: *b\n  z: 3\n"),
        .init(name: "merge list", yaml: "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n"),
        .init(name: "comments everywhere", yaml: "# head\na: 1 # trailing\n# between\nb:\n  # inner\n  - x # item\n"),
        .init(name: "multiple documents", yaml: "a: 1\n---\nb: 2\n---\n- c\n"),
        .init(name: "explicit document markers", yaml: "---\na: 1\n...\n---\nb: 2\n...\n"),
        .init(name: "directive", yaml: "%YAML 1.1\n---\na: 1\n"),
        .init(name: "CRLF line endings", yaml: "a: 1\r\nb:\r\n  - x\r\n"),
        .init(name: "byte order mark", yaml: "\u{feff}a: 1\n"),
        .init(name: "unicode keys and values", yaml: "ключ: значение\n日本: 語\n"),
        .init(name: "keys needing quotes", yaml: "\"a: b\": 1\n\"#x\": 2\n\"\": 3\n\"true\": 4\n\"123\": 5\n"),
        .init(name: "block scalars in a list", yaml: "- |\n  one\n  two\n- >-\n  folded\n  text\n"),
        .init(name: "literal with keep and strip", yaml: "keep: |+\n  a\n\nstrip: |-\n  b\n"),
        .init(name: "long string", yaml: "a: " + String(repeating: "long ", count: 400) + "end\n"),
        .init(name: "deep but legal nesting", yaml: String(repeating: "- ", count: 40) + "x\n"),
        .init(name: "explicit key", yaml: "? a\n: 1\n"),
        .init(name: "quoted multi-line", yaml: "a: \"first\n  second\"\n"),
        .init(name: "kubernetes configmap", yaml: """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
              labels: {app: x, version: "1.0"}
            data:
              enabled: "true"
              script: |
                #!/bin/sh
                echo "hi: there"
              json: '{"a": [1, 2]}'
            """ + "\n"),
        .init(name: "seldon deployment", yaml: """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata:
              name: iris
            spec:
              predictors:
              - name: default
                replicas: 1
                graph:
                  name: classifier
                  implementation: SKLEARN_SERVER
                  modelUri: gs://seldon-models/v1.18.2/sklearn/iris
                  parameters:
                  - {name: method, value: predict_proba, type: STRING}
            """ + "\n"),
        .init(name: "numbers as keys", yaml: "1: a\n2.5: b\n", pyyamlAgrees: false),
        .init(name: "y and n keys", yaml: "y: 1\nn: 2\n", pyyamlAgrees: false),
        .init(name: "empty string values", yaml: "a: ''\nb: \"\"\n"),
        .init(name: "tagged collection", yaml: "a: !!map {b: 1}\nc: !!seq [1]\n"),
        .init(name: "whitespace-only lines", yaml: "a: 1\n   \n\nb: 2\n"),
    ]
}
