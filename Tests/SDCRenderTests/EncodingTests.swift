@testable import SDCRender
import SDCYAML
import Testing

/// The byte-level helpers behind `ENGINE_PREDICTOR` (render.md §9.2) and the output order (sdc decisions).
@Suite struct EncodingTests {
    @Test func goJSONEscaping() {
        #expect(GoJSON.quote("a<b>&c") == #""a\u003cb\u003e\u0026c""#)
        #expect(GoJSON.quote("line\nbreak\t\"q\"\\") == #""line\nbreak\t\"q\"\\""#)
        #expect(GoJSON.quote("\u{2028}\u{1}/é") == "\"\\u2028\\u0001/é\"")
    }

    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("{\"a\":1}", "eyJhIjoxfQ==")])
    func base64(_ input: String, _ expected: String) {
        #expect(GoJSON.base64(Array(input.utf8)) == expected)
    }

    @Test func structFieldsFollowGoDeclarationOrderAndOmitEmpty() throws {
        let container = try YAMLParser().parse(
            """
            imagePullPolicy: Always
            resources: {limits: {memory: 1024Mi, cpu: "0.5"}}
            name: m
            stdin: false
            ports: [{protocol: TCP, containerPort: 80}]
            env: [{value: "", name: A}]
            unknownField: dropped
            """, file: "c.yaml")[0].root
        var j = GoJSON()
        j.value(container, as: .object("Container"))
        #expect(
            j.text
                == #"{"name":"m","ports":[{"containerPort":80,"protocol":"TCP"}],"env":[{"name":"A"}],"resources":{"limits":{"cpu":"500m","memory":"1Gi"}},"imagePullPolicy":"Always"}"#
        )
    }

    @Test func outputOrderFollowsHelmThenInput() {
        func object(_ kind: String, _ name: String) -> Node {
            .mapping([("kind", .string(kind)), ("metadata", .mapping([("name", .string(name))]))])
        }
        let input = [
            object("Service", "generated-svc"), object("Deployment", "generated-dep"), object("PodDisruptionBudget", "generated-pdb"),
            object("VirtualService", "vs"), object("DestinationRule", "dr"), object("Secret", "passed-secret"),
            object("Service", "passed-svc"), object("ConfigMap", "passed-cm"),
        ]
        let names = Ordering.sorted(input.map { ($0["kind"]?.string ?? "", $0) }).compactMap { $0["metadata"]?["name"]?.string }
        #expect(names == ["generated-pdb", "passed-secret", "passed-cm", "generated-svc", "passed-svc", "generated-dep", "dr", "vs"])
    }
}
