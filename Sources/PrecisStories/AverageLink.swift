import HeapModule

/// Agglomerative clustering with average linkage over a sparse similarity graph.
///
/// Starts from one cluster per node and repeatedly merges the two clusters whose mean pairwise
/// similarity is highest, until no pair reaches `threshold`. Pairs of nodes with no edge count as
/// similarity 0, so only the edges given (a node's near neighbours, found through an index) are
/// ever stored: memory and time grow with the number of edges, not with the square of the nodes.
/// Ties break by the lower cluster numbers, so the result depends on the input alone.
struct AverageLink {
    struct Edge {
        var a: Int
        var b: Int
        var similarity: Double
    }

    private struct Candidate: Comparable {
        var score: Double
        var a: Int
        var b: Int
        var versionA: Int
        var versionB: Int
        static func < (l: Candidate, r: Candidate) -> Bool {
            if l.score != r.score { return l.score < r.score }
            // Lower numbers win ties: they must compare as larger in a max-heap.
            return (l.a, l.b) > (r.a, r.b)
        }
    }

    /// Cluster number (the lowest node of the cluster) of each of `count` nodes.
    static func cluster(count: Int, edges: [Edge], threshold: Double) -> [Int] {
        var size = [Int](repeating: 1, count: count)
        var version = [Int](repeating: 0, count: count)
        var parent = Array(0..<count)
        // Sum of edge similarities between clusters, kept on both sides.
        var links = [[Int: Double]](repeating: [:], count: count)
        for e in edges where e.a != e.b {
            links[e.a][e.b, default: 0] += e.similarity
            links[e.b][e.a, default: 0] += e.similarity
        }
        var heap = Heap<Candidate>()
        for a in 0..<count {
            for (b, sum) in links[a] where a < b && sum >= threshold {
                heap.insert(Candidate(score: sum, a: a, b: b, versionA: 0, versionB: 0))
            }
        }
        while let top = heap.popMax() {
            guard top.score >= threshold else { break }
            guard parent[top.a] == top.a, parent[top.b] == top.b,
                  version[top.a] == top.versionA, version[top.b] == top.versionB else { continue }
            // The larger link table absorbs the smaller; the merged cluster keeps the lower number.
            let keep = min(top.a, top.b), fold = max(top.a, top.b)
            var kept = links[keep], folded = links[fold]
            links[keep] = [:]
            links[fold] = [:]
            if kept.count < folded.count { swap(&kept, &folded) }
            for (other, sum) in folded { kept[other, default: 0] += sum }
            kept[keep] = nil
            kept[fold] = nil
            parent[fold] = keep
            size[keep] += size[fold]
            version[keep] += 1
            version[fold] += 1
            for (other, sum) in kept {
                // The neighbour's table names the folded cluster: it now holds the merged sum.
                links[other][fold] = nil
                links[other][keep] = sum
                let score = sum / Double(size[keep] * size[other])
                if score >= threshold {
                    let (a, b) = keep < other ? (keep, other) : (other, keep)
                    heap.insert(Candidate(score: score, a: a, b: b, versionA: version[a], versionB: version[b]))
                }
            }
            links[keep] = kept
        }
        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            return r
        }
        return (0..<count).map(find)
    }
}
