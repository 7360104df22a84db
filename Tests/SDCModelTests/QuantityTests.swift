import SDCModel
import Testing

/// Canonical quantities as `resource.Quantity` re-serialises them (render.md §0.3).
@Suite struct QuantityTests {
    @Test(arguments: [
        ("0.5", "500m"), ("1000m", "1"), ("1.5Gi", "1536Mi"), ("1024Mi", "1Gi"), ("2000", "2k"), ("1", "1"),
        ("100Mi", "100Mi"), ("0", "0"), ("0Gi", "0"), ("512Mi", "512Mi"), ("500m", "500m"), ("0.25", "250m"),
        ("1e3", "1e3"), ("1.5e3", "1500"), ("100", "100"), ("12e6", "12e6"), ("1k", "1k"), ("1000k", "1M"),
        ("0.1Gi", "107374182400m"), ("512", "512"), ("1023Ki", "1023Ki"), ("0.5Ki", "512"), ("1.1", "1100m"),
        ("0.0000000001", "1n"), ("-1", "-1"), ("2048Mi", "2Gi"), ("1G", "1G"), ("1500M", "1500M"),
    ])
    func canonicalForm(_ input: String, _ expected: String) throws {
        #expect(Quantity.canonical(input) == expected)
        // Asked again, the answer comes from the memo and must not differ.
        #expect(Quantity.canonical(input) == expected)
    }

    @Test(arguments: ["", "abc", "1.2.3", "1Qi", "Mi", "1 Gi"])
    func invalidQuantities(_ input: String) {
        #expect(Quantity.canonical(input) == nil)
        #expect(Quantity.canonical(input) == nil)
    }
}
