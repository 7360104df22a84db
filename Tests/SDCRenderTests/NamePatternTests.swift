import Testing

@testable import SDCRender

/// The API server's name and label-value patterns (`IsDNS1123Label`, `IsDNS1123Subdomain`, `IsDNS1035Label`,
/// `IsValidLabelValue`) on their edges.
@Suite struct NamePatternTests {
    @Test("DNS-1123 and DNS-1035 labels")
    func labels() {
        for ok in ["a", "0", "a-b", "abc123", String(repeating: "a", count: 63)] { #expect(ApiServerChecks.isDNS1123Label(ok), "\(ok)") }
        for bad in ["", "-a", "a-", "A", "a.b", "a_b", "é", String(repeating: "a", count: 64)] {
            #expect(!ApiServerChecks.isDNS1123Label(bad), "\(bad)")
        }
        #expect(ApiServerChecks.isDNS1035Label("a0"))
        #expect(!ApiServerChecks.isDNS1035Label("0a"))
    }

    @Test("DNS-1123 subdomains")
    func subdomains() {
        for ok in ["a", "a.b", "a-1.b-2.c", String(repeating: "a", count: 100), String(repeating: "a.", count: 126) + "a"] {
            #expect(ApiServerChecks.isDNS1123Subdomain(ok), "\(ok)")
        }
        for bad in ["", ".", "a.", ".a", "a..b", "a.-b", "A.b", "a.b\u{301}", String(repeating: "a", count: 254)] {
            #expect(!ApiServerChecks.isDNS1123Subdomain(bad), "\(bad)")
        }
    }

    @Test("label values")
    func labelValues() {
        for ok in ["", "a", "A.b_c-d", "1", String(repeating: "Z", count: 63)] { #expect(ApiServerChecks.isLabelValue(ok), "\(ok)") }
        for bad in ["-a", "a-", ".a", "a b", "a/b", "é", String(repeating: "a", count: 64)] {
            #expect(!ApiServerChecks.isLabelValue(bad), "\(bad)")
        }
    }
}
