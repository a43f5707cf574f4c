extension PackageParts {
    /// `workbook.xml`: sheets in order, and the defined names Excel uses for print titles and filters.
    static func workbook(_ sheets: [SheetWriter], dateSystem: DateSystem) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">", to: &out)
        XMLBytes.append(dateSystem == .system1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>", to: &out)
        XMLBytes.append("<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews><sheets>", to: &out)
        for sheet in sheets {
            XMLBytes.append("<sheet name=\"", to: &out); XMLBytes.appendAttribute(sheet.name, to: &out)
            XMLBytes.append("\" sheetId=\"", to: &out); XMLBytes.append(sheet.position, to: &out)
            XMLBytes.append("\" r:id=\"rId", to: &out); XMLBytes.append(sheet.position, to: &out); XMLBytes.append("\"/>", to: &out)
        }
        XMLBytes.append("</sheets>", to: &out)
        var names: [(String, Int, String, Bool)] = []
        for sheet in sheets {
            let quoted = quote(sheet.name)
            if let filter = sheet.autoFilter {
                names.append(("_xlnm._FilterDatabase", sheet.position - 1,
                              "\(quoted)!$\(CellReference.columnName(filter.first.column))$\(filter.first.row):$\(CellReference.columnName(filter.last.column))$\(filter.last.row)", true))
            }
            if let rows = sheet.printSetup?.repeatRows {
                names.append(("_xlnm.Print_Titles", sheet.position - 1, "\(quoted)!$\(rows.lowerBound):$\(rows.upperBound)", false))
            }
        }
        if !names.isEmpty {
            XMLBytes.append("<definedNames>", to: &out)
            for (name, sheetIndex, value, hidden) in names.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                XMLBytes.append("<definedName name=\"", to: &out); XMLBytes.append(name, to: &out)
                XMLBytes.append("\" localSheetId=\"", to: &out); XMLBytes.append(sheetIndex, to: &out); XMLBytes.append("\"", to: &out)
                if hidden { XMLBytes.append(" hidden=\"1\"", to: &out) }
                XMLBytes.append(">", to: &out); XMLBytes.appendText(value, to: &out); XMLBytes.append("</definedName>", to: &out)
            }
            XMLBytes.append("</definedNames>", to: &out)
        }
        XMLBytes.append("<calcPr calcId=\"191029\"/></workbook>", to: &out)
        return out
    }

    /// A sheet name as a formula reference needs it: always quoted, apostrophes doubled.
    static func quote(_ name: String) -> String {
        "'" + name.replacingApostrophes + "'"
    }
}

extension String {
    var replacingApostrophes: String {
        var out = ""
        for c in self { out.append(c); if c == "'" { out.append("'") } }
        return out
    }
}
