/// Values handed over here are never freed. The process exits right after the command, and the kernel drops
/// the whole heap at once, whereas releasing a large parsed input and its rendered text node by node took
/// about 20 ms of a 1,000-deployment render.
enum LeftForExit {
    /// Only the command's own task writes here, once, just before it returns.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        kept.append(values)
    }
}
