import Foundation

/// Builds small workbooks from XML snippets, each test naming the quirk it pins.
public enum Fixture {
    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A temporary folder removed by the caller (or left for the OS to clean).
    public static func directory() -> String {
        let path = NSTemporaryDirectory() + "taizhang-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A worksheet part from the contents of `<sheetData>` (and anything after it).
    public static func sheet(_ sheetData: String, after: String = "", before: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\">\(before)<sheetData>\(sheetData)</sheetData>\(after)</worksheet>"
    }

    /// A complete package: one or more sheets (name, part XML), optional shared strings and styles XML.
    public static func package(sheets: [(String, String)], sharedStrings: String? = nil, styles: String? = nil,
                               workbookPr: String = "", sheetState: [String: String] = [:]) -> ZipBuilder {
        var zip = ZipBuilder()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.add("_rels/.rels", """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """)
        var sheetList = "", rels = ""
        for (i, (name, _)) in sheets.enumerated() {
            let state = sheetState[name].map { " state=\"\($0)\"" } ?? ""
            sheetList += "<sheet name=\"\(name)\" sheetId=\"\(i + 1)\"\(state) r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        if sharedStrings != nil { rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>" }
        if styles != nil { rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>" }
        zip.add("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\">\(workbookPr)<sheets>\(sheetList)</sheets></workbook>")
        zip.add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>")
        for (i, (_, xml)) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", xml) }
        if let sharedStrings { zip.add("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(sharedStrings)</sst>") }
        if let styles { zip.add("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>") }
        return zip
    }

    /// Writes a package into a fresh temporary folder and returns its path.
    public static func write(_ zip: ZipBuilder, name: String = "fixture.xlsx") throws -> String {
        let path = directory() + "/" + name
        try zip.write(to: path)
        return path
    }

    /// A workbook whose only sheet has this `<sheetData>` content.
    public static func workbook(_ sheetData: String, sharedStrings: String? = nil, styles: String? = nil, name: String = "fixture.xlsx") throws -> String {
        try write(package(sheets: [("Sheet1", sheet(sheetData))], sharedStrings: sharedStrings, styles: styles), name: name)
    }
}
