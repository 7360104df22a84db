import Testing
import SDCDiagnostics

@Test func severitiesAreOrdered() {
    #expect(Severity.note < Severity.warning)
    #expect(Severity.warning < Severity.error)
}
