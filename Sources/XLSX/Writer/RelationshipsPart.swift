/// `_rels/.rels` and `xl/_rels/workbook.xml.rels`.
extension PackageParts {
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
}
