#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inflates a part on a second thread while the caller parses, so the two cores share the work.
/// Memory stays bounded: at most `depth` chunks wait between the threads.
final class ReadAhead: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var filled: [(bytes: [UInt8], count: Int)] = []
    private var spare: [[UInt8]] = []
    private var finished = false
    private var cancelled = false
    private var failure: Error?
    private var thread: WorkerThread?
    private var threaded = false
    private let produce: (UnsafeMutableRawPointer, Int) throws -> Int

    private var current: [UInt8] = []
    private var currentCount = 0
    private var currentOffset = 0

    /// `produce` fills a buffer and returns the bytes written, 0 at the end; it runs on the background thread only.
    init(chunkSize: Int = 1 << 18, depth: Int = 4, produce: @escaping (UnsafeMutableRawPointer, Int) throws -> Int) {
        self.produce = produce
        spare = (0..<depth).map { _ in [UInt8](repeating: 0, count: chunkSize) }
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        thread = WorkerThread { [self] in run() }
        threaded = thread != nil
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Stops the producer and waits for it; called before the part's owner goes away.
    func stop() {
        pthread_mutex_lock(&mutex)
        cancelled = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        thread?.join()
        thread = nil
    }

    private func run() {
        while true {
            pthread_mutex_lock(&mutex)
            while spare.isEmpty && !cancelled { pthread_cond_wait(&changed, &mutex) }
            if cancelled {
                pthread_mutex_unlock(&mutex)
                return
            }
            var buffer = spare.removeLast()
            pthread_mutex_unlock(&mutex)

            var n = 0
            var error: Error?
            do {
                n = try buffer.withUnsafeMutableBytes { try produce($0.baseAddress!, $0.count) }
            } catch let e {
                error = e
            }

            pthread_mutex_lock(&mutex)
            if let error {
                failure = error
                finished = true
            } else if n == 0 {
                finished = true
            } else {
                filled.append((buffer, n))
            }
            let done = finished
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }

    /// Copies up to `count` bytes; 0 at the end of the part.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws -> Int {
        if !threaded {
            // No second thread could be started: inflate on the caller's.
            return try produce(destination, count)
        }
        if currentOffset == currentCount {
            pthread_mutex_lock(&mutex)
            if !current.isEmpty { spare.append(current) }
            current = []
            while filled.isEmpty && !finished { pthread_cond_wait(&changed, &mutex) }
            if filled.isEmpty {
                let failure = failure
                pthread_mutex_unlock(&mutex)
                if let failure { throw failure }
                return 0
            }
            let next = filled.removeFirst()
            current = next.bytes
            currentCount = next.count
            currentOffset = 0
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
        let n = min(count, currentCount - currentOffset)
        current.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + currentOffset, byteCount: n) }
        currentOffset += n
        return n
    }
}
