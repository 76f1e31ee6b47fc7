import Foundation
import PrecisText

/// Settings of story clustering. The defaults were chosen on the Multi-News and ECB+ dev sets (see
/// the README's benchmark section).
public struct StoryOptions: Sendable {
    /// The pair score (see `PairModel`): how likely two articles are to report one story.
    public var pairModel = PairModel.fitted
    /// Least mean pair score between the articles of two stories for them to be one story, in batch
    /// and in streaming (the pair model's own threshold unless set).
    public var batchThreshold = PairModel.fitted.threshold
    /// No longer used: streaming places an article by its mean pair score with each story's
    /// articles, against `batchThreshold`, as batch clustering does. Kept for the command line.
    public var joinThreshold = 0.18
    /// No longer used (see `joinThreshold`).
    public var mergeThreshold = 0.4
    /// Article pairs whose cosine is below this are not scored (their score counts as 0).
    public var minimumEdge = 0.02
    /// Pairs scoring below this are not linked (they count as 0).
    public var minimumScore = 0.01
    /// Each article is linked to at most this many earlier articles, the highest scoring.
    public var neighbours = 30
    /// Weight of a capitalised word inside a sentence (mostly names), relative to other words.
    public var nameWeight: Float = 3
    /// Least share of the shorter article's word shingles found in an earlier one for it to be a
    /// near-copy of it (see `NearDuplicateIndex`).
    public var duplicateThreshold = 0.8
    /// Articles with fewer words than this are not clustered (archive notices, login walls, stubs).
    public var minimumWords = 15
    /// Publication dates this many days apart or less count as the same stretch of a story: news
    /// stories run for months (an attack, then the manhunt, the arrests, the trial), and what tells
    /// two events of one kind apart is mostly in the text (the years, dates, places and names it
    /// gives). Set on the dated newswire set, tuned on one half and scored on the other
    /// (docs/benchmarks.md, "Publication dates"): three days, which the undated dev sets could not
    /// check, split long stories.
    public var dayWindow = 180
    /// Beyond the window, similarity halves every `dayHalfLife` days of distance (infinity: never).
    public var dayHalfLife = 365.0
    /// Documents assumed seen, besides the real ones, in which no term occurs: keeps a term that
    /// every article of a small batch shares (the story's own names) from weighing nothing.
    public var priorDocuments = 10.0
    /// Terms kept in an article's vector (the highest weighted).
    public var vectorTerms = 120
    /// Terms of an article looked up in the index to find candidate stories, and indexed for its story.
    public var indexTerms = 30
    /// Sentences at the top of an article (its lead) whose words count double.
    public var leadSentences = 3
    /// Index entries read per term, newest first: bounds the cost of very common terms.
    public var postingScanLimit = 2_000
    /// Streaming re-clusters the stories an arriving article links to when they hold this many
    /// articles or fewer; beyond, the article joins the closest on average.
    public var streamWindow = 64
    /// Streaming: each time the count of articles doubles, up to this many, the stories formed so
    /// far are clustered again over links rescored on today's term weights (0: never). Links scored
    /// among a stream's first articles rest on document frequencies from a handful of them.
    public var earlyRefreshLimit = 1_024
    /// Streaming: the refreshes come at 8 articles, then each time the count has grown by this factor
    /// up to `earlyRefreshFine` articles, then each time it has doubled (up to `earlyRefreshLimit`).
    /// 1.1 rather than 2: on every half of the Multi-News and ECB+ dev sets streaming then scores
    /// within 0.001 of batch or above it (at 2, 0.017 under on one ECB+ half). A refresh at n articles
    /// costs about n placements, so refreshes every tenth cost about eleven times the articles they
    /// span; past `earlyRefreshFine` the term weights move little and doublings cost twice.
    public var earlyRefreshGrowth = 1.1
    public var earlyRefreshFine = 128

    public init() {}
}

extension StoryOptions {
    /// Why a text of `words` words (the analyzer's tokens, as `TextAnalyzer` counts them) is not an
    /// article, or nil when it is long enough to be one (`minimumWords`).
    public func notAnArticle(words: Int) -> String? {
        guard words < minimumWords else { return nil }
        return words == 0
            ? "not an article: no words"
            : "not an article: \(words) word\(words == 1 ? "" : "s") of text, fewer than \(minimumWords)"
    }
}

