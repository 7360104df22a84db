#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SDCDiagnostics

/// `--include`/`--exclude` globs, and KServe's `STORAGE_ALLOW_PATTERNS`/`STORAGE_IGNORE_PATTERNS`
/// (spec/storage.md §7.4), matched with fnmatch(3) against each object's relative path, as KServe does.
public struct PathFilter: Sendable, Equatable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Kept when it matches an include (if any are given) and no exclude.
    public func keeps(_ relativePath: String) -> Bool {
        if !include.isEmpty, !include.contains(where: { fnmatch($0, relativePath, 0) == 0 }) { return false }
        return !exclude.contains { fnmatch($0, relativePath, 0) == 0 }
    }

    /// KServe's format: a JSON array of strings, or a comma-separated list.
    public static func patterns(fromEnvironment value: String?) -> [String] {
        guard let value, !value.trimmingCharactersInWhitespaces().isEmpty else { return [] }
        if let data = value.data(using: .utf8), let array = try? JSONDecoder().decode([String].self, from: data) {
            return array
        }
        return value.split(separator: ",").map { $0.trimmingCharactersInWhitespaces() }.filter { !$0.isEmpty }
    }
}
