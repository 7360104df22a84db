import SDCDiagnostics

/// Where a node starts, as plain integers: a `Location` holds its file name as a String, and a tree has one per
/// node, so storing `Location`s made every node copy retain and release that name. Copying this costs nothing.
public struct NodeOrigin: Sendable, Hashable {
    /// An id from `SourceFileNames`; 0 when the node has no location.
    private var fileID: UInt32
    private var line: UInt32
    private var column: UInt32

    /// No location: a node sdc generated.
    public static let none = NodeOrigin(fileID: 0, line: 0, column: 0)

    private init(fileID: UInt32, line: UInt32, column: UInt32) {
        self.fileID = fileID
        self.line = line
        self.column = column
    }

    public init(_ location: Location?) {
        guard let location else {
            self = .none
            return
        }
        self.init(location, fileID: SourceFileNames.id(of: location.file))
    }

    /// For a reader that already has the id of `location.file`, which saves a look-up per node.
    init(_ location: Location, fileID: UInt32) {
        // Lines and columns past 2^32 would need an input of more than 4 GiB; clamp rather than trap.
        self.init(fileID: fileID, line: UInt32(clamping: location.line), column: UInt32(clamping: location.column))
    }

    public var location: Location? {
        guard fileID != 0 else { return nil }
        return Location(file: SourceFileNames.name(of: fileID), line: Int(line), column: Int(column))
    }
}

/// The file names nodes came from, each under a small id that never changes (names are few: one per input).
enum SourceFileNames {
    private struct Table: Sendable {
        /// Index 0 stands for "no file".
        var names: [String] = [""]
        var ids: [String: UInt32] = [:]
    }

    private static let table = PthreadLocked(Table())

    static func id(of name: String) -> UInt32 {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = UInt32(table.names.count)
            table.names.append(name)
            table.ids[name] = id
            return id
        }
    }

    static func name(of id: UInt32) -> String { table.withLock { $0.names[Int(id)] } }
}