/// Groups a stream of articles into stories, one article at a time; also the engine of `StoryBatch`.
///
/// Each article becomes a TF-IDF vector over content-word stems (document frequencies counted over the
/// articles seen so far, lead words counted twice, names more), and a few facts that tell one event
/// from another of the same kind: the names, years, dates and numbers it mentions. Candidate pairs
/// come from an inverted index of the articles' top terms, never from all pairs; a candidate pair's
/// score is the `PairModel`'s probability that the two report one story (fading with the distance in
/// days when both are dated). Stories are average-link clusters over those scores: two stories are one
/// while the mean score between their articles (unlinked pairs counting 0) reaches `batchThreshold`.
///
/// Streaming places each article in the story with the highest mean score with it, if that reaches
/// the threshold, else in a new story; then merges every pair of stories whose mean score now reaches
/// it — the same rule as batch clustering, applied as articles arrive. Near-copies of an earlier
/// article (MinHash over word shingles, banded LSH) join the original's story, are marked as copies,
/// and leave the vectors and frequencies alone.
///
/// Streaming depends on the order of the input (an article is placed among the stories as they stand
/// when it arrives, with the term weights known then). Batch clustering does not: it works through
/// the articles in the order of a hash of their text, so ties and index cut-offs fall by content.
public final class StoryClusterer {
    public let options: StoryOptions
    let analyzer: TextAnalyzer
    private let hasher = MinHasher()
    var duplicates: NearDuplicateIndex

    struct DocumentState {
        var story: Int?
        var duplicateOf: Int?
        var skipReason: String?
    }

    /// What pair scoring needs of one clustered article (a node).
    struct Node {
        var vector: [(term: Int32, weight: Float)]
        /// The vector's terms with their term-frequency factor (1 + log tf) alone: the pair cosine
        /// weighs them with the document frequencies known when it is taken, so that an article
        /// streamed early (when every term looked rare) is compared on today's weights.
        var tf: [(term: Int32, weight: Float)]
        /// IDF-weighted name stems, L2-normalised, sorted by the hash of the stem.
        var names: [(term: Int32, weight: Float)]
        var years: [Int32]
        var numbers: [Int32]
        var dates: [Int32]
        var day: Int?
    }

    var documentFrequency: [Int32] = []
    var idfCache: [(value: Float, stamp: Int32)] = []
    var articleCount = 0
    /// Each document's state; an article's `story` is its node number, a copy's its original's.
    var documents: [DocumentState] = []
    /// Clustered articles (originals), in the order they were added.
    var nodes: [Node] = []
    /// The story of each node: the number of its story's first node.
    var nodeLabel: [Int] = []
    /// The document of each node (streaming).
    var nodeDocument: [Int] = []
    /// Streaming: the near-copies of each node (documents), which follow it from story to story.
    var copies: [Int: [Int]] = [:]
    /// Streaming: the documents whose story changed in the last `add` (the new one first).
    private var changed: [Int] = []
    /// Streaming: each node's links (both directions), with the number of articles known when each
    /// was scored.
    var adjacency: [[(node: Int32, score: Float, scoredAt: Int32)]] = []
    /// Streaming: the nodes of each story, by story (its first node).
    var storyMembers: [Int: [Int]] = [:]
    private var localIndex: [Int32] = []
    /// Nodes by index term (stem id), in the order added, with the term's weight.
    var termIndex: [[(node: Int32, weight: Float)]] = []
    // Scratch space of `neighbours`, indexed by node and by term. A node's partial score counts
    // only when its mark is the current scan's (`scan`): nothing is cleared between scans.
    private var accumulator: [(score: Float, mark: UInt32)] = []
    private var scan: UInt32 = 0
    private var touched: [Int] = []
    private var reachingNodes: [Int] = []
    private var reachingScores: [Float] = []
    private var termWeights: [Float] = []
    /// What each stem id is: 0 a word, 1 a year, 2 a number, 3 a day of the month (1-31),
    /// 10 + m the month m; with the year or number value alongside.
    var stemKinds: [(kind: UInt8, value: Int32)] = []
    /// A hash of each stem's text. Stem ids count stems in order of first sight, so they depend on
    /// the order of the input; whatever must not (ties, copy signatures) goes by these instead.
    var stemHashes: [UInt64] = []

    public init(options: StoryOptions = StoryOptions(), analyzer: TextAnalyzer = TextAnalyzer(recordsNames: true)) {
        self.options = options
        self.analyzer = analyzer
        self.duplicates = NearDuplicateIndex(threshold: options.duplicateThreshold)
    }

    /// Number of documents added so far.
    public var documentCount: Int { documents.count }

    /// The documents whose story the last `add` changed: the added document first (when it is in a
    /// story), then every earlier one a merge or re-clustering moved. Every other document kept its
    /// story, so a caller that keeps assignments only needs to write these.
    public var lastChangedDocuments: [Int] { changed }

    /// The first document of a document's story (stories are numbered by it in `assignments`), or nil
    /// for a document in no story. Constant time: a story's first document is its lowest node's.
    public func storyFirstDocument(of document: Int) -> Int? {
        guard let node = documents[document].story else { return nil }
        return nodeDocument[nodeLabel[node]]
    }

