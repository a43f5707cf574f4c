/// The small XML parts of a package: content types, relationships, workbook, document properties.
enum PackageParts {
    static let header: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"

    static func contentTypes(sheets: Int, sharedStrings: Bool, custom: Bool) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>", to: &out)
        for i in 1...max(sheets, 1) where sheets > 0 {
            XMLBytes.append("<Override PartName=\"/xl/worksheets/sheet", to: &out); XMLBytes.append(i, to: &out)
            XMLBytes.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", to: &out)
        }
        XMLBytes.append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>", to: &out)
        if sharedStrings {
            XMLBytes.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>", to: &out)
        }
        XMLBytes.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>", to: &out)
        if custom {
            XMLBytes.append("<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>", to: &out)
        }
        XMLBytes.append("</Types>", to: &out)
        return out
    }

    static func rootRelationships(custom: Bool) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>", to: &out)
        if custom {
            XMLBytes.append("<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>", to: &out)
        }
        XMLBytes.append("</Relationships>", to: &out)
        return out
    }

    static func workbookRelationships(sheets: Int, sharedStrings: Bool) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">", to: &out)
        for i in stride(from: 1, through: sheets, by: 1) {
            XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(i, to: &out)
            XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet", to: &out)
            XMLBytes.append(i, to: &out); XMLBytes.append(".xml\"/>", to: &out)
        }
        XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(sheets + 1, to: &out)
        XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>", to: &out)
        if sharedStrings {
            XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(sheets + 2, to: &out)
            XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>", to: &out)
        }
        XMLBytes.append("</Relationships>", to: &out)
        return out
    }

    /// `workbook.xml`: sheets in order, and the defined names Excel uses for print titles and filters.
    static func workbook(_ sheets: [SheetWriter]) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/><bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" windowHeight=\"12300\"/></bookViews><sheets>", to: &out)
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

    static func core(_ properties: DocumentProperties) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">", to: &out)
        func element(_ open: StaticString, _ value: String?, _ close: StaticString) {
            guard let value else { return }
            XMLBytes.append(open, to: &out); XMLBytes.appendText(value, to: &out); XMLBytes.append(close, to: &out)
        }
        element("<dc:title>", properties.title, "</dc:title>")
        element("<dc:subject>", properties.subject, "</dc:subject>")
        element("<dc:creator>", properties.creator, "</dc:creator>")
        element("<dc:description>", properties.description, "</dc:description>")
        if let created = properties.created {
            let stamp = created.isTimeOnly ? created.description : (created.millisecondOfDay == 0 ? created.description + "T00:00:00" : created.description) + "Z"
            element("<dcterms:created xsi:type=\"dcterms:W3CDTF\">", stamp, "</dcterms:created>")
            element("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">", stamp, "</dcterms:modified>")
        }
        XMLBytes.append("</cp:coreProperties>", to: &out)
        return out
    }

    static func app(_ sheets: [SheetWriter]) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>Taizhang</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>", to: &out)
        XMLBytes.append(sheets.count, to: &out)
        XMLBytes.append("</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"", to: &out)
        XMLBytes.append(sheets.count, to: &out)
        XMLBytes.append("\" baseType=\"lpstr\">", to: &out)
        for sheet in sheets {
            XMLBytes.append("<vt:lpstr>", to: &out); XMLBytes.appendText(sheet.name, to: &out); XMLBytes.append("</vt:lpstr>", to: &out)
        }
        XMLBytes.append("</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0000</AppVersion></Properties>", to: &out)
        return out
    }

    static func custom(_ properties: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">", to: &out)
        for (i, (name, value)) in properties.enumerated() {
            XMLBytes.append("<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"", to: &out)
            XMLBytes.append(i + 2, to: &out)
            XMLBytes.append("\" name=\"", to: &out); XMLBytes.appendAttribute(name, to: &out)
            XMLBytes.append("\"><vt:lpwstr>", to: &out); XMLBytes.appendText(value, to: &out); XMLBytes.append("</vt:lpwstr></property>", to: &out)
        }
        XMLBytes.append("</Properties>", to: &out)
        return out
    }
}

extension String {
    var replacingApostrophes: String {
        var out = ""
        for c in self { out.append(c); if c == "'" { out.append("'") } }
        return out
    }
}
