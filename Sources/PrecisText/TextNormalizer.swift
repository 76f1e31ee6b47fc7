import Foundation

/// Turns text as it comes off the web into the clean form every later stage indexes into.
///
/// - Unicode NFC, so "é" is one scalar whatever the source used;
/// - line breaks unified to `\n`; non-breaking and other exotic spaces become a plain space;
/// - invisible characters (zero-width spaces, soft hyphens, byte-order marks, control codes) removed;
/// - runs of spaces collapsed, lines trimmed, and runs of blank lines reduced to one blank line,
///   which is how a paragraph break is written in the clean text.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        out.reserveCapacity(composed.unicodeScalars.count)
        var pendingSpace = false
        var pendingNewlines = 0
        var atStart = true

        func flushSeparators() {
            if pendingNewlines > 0 {
                if !atStart {
                    out.append("\n")
                    if pendingNewlines > 1 { out.append("\n") }
                }
            } else if pendingSpace && !atStart {
                out.append(" ")
            }
            pendingSpace = false
            pendingNewlines = 0
        }

        var previous: Unicode.Scalar = " "
        for scalar in composed.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\r":
                pendingNewlines += 1
                continue
            case "\n":
                if previous != "\r" { pendingNewlines += 1 }
                continue
            case "\u{2028}", "\u{0B}", "\u{0C}", "\u{85}":
                pendingNewlines += 1
                continue
            case "\u{2029}":
                pendingNewlines += 2
                continue
            case "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}", "\u{200E}", "\u{200F}":
                continue
            default:
                break
            }
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if scalar.properties.generalCategory == .control {
                continue
            }
            flushSeparators()
            out.append(scalar)
            atStart = false
        }
        return String(out)
    }
}
