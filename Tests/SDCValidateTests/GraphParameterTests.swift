import Foundation
import SDCTestSupport
import Testing

@testable import SDCValidate

/// `graph-parameter` must accept exactly what the Seldon Python wrapper's `parse_parameters` accepts; Python itself
/// is the oracle (`int()`, `float()`, and `strtobool` as distutils defined it).
@Suite struct GraphParameterTests {
    static let values = [
        "4", " 4 ", "+4", "-4", "1_000", "1__0", "_1", "4.0", "four", "", "0x10", "٣", "1e3", "1.", ".5", "-.5e-2", "inf",
        "-Infinity", "nan", "0,5", "1_0.5", "0x1p3", "true", "True", "yes", "Y", "on", "1", "0", "off", "F", "maybe", " true",
    ]
    static let types = ["INT", "FLOAT", "DOUBLE", "BOOL"]

    static let oracle = """
        import json, sys
        def strtobool(v):
            v = v.lower()
            if v in ("y", "yes", "t", "true", "on", "1") or v in ("n", "no", "f", "false", "off", "0"): return True
            raise ValueError(v)
        conv = {"INT": int, "FLOAT": float, "DOUBLE": float, "BOOL": strtobool}
        out = {}
        for t, v in json.load(sys.stdin):
            try:
                conv[t](v); out[t + " " + v] = True
            except ValueError:
                out[t + " " + v] = False
        print(json.dumps(out))
        """

    @Test("a value parses exactly when Python's parse_parameters would parse it")
    func agreesWithPython() throws {
        let python = ProcessInfo.processInfo.environment["SDC_PYTHON"] ?? "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("no python3 at \(python) to act as the oracle")
            return
        }
        let pairs = Self.types.flatMap { t in Self.values.map { [t, $0] } }
        let run = try Subprocess.run(python, ["-c", Self.oracle], stdin: try JSONEncoder().encode(pairs))
        #expect(run.status == 0, "\(run.stderrText)")
        let expected = try JSONDecoder().decode([String: Bool].self, from: run.stdout)
        #expect(expected.count == pairs.count)
        for pair in pairs {
            #expect(GraphParameter.parses(pair[1], as: pair[0]) == expected["\(pair[0]) \(pair[1])"], "\(pair[0]) '\(pair[1])'")
        }
    }
}
