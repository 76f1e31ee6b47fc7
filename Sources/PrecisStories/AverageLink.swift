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
        static func < (l: Candidate, r: Candidate) -> Bool {
            if l.score != r.score { return l.score < r.score }
            // Lower numbers win ties: they must compare as larger in a max-heap.
            return (l.a, l.b) > (r.a, r.b)
        }
    }

    /// Cluster number (the lowest node of the cluster) of each of `count` nodes.
    ///
    /// Heap entries are upper bounds of their pair's current score: when a cluster grows, the
    /// scores of its pairs with clusters that gained no link can only fall, so those entries stay
    /// and are re-scored when they come to the top; only pairs whose link sum grew get new entries.
    /// A merge therefore costs the size of the smaller link table, not of every neighbour.
    static func cluster(count: Int, edges: [Edge], threshold: Double) -> [Int] {
        var size = [Int](repeating: 1, count: count)
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
                heap.insert(Candidate(score: sum, a: a, b: b))
            }
        }
        while let top = heap.popMax() {
            guard top.score >= threshold else { break }
            guard parent[top.a] == top.a, parent[top.b] == top.b, let sum = links[top.a][top.b] else { continue }
            let score = sum / Double(size[top.a] * size[top.b])
            if score < top.score {
                // Stale: the pair's score fell since this entry; queue it again at its true score.
                if score >= threshold { heap.insert(Candidate(score: score, a: top.a, b: top.b)) }
                continue
            }
            // The cluster with the larger link table absorbs the other, so each merge costs the
            // smaller table.
            let (keep, fold) = links[top.a].count >= links[top.b].count ? (top.a, top.b) : (top.b, top.a)
            var kept = links[keep]
            let folded = links[fold]
            links[fold] = [:]
            kept[fold] = nil
            parent[fold] = keep
            size[keep] += size[fold]
            for (other, sum) in folded where other != keep {
                kept[other, default: 0] += sum
                links[other][fold] = nil
                links[other][keep] = kept[other]
            }
            links[keep] = kept
            // Pairs whose sum grew may now score above every entry they have: give them a new one.
            // The others only fell, and their entries are re-scored when they reach the top.
            for (other, _) in folded where other != keep {
                let score = kept[other]! / Double(size[keep] * size[other])
                if score >= threshold {
                    heap.insert(Candidate(score: score, a: min(keep, other), b: max(keep, other)))
                }
            }
        }
        return Self.lowestNodeLabels(parent)
    }

    /// The same clustering for a few nodes (streaming re-clusters a handful of stories at each
    /// arrival): a dense table of link sums, cheaper than the heap and its hash tables at this size.
    /// Each cluster keeps its best pair with a higher-numbered cluster; a merge re-scans only the
    /// rows it can change (the merged cluster's, and those whose best partner was one of the two),
    /// so the best pair is found in a pass over the rows, not over every pair. Ties break by the
    /// lower pair of nodes.
    static func clusterDense(count n: Int, edges: [Edge], threshold: Double) -> [Int] {
        var sum = [Double](repeating: 0, count: n * n)
        for e in edges where e.a != e.b {
            sum[e.a * n + e.b] += e.similarity
            sum[e.b * n + e.a] += e.similarity
        }
        var size = [Int](repeating: 1, count: n)
        var parent = Array(0..<n)
        var alive = [Bool](repeating: true, count: n)
        // Each cluster's best later partner at or above the threshold (-1: none), and its score.
        var partner = [Int](repeating: -1, count: n)
        var best = [Double](repeating: 0, count: n)
        func score(_ a: Int, _ b: Int) -> Double? {
            let s = sum[a * n + b]
            return s > 0 ? s / Double(size[a] * size[b]) : nil
        }
        func findPartner(_ a: Int) {
            partner[a] = -1
            for b in (a + 1)..<max(a + 1, n) where alive[b] {
                guard let x = score(a, b), x >= threshold else { continue }
                if partner[a] < 0 || x > best[a] { (partner[a], best[a]) = (b, x) }
            }
        }
        for a in 0..<n { findPartner(a) }
        while true {
            var top = -1
            for a in 0..<n where alive[a] && partner[a] >= 0 && (top < 0 || best[a] > best[top]) { top = a }
            guard top >= 0 else { break }
            let (keep, fold) = (top, partner[top])
            for c in 0..<n where alive[c] && c != keep && c != fold {
                sum[keep * n + c] += sum[fold * n + c]
                sum[c * n + keep] = sum[keep * n + c]
            }
            size[keep] += size[fold]
            parent[fold] = keep
            alive[fold] = false
            for c in 0..<n where alive[c] {
                if c == keep || partner[c] == keep || partner[c] == fold {
                    findPartner(c)
                } else if c < keep, let x = score(c, keep), x >= threshold,
                    partner[c] < 0 || x > best[c] || (x == best[c] && keep < partner[c])
                {
                    // Only this row's pair with the merged cluster changed.
                    (partner[c], best[c]) = (keep, x)
                }
            }
        }
        return Self.lowestNodeLabels(parent)
    }

    /// Each node's cluster, numbered by the cluster's lowest node, from a union-find parent array.
    static func lowestNodeLabels(_ parent: [Int]) -> [Int] {
        var label = [Int](repeating: -1, count: parent.count)
        var result = [Int](repeating: 0, count: parent.count)
        for x in parent.indices {
            var r = x
            while parent[r] != r { r = parent[r] }
            if label[r] < 0 { label[r] = x }
            result[x] = label[r]
        }
        return result
    }
}
