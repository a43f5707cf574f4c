import Foundation

/// A string as a dictionary key compared by its UTF-8 bytes.
///
/// `String` hashes its canonical (NFC) form, which for Chinese text costs more than parsing a short cell;
/// the caches of the plan reader only need to know that the same bytes came again.
public struct TextKey: Hashable, Sendable {
    let text: String

    public init(_ text: String) { self.text = text }

    public func hash(into hasher: inout Hasher) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        for byte in text.utf8 { hasher.combine(byte) }
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        let same = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }
}