    /// What clustering needs of one document, computed once.
    struct Features {
        var words = 0
        /// Weighted term counts (lead words and names count more), sorted by stem id.
        var counts: [(term: Int32, count: Float)] = []
        /// Counts of name stems, sorted by stem id.
        var names: [(term: Int32, count: Float)] = []
        var years: [Int32] = []
        var numbers: [Int32] = []
        var dates: [Int32] = []
        var signature: (signature: [UInt64], shingles: Int)?
        var day: Int?
        /// A hash of the text and title: the order batch clustering works in.
        var hash: UInt64 = 0
    }

    private static let months: [String: Int32] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "june": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "septemb": 9, "sep": 9, "sept": 9,
        "octob": 10, "oct": 10, "novemb": 11, "nov": 11, "decemb": 12, "dec": 12
    ]

    func kind(of stem: Int) -> (kind: UInt8, value: Int32) {
        while stemKinds.count < analyzer.vocabularySize {
            let text = analyzer.stemText(stemKinds.count)
            var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            let hash = mix(h)
            stemHashes.append(hash)
            var kind: (UInt8, Int32) = (0, 0)
            if let month = Self.months[text] {
                kind = (10 + UInt8(month), 0)
            } else if let first = text.utf8.first, first >= 48 && first <= 57 {
                let digits = text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
                let numeric = text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 44 }
                if digits, text.utf8.count <= 9, let n = Int32(text) {
                    if text.utf8.count == 4 && n >= 1900 && n <= 2099 {
                        kind = (1, n)
                    } else if n >= 1 && n <= 31 {
                        kind = (3, n)
                    }  // a day of the month, or a number
                    else if n > 31 {
                        kind = (2, n)
                    }
                } else if numeric {
                    kind = (2, -1 - Int32(truncatingIfNeeded: hash & 0x3FFF_FFFF))  // a decimal or grouped number: its text
                }
            }
            stemKinds.append(kind)
        }
        return stemKinds[stem]
    }

    @inline(__always)
    private func stemHash(_ stem: Int) -> UInt64 {
        if stem >= stemHashes.count { _ = kind(of: stem) }
        return stemHashes[stem]
    }

    func features(_ document: StoryDocument) -> Features {
        var f = Features()
        var counts: [Int32: Float] = [:]
        var names: [Int32: Float] = [:]
        var years = Set<Int32>(), numbers = Set<Int32>(), dates = Set<Int32>()
        func count(_ sentence: AnalyzedSentence, weight w: Float) {
            for stem in sentence.contentStems { counts[Int32(stem), default: 0] += w }
            for stem in sentence.nameStems {
                counts[Int32(stem), default: 0] += w * (options.nameWeight - 1)
                names[Int32(stem), default: 0] += 1
            }
            // Years, numbers, and dates: a month next to a day of the month.
            var previous: (kind: UInt8, value: Int32) = (0, 0)
            for stem in sentence.contentStems {
                let k = kind(of: stem)
                switch k.kind {
                case 1: years.insert(k.value)
                case 2: numbers.insert(k.value)
                case 3:
                    if k.value >= 10 { numbers.insert(k.value) }
                    if previous.kind >= 10 { dates.insert(Int32(previous.kind - 10) * 32 + k.value) }
                case 10...:
                    if previous.kind == 3 { dates.insert(Int32(k.kind - 10) * 32 + previous.value) }
                default: break
                }
                previous = k
            }
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
        f.names = names.map { ($0.key, $0.value) }.sorted { $0.term < $1.term }
        f.years = years.sorted()
        f.numbers = numbers.sorted()
        f.dates = dates.sorted()
        f.signature = hasher.shingleSignature(stems.map { Int(truncatingIfNeeded: stemHash($0)) })
        f.day = dayNumber(document.date)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for byte in document.text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        for byte in (document.title ?? "").utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
        f.hash = mix(h)
        return f
    }

    /// Adds the next document and returns where it went. The story number is provisional: later
    /// merges can fold its story into another; `assignments` has the final numbering.
    @discardableResult
    public func add(_ document: StoryDocument) -> StoryAssignment {
        add(features(document))
    }

    /// Clusters a whole batch at once (see `StoryBatch`).
    public static func cluster(_ documents: [StoryDocument], options: StoryOptions = StoryOptions()) -> [StoryAssignment] {
        let batch = StoryBatch(options: options)
        for d in documents { batch.append(d) }
        return batch.cluster()
    }

    /// A pair of articles batch clustering scores, with its features (in `PairFeature` order):
    /// what the pair model is fitted on.
    public struct Pair: Sendable {
        public var a: Int
        public var b: Int
        public var features: [Double]
    }

    /// The candidate pairs batch clustering scores over these documents (indices into them), with
    /// their features: every pair found through the index whose cosine reaches `minimumEdge`.
    public static func candidatePairs(_ documents: [StoryDocument], options: StoryOptions = StoryOptions()) -> [Pair] {
        let clusterer = StoryClusterer(options: options)
        var pairs: [Pair] = []
        _ = clusterer.clusterBatch(documents.map(clusterer.features)) { a, b, features in
            pairs.append(Pair(a: min(a, b), b: max(a, b), features: features))
        }
        return pairs
    }

    func clusterBatch(_ features: [Features], observe: ((Int, Int, [Double]) -> Void)? = nil) -> [StoryAssignment] {
        // Work through the documents in the order of their content, so that the result does not
        // depend on the input order: copies, ties and index cut-offs all fall by content.
        let order = features.indices.sorted { features[$0].hash != features[$1].hash ? features[$0].hash < features[$1].hash : $0 < $1 }
        // Non-articles and near-copies first.
        var states = [DocumentState](repeating: DocumentState(story: nil), count: features.count)
        var members: [Int] = []  // documents that are articles and originals, in work order
        for index in order {
            let f = features[index]
            if let reason = skipReason(f) {
                states[index] = DocumentState(story: nil, duplicateOf: nil, skipReason: reason)
            } else if let signature = f.signature, let original = duplicates.original(of: signature.signature, shingles: signature.shingles) {
                states[index] = DocumentState(story: nil, duplicateOf: original)
            } else {
                if let signature = f.signature { duplicates.insert(signature.signature, shingles: signature.shingles, document: index) }
                members.append(index)
            }
        }
        for m in members { countFrequencies(features[m]) }
        var edges: [AverageLink.Edge] = []
        for m in members {
            let node = makeNode(features[m])
            for (other, score) in neighbours(of: node, observe: observe.map { o in { other, f in o(members[other], m, f) } }) {
                edges.append(AverageLink.Edge(a: other, b: nodes.count, similarity: score))
            }
            insert(node)
        }
        nodeLabel = AverageLink.cluster(count: members.count, edges: edges, threshold: options.batchThreshold)
        for (k, m) in members.enumerated() { states[m].story = k }
        // A copy's original is the group's earliest document in input order.
        var groups: [Int: [Int]] = [:]
        for i in states.indices { if let original = states[i].duplicateOf { groups[original, default: [original]].append(i) } }
        for (_, group) in groups {
            let first = group.min()!
            for i in group {
                states[i].duplicateOf = i == first ? nil : first
                if states[i].story == nil { states[i].story = states[group[0]].story }
            }
        }
        for i in states.indices { if let original = states[i].duplicateOf { states[i].story = states[original].story } }
        documents = states
        return assignments
    }

    /// Why a document is not an article, or nil when it is one.
    private func skipReason(_ f: Features) -> String? { options.notAnArticle(words: f.words) }

    func countFrequencies(_ f: Features) {
        if documentFrequency.count < analyzer.vocabularySize {
            documentFrequency.append(contentsOf: repeatElement(0, count: analyzer.vocabularySize - documentFrequency.count))
        }
        if idfCache.count < documentFrequency.count {
            idfCache.append(contentsOf: repeatElement((value: Float(0), stamp: Int32(-1)), count: documentFrequency.count - idfCache.count))
        }
        articleCount += 1
        for entry in f.counts {
            documentFrequency[Int(entry.term)] += 1
            idfCache[Int(entry.term)].stamp = -1
        }
    }

    @discardableResult
    func add(_ f: Features) -> StoryAssignment {
        let index = documents.count
        changed.removeAll(keepingCapacity: true)
        if let reason = skipReason(f) {
            documents.append(DocumentState(story: nil, duplicateOf: nil, skipReason: reason))
            return StoryAssignment(story: nil, skipReason: reason)
        }

        if let signature = f.signature, let original = duplicates.original(of: signature.signature, shingles: signature.shingles),
            let story = documents[original].story
        {
            documents.append(DocumentState(story: story, duplicateOf: original))
            copies[story, default: []].append(index)
            changed.append(index)
            return StoryAssignment(story: nodeLabel[story], duplicateOf: original)
        }

        countFrequencies(f)
        let node = makeNode(f)
        let near = neighbours(of: node, observe: nil)
        let k = nodes.count
        insert(node)
        adjacency.append([])
        nodeLabel.append(k)
        nodeDocument.append(index)
        changed.append(index)
        storyMembers[k] = [k]
        // The stories the article has a link at the threshold into: average linkage joins no two
        // stories without one, so only these (and the article) can change.
        var involved: [Int] = []
        var sums: [Int: Double] = [:]
        for (other, score) in near {
            adjacency[k].append((Int32(other), Float(score), Int32(articleCount)))
            adjacency[other].append((Int32(k), Float(score), Int32(articleCount)))
            sums[nodeLabel[other], default: 0] += score
            if score >= options.batchThreshold && !involved.contains(nodeLabel[other]) { involved.append(nodeLabel[other]) }
        }
        let size = involved.reduce(1) { $0 + storyMembers[$1]!.count }
        if size <= options.streamWindow {
            if !involved.isEmpty { recluster(involved + [k]) }
        } else if let best = involved.max(by: { a, b in
            let (x, y) = (sums[a]! / Double(storyMembers[a]!.count), sums[b]! / Double(storyMembers[b]!.count))
            return x != y ? x < y : a > b
        }), sums[best]! >= options.batchThreshold * Double(storyMembers[best]!.count) {
            // Too many articles to re-cluster at each arrival: the article joins the story it is
            // closest to on average.
            storyMembers[k] = nil
            storyMembers[best]!.append(k)
            nodeLabel[k] = best
        }
        refreshEarlyStories()
        if let signature = f.signature { duplicates.insert(signature.signature, shingles: signature.shingles, document: index) }
        documents.append(DocumentState(story: k))
        return StoryAssignment(story: nodeLabel[k])
    }

    /// Links scored among the first articles of a stream rest on document frequencies from a handful
    /// of articles, when every shared word looks rare, and can tie two events of one kind together
    /// (two sea rescues years apart). At 8 articles, and each time the count has grown by
    /// `earlyRefreshGrowth`, up to `earlyRefreshLimit`, every article's links are found again on
    /// today's weights and all are clustered again (`rebuildGraph`): a story the new links no longer
    /// hold splits, and stories they now tie join. The work is bounded by the first
    /// `earlyRefreshLimit` articles.
    private func refreshEarlyStories() {
        guard articleCount >= 8, articleCount <= options.earlyRefreshLimit,
            Self.isRefreshPoint(articleCount, growth: options.earlyRefreshGrowth, fineUpTo: options.earlyRefreshFine)
        else { return }
        rebuildGraph()
    }

    /// Whether `count` is one of the counts at which early stories are refreshed: 8, then each time
    /// the count has grown by the factor `growth` (at least one more each time) while under
    /// `fineUpTo`, then each time it has doubled.
    static func isRefreshPoint(_ count: Int, growth: Double, fineUpTo: Int = .max) -> Bool {
        var point = 8
        while point < count {
            point = point < fineUpTo ? max(point + 1, Int((Double(point) * growth).rounded(.down))) : 2 * point
        }
        return point == count
    }

    /// Finds every node's links again, on today's term weights, and clusters all nodes over them as
    /// batch clustering does. The links found when an article arrived rest on the weights known then:
    /// among a stream's first articles every shared word looks rare, candidates come through words
    /// that later turn out common, and two events of one kind stay tied by links batch clustering
    /// would never score. Each node's vector is its kept terms weighed anew (`Node.tf`), so the
    /// rebuild reads only what the clusterer keeps (and a snapshot holds).
    private func rebuildGraph() {
        var old = nodes
        for k in old.indices {
            // The terms in the order of their weight today; `tf` follows the vector's order (a
            // snapshot stores the two side by side).
            var vector = old[k].tf.map { (term: $0.term, weight: Float(Double($0.weight) * idf($0.term))) }
            normalise(&vector)
            let tf = Dictionary(uniqueKeysWithValues: old[k].tf.map { ($0.term, $0.weight) })
            old[k].vector = vector
            old[k].tf = vector.map { (term: $0.term, weight: tf[$0.term]!) }
        }
        nodes.removeAll(keepingCapacity: true)
        accumulator.removeAll(keepingCapacity: true)
        for k in termIndex.indices { termIndex[k].removeAll() }
        var edges: [AverageLink.Edge] = []
        adjacency = Array(repeating: [], count: old.count)
        let stamp = Int32(articleCount)
        for node in old {
            let k = nodes.count
            for (other, score) in neighbours(of: node, observe: nil) {
                edges.append(AverageLink.Edge(a: other, b: k, similarity: score))
                adjacency[k].append((Int32(other), Float(score), stamp))
                adjacency[other].append((Int32(k), Float(score), stamp))
            }
            insert(node)
        }
        let labels = AverageLink.cluster(count: nodes.count, edges: edges, threshold: options.batchThreshold)
        storyMembers.removeAll(keepingCapacity: true)
        for m in nodes.indices {
            if nodeLabel[m] != labels[m] && nodeDocument[m] != documents.count {
                changed.append(nodeDocument[m])
                changed.append(contentsOf: copies[m] ?? [])
            }
            nodeLabel[m] = labels[m]
            storyMembers[labels[m], default: []].append(m)
        }
    }

    // MARK: - Streaming

    /// Average-link clustering of the articles of some stories (and a newcomer) over their links,
    /// as batch clustering would do it: the newcomer may join a story, tie two together, or pull
    /// earlier articles into another. Links scored when half as many articles were known or fewer
    /// are scored again on today's term weights (so each at most a logarithmic number of times).
    private func recluster(_ stories: [Int]) {
        var members = stories.flatMap { storyMembers[$0]! }
        members.sort()
        while localIndex.count < nodes.count { localIndex.append(-1) }
        for (i, m) in members.enumerated() { localIndex[m] = Int32(i) }
        var edges: [AverageLink.Edge] = []
        var features = [Double](repeating: 0, count: PairFeature.allCases.count)
        for (i, m) in members.enumerated() {
            for (e, link) in adjacency[m].enumerated() where Int(link.node) < m && localIndex[Int(link.node)] >= 0 {
                var score = Double(link.score)
                if articleCount >= 2 * Int(link.scoredAt) {
                    let other = Int(link.node)
                    pairFeatures(nodes[m], nodes[other], cosine: currentCosine(nodes[m], nodes[other]), into: &features)
                    score = options.pairModel.score(features) * timeFactor(nodes[m].day, nodes[other].day)
                    adjacency[m][e] = (link.node, Float(score), Int32(articleCount))
                    if let back = adjacency[other].firstIndex(where: { Int($0.node) == m }) {
                        adjacency[other][back] = (Int32(m), Float(score), Int32(articleCount))
                    }
                }
                edges.append(AverageLink.Edge(a: Int(localIndex[Int(link.node)]), b: i, similarity: score))
            }
        }
        let labels =
            members.count <= 96
            ? AverageLink.clusterDense(count: members.count, edges: edges, threshold: options.batchThreshold)
            : AverageLink.cluster(count: members.count, edges: edges, threshold: options.batchThreshold)
        for story in stories { storyMembers[story] = nil }
        for (i, m) in members.enumerated() {
            if nodeLabel[m] != members[labels[i]] && m < nodeDocument.count && nodeDocument[m] != documents.count {
                changed.append(nodeDocument[m])
                changed.append(contentsOf: copies[m] ?? [])
            }
            nodeLabel[m] = members[labels[i]]
            storyMembers[nodeLabel[m], default: []].append(m)
            localIndex[m] = -1
        }
    }

    /// Where every document went, stories numbered from 0 in order of their first document.
    public var assignments: [StoryAssignment] {
        var numbers: [Int: Int] = [:]
        return documents.map { state in
            guard let story = state.story else {
                return StoryAssignment(story: nil, skipReason: state.skipReason)
            }
            let root = nodeLabel[story]
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

    // MARK: - Vectors and pairs

    /// TF-IDF weights of an article's content stems, the `vectorTerms` highest, L2-normalised,
    /// sorted by weight (highest first).
    private func weightedVector(_ counts: [(term: Int32, count: Float)], limit: Int) -> [(term: Int32, weight: Float)] {
        let n = Double(articleCount)
        var vector: [(term: Int32, weight: Float)] = counts.map { term, tf in
            let idf = log((n + options.priorDocuments) / Double(max(1, documentFrequency[Int(term)])))
            return (term, Float((1 + log(Double(tf))) * idf))
        }
        normalise(&vector, limit: limit)
        return vector
    }

    /// Orders a vector by weight, highest first (ties by the stem's hash, so by content, not by stem
    /// id), keeps the `limit` highest and scales it to unit length.
    private func normalise(_ vector: inout [(term: Int32, weight: Float)], limit: Int = .max) {
        vector.sort { $0.weight != $1.weight ? $0.weight > $1.weight : stemHashes[Int($0.term)] < stemHashes[Int($1.term)] }
        if vector.count > limit { vector.removeLast(vector.count - limit) }
        let norm = vector.reduce(0) { $0 + Double($1.weight) * Double($1.weight) }.squareRoot()
        if norm > 0 { for k in vector.indices { vector[k].weight = Float(Double(vector[k].weight) / norm) } }
    }

    /// The cosine of two nodes on today's term weights.
    private func currentCosine(_ a: Node, _ b: Node) -> Double {
        if termWeights.count < analyzer.vocabularySize {
            termWeights.append(contentsOf: repeatElement(0, count: analyzer.vocabularySize - termWeights.count))
        }
        var normA = 0.0, normB = 0.0, dot = 0.0
        for entry in a.tf {
            let w = Double(entry.weight) * idf(entry.term)
            termWeights[Int(entry.term)] = Float(w)
            normA += w * w
        }
        for entry in b.tf {
            let w = Double(entry.weight) * idf(entry.term)
            dot += Double(termWeights[Int(entry.term)]) * w
            normB += w * w
        }
        for entry in a.tf { termWeights[Int(entry.term)] = 0 }
        return normA > 0 && normB > 0 ? dot / (normA * normB).squareRoot() : 0
    }

    /// The inverse document frequency of a term, cached: a term's entry is taken again when an
    /// article with it arrives or the count of articles has grown by a thirty-second since.
    @inline(__always)
    private func idf(_ term: Int32) -> Double {
        let t = Int(term)
        let stamp = Int(idfCache[t].stamp)
        if stamp < 0 || articleCount > stamp + stamp / 32 {
            let value = log((Double(articleCount) + options.priorDocuments) / Double(max(1, documentFrequency[t])))
            idfCache[t] = (Float(value), Int32(articleCount))
            return value
        }
        return Double(idfCache[t].value)
    }

    private func makeNode(_ f: Features) -> Node {
        var names = weightedVector(f.names, limit: Int.max)
        names.sort { stemHashes[Int($0.term)] < stemHashes[Int($1.term)] }
        let vector = weightedVector(f.counts, limit: options.vectorTerms)
        var tf: [Int32: Float] = [:]
        for entry in f.counts { tf[entry.term] = entry.count }
        return Node(
            vector: vector, tf: vector.map { ($0.term, Float(1 + log(Double(tf[$0.term]!)))) }, names: names,
            years: f.years, numbers: f.numbers, dates: f.dates, day: f.day)
    }

    /// Adds a node (the next one) to the index of terms.
    func insert(_ node: Node) {
        let k = Int32(nodes.count)
        for entry in node.vector.prefix(options.indexTerms) {
            if Int(entry.term) >= termIndex.count {
                termIndex.append(contentsOf: repeatElement([], count: Int(entry.term) + 1 - termIndex.count))
            }
            termIndex[Int(entry.term)].append((k, entry.weight))
        }
        nodes.append(node)
        accumulator.append((0, 0))
    }

    /// The earlier nodes a node links to and the pair scores: candidates through the index of top
    /// terms, the most promising scored in full, the `neighbours` highest kept. `observe` sees each
    /// scored pair's features.
    private func neighbours(of node: Node, observe: ((Int, [Double]) -> Void)?) -> [(node: Int, score: Double)] {
        // The scan works on local arrays (taken from the properties and given back): no exclusivity
        // checks in the innermost loop.
        var accumulator: [(score: Float, mark: UInt32)] = [], touched: [Int] = []
        swap(&accumulator, &self.accumulator)
        swap(&touched, &self.touched)
        let scanLimit = options.postingScanLimit
        // `touched` is storage for as many nodes as there are (each is marked, so taken, once at
        // most), written through a pointer: no capacity or uniqueness check for each new node.
        if touched.count < accumulator.count {
            touched.append(contentsOf: repeatElement(0, count: accumulator.count - touched.count))
        }
        scan &+= 1
        if scan == 0 {
            for k in accumulator.indices { accumulator[k].mark = 0 }
            scan = 1
        }
        let mark = scan
        var touchedCount = 0
        accumulator.withUnsafeMutableBufferPointer { partial in
            touched.withUnsafeMutableBufferPointer { touched in
                termIndex.withUnsafeBufferPointer { index in
                    for entry in node.vector.prefix(options.indexTerms) where Int(entry.term) < index.count {
                        index[Int(entry.term)].withUnsafeBufferPointer { list in
                            for posting in list[max(0, list.count - scanLimit)...] {
                                let other = Int(posting.node)
                                if partial[other].mark != mark {
                                    partial[other] = (0, mark)
                                    touched[touchedCount] = other
                                    touchedCount += 1
                                }
                                partial[other].score += entry.weight * posting.weight
                            }
                        }
                    }
                }
            }
        }
        // Full scores only for the nodes with the highest partial cosines: raise the bar until few
        // enough pass (no sort of a long list), chosen on the scores that reach the first bar.
        let start = Float(options.minimumEdge / 2)
        var reachingNodes: [Int] = [], reachingScores: [Float] = []
        swap(&reachingNodes, &self.reachingNodes)
        swap(&reachingScores, &self.reachingScores)
        reachingNodes.removeAll(keepingCapacity: true)
        reachingScores.removeAll(keepingCapacity: true)
        accumulator.withUnsafeBufferPointer { partial in
            for node in touched[..<touchedCount] where partial[node].score >= start {
                reachingNodes.append(node)
                reachingScores.append(partial[node].score)
            }
        }
        let bar = Self.raisedBar(start: start, limit: 4 * options.neighbours, scores: reachingScores)
        var candidates: [Int] = []
        for (node, score) in zip(reachingNodes, reachingScores) where score >= bar { candidates.append(node) }
        candidates.sort()
        swap(&accumulator, &self.accumulator)
        swap(&touched, &self.touched)
        swap(&reachingNodes, &self.reachingNodes)
        swap(&reachingScores, &self.reachingScores)
        guard !candidates.isEmpty else { return [] }
        if termWeights.count < analyzer.vocabularySize {
            termWeights.append(contentsOf: repeatElement(0, count: analyzer.vocabularySize - termWeights.count))
        }
        for entry in node.vector { termWeights[Int(entry.term)] = entry.weight }
        var near: [(node: Int, score: Double)] = []
        var features = [Double](repeating: 0, count: PairFeature.allCases.count)
        // Nodes are read in place (a copy of one would retain each of its arrays).
        nodes.withUnsafeBufferPointer { all in
            for other in candidates {
                // The cosine on today's term weights (the new article's vector has them already).
                var dot = 0.0, norm = 0.0
                for entry in all[other].tf {
                    let w = Double(entry.weight) * idf(entry.term)
                    dot += Double(termWeights[Int(entry.term)]) * w
                    norm += w * w
                }
                if norm > 0 { dot /= norm.squareRoot() }
                guard dot >= options.minimumEdge else { continue }
                pairFeatures(node, all[other], cosine: dot, into: &features)
                observe?(other, features)
                let score = options.pairModel.score(features) * timeFactor(node.day, all[other].day)
                if score >= options.minimumScore { near.append((other, score)) }
            }
        }
        for entry in node.vector { termWeights[Int(entry.term)] = 0 }
        // Only the closest earlier articles are linked: the graph stays sparse however many
        // articles share common terms.
        if near.count > options.neighbours {
            near.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
            near.removeLast(near.count - options.neighbours)
        }
        return near
    }

    /// The bar the candidate search raises, from `start` by steps of 1.5, until at most `limit` of the
    /// scores reach it: found in one pass over them (each score's highest step counted, then the
    /// counts summed from the top) instead of one pass for each step; the same bar exactly.
    static func raisedBar(start: Float, limit: Int, scores: [Float]) -> Float {
        // The steps, as repeated multiplication makes them.
        var bars: [Float] = [start]
        while bars.count < 64 { bars.append(bars[bars.count - 1] * 1.5) }
        var atStep = [Int](repeating: 0, count: bars.count)
        bars.withUnsafeBufferPointer { bars in
            atStep.withUnsafeMutableBufferPointer { atStep in
                for score in scores where score >= start {
                    var step = 0
                    while step + 1 < bars.count && score >= bars[step + 1] { step += 1 }
                    atStep[step] += 1
                }
            }
        }
        // Scores reaching step j: those whose highest step is j or above.
        var reaching = 0
        var reachingAt = [Int](repeating: 0, count: bars.count)
        for step in bars.indices.reversed() {
            reaching += atStep[step]
            reachingAt[step] = reaching
        }
        guard let step = reachingAt.firstIndex(where: { $0 <= limit }) else {
            // More than `limit` scores beyond the last step: go on as the stepwise search would.
            var bar = bars[bars.count - 1]
            while scores.lazy.filter({ $0 >= bar }).count > limit { bar *= 1.5 }
            return bar
        }
        return bars[step]
    }

    private func pairFeatures(_ a: Node, _ b: Node, cosine: Double, into f: inout [Double]) {
        f[PairFeature.cosine.rawValue] = cosine
        var names = 0.0
        var i = 0, j = 0
        while i < a.names.count && j < b.names.count {
            let (x, y) = (stemHashes[Int(a.names[i].term)], stemHashes[Int(b.names[j].term)])
            if x == y {
                names += Double(a.names[i].weight) * Double(b.names[j].weight)
                i += 1; j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        f[PairFeature.names.rawValue] = names
        func overlap(_ x: [Int32], _ y: [Int32], shared: PairFeature, apart: PairFeature) {
            guard !x.isEmpty, !y.isEmpty else { f[shared.rawValue] = 0; f[apart.rawValue] = 0; return }
            var common = 0, i = 0, j = 0
            while i < x.count && j < y.count {
                if x[i] == y[j] { common += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
            }
            f[shared.rawValue] = Double(common) / Double(min(x.count, y.count))
            f[apart.rawValue] = common == 0 ? 1 : 0
        }
        overlap(a.years, b.years, shared: .yearsShared, apart: .yearsApart)
        overlap(a.numbers, b.numbers, shared: .numbersShared, apart: .numbersApart)
        overlap(a.dates, b.dates, shared: .datesShared, apart: .datesApart)
    }

    private func timeFactor(_ a: Int?, _ b: Int?) -> Double {
        guard let a, let b else { return 1 }
        let gap = abs(a - b)
        guard gap > options.dayWindow else { return 1 }
        return pow(0.5, Double(gap - options.dayWindow) / options.dayHalfLife)
    }
}
