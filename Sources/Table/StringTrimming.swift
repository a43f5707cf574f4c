extension String {
    /// Without leading and trailing white space of any width (ASCII, U+3000, NBSP) or line breaks.
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
