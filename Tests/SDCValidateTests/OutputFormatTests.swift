import Foundation
import Testing

/// `--format json` and `--format sarif` parsed back and checked against the fields their consumers require.
@Suite struct OutputFormatTests {
    static let bad = Fixtures.badInputs + "/option-typo-access-key.yaml"
    static let other = Fixtures.badInputs + "/scheme-hdfs.yaml"

    @Test("--format json: an array of findings with every key, on stdout")
    func json() throws {
        let run = try sdc(["validate", "--format", "json", Self.bad, Self.other])
        #expect(run.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])
        #expect(!array.isEmpty)
        for record in array {
            for key in ["severity", "rule", "message", "fix", "file", "line", "column", "path"] {
                #expect(record.keys.contains(key), "missing \(key)")
            }
            #expect(["error", "warning", "note"].contains(record["severity"] as? String ?? ""))
        }
        let typo = try #require(array.first { $0["rule"] as? String == "unknown-option" })
        #expect(typo["file"] as? String == Self.bad)
        #expect(typo["line"] as? Int == 27)
        #expect(typo["column"] as? Int == 3)
        #expect((typo["fix"] as? String)?.contains("RCLONE_CONFIG_S3_ACCESS_KEY_ID") == true)
    }

    @Test("--format sarif: SARIF 2.1.0 with the fields GitHub code scanning requires")
    func sarif() throws {
        let run = try sdc(["validate", "--format", "sarif", Self.bad, Self.other])
        #expect(run.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect((log["$schema"] as? String)?.contains("sarif") == true)
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "sdc")
        #expect((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIds = rules.compactMap { $0["id"] as? String }
        for rule in rules {
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note", "none"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleId = try #require(result["ruleId"] as? String)
            #expect(ruleIds.contains(ruleId), "result rule \(ruleId) is not among driver.rules")
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            #expect(((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.isEmpty == false)
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
        }
        let typo = try #require(results.first { $0["ruleId"] as? String == "unknown-option" })
        let region = ((typo["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 27)
        #expect(region?["startColumn"] as? Int == 3)
    }

    @Test("a clean run prints an empty JSON array and an empty SARIF run")
    func cleanRun() throws {
        let clean = Fixtures.examples + "/gcs-public/seldondeployment.yaml"
        let json = try sdc(["validate", "--format", "json", clean])
        #expect(json.status == 0)
        #expect(json.stdoutText == "[]\n")
        let sarif = try sdc(["validate", "--format", "sarif", clean])
        #expect(sarif.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: sarif.stdout) as? [String: Any])
        let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
        #expect(results?.isEmpty == true)
    }
}
