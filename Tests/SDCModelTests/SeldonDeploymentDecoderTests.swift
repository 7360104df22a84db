import SDCDiagnostics
import SDCModel
import SDCYAML
import Testing

@Suite struct SeldonDeploymentDecoderTests {
    func decode(_ text: String) throws -> (SeldonDeployment?, [Diagnostic]) {
        let doc = try YAMLParser().parse(text, file: "sdep.yaml")[0]
        return SeldonDeploymentDecoder().decode(doc.root, documentLocation: doc.location)
    }

    @Test func typesAreCheckedAndEveryFindingIsLocated() throws {
        let (_, findings) = try decode("""
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata:
              name: x
            spec:
              predictors:
              - name: p
                replicas: "1"
                graph:
                  name: m
                  parameters:
                  - name: a
                    value: true
                    type: BOOL
                  children:
                    name: c
                componentSpecs:
                - spec:
                    containers:
                    - name: m
                      imagePullPolicy: 22
            """)
        let paths = findings.filter { $0.severity == .error }.compactMap(\.path)
        #expect(paths.contains("spec.predictors[0].replicas"))
        #expect(paths.contains("spec.predictors[0].graph.parameters[0].value"))
        #expect(paths.contains("spec.predictors[0].graph.children"))
        #expect(paths.contains("spec.predictors[0].componentSpecs[0].spec.containers[0].imagePullPolicy"))
        let replicas = try #require(findings.first { $0.path == "spec.predictors[0].replicas" })
        #expect(replicas.location?.line == 8)
    }

    @Test func resourceQuantitiesAreChecked() throws {
        let (_, findings) = try decode("""
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: x}
            spec:
              predictors:
              - name: p
                graph: {name: m}
                svcOrchSpec:
                  resources: {requests: {cpu: lots}}
                componentSpecs:
                - spec:
                    containers:
                    - name: m
                      resources:
                        limits: {cpu: 1, memory: 1.5 Gi}
                        requests: {cpu: "0.5", memory: true}
            """)
        #expect(findings.map(\.rule) == ["schema-quantity", "schema-quantity", "schema-quantity"])
        #expect(Set(findings.compactMap(\.path)) == [
            "spec.predictors[0].svcOrchSpec.resources.requests.cpu",
            "spec.predictors[0].componentSpecs[0].spec.containers[0].resources.limits.memory",
            "spec.predictors[0].componentSpecs[0].spec.containers[0].resources.requests.memory",
        ])
    }

    @Test func requiredFields() throws {
        let (_, findings) = try decode("""
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata:
              name: x
            spec:
              predictors:
              - componentSpecs: []
            """)
        #expect(Set(findings.compactMap(\.path)) == ["spec.predictors[0].name", "spec.predictors[0].graph"])
    }

    @Test func portsGetProtocolTCP() throws {
        let (sdep, findings) = try decode("""
            apiVersion: machinelearning.seldon.io/v1alpha2
            kind: SeldonDeployment
            metadata: {name: x}
            spec:
              predictors:
              - name: p
                graph: {name: m}
                componentSpecs:
                - spec:
                    containers:
                    - name: m
                      ports:
                      - {name: http, containerPort: 8080}
                      - {name: udp, containerPort: 53, protocol: UDP}
            """)
        #expect(findings.isEmpty)
        let ports = try #require(sdep?.spec.predictors[0].componentSpecs[0].containers[0]["ports"]?.sequence)
        #expect(ports.map { $0["protocol"]?.string } == ["TCP", "UDP"])
    }

    @Test func unknownSeldonFieldsArePrunedAndDeepChildrenDropped() throws {
        var graph = "name: n0"
        for depth in 1...12 {
            graph = "name: n\(depth)\nchildren:\n- " + graph.split(separator: "\n").joined(separator: "\n  ")
        }
        let text = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: x}
            spec:
              predictors:
              - name: p
                bogusField: 1
                graph:
            \(graph.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """
        let (sdep, findings) = try decode(text)
        #expect(findings.isEmpty)
        // Root plus 10 nested levels survive (render.md §1.3 item 1).
        #expect(sdep?.spec.predictors[0].graph.preOrder.count == 11)
    }
}
