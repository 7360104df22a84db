/// What a plain or tagged scalar means once resolved: the type Kubernetes would see in the JSON it builds.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    /// Integers above `Int64.max` that still fit 64 bits, as Go's yaml.v2 keeps them.
    case uint(UInt64)
    case float(Double)
    case string

    public var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
