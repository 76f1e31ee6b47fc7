import PrecisText

/// The word lists of `digestwords.txt`: what the digest's own cuts (a headline from a lead sentence,
/// the words shown with a key number) know of English.
struct DigestWords: Sendable {
    private(set) var lists: [String: Set<String>] = [:]

    /// The words of one kind (`opener`, `auxiliary`, ...: see the file's head); empty for a kind the
    /// file does not have.
    subscript(kind: String) -> Set<String> { lists[kind] ?? [] }

    static let english: DigestWords = {
        var w = DigestWords()
        for (kind, word) in resourceEntries(PackageResources.digestwords_txt) { w.lists[kind, default: []].insert(word) }
        return w
    }()
}
