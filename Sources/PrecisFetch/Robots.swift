import Foundation

/// The rules of a robots.txt file (RFC 9309) for one user agent: the group that names the agent
/// (by the product token, case-insensitive), else the `*` group; the longest matching rule wins,
/// Allow over Disallow on a tie; `*` and a final `$` in paths.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }
    var rules: [Rule]

    /// Everything allowed (no robots.txt, or one that could not be read: RFC 9309 treats a 4xx as
    /// no rules).
    public static let allowAll = RobotsRules(rules: [])
    /// Nothing allowed (the server failed on robots.txt: RFC 9309 says assume complete disallow).
    public static let disallowAll = RobotsRules(rules: [Rule(allow: false, pattern: "/")])

    init(rules: [Rule]) { self.rules = rules }

    /// Reads a robots.txt body for the agent whose product token is `agent` (e.g. "Precis").
    public init(parsing text: String, agent: String) {
        let token = agent.lowercased()
        var groups: [(agents: [String], rules: [Rule])] = []
        var inAgents = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "user-agent":
                if !inAgents { groups.append(([], [])) }
                groups[groups.count - 1].agents.append(value.lowercased())
                inAgents = true
            case "allow", "disallow":
                inAgents = false
                guard !groups.isEmpty else { continue }
                // An empty Disallow allows everything: no rule.
                if value.isEmpty { continue }
                groups[groups.count - 1].rules.append(Rule(allow: field == "allow", pattern: value))
            default:
                continue
            }
        }
        let named = groups.filter { $0.agents.contains { !$0.isEmpty && $0 != "*" && token.hasPrefix($0) } }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        rules = chosen.flatMap(\.rules)
    }

    /// Whether the path (with its query) may be fetched.
    public func allows(path: String) -> Bool {
        let p = path.isEmpty ? "/" : path
        var best: Rule? = nil
        for rule in rules where Self.matches(rule.pattern, p) {
            if let b = best {
                if rule.pattern.count > b.pattern.count || (rule.pattern.count == b.pattern.count && rule.allow && !b.allow) { best = rule }
            } else {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// A robots.txt path pattern against a path: `*` is any run of characters, a final `$` anchors.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pat = Array(pattern.utf8)
        let anchored = pat.last == UInt8(ascii: "$")
        if anchored { pat.removeLast() }
        let s = Array(path.utf8)
        // Greedy wildcard matching with backtracking over the last star.
        var i = 0, j = 0, star = -1, mark = 0
        while i < s.count {
            if j < pat.count && pat[j] == UInt8(ascii: "*") {
                star = j; mark = i; j += 1
            } else if j < pat.count && pat[j] == s[i] {
                i += 1; j += 1
            } else if j == pat.count && !anchored {
                return true
            } else if star >= 0 {
                j = star + 1; mark += 1; i = mark
            } else {
                return false
            }
        }
        while j < pat.count && pat[j] == UInt8(ascii: "*") { j += 1 }
        return j == pat.count
    }
}
