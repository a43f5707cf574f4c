internal import CZlib
import Foundation
import Ledger

/// A round's ledger as the store keeps it: its JSON (`LedgerJSON`), zlib-compressed, so that a briefing written from
/// the store later equals the one the merge could have written (61 MB of JSON for 200 units × 1,000 tasks is 4 MB).
public enum LedgerSnapshot {
    /// The compressed JSON and its size before compression.
    public static func encode(_ ledger: LedgerResult) throws -> (data: [UInt8], size: Int) {
        let json = try LedgerJSON.encode(ledger)
        var length = compressBound(uLong(json.count))
        var data = [UInt8](repeating: 0, count: Int(length))
        // Level 1: a fifth of level 6's time for a third more bytes, and the merge is waiting.
        let status = data.withUnsafeMutableBufferPointer { out in
            json.withUnsafeBufferPointer { compress2(out.baseAddress, &length, $0.baseAddress, uLong(json.count), 1) }
        }
        guard status == Z_OK else { throw SnapshotError.compression(Int(status)) }
        data.removeSubrange(Int(length)...)
        return (data, json.count)
    }

    /// The ledger back from its compressed JSON; `size` bounds what is inflated.
    public static func decode(_ data: [UInt8], size: Int) throws -> LedgerResult {
        guard size >= 0, size <= 4 << 30 else { throw SnapshotError.damaged }
        var json = Data(count: size)
        var length = uLong(size)
        let status = json.withUnsafeMutableBytes { out in
            data.withUnsafeBufferPointer { uncompress(out.baseAddress!.assumingMemoryBound(to: Bytef.self), &length, $0.baseAddress, uLong(data.count)) }
        }
        guard status == Z_OK, Int(length) == size else { throw SnapshotError.damaged }
        return try LedgerJSON.decode(json)
    }

    public enum SnapshotError: Error, CustomStringConvertible {
        case compression(Int)
        case damaged

        public var description: String {
            switch self {
            case .compression(let status): "压缩台账失败（zlib \(status)）。"
            case .damaged: "台账数据库中的本轮台账已损坏，请重新运行 taizhang merge … --into 记录本轮。"
            }
        }
    }
}
