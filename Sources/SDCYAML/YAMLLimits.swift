/// Caps that keep a hostile or broken input from hanging or exhausting sdc. Each breach is a located error.
///
/// The defaults are far above any real SeldonDeployment stream (the largest file in Seldon's own examples is
/// under 20 KiB and 12 levels deep) and far below what would hurt a CI runner or an init container.
public struct YAMLLimits: Sendable, Hashable {
    /// Bytes in one input (file or stdin). Default 32 MiB.
    public var maxInputBytes: Int
    /// Collections nested inside one another. Default 512.
    public var maxDepth: Int
    /// Nodes in one document, counting every alias as the full size of what it points at, so an alias bomb
    /// ("billion laughs") stops here instead of in whatever walks the tree later. Default 1,000,000.
    public var maxNodesPerDocument: Int
    /// Documents in one input. Default 100,000.
    public var maxDocuments: Int
    /// Characters in one mapping key. Default 4,096 (Kubernetes allows 253 for names, 63 for label keys).
    public var maxKeyLength: Int

    public init(
        maxInputBytes: Int = 32 << 20,
        maxDepth: Int = 512,
        maxNodesPerDocument: Int = 1_000_000,
        maxDocuments: Int = 100_000,
        maxKeyLength: Int = 4_096
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodesPerDocument = maxNodesPerDocument
        self.maxDocuments = maxDocuments
        self.maxKeyLength = maxKeyLength
    }

    public static let `default` = YAMLLimits()
}
