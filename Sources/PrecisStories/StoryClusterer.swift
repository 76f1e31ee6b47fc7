import Foundation
import PrecisText

/// Settings of story clustering. The defaults were chosen on the Multi-News and ECB+ dev sets (see
/// the README's benchmark section).
public struct StoryOptions: Sendable {
    /// Least cosine similarity between an article and a story's centroid for the article to join it.
    public var joinThreshold = 0.18
    /// Least mean similarity between the articles of two stories for batch clustering to merge them.
    public var batchThreshold = 0.1
    /// Article pairs less similar than this are not linked in batch clustering (they count as 0).
    public var minimumEdge = 0.02
    /// Batch clustering links each article to at most this many earlier articles, the most similar.
    public var neighbours = 30
    /// Weight of a capitalised word inside a sentence (mostly names), relative to other words.
    public var nameWeight: Float = 3
    /// Least cosine similarity between two stories' centroids for them to merge into one.
    public var mergeThreshold = 0.4
    /// Least share of the shorter article's word shingles found in an earlier one for it to be a
    /// near-copy of it (see `NearDuplicateIndex`).
    public var duplicateThreshold = 0.8
    /// Articles with fewer words than this are not clustered (archive notices, login walls, stubs).
    public var minimumWords = 15
    /// Dates this many days apart or less count as the same moment of a story.
    public var dayWindow = 3
    /// Beyond the window, similarity halves every `dayHalfLife` days of distance.
    public var dayHalfLife = 7.0
    /// Documents assumed seen, besides the real ones, in which no term occurs: keeps a term that
    /// every article of a small batch shares (the story's own names) from weighing nothing.
    public var priorDocuments = 10.0
    /// Terms kept in an article's vector (the highest weighted).
    public var vectorTerms = 120
    /// Terms of an article looked up in the index to find candidate stories, and indexed for its story.
    public var indexTerms = 30
    /// Sentences at the top of an article (its lead) whose words count double.
    public var leadSentences = 3
    /// Stories compared in full with each streamed article: those sharing most of its top terms.
    public var candidateLimit = 50
    /// Index entries read per term, newest first: bounds the cost of very common terms.
    public var postingScanLimit = 2_000

    public init() {}
}

/// Groups a stream of articles into stories, one article at a time.
///
/// Each article becomes a TF-IDF vector over content-word stems (document frequencies counted over the
/// articles seen so far, lead words counted twice). Candidate stories come from an inverted index of
/// the stories' terms, never from all pairs; the article joins the most similar candidate whose
/// centroid is close enough (closeness fading with the distance in days when both sides are dated),
/// or starts a new story. A story that an article brings close to another merges with it. Near-copies
/// of an earlier article (MinHash over word shingles, banded LSH) join the original's story, are marked
/// as copies, and leave the vectors and frequencies alone.
///
/// The result depends on the order of the input: an article is compared with the stories as they
/// stand when it arrives, and term weights grow sharper as more articles are seen. For a given order
/// the result is always the same.
public final class StoryClusterer {
    public let options: StoryOptions
    private let analyzer: TextAnalyzer
    private let hasher = MinHasher()
    private var duplicates: NearDuplicateIndex

    private struct Story {
        var centroid: [Int32: Float] = [:]
        var sumOfSquares: Double = 0
        var members: [Int] = []
        var firstDay: Int? = nil
        var lastDay: Int? = nil
        var norm: Double { sumOfSquares.squareRoot() }
    }

    private struct DocumentState {
        var story: Int?
        var duplicateOf: Int?
        var skipReason: String?
    }

    private var documentFrequency: [Int32] = []
    private var articleCount = 0
    private var stories: [Story] = []
    private var parent: [Int] = []
    /// Stories by index term (stem id), oldest first.
    private var postings: [[Int32]] = []
    /// Scratch counts of shared terms, by story.
    private var shared: [Int32] = []
    private var documents: [DocumentState] = []
    // `clusterBatch` fills `documents` with final story numbers and an identity `parent`.

    public init(options: StoryOptions = StoryOptions(), analyzer: TextAnalyzer = TextAnalyzer(recordsNames: true)) {
        self.options = options
        self.analyzer = analyzer
        self.duplicates = NearDuplicateIndex(threshold: options.duplicateThreshold)
    }

    /// Number of documents added so far.
    public var documentCount: Int { documents.count }

    /// What clustering needs of one document, computed once.
    struct Features {
        var words = 0
        /// Weighted term counts (lead words and names count more), sorted by stem id.
        var counts: [(term: Int32, count: Float)] = []
        var signature: (signature: [UInt64], shingles: Int)?
        var day: Int?
    }

