/// Collects the formats a workbook uses, de-duplicated, and writes `styles.xml`.
final class StyleRegistry {
    private struct Font: Hashable { let bold: Bool, italic: Bool, size: Double, name: String, color: String? }
    private struct Alignment: Hashable { let horizontal: String?, vertical: String?, wrap: Bool }
    private struct Xf: Hashable { let numFmt: Int, font: Int, fill: Int, border: Int, alignment: Alignment, locked: Bool }

    private var formats: [CellFormat] = [.standard]
    private var byFormat: [CellFormat: Int] = [.standard: 0]
    private var kinds: [NumberFormatKind] = [.number]
    private var variants: [Int: Int] = [:]

    /// The style for a format, registering it on first use.
    func style(for format: CellFormat) -> StyleID {
        if let index = byFormat[format] { return StyleID(index: index) }
        let index = formats.count
        formats.append(format)
        byFormat[format] = index
        kinds.append(format.numberFormat.map { NumberFormatKind.classify(code: $0) } ?? .number)
        return StyleID(index: index)
    }

    /// The style for a date or duration in a cell of style `id`: `id` itself when its number format already
    /// shows that kind, otherwise the same format with `yyyy-mm-dd` or `[h]:mm:ss`, so a date never shows as a serial.
    func style(_ id: StyleID, showing kind: NumberFormatKind) -> StyleID {
        if kinds[id.index] == kind || kind == .number { return id }
        let key = id.index * 4 + (kind == .date ? 1 : 2)
        if let known = variants[key] { return StyleID(index: known) }
        var format = formats[id.index]
        format.numberFormat = kind == .date ? CellFormat.isoDate : "[h]:mm:ss"
        let variant = style(for: format)
        variants[key] = variant.index
        return variant
    }

    func format(of id: StyleID) -> CellFormat { formats[id.index] }

    /// Whether `id` was handed out by this registry.
    func contains(_ id: StyleID) -> Bool { id.index >= 0 && id.index < formats.count }

    /// The fonts, fills, number formats and cell formats of the registered formats, each de-duplicated, in order.
    private struct Tables {
        var numFmts: [String: Int] = [:], numFmtOrder: [String] = []
        var fonts: [Font: Int] = [:], fontOrder: [Font] = []
        var fills: [String: Int] = [:], fillOrder: [String] = []
        var xfs: [Xf] = []
    }

    private func tables() -> Tables {
        var t = Tables()
        for format in formats {
            var numFmt = 0
            if let code = format.numberFormat {
                if let builtIn = Self.builtInIds[code] {
                    numFmt = builtIn
                } else if let id = t.numFmts[code] {
                    numFmt = id
                } else {
                    numFmt = 164 + t.numFmtOrder.count
                    t.numFmts[code] = numFmt
                    t.numFmtOrder.append(code)
                }
            }
            let font = Font(bold: format.bold, italic: format.italic, size: format.fontSize, name: format.fontName, color: format.fontColor)
            let fontIndex = t.fonts[font] ?? {
                t.fonts[font] = t.fontOrder.count
                t.fontOrder.append(font)
                return t.fontOrder.count - 1
            }()
            var fillIndex = 0
            if let fill = format.fill {
                fillIndex = t.fills[fill] ?? {
                    t.fills[fill] = t.fillOrder.count + 2
                    t.fillOrder.append(fill)
                    return t.fillOrder.count + 1
                }()
            }
            t.xfs.append(Xf(numFmt: numFmt, font: fontIndex, fill: fillIndex, border: format.border ? 1 : 0,
                            alignment: Alignment(horizontal: format.horizontal?.rawValue, vertical: format.vertical?.rawValue, wrap: format.wrap),
                            locked: format.locked))
        }
        return t
    }

