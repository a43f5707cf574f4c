/// `docProps/core.xml`, `docProps/app.xml` and `docProps/custom.xml`.
extension PackageParts {
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
