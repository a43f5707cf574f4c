/// Bounds that keep a hostile file from taking unbounded memory or time.
public struct ReadLimits: Sendable, Equatable {
    /// The largest inflated size any one part may have.
    public var maxPartBytes: UInt64
    /// The largest inflated/compressed ratio allowed for parts above `ratioCheckFloor` bytes.
    public var maxCompressionRatio: UInt64
    /// Parts smaller than this are not ratio-checked: real sheets of long repeated strings reach 120:1,
    /// and a part this small parses in about a second whatever its ratio.
    public var ratioCheckFloor: UInt64
    /// The largest shared-string table, in bytes of text.
    public var maxSharedStringBytes: Int
    /// Shared-string parts larger than this keep their text in a file on disk, not in memory: a million-row
    /// ledger's 230 MB of text then costs a few MB resident, and reading is no slower (measured at 1M rows).
    public var spillSharedStringBytes: Int

    public init(maxPartBytes: UInt64 = 4 << 30, maxCompressionRatio: UInt64 = 100,
                ratioCheckFloor: UInt64 = 256 << 20, maxSharedStringBytes: Int = 2 << 30,
                spillSharedStringBytes: Int = 16 << 20) {
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFloor = ratioCheckFloor
        self.maxSharedStringBytes = maxSharedStringBytes
        self.spillSharedStringBytes = spillSharedStringBytes
    }

    /// The limits used unless a caller says otherwise (POI's 100:1 ratio above 256 MiB, a 4 GiB part cap).
    public static let standard = ReadLimits()
}
