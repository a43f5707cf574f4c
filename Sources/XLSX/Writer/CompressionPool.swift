#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Worker threads that deflate chunks of parts, so compression, the writer's main cost, uses every core.
/// One pool serves all parts of a workbook; results come back to the part that asked, in any order.
final class CompressionPool: @unchecked Sendable {
    struct Job {
        let part: DeflatePipeline
        let sequence: Int
        let input: [UInt8]
        let dictionary: [UInt8]
        let ending: Deflate.Ending
    }

    let level: Int32
    private var mutex = pthread_mutex_t()
    private var jobsReady = pthread_cond_t()
    private var resultsReady = pthread_cond_t()
    /// Waiting jobs, oldest first; a taken job leaves the array at once so its input is freed when done.
    private var jobs: [Job] = []
    private var stopping = false
    private var threads: [WorkerThread] = []

    init(level: Int32, workers: Int) {
        self.level = level
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&jobsReady, nil)
        pthread_cond_init(&resultsReady, nil)
        for _ in 0..<max(workers, 1) {
            if let thread = WorkerThread({ [self] in work() }) { threads.append(thread) }
        }
    }

    deinit {
        pthread_cond_destroy(&jobsReady)
        pthread_cond_destroy(&resultsReady)
        pthread_mutex_destroy(&mutex)
    }

    /// Stops the workers once the queue is empty; called when the workbook is closed or abandoned.
    func shutdown() {
        locked {
            stopping = true
            pthread_cond_broadcast(&jobsReady)
        }
        for thread in threads { thread.join() }
        threads = []
    }

    func submit(_ job: Job) {
        if threads.isEmpty {
            // No worker could be started: compress on the caller's thread.
            job.part.store(sequence: job.sequence, result: Self.run(job, level: level))
            return
        }
        locked {
            jobs.append(job)
            pthread_cond_signal(&jobsReady)
        }
    }

    /// Runs `body` holding the pool's lock (parts keep their results under it).
    func locked<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Waits, holding the lock, until `condition` is true; it is re-checked each time a result arrives.
    func wait(until condition: () -> Bool) {
        pthread_mutex_lock(&mutex)
        while !condition() { pthread_cond_wait(&resultsReady, &mutex) }
        pthread_mutex_unlock(&mutex)
    }

    private func work() {
        while true {
            pthread_mutex_lock(&mutex)
            while jobs.isEmpty && !stopping { pthread_cond_wait(&jobsReady, &mutex) }
            if jobs.isEmpty {
                pthread_mutex_unlock(&mutex)
                return
            }
            // The queue holds a few jobs at most (parts wait when more are in flight), so this is cheap.
            let job = jobs.removeFirst()
            pthread_mutex_unlock(&mutex)

            let result = Self.run(job, level: level)

            pthread_mutex_lock(&mutex)
            job.part.storeLocked(sequence: job.sequence, result: result)
            pthread_cond_broadcast(&resultsReady)
            pthread_mutex_unlock(&mutex)
        }
    }

    static func run(_ job: Job, level: Int32) -> DeflatePipeline.ChunkResult {
        job.input.withUnsafeBytes { input in
            job.dictionary.withUnsafeBytes { dictionary in
                DeflatePipeline.ChunkResult(
                    compressed: Deflate.compress(input, dictionary: dictionary, level: level, ending: job.ending),
                    crc: Deflate.crc32(input), length: input.count)
            }
        }
    }
}
