import SDCYAML
import Testing

@Suite struct LineCommentsTests {
    @Test func commentsGoOnTheKeyOrItemLine() {
        let text = "apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - name: http\n    port: 80\n"
        let commented = LineComments(["": "object", "spec.ports": "ports", "spec.ports[0]": "first"]).apply(to: text)
        #expect(commented == "apiVersion: v1\nkind: Service # object\nspec:\n  ports: # ports\n  - name: http # first\n    port: 80\n")
    }

    @Test func aCommentThatWouldChangeAValueIsNotWritten() {
        // A plain scalar continued on the next line: a comment after its first line would end it.
        let text = "a: one\n  two\nb: 1\n"
        #expect(LineComments(["a": "note"]).apply(to: text) == text)
    }

    @Test func noNotesNoChange() {
        let text = "a: 1\n"
        #expect(LineComments([:]).apply(to: text) == text)
        #expect(LineComments(["missing": "x"]).apply(to: text) == text)
    }
}

@Suite struct LineCommentsSharedLineTests {
    @Test func theListItemsNoteWinsOverItsFirstKeys() {
        let text = "containers:\n- env: []\n  name: a\n"
        #expect(LineComments(["containers[0]": "item", "containers[0].env": "env"]).apply(to: text)
            == "containers:\n- env: [] # item\n  name: a\n")
    }
}
