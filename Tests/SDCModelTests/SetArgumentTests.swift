import SDCModel
import SDCYAML
import Testing

/// helm `--set` syntax (helm `pkg/strvals`), applied to an empty tree.
@Suite struct SetArgumentTests {
    func apply(_ text: String, typed: Bool = true) throws -> Node {
        var root = Node.emptyMapping
        try SetArgument(text, typed: typed).apply(to: &root)
        return root
    }

    @Test func nestedKeyCreatesMappings() throws {
        let root = try apply("executor.image.tag=1.19.0")
        #expect(root["executor"]?["image"]?["tag"]?.string == "1.19.0")
    }

    @Test func commaSeparatedAssignments() throws {
        let root = try apply("a=1,b=two")
        #expect(root["a"]?.scalar?.value == .int(1))
        #expect(root["b"]?.string == "two")
    }

    @Test func typedValuesFollowHelm() throws {
        let root = try apply("t=true,f=FALSE,n=null,zero=0,lead=012,big=9000,f2=1.5")
        #expect(root["t"]?.scalar?.value == .bool(true))
        #expect(root["f"]?.scalar?.value == .bool(false))
        #expect(root["n"]?.isNull == true)
        #expect(root["zero"]?.scalar?.value == .int(0))
        #expect(root["lead"]?.string == "012", "a leading zero keeps the text a string")
        #expect(root["big"]?.scalar?.value == .int(9000))
        #expect(root["f2"]?.string == "1.5", "helm 3 keeps floats as strings")
    }

    @Test func setStringKeepsEverythingAString() throws {
        let root = try apply("defaultUserID=8888,enabled=true", typed: false)
        #expect(root["defaultUserID"]?.string == "8888")
        #expect(root["enabled"]?.string == "true")
    }

    @Test func escapedDotIsPartOfTheKey() throws {
        let root = try apply(#"annotations.seldon\.io/x=y"#)
        #expect(root["annotations"]?["seldon.io/x"]?.string == "y")
    }

    @Test func escapedCommaIsPartOfTheValue() throws {
        let root = try apply(#"a=x\,y"#)
        #expect(root["a"]?.string == "x,y")
    }

    @Test func listIndexesPadWithNull() throws {
        let root = try apply("servers[1].name=b")
        let items = try #require(root["servers"]?.sequence)
        #expect(items.count == 2)
        #expect(items[0].isNull)
        #expect(items[1]["name"]?.string == "b")
    }

    @Test func braceListValue() throws {
        let root = try apply("hosts={a,b,c},n=1")
        #expect(root["hosts"]?.sequence?.compactMap(\.string) == ["a", "b", "c"])
        #expect(root["n"]?.scalar?.value == .int(1))
    }

    @Test func keyWithoutValueIsAnError() {
        #expect(throws: SetArgument.ParseError.self) { try SetArgument("a=1,b", typed: true) }
    }

    @Test func invalidIndexIsAnError() {
        #expect(throws: SetArgument.ParseError.self) { try SetArgument("a[x]=1", typed: true) }
    }

    /// Found by reasoning about the fuzz target: `a[9223372036854775806]=x` padded a list until memory ran out.
    @Test func hugeListIndexIsRefusedAsHelmRefusesIt() throws {
        #expect(throws: SetArgument.ParseError.self) { try apply("a[9223372036854775806]=x") }
        #expect(throws: SetArgument.ParseError.self) { try apply("a[65537]=x") }
        let root = try apply("a[3]=x")
        #expect(root["a"]?.sequence?.count == 4)
    }
}
