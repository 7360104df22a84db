import Crypto
import SDCModel

/// Object names (render.md §4). Limits are compared on UTF-8 byte length, as Go's `len` does.
enum Naming {
    static let limit = 63

    /// Lower-case hex MD5 of the UTF-8 bytes (§4 `H`).
    static func md5(_ s: String) -> String {
        let digest = Insecure.MD5.hash(data: Array(s.utf8))
        let hex = Array("0123456789abcdef")
        return digest.map { "\(hex[Int($0 >> 4)])\(hex[Int($0 & 0xf)])" }.joined()
    }

    static func hashedIfLong(_ candidate: String) -> String {
        candidate.utf8.count > limit ? "seldon-" + md5(candidate) : candidate
    }

    /// `seldonId`: the `seldon-deployment-id` label value.
    static func seldonId(_ sdep: SeldonDeployment) -> String { hashedIfLong(sdep.name) }

    /// `pSvc`: `seldon.io/svc-name` verbatim, else `sdepName-predictorName` (hashed when long).
    static func predictorKey(_ sdep: SeldonDeployment, _ p: Predictor) -> String {
        if let svc = p.annotations["seldon.io/svc-name"] { return svc }
        return hashedIfLong("\(sdep.name)-\(p.name)")
    }

    static func deploymentName(_ sdep: SeldonDeployment, _ p: Predictor, index j: Int, _ cs: ComponentSpec, values: Values) -> String {
        let suffix: String
        if let n = cs.metadataName, !n.isEmpty {
            suffix = n
        } else {
            suffix = cs.containers.compactMap { $0["name"]?.string }.joined(separator: "-")
        }
        let candidate = "\(sdep.name)-\(p.name)-\(j)-\(suffix)"
        guard candidate.utf8.count > limit else { return candidate }
        if values.deploymentNameAsPrefix {
            let prefixed = "\(sdep.name)-" + md5(candidate)
            if prefixed.utf8.count <= limit { return prefixed }
        }
        return "seldon-" + md5(candidate)
    }

    static func containerServiceName(_ sdep: SeldonDeployment, _ p: Predictor, container: String) -> String {
        containerServiceName(sdepName: sdep.name, predictorName: p.name, container: container)
    }

    static func containerServiceName(sdepName: String, predictorName: String, container: String) -> String {
        hashedIfLong("\(sdepName)-\(predictorName)-\(container)")
    }

    static func svcOrchName(_ sdep: SeldonDeployment, _ p: Predictor) -> String {
        hashedIfLong("\(sdep.name)-\(p.name)-svc-orch")
    }

    static func explainerName(_ sdep: SeldonDeployment, _ p: Predictor) -> String {
        hashedIfLong("\(sdep.name)-\(p.name)-explainer")
    }

    /// Init container and volume names: cut to 63 bytes, then one trailing `-` removed.
    static func cut(_ s: String) -> String {
        var bytes = Array(s.utf8)
        if bytes.count > limit { bytes = Array(bytes[..<limit]) }
        if bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func initContainerName(_ container: String) -> String { cut("\(container)-model-initializer") }
    static func provisionVolumeName(_ container: String) -> String { cut("\(container)-provision-location") }

    static func svcLabelKey(_ container: String) -> String { "seldon-app-svc-\(container)" }

    static func fqdn(_ service: String, namespace: String) -> String { "\(service).\(namespace).svc.cluster.local" }
}
