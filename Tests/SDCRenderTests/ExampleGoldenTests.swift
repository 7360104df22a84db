import SDCModel
import SDCRender
import SDCYAML
import Testing

/// Every `examples/<scenario>/` is rendered with its optional `values.yaml` and compared byte for byte with
/// `expected.yaml`. `SDC_RECORD=1 swift test` rewrites the expected files (only on purpose).
@Suite struct ExampleGoldenTests {
    static let scenarios: [String] = TestPaths.listDirectory(TestPaths.examples).filter {
        TestPaths.exists("\(TestPaths.examples)/\($0)/seldondeployment.yaml")
    }

    @Test func atLeastSixteenScenarios() {
        #expect(Self.scenarios.count >= 16, "examples/ holds \(Self.scenarios.count) scenarios")
    }

    @Test(arguments: scenarios)
    func rendersExactlyTheExpectedObjects(_ scenario: String) throws {
        let dir = "\(TestPaths.examples)/\(scenario)"
        let input = try #require(TestPaths.read("\(dir)/seldondeployment.yaml"))
        let values = TestPaths.read("\(dir)/values.yaml").map { [$0] } ?? []
        let rendered = try RenderHarness.render(input, file: "examples/\(scenario)/seldondeployment.yaml", values: values)
        let output = try #require(rendered.output, "render failed: \(rendered.messages)")
        let expectedPath = "\(dir)/expected.yaml"
        if TestPaths.env("SDC_RECORD") == "1" {
            #expect(TestPaths.write(output, to: expectedPath))
            return
        }
        let expected = try #require(TestPaths.read(expectedPath), "missing \(expectedPath); record with SDC_RECORD=1")
        #expect(output == expected, "examples/\(scenario): output differs from expected.yaml")
        // Byte-identical on every run.
        let again = try RenderHarness.render(input, file: "examples/\(scenario)/seldondeployment.yaml", values: values)
        #expect(again.output == output)
    }
}