    /// `styles.xml`: number formats from id 164, fonts, fills (the two Excel requires first), borders, cell formats.
    func xml() -> [UInt8] {
        let t = tables()
        var out: [UInt8] = []
        XMLBytes.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">", to: &out)
        if !t.numFmtOrder.isEmpty {
            XMLBytes.append("<numFmts count=\"", to: &out); XMLBytes.append(t.numFmtOrder.count, to: &out); XMLBytes.append("\">", to: &out)
            for code in t.numFmtOrder {
                XMLBytes.append("<numFmt numFmtId=\"", to: &out); XMLBytes.append(t.numFmts[code]!, to: &out)
                XMLBytes.append("\" formatCode=\"", to: &out); XMLBytes.appendAttribute(code, to: &out); XMLBytes.append("\"/>", to: &out)
            }
            XMLBytes.append("</numFmts>", to: &out)
        }
        Self.appendFonts(t.fontOrder, to: &out)
        XMLBytes.append("<fills count=\"", to: &out); XMLBytes.append(t.fillOrder.count + 2, to: &out)
        XMLBytes.append("\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>", to: &out)
        for fill in t.fillOrder {
            XMLBytes.append("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF", to: &out); XMLBytes.appendAttribute(fill, to: &out)
            XMLBytes.append("\"/><bgColor indexed=\"64\"/></patternFill></fill>", to: &out)
        }
        XMLBytes.append("</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>", to: &out)
        XMLBytes.append("<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>", to: &out)
        XMLBytes.append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>", to: &out)
        XMLBytes.append("<cellXfs count=\"", to: &out); XMLBytes.append(t.xfs.count, to: &out); XMLBytes.append("\">", to: &out)
        for xf in t.xfs { Self.append(xf, to: &out) }
        XMLBytes.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>", to: &out)
        return out
    }

    private static func appendFonts(_ fonts: [Font], to out: inout [UInt8]) {
        XMLBytes.append("<fonts count=\"", to: &out); XMLBytes.append(fonts.count, to: &out); XMLBytes.append("\">", to: &out)
        for font in fonts {
            XMLBytes.append("<font>", to: &out)
            if font.bold { XMLBytes.append("<b/>", to: &out) }
            if font.italic { XMLBytes.append("<i/>", to: &out) }
            XMLBytes.append("<sz val=\"", to: &out); XMLBytes.append(font.size, to: &out); XMLBytes.append("\"/>", to: &out)
            if let color = font.color {
                XMLBytes.append("<color rgb=\"FF", to: &out); XMLBytes.appendAttribute(color, to: &out); XMLBytes.append("\"/>", to: &out)
            } else {
                XMLBytes.append("<color theme=\"1\"/>", to: &out)
            }
            XMLBytes.append("<name val=\"", to: &out); XMLBytes.appendAttribute(font.name, to: &out)
            XMLBytes.append("\"/><family val=\"2\"/><charset val=\"134\"/>", to: &out)
            // Only the theme's body font may say so: Excel shows a font marked minor in the theme's font, whatever its name.
            if font.name == CellFormat.standard.fontName { XMLBytes.append("<scheme val=\"minor\"/>", to: &out) }
            XMLBytes.append("</font>", to: &out)
        }
        XMLBytes.append("</fonts>", to: &out)
    }

    private static func append(_ xf: Xf, to out: inout [UInt8]) {
        XMLBytes.append("<xf numFmtId=\"", to: &out); XMLBytes.append(xf.numFmt, to: &out)
        XMLBytes.append("\" fontId=\"", to: &out); XMLBytes.append(xf.font, to: &out)
        XMLBytes.append("\" fillId=\"", to: &out); XMLBytes.append(xf.fill, to: &out)
        XMLBytes.append("\" borderId=\"", to: &out); XMLBytes.append(xf.border, to: &out)
        XMLBytes.append("\" xfId=\"0\"", to: &out)
        if xf.numFmt != 0 { XMLBytes.append(" applyNumberFormat=\"1\"", to: &out) }
        if xf.font != 0 { XMLBytes.append(" applyFont=\"1\"", to: &out) }
        if xf.fill != 0 { XMLBytes.append(" applyFill=\"1\"", to: &out) }
        if xf.border != 0 { XMLBytes.append(" applyBorder=\"1\"", to: &out) }
        let hasAlignment = xf.alignment.horizontal != nil || xf.alignment.vertical != nil || xf.alignment.wrap
        if hasAlignment { XMLBytes.append(" applyAlignment=\"1\"", to: &out) }
        if !xf.locked { XMLBytes.append(" applyProtection=\"1\"", to: &out) }
        if !hasAlignment && xf.locked {
            XMLBytes.append("/>", to: &out)
            return
        }
        XMLBytes.append(">", to: &out)
        if hasAlignment {
            XMLBytes.append("<alignment", to: &out)
            if let h = xf.alignment.horizontal { XMLBytes.append(" horizontal=\"", to: &out); XMLBytes.append(h, to: &out); XMLBytes.append("\"", to: &out) }
            if let v = xf.alignment.vertical { XMLBytes.append(" vertical=\"", to: &out); XMLBytes.append(v, to: &out); XMLBytes.append("\"", to: &out) }
            if xf.alignment.wrap { XMLBytes.append(" wrapText=\"1\"", to: &out) }
            XMLBytes.append("/>", to: &out)
        }
        if !xf.locked { XMLBytes.append("<protection locked=\"0\"/>", to: &out) }
        XMLBytes.append("</xf>", to: &out)
    }

    /// Codes Excel knows by id; writing the id keeps files identical to what Excel itself saves.
    private static let builtInIds: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11,
        "m/d/yy": 14, "d-mmm-yy": 15, "d-mmm": 16, "mmm-yy": 17, "h:mm AM/PM": 18, "h:mm:ss AM/PM": 19,
        "h:mm": 20, "h:mm:ss": 21, "m/d/yy h:mm": 22, "mm:ss": 45, "[h]:mm:ss": 46, "mmss.0": 47, "@": 49,
    ]
}