    func features(_ document: StoryDocument) -> Features {
        var f = Features()
        var counts: [Int32: Float] = [:]
        func count(_ sentence: AnalyzedSentence, weight w: Float) {
            for stem in sentence.contentStems { counts[Int32(stem), default: 0] += w }
            for stem in sentence.nameStems { counts[Int32(stem), default: 0] += w * (options.nameWeight - 1) }
        }
        // The headline counts as lead, but stays out of the copy signature: re-posts change it.
        if let title = document.title, !title.isEmpty, !document.text.hasPrefix(title) {
            for sentence in analyzer.analyze(title).sentences { count(sentence, weight: 2) }
        }
        var stems: [Int] = []
        for sentence in analyzer.analyze(document.text).sentences {
            f.words += sentence.tokenCount
            stems.append(contentsOf: sentence.contentStems)
            count(sentence, weight: sentence.index < options.leadSentences ? 2 : 1)
        }
        f.counts = counts.map { ($0.key, $0.value) }.sorted { $0.term < $1.term }
        f.signature = hasher.shingleSignature(stems)
        f.day = dayNumber(document.date)
        return f
    }

    /// Adds the next document and returns where it went. The story number is provisional: later
    /// merges can fold its story into another; `assignments` has the final numbering.
    @discardableResult
    public func add(_ document: StoryDocument) -> StoryAssignment {
        add(features(document), countFrequencies: true)
    }

    /// Clusters a whole batch at once (see `StoryBatch`).
    public static func cluster(_ documents: [StoryDocument], options: StoryOptions = StoryOptions()) -> [StoryAssignment] {
        let batch = StoryBatch(options: options)
        for d in documents { batch.append(d) }
        return batch.cluster()
    }

