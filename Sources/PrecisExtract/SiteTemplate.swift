import Foundation

/// Cross-page boilerplate: the lines every page of one site repeats (menus, footers, share dialogs,
/// "About this blog" boxes) are the site's template, not its articles.
///
/// Pages are grouped by host (from their URL); a line (compared by letters and digits) that stands in
/// at least `minPages` pages of a host and in at least half of them is removed from all of them, and
/// kept in `removed` with the reason `template`. Pages of different hosts never affect each other, so a
/// wire paragraph that several outlets carry stays; pages without a URL are left alone.
public enum SiteTemplate {
    public static func removeRepeatedLines(_ articles: [Article], minPages: Int = 3) -> [Article] {
        var groups: [String: [Int]] = [:]
        for (i, a) in articles.enumerated() {
            if let host = a.url.flatMap(host(of:)) { groups[host, default: []].append(i) }
        }
        var out = articles
        for (_, members) in groups where members.count >= minPages {
            var pagesWith: [String: Int] = [:]
            for i in members {
                for key in Set(lines(of: articles[i].text).map(key(of:))) where !key.isEmpty { pagesWith[key, default: 0] += 1 }
            }
            let threshold = max(minPages, (members.count + 1) / 2)
            let template = Set(pagesWith.filter { $0.value >= threshold }.map(\.key))
            guard !template.isEmpty else { continue }
            for i in members { out[i] = strip(out[i], template: template) }
        }
        return out
    }

    static func host(of url: String) -> String? {
        guard var host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }

    static func lines(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
    }

    /// The line's letters and digits, lower-cased, as UTF-8; ASCII byte by byte, other scalars by
    /// their Unicode properties.
    static func key(of line: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            for b in line.utf8 {
                if b >= 0x41 && b <= 0x5A { bytes.append(b | 0x20) } else if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { bytes.append(b) }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        for scalar in line.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x41 && b <= 0x5A { bytes.append(b | 0x20) } else if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { bytes.append(b) }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                for s in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(s) { bytes.append($0) } }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func strip(_ article: Article, template: Set<String>) -> Article {
        var a = article
        var paragraphs: [String] = []
        for paragraph in article.text.components(separatedBy: "\n\n") {
            var kept: [Substring] = []
            for line in paragraph.split(separator: "\n", omittingEmptySubsequences: true) {
                if template.contains(key(of: line)) {
                    a.removed.append(RemovedBlock(text: String(line), reason: .template))
                } else {
                    kept.append(line)
                }
            }
            if !kept.isEmpty { paragraphs.append(kept.joined(separator: "\n")) }
        }
        a.text = paragraphs.joined(separator: "\n\n")
        return a
    }
}
