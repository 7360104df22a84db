import SDCYAML
import Testing

/// Port allocation of the in-memory defaulting (render.md §1.5, "Consequences worth testing"), observed in the
/// rendered container Services and container ports.
@Suite struct DefaultingTests {
    /// Ports of the Service named `name` in a rendered stream.
    func servicePorts(_ output: String, _ name: String) throws -> [Int] {
        let docs = try YAMLParser().parse(output, file: "out.yaml").map(\.root)
        let svc = try #require(docs.first { $0["kind"]?.string == "Service" && $0["metadata"]?["name"]?.string == name }, "no Service \(name)")
        return (svc["spec"]?["ports"]?.sequence ?? []).compactMap { n -> Int? in
            if case .int(let i) = n["port"]?.scalar?.value { return Int(i) }
            return nil
        }
    }

    func metricsPort(_ output: String, container: String) throws -> Int? {
        let docs = try YAMLParser().parse(output, file: "out.yaml").map(\.root)
        for d in docs where d["kind"]?.string == "Deployment" {
            for c in d["spec"]?["template"]?["spec"]?["containers"]?.sequence ?? [] where c["name"]?.string == container {
                for p in c["ports"]?.sequence ?? [] where p["name"]?.string == "metrics" {
                    if case .int(let i) = p["containerPort"]?.scalar?.value { return Int(i) }
                }
            }
        }
        return nil
    }

    @Test func sidecarBeforeTheModelConsumesTheFirstPorts() throws {
        let yaml = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: s}
            spec:
              predictors:
              - name: p
                graph: {name: model}
                componentSpecs:
                - spec:
                    containers:
                    - {name: sidecar, image: example.com/proxy:1}
                    - {name: model, image: example.com/model:1}
            """
        let output = try #require(try RenderHarness.render(yaml).output)
        #expect(try servicePorts(output, "s-p-model") == [9001, 9501])
        #expect(try metricsPort(output, container: "model") == 6000)
        #expect(try metricsPort(output, container: "sidecar") == nil, "a container that is not a graph node gets no ports")
    }

    @Test func portsAreSharedByNameAcrossPredictors() throws {
        let yaml = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: s}
            spec:
              predictors:
              - name: a
                traffic: 50
                graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: gs://b/a}
              - name: b
                traffic: 50
                graph: {name: classifier, implementation: SKLEARN_SERVER, modelUri: gs://b/b}
              - name: c
                shadow: true
                graph: {name: other, implementation: SKLEARN_SERVER, modelUri: gs://b/c}
            """
        let output = try #require(try RenderHarness.render(yaml).output)
        #expect(try servicePorts(output, "s-a-classifier") == [9000, 9500])
        #expect(try servicePorts(output, "s-b-classifier") == [9000, 9500])
        #expect(try servicePorts(output, "s-c-other") == [9001, 9501])
        let docs = try YAMLParser().parse(output, file: "out.yaml").map(\.root)
        let metrics = docs.filter { $0["kind"]?.string == "Deployment" }.compactMap { d -> Int? in
            let c = d["spec"]?["template"]?["spec"]?["containers"]?.sequence?.first
            let p = c?["ports"]?.sequence?.first { $0["name"]?.string == "metrics" }
            if case .int(let i) = p?["containerPort"]?.scalar?.value { return Int(i) }
            return nil
        }
        #expect(metrics == [6000, 6001, 6002], "the metrics counter keeps increasing across predictors")
        #expect(output.contains("seldon.io/shadow: \"true\""))
    }

    @Test func userPortsWinAndChartPortsMove() throws {
        let yaml = """
            apiVersion: machinelearning.seldon.io/v1
            kind: SeldonDeployment
            metadata: {name: s}
            spec:
              predictors:
              - name: p
                graph: {name: model}
                componentSpecs:
                - spec:
                    containers:
                    - name: model
                      image: example.com/model:1
                      ports:
                      - {name: http, containerPort: 8080}
            """
        let output = try #require(try RenderHarness.render(yaml, values: ["predictiveUnit:\n  httpPort: 7000\n  grpcPort: 7500\n"]).output)
        #expect(try servicePorts(output, "s-p-model") == [8080, 7500])
    }
}
