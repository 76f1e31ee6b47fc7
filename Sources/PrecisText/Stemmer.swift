import CStemmer

/// Snowball stemming through libstemmer, with a cache of words already stemmed.
///
/// A stemmer holds C state and a cache: use one per thread (it is deliberately not `Sendable`).
public final class Stemmer {
    private let handle: OpaquePointer
    private var cache: [String: String] = [:]

    /// A stemmer for a Snowball algorithm name ("english", "porter", "german", ...), or nil when
    /// libstemmer does not know the name.
    public init?(algorithm: String = "english") {
        guard let h = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        handle = h
    }

    deinit {
        sb_stemmer_delete(handle)
    }

    /// The stem of a lower-case word.
    public func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        let result = stemUncached(word)
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = result
        return result
    }

    /// The stem of a lower-case word, for callers that keep their own cache.
    public func stemUncached(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let result: String = bytes.withUnsafeMutableBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress,
                let out = sb_stemmer_stem(handle, base, Int32(buffer.count))
            else { return word }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        return result
    }

    /// The Snowball algorithm names libstemmer offers.
    public static var algorithms: [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list = list.advanced(by: 1)
        }
        return names
    }
}
