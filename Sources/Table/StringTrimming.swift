extension String {
    /// Without leading and trailing white space of any width (ASCII, U+3000, NBSP) or line breaks.
    public var trimmingWhitespace: String {
        // Most cell texts have nothing to trim; checking the two ends first keeps the row loop cheap.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
