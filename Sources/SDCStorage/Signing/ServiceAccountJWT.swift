import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics
import _CryptoExtras

/// The RS256 JWT a Google service account exchanges for an access token (RFC 7523, Google's
/// "OAuth 2.0 for Server to Server Applications"). Pure: key, claims and time in, compact JWT out.
public struct ServiceAccountJWT: Sendable {
    public var clientEmail: String
    public var privateKeyID: String?
    public var audience: String
    public var scope: String
    private var key: _RSA.Signing.PrivateKey

    public static let readOnlyScope = "https://www.googleapis.com/auth/devstorage.read_only"

    public init(clientEmail: String, privateKeyPEM: String, privateKeyID: String?, audience: String, scope: String = Self.readOnlyScope)
        throws
    {
        self.clientEmail = clientEmail
        self.privateKeyID = privateKeyID
        self.audience = audience
        self.scope = scope
        self.key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
    }

    /// `base64url(header).base64url(claims)`, with a fixed key order so the bytes are reproducible.
    public func signingInput(issuedAt: Int) -> String {
        var header = #"{"alg":"RS256","typ":"JWT""#
        if let privateKeyID, !privateKeyID.isEmpty { header += #","kid":"# + Self.jsonString(privateKeyID) }
        header += "}"
        let claims = #"{"iss":"# + Self.jsonString(clientEmail) + #","scope":"# + Self.jsonString(scope) + #","aud":"#
            + Self.jsonString(audience) + #","iat":\#(issuedAt),"exp":\#(issuedAt + 3600)}"#
        return Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
    }

    /// The compact JWT. RSASSA-PKCS1-v1_5 with SHA-256 is what RS256 means (swift-crypto calls it insecure
    /// only because PSS is preferred for new designs).
    public func token(issuedAt: Int) throws -> String {
        let input = signingInput(issuedAt: issuedAt)
        let signature = try key.signature(for: Data(input.utf8), padding: .insecurePKCS1v1_5)
        return input + "." + Self.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingAll("+", with: "-").replacingAll("/", with: "_")
            .replacingAll("=", with: "")
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(cFormat: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
