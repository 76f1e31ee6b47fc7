/// Clusters a whole batch of articles at once, with average-link agglomerative clustering.
///
/// Append the articles (each is analysed on arrival and only what clustering needs is kept, not its
/// text), then call `cluster()`. Term weights use document frequencies over the entire batch; each
/// article is linked (by the `PairModel` score) to the earlier articles that share its top terms (found through an index, never
/// by comparing all pairs); stories are merged while the mean similarity between their articles
/// reaches `StoryOptions.batchThreshold`. No article is placed before the others are known, and the
/// articles are worked through in the order of a hash of their text, so the stories do not depend
/// on the input order, ties included (their numbers do: they count from the story of the first
/// article).
public final class StoryBatch {
    private let clusterer: StoryClusterer
    private var features: [StoryClusterer.Features] = []
    private var result: [StoryAssignment]?

    public init(options: StoryOptions = StoryOptions()) {
        clusterer = StoryClusterer(options: options)
    }

    /// Number of documents appended.
    public var count: Int { features.count }

    public func append(_ document: StoryDocument) {
        precondition(result == nil, "a StoryBatch clusters once; make a new one for more documents")
        features.append(clusterer.features(document))
    }

    /// Where each appended document went, stories numbered from 0 in order of their first document.
    public func cluster() -> [StoryAssignment] {
        if let result { return result }
        let assignments = clusterer.clusterBatch(features)
        result = assignments
        features = []
        return assignments
    }
}
