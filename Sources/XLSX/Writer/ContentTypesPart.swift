/// `[Content_Types].xml`.
extension PackageParts {
    static func contentTypes(sheets: Int, sharedStrings: Bool, custom: Bool, drawings: Int = 0, charts: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(header, to: &out)
        XMLBytes.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>", to: &out)
        for i in 1...max(sheets, 1) where sheets > 0 {
            XMLBytes.append("<Override PartName=\"/xl/worksheets/sheet", to: &out); XMLBytes.append(i, to: &out)
            XMLBytes.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", to: &out)
        }
        for i in stride(from: 1, through: drawings, by: 1) {
            XMLBytes.append("<Override PartName=\"/xl/drawings/drawing", to: &out); XMLBytes.append(i, to: &out)
            XMLBytes.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>", to: &out)
        }
        for i in stride(from: 1, through: charts, by: 1) {
            XMLBytes.append("<Override PartName=\"/xl/charts/chart", to: &out); XMLBytes.append(i, to: &out)
            XMLBytes.append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>", to: &out)
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
}
