import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal element tree for the small XML documents S3 and Azure answer with (listings, errors).
public struct XMLTree: Sendable {
    public var name: String
    public var text: String
    public var children: [XMLTree]

    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }
    /// Text of the first child named `name`.
    public subscript(_ name: String) -> String? { child(name)?.text }

    public static func parse(_ bytes: [UInt8]) -> XMLTree? {
        let parser = XMLParser(data: Data(bytes))
        let builder = Builder()
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { return nil }
        return builder.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLTree(name: name, text: "", children: []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let done = stack.popLast() else { return }
            if stack.isEmpty {
                root = done
            } else {
                stack[stack.count - 1].children.append(done)
            }
        }
    }
}
