extension String {
    /// Without leading and trailing white space of any width (ASCII, U+3000, NBSP) or line breaks.
    @inlinable public var trimmingWhitespace: String {
        // Most cell texts have nothing to trim; checking the two ends first keeps the row loop cheap.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isWhiteSpace && !last.isWhiteSpace { return self }
        var scalars = Substring(self).unicodeScalars
        while let c = scalars.first, c.isWhiteSpace { scalars.removeFirst() }
        while let c = scalars.last, c.isWhiteSpace { scalars.removeLast() }
        return String(scalars)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, written out: looking the property up is slow in row loops.
    @inlinable public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
