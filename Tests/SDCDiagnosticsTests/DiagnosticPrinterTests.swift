import SDCDiagnostics
import Testing

@Suite("Diagnostic printing")
struct DiagnosticPrinterTests {
    let located = Diagnostic.error(
        "model-uri-scheme", "unsupported scheme \"ftp\"", fix: "use s3://, gs://, https:// or pvc://",
        at: Location(file: "deploy.yaml", line: 12, column: 19), path: "spec.predictors[0].graph.modelUri")

    @Test("text form: file:line:col: severity: [rule] message, then path and fix")
    func text() {
        #expect(
            DiagnosticPrinter().text(located) == """
                deploy.yaml:12:19: error: [model-uri-scheme] unsupported scheme "ftp"
                  at: spec.predictors[0].graph.modelUri
                  fix: use s3://, gs://, https:// or pvc://

                """)
        let bare = Diagnostic.warning("values-unknown-key", "unknown key foo")
        #expect(DiagnosticPrinter().text(bare) == "warning: [values-unknown-key] unknown key foo\n")
    }

    @Test("colour only when asked, and then around the severity")
    func colour() {
        #expect(!DiagnosticPrinter(colored: false).text(located).contains("\u{1B}"))
        let coloured = DiagnosticPrinter(colored: true).text(located)
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    }

    @Test("JSON form has every key, null where unknown")
    func json() {
        let out = DiagnosticPrinter(format: .json).render([located, .warning("w", "m")])
        #expect(
            out == """
                [{"column":19,"file":"deploy.yaml","fix":"use s3://, gs://, https:// or pvc://","line":12,\
                "message":"unsupported scheme \\"ftp\\"","path":"spec.predictors[0].graph.modelUri",\
                "rule":"model-uri-scheme","severity":"error"},{"column":null,"file":null,"fix":null,"line":null,\
                "message":"m","path":null,"rule":"w","severity":"warning"}]

                """)
    }

    @Test("sorted by file, then position; unlocated last, in their original order")
    func sorting() {
        let a = Diagnostic.error("r", "a", at: Location(file: "b.yaml", line: 1, column: 1))
        let b = Diagnostic.error("r", "b", at: Location(file: "a.yaml", line: 9, column: 1))
        let c = Diagnostic.error("r", "c", at: Location(file: "a.yaml", line: 2, column: 5))
        let d = Diagnostic.error("r", "d")
        let e = Diagnostic.error("r", "e")
        #expect([d, a, e, b, c].sortedByLocation().map(\.message) == ["c", "b", "a", "d", "e"])
    }

    @Test("exit codes follow sysexits")
    func exitCodes() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 64, 66, 70])
    }
}
