import Testing
@testable import SDCStorage

/// The small XML reader behind S3 listings and errors and Azure List Blobs (no libxml2 in the static binary).
struct XMLTreeTests {
    func parse(_ s: String) -> XMLTree? { XMLTree.parse(Array(s.utf8)) }

    @Test func readsAnS3ListingWithDeclarationNamespaceAndNesting() throws {
        let doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>models</Name><IsTruncated>false</IsTruncated>
              <Contents><Key>a/b.txt</Key><Size>3</Size><ETag>&quot;abc&quot;</ETag></Contents>
              <Contents><Key>c</Key><Size>0</Size></Contents>
              <CommonPrefixes><Prefix>d/</Prefix></CommonPrefixes>
            </ListBucketResult>
            """
        let tree = try #require(parse(doc))
        #expect(tree.name == "ListBucketResult")
        #expect(tree["Name"] == "models")
        #expect(tree.children("Contents").map { $0["Key"] } == ["a/b.txt", "c"])
        #expect(tree.child("Contents")?["ETag"] == "\"abc\"")
        #expect(tree.child("CommonPrefixes")?["Prefix"] == "d/")
        #expect(tree["Missing"] == nil)
    }

    @Test func decodesPredefinedAndNumericEntities() throws {
        let tree = try #require(parse("<K>&amp;&lt;&gt;&quot;&apos; &#65;&#x42;&#x1F600; &#233;</K>"))
        #expect(tree.text == "&<>\"' AB😀 é")
    }

    @Test func keepsCDATAAsTextAndSkipsCommentsAndProcessingInstructions() throws {
        let tree = try #require(parse("<!-- hi --><R><!-- c --><?pi x?><K><![CDATA[a<b>&amp;]]>z</K></R><!-- end -->"))
        #expect(tree.children.count == 1)
        #expect(tree["K"] == "a<b>&amp;z")
    }

    @Test func ignoresAttributesAndReadsEmptyElements() throws {
        let tree = try #require(parse(#"<EnumerationResults ServiceEndpoint="https://x/?a=1&amp;b=2" ContainerName='c'><Blobs/><Marker /></EnumerationResults>"#))
        #expect(tree.name == "EnumerationResults")
        #expect(tree.children.map(\.name) == ["Blobs", "Marker"])
        #expect(tree["Blobs"] == "")
    }

    @Test func keepsNonASCIITextAndQualifiedNames() throws {
        let tree = try #require(parse("\u{FEFF}<a:R xmlns:a=\"u\"><a:K>dir with space/ü.txt</a:K></a:R>"))
        #expect(tree.name == "a:R")
        #expect(tree["a:K"] == "dir with space/ü.txt")
    }

    @Test func readsLineEndsAsXMLDoes() throws {
        #expect(parse("<K>a\r\nb\rc&#13;</K>")?.text == "a\nb\nc\r")
    }

    @Test func nestsDeeplyButNotWithoutBound() {
        let ok = String(repeating: "<a>", count: 100) + "x" + String(repeating: "</a>", count: 100)
        #expect(parse(ok) != nil)
        let deep = String(repeating: "<a>", count: XMLTree.maximumDepth + 1)
            + String(repeating: "</a>", count: XMLTree.maximumDepth + 1)
        #expect(parse(deep) == nil)
    }

    @Test(arguments: [
        "",
        "   ",
        "plain text",
        "<a>",
        "<a></b>",
        "<a><b></a></b>",
        "<a>x</a><b/>",
        "<a/>trailing",
        "<a>&unknown;</a>",
        "<a>&amp</a>",
        "<a>&#0;</a>",
        "<a>&#xD800;</a>",
        "<a>&#;</a>",
        "<a><![CDATA[never closed</a>",
        "<a><!-- never closed</a>",
        "<a b=\"1\" b=\"2\"/>",
        "<a b=1/>",
        "<a b=\"<\"/>",
        "<a b=\"1\"c=\"2\"/>",
        "<1a/>",
        "< a/>",
        "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
    ])
    func refusesMalformedInput(_ doc: String) {
        #expect(parse(doc) == nil, "accepted \(doc.debugDescription)")
    }

    @Test func refusesInvalidUTF8() {
        #expect(XMLTree.parse(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)) == nil)
    }
}