    func clusterBatch(_ features: [Features]) -> [StoryAssignment] {
        // Non-articles and near-copies first, in input order.
        var states: [DocumentState] = []
        var nodes: [Int] = []  // documents that are articles and originals
        for (index, f) in features.enumerated() {
            if let reason = skipReason(f) {
                states.append(DocumentState(story: nil, duplicateOf: nil, skipReason: reason))
            } else if let signature = f.signature, let original = duplicates.original(of: signature.signature, shingles: signature.shingles) {
                states.append(DocumentState(story: nil, duplicateOf: original))
            } else {
                if let signature = f.signature { duplicates.insert(signature.signature, shingles: signature.shingles, document: index) }
                states.append(DocumentState(story: nil))
                nodes.append(index)
            }
        }
        for node in nodes { countFrequencies(features[node]) }
        let vectors = nodes.map { weightedVector(features[$0].counts) }

        // Edges to earlier articles sharing top terms; weights accumulate over those terms, and the
        // promising pairs get their full cosine. Dense arrays indexed by term and node (with lists of
        // the entries touched, to reset them) keep hashing out of these loops.
        let vocabulary = analyzer.vocabularySize
        var index = [[(node: Int32, weight: Float)]](repeating: [], count: vocabulary)
        var edges: [AverageLink.Edge] = []
        var accumulator = [Float](repeating: 0, count: vectors.count)
        var touched: [Int] = []
        var weights = [Float](repeating: 0, count: vocabulary)
        let half = Float(options.minimumEdge / 2)
        for (k, vector) in vectors.enumerated() {
            for entry in vector.prefix(options.indexTerms) {
                let list = index[Int(entry.term)]
                for posting in list[max(0, list.count - options.postingScanLimit)...] {
                    let other = Int(posting.node)
                    if accumulator[other] == 0 { touched.append(other) }
                    accumulator[other] += entry.weight * posting.weight
                }
            }
            if !touched.isEmpty {
                touched.sort()
                for entry in vector { weights[Int(entry.term)] = entry.weight }
                let day = features[nodes[k]].day
                // Full cosines only for the articles with the highest partial scores: raise the bar
                // until few enough pass (a few linear passes, no sort of a long list).
                var bar = half
                let limit = 4 * options.neighbours
                while touched.lazy.filter({ accumulator[$0] >= bar }).count > limit { bar *= 1.5 }
                var near: [AverageLink.Edge] = []
                for other in touched where accumulator[other] >= bar {
                    var dot = 0.0
                    for entry in vectors[other] { dot += Double(weights[Int(entry.term)]) * Double(entry.weight) }
                    let otherDay = features[nodes[other]].day
                    dot *= timeFactor(day: day, first: otherDay, last: otherDay)
                    if dot >= options.minimumEdge { near.append(AverageLink.Edge(a: other, b: k, similarity: dot)) }
                }
                // Only the closest earlier articles are linked: the graph stays sparse however many
                // articles share common terms.
                if near.count > options.neighbours {
                    near.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.a < $1.a }
                    near.removeLast(near.count - options.neighbours)
                }
                edges += near
                for entry in vector { weights[Int(entry.term)] = 0 }
                for other in touched { accumulator[other] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            for entry in vector.prefix(options.indexTerms) {
                index[Int(entry.term)].append((Int32(k), entry.weight))
            }
        }
        let labels = AverageLink.cluster(count: nodes.count, edges: edges, threshold: options.batchThreshold)
        for (k, node) in nodes.enumerated() { states[node].story = labels[k] }
        for i in states.indices {
            if let original = states[i].duplicateOf { states[i].story = states[original].story }
        }
        documents = states
        parent = Array(0..<nodes.count)
        return assignments
    }

    /// Why a document is not an article, or nil when it is one.
    private func skipReason(_ f: Features) -> String? {
        guard f.words < options.minimumWords else { return nil }
        return f.words == 0
            ? "not an article: no words"
            : "not an article: \(f.words) word\(f.words == 1 ? "" : "s") of text, fewer than \(options.minimumWords)"
    }

    func countFrequencies(_ f: Features) {
        if documentFrequency.count < analyzer.vocabularySize {
            documentFrequency.append(contentsOf: repeatElement(0, count: analyzer.vocabularySize - documentFrequency.count))
        }
        articleCount += 1
        for entry in f.counts { documentFrequency[Int(entry.term)] += 1 }
    }

    @discardableResult
    private func add(_ f: Features, countFrequencies count: Bool) -> StoryAssignment {
        let index = documents.count
        if let reason = skipReason(f) {
            documents.append(DocumentState(story: nil, duplicateOf: nil, skipReason: reason))
            return StoryAssignment(story: nil, skipReason: reason)
        }

        if let signature = f.signature, let original = duplicates.original(of: signature.signature, shingles: signature.shingles), let story = documents[original].story {
            let root = find(story)
            stories[root].members.append(index)
            documents.append(DocumentState(story: root, duplicateOf: original))
            return StoryAssignment(story: root, duplicateOf: original)
        }

        if count { countFrequencies(f) }
        let vector = weightedVector(f.counts)
        var best: (story: Int, similarity: Double)? = nil
        var close: [Int] = []  // stories the article could join: candidates for a merge
        for story in candidateStories(for: vector) {
            let s = similarity(vector, story: story, day: f.day)
            guard s >= options.joinThreshold else { continue }
            close.append(story)
            if best == nil || s > best!.similarity { best = (story, s) }
        }

        let story: Int
        if let best {
            story = best.story
        } else {
            story = stories.count
            stories.append(Story())
            parent.append(story)
        }
        join(index, vector: vector, day: f.day, story: story)
        if close.count > 1 { mergeClose(story, candidates: close) }
        if let signature = f.signature { duplicates.insert(signature.signature, shingles: signature.shingles, document: index) }
        documents.append(DocumentState(story: story))
        return StoryAssignment(story: find(story))
    }

    /// Where every document went, stories numbered from 0 in order of their first document.
    public var assignments: [StoryAssignment] {
        var numbers: [Int: Int] = [:]
        return documents.map { state in
            guard let story = state.story else {
                return StoryAssignment(story: nil, skipReason: state.skipReason)
            }
            let root = find(story)
            let number: Int
            if let known = numbers[root] {
                number = known
            } else {
                number = numbers.count
                numbers[root] = number
            }
            return StoryAssignment(story: number, duplicateOf: state.duplicateOf)
        }
    }

    // MARK: - Vectors

    /// TF-IDF weights of an article's content stems, the `vectorTerms` highest, L2-normalised,
    /// sorted by weight (highest first).
    private func weightedVector(_ counts: [(term: Int32, count: Float)]) -> [(term: Int32, weight: Float)] {
        let n = Double(articleCount)
        var vector: [(term: Int32, weight: Float)] = counts.map { term, tf in
            let idf = log((n + options.priorDocuments) / Double(max(1, documentFrequency[Int(term)])))
            return (term, Float((1 + log(Double(tf))) * idf))
        }
        vector.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        if vector.count > options.vectorTerms { vector.removeLast(vector.count - options.vectorTerms) }
        let norm = vector.reduce(0) { $0 + Double($1.weight) * Double($1.weight) }.squareRoot()
        if norm > 0 { for k in vector.indices { vector[k].weight = Float(Double(vector[k].weight) / norm) } }
        return vector
    }

    // MARK: - Stories

    private func find(_ story: Int) -> Int {
        var root = story
        while parent[root] != root { root = parent[root] }
        var s = story
        while parent[s] != root {
            let next = parent[s]
            parent[s] = root
            s = next
        }
        return root
    }

    /// Stories sharing an index term with the article's top terms, in ascending order.
    /// The stories sharing most of the article's top terms (at most `candidateLimit`), ascending.
    private func candidateStories(for vector: [(term: Int32, weight: Float)]) -> [Int] {
        if shared.count < stories.count { shared.append(contentsOf: repeatElement(0, count: stories.count - shared.count)) }
        var touched: [Int] = []
        for entry in vector.prefix(options.indexTerms) {
            guard Int(entry.term) < postings.count else { continue }
            let list = postings[Int(entry.term)]
            for story in list[max(0, list.count - options.postingScanLimit)...] {
                let root = find(Int(story))
                if shared[root] == 0 { touched.append(root) }
                shared[root] += 1
            }
        }
        if touched.count > options.candidateLimit {
            touched.sort { shared[$0] != shared[$1] ? shared[$0] > shared[$1] : $0 < $1 }
            for story in touched[options.candidateLimit...] { shared[story] = 0 }
            touched.removeLast(touched.count - options.candidateLimit)
        }
        for story in touched { shared[story] = 0 }
        return touched.sorted()
    }

    private func similarity(_ vector: [(term: Int32, weight: Float)], story: Int, day: Int?) -> Double {
        let s = stories[story]
        guard s.sumOfSquares > 0 else { return 0 }
        var dot = 0.0
        for entry in vector {
            if let w = s.centroid[entry.term] { dot += Double(entry.weight) * Double(w) }
        }
        return dot / s.norm * timeFactor(day: day, first: s.firstDay, last: s.lastDay)
    }

    private func timeFactor(day: Int?, first: Int?, last: Int?) -> Double {
        guard let day, let first, let last else { return 1 }
        let gap = day < first ? first - day : (day > last ? day - last : 0)
        guard gap > options.dayWindow else { return 1 }
        return pow(0.5, Double(gap - options.dayWindow) / options.dayHalfLife)
    }

    private func join(_ document: Int, vector: [(term: Int32, weight: Float)], day: Int?, story: Int) {
        var s = stories[story]
        stories[story] = Story()  // keep one reference to the centroid, so it is updated in place
        for (k, entry) in vector.enumerated() {
            let old = s.centroid[entry.term] ?? 0
            let new = old + entry.weight
            s.centroid[entry.term] = new
            s.sumOfSquares += Double(new) * Double(new) - Double(old) * Double(old)
            if k < options.indexTerms && old == 0 {
                if Int(entry.term) >= postings.count {
                    postings.append(contentsOf: repeatElement([], count: Int(entry.term) + 1 - postings.count))
                }
                postings[Int(entry.term)].append(Int32(story))
            }
        }
        s.members.append(document)
        if let day {
            s.firstDay = min(s.firstDay ?? day, day)
            s.lastDay = max(s.lastDay ?? day, day)
        }
        stories[story] = s
    }

    /// Merges into `story` every other story the article was close to whose centroid is now close
    /// to it.
    private func mergeClose(_ story: Int, candidates: [Int]) {
        var target = find(story)
        for other in candidates {
            let a = target, b = find(other)
            guard a != b else { continue }
            if centroidSimilarity(a, b) >= options.mergeThreshold {
                // The older story (lower number) absorbs the newer.
                let (keep, fold) = a < b ? (a, b) : (b, a)
                absorb(fold, into: keep)
                target = keep
            }
        }
    }

    private func centroidSimilarity(_ a: Int, _ b: Int) -> Double {
        let (small, large) = stories[a].centroid.count <= stories[b].centroid.count ? (a, b) : (b, a)
        guard stories[small].sumOfSquares > 0, stories[large].sumOfSquares > 0 else { return 0 }
        var dot = 0.0
        for (term, w) in stories[small].centroid {
            if let v = stories[large].centroid[term] { dot += Double(w) * Double(v) }
        }
        let base = dot / (stories[small].norm * stories[large].norm)
        let s = stories[small]
        return base * timeFactor(day: s.firstDay, first: stories[large].firstDay, last: stories[large].lastDay)
    }

    private func absorb(_ fold: Int, into keep: Int) {
        var k = stories[keep]
        let f = stories[fold]
        stories[keep] = Story()
        stories[fold] = Story()
        for (term, w) in f.centroid {
            let old = k.centroid[term] ?? 0
            let new = old + w
            k.centroid[term] = new
            k.sumOfSquares += Double(new) * Double(new) - Double(old) * Double(old)
        }
        // The folded story's index entries stay: they lead to `keep` through `find`.
        k.members += f.members
        k.members.sort()
        if let first = f.firstDay { k.firstDay = min(k.firstDay ?? first, first) }
        if let last = f.lastDay { k.lastDay = max(k.lastDay ?? last, last) }
        stories[keep] = k
        parent[fold] = keep
    }
}
