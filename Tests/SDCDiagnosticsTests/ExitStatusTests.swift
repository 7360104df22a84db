import Testing
import SDCDiagnostics

/// Scripts and init-container tooling read these numbers; they must never drift.
@Test func exitStatusesFollowSysexits() {
    #expect(ExitStatus.ok.rawValue == 0)
    #expect(ExitStatus.findings.rawValue == 1)
    #expect(ExitStatus.usage.rawValue == 64)
    #expect(ExitStatus.noInput.rawValue == 66)
    #expect(ExitStatus.internalError.rawValue == 70)
}

@Test func severitiesAreOrdered() {
    #expect(Severity.note < Severity.warning)
    #expect(Severity.warning < Severity.error)
}
