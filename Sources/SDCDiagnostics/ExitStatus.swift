/// sdc's exit codes, following BSD sysexits(3) so scripts can tell a bad input from a bad invocation.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything worked; no errors.
    case ok = 0
    /// The input has findings (invalid YAML, a rejected SeldonDeployment, validate errors).
    case findings = 1
    /// The command line itself is wrong (EX_USAGE).
    case usage = 64
    /// An input file is missing or unreadable (EX_NOINPUT).
    case noInput = 66
    /// A bug in sdc (EX_SOFTWARE).
    case internalError = 70
}
