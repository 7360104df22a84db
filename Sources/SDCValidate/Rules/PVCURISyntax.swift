import SDCDiagnostics

/// `pvc-uri-syntax` (storage.md `PVCURISyntax`, P4): `pvc://<claim>/<path>` with a claim that is a DNS-1123 subdomain;
/// the operator mounts the claim by that name (render.md §8.3).
struct PVCURISyntax: Rule {
    let id = "pvc-uri-syntax"
    let defaultSeverity = Severity.error
    let summary = "pvc modelUri is pvc://<claim>/<path> with a valid claim name"

    func check(_ context: ValidationContext) -> [Diagnostic] {
        context.storageTargets.compactMap { target -> Diagnostic? in
            guard case .pvc(let claim, _) = target.uri else { return nil }
            let reason: String
            if claim.isEmpty {
                reason = "the claim name is missing"
            } else if !DNSName.isSubdomain(claim) {
                reason = "'\(claim)' is not a valid claim name (lower case letters, digits, '-' and '.', at most 253)"
            } else {
                return nil
            }
            return .error(
                id, "pvc modelUri must be pvc://<claim>/<path>; \(reason)", fix: "write pvc://<claim-name>/<path-in-claim>",
                at: target.reference.location, path: target.reference.path)
        }
    }
}

/// Kubernetes DNS-1123 names.
enum DNSName {
    static func isLabel(_ s: Substring) -> Bool {
        guard (1...63).contains(s.count), let f = s.first, let l = s.last else { return false }
        let ok = { (c: Character) in c.isASCII && (c.isLowercase || c.isNumber) }
        return ok(f) && ok(l) && s.allSatisfy { ok($0) || $0 == "-" }
    }

    static func isSubdomain(_ s: String) -> Bool {
        s.count <= 253 && s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isLabel)
    }
}
