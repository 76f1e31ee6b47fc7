import Foundation

/// Runs a batch's items on several threads and hands the results back in input order, a chunk at a
/// time, so output streams while memory stays bounded. Each worker has its own state (an analyzer
/// with its word cache), which is why the state need not be thread-safe.
struct ParallelBatch<Item, State, Output> {
    let jobs: Int
    let chunk: Int
    private var states: [State]
    private let work: (Item, State) -> Output
    private var pending: [Item] = []

    init(jobs: Int, chunk: Int = 64, makeState: () -> State, work: @escaping (Item, State) -> Output) {
        self.jobs = max(1, jobs)
        self.chunk = max(1, chunk)
        states = (0..<self.jobs).map { _ in makeState() }
        self.work = work
    }

    /// Queues `item`; when a chunk is full, runs it and passes its outputs, in order, to `emit`.
    mutating func add(_ item: Item, emit: (Output) -> Void) {
        pending.append(item)
        if pending.count >= chunk { drain(emit) }
    }

    /// Runs whatever is queued.
    mutating func finish(emit: (Output) -> Void) { drain(emit) }

    private mutating func drain(_ emit: (Output) -> Void) {
        guard !pending.isEmpty else { return }
        let items = pending
        pending.removeAll(keepingCapacity: true)
        let workers = min(jobs, items.count)
        if workers == 1 {
            for item in items { emit(work(item, states[0])) }
            return
        }
        var outputs = [Output?](repeating: nil, count: items.count)
        let next = NextIndex()
        outputs.withUnsafeMutableBufferPointer { slots in
            let shared = Shared(items: items, states: states, work: work, slots: slots)
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // Items are taken one at a time from a shared counter: clusters differ in size.
                while let k = next.take(below: shared.items.count) {
                    shared.slots[k] = shared.work(shared.items[k], shared.states[w])
                }
            }
        }
        for case let output? in outputs { emit(output) }
    }
}

/// A counter several threads take indices from.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// What the workers share. Safe to share because the items are only read, worker `w` alone uses
/// `states[w]`, and each slot is written by the one worker that took its index.
private struct Shared<Item, State, Output>: @unchecked Sendable {
    let items: [Item]
    let states: [State]
    let work: (Item, State) -> Output
    let slots: UnsafeMutableBufferPointer<Output?>
}
