/// `xl/charts/chartN.xml`: DrawingML chart XML for the chart kinds `Chart` offers.
enum ChartPart {
    static func xml(_ chart: Chart) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(PackageParts.header, to: &out)
        XMLBytes.append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:roundedCorners val=\"0\"/><c:chart>", to: &out)
        if let title = chart.title {
            XMLBytes.append("<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1400\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"zh-CN\" sz=\"1400\" b=\"1\"/><a:t>", to: &out)
            XMLBytes.appendText(title, to: &out)
            XMLBytes.append("</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/>", to: &out)
        } else {
            XMLBytes.append("<c:autoTitleDeleted val=\"1\"/>", to: &out)
        }
        XMLBytes.append("<c:plotArea><c:layout/>", to: &out)
        switch chart.kind {
        case .bar(let horizontal, let stacked):
            XMLBytes.append(horizontal ? "<c:barChart><c:barDir val=\"bar\"/>" : "<c:barChart><c:barDir val=\"col\"/>", to: &out)
            XMLBytes.append(stacked ? "<c:grouping val=\"stacked\"/>" : "<c:grouping val=\"clustered\"/>", to: &out)
            XMLBytes.append("<c:varyColors val=\"0\"/>", to: &out)
            for (i, series) in chart.series.enumerated() { appendSeries(series, index: i, chart: chart, to: &out) }
            appendLabels(chart.showDataLabels, percent: false, to: &out)
            XMLBytes.append("<c:gapWidth val=\"60\"/>", to: &out)
            if stacked { XMLBytes.append("<c:overlap val=\"100\"/>", to: &out) }
            XMLBytes.append("<c:axId val=\"500000001\"/><c:axId val=\"500000002\"/></c:barChart>", to: &out)
            appendAxes(chart, horizontal: horizontal, to: &out)
        case .line:
            XMLBytes.append("<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>", to: &out)
            for (i, series) in chart.series.enumerated() { appendSeries(series, index: i, chart: chart, to: &out) }
            if chart.showDataLabels {
                XMLBytes.append("<c:dLbls><c:numFmt formatCode=\"", to: &out); XMLBytes.appendAttribute(chart.valueFormat, to: &out)
                XMLBytes.append("\" sourceLinked=\"0\"/><c:dLblPos val=\"t\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>", to: &out)
            }
            XMLBytes.append("<c:marker val=\"1\"/><c:axId val=\"500000001\"/><c:axId val=\"500000002\"/></c:lineChart>", to: &out)
            appendAxes(chart, horizontal: false, to: &out)
        case .doughnut:
            XMLBytes.append("<c:doughnutChart><c:varyColors val=\"1\"/>", to: &out)
            if let series = chart.series.first { appendSeries(series, index: 0, chart: chart, to: &out) }
            appendLabels(chart.showDataLabels, percent: true, to: &out)
            XMLBytes.append("<c:firstSliceAng val=\"0\"/><c:holeSize val=\"55\"/></c:doughnutChart>", to: &out)
        }
        XMLBytes.append("</c:plotArea>", to: &out)
        if chart.showLegend {
            XMLBytes.append("<c:legend><c:legendPos val=\"b\"/>", to: &out)
            for index in chart.emptyLegendEntries {
                XMLBytes.append("<c:legendEntry><c:idx val=\"", to: &out); XMLBytes.append(index, to: &out)
                XMLBytes.append("\"/><c:delete val=\"1\"/></c:legendEntry>", to: &out)
            }
            XMLBytes.append("<c:overlay val=\"0\"/></c:legend>", to: &out)
        }
        XMLBytes.append("<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1000\"><a:latin typeface=\"等线\"/><a:ea typeface=\"等线\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"zh-CN\"/></a:p></c:txPr></c:chartSpace>", to: &out)
        return out
    }

    /// The category and value axes of a bar or line chart; horizontal bars list categories top to bottom, as a table reads.
    private static func appendAxes(_ chart: Chart, horizontal: Bool, to out: inout [UInt8]) {
        XMLBytes.append("<c:catAx><c:axId val=\"500000001\"/><c:scaling><c:orientation val=\"", to: &out)
        XMLBytes.append(horizontal ? "maxMin" : "minMax", to: &out)
        XMLBytes.append("\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"", to: &out)
        XMLBytes.append(horizontal ? "l" : "b", to: &out)
        XMLBytes.append("\"/><c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"500000002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>", to: &out)
        XMLBytes.append("<c:valAx><c:axId val=\"500000002\"/><c:scaling><c:orientation val=\"minMax\"/>", to: &out)
        if let bounds = chart.valueAxisBounds {
            XMLBytes.append("<c:max val=\"", to: &out); XMLBytes.append(bounds.upperBound, to: &out)
            XMLBytes.append("\"/><c:min val=\"", to: &out); XMLBytes.append(bounds.lowerBound, to: &out); XMLBytes.append("\"/>", to: &out)
        }
        XMLBytes.append("</c:scaling><c:delete val=\"0\"/><c:axPos val=\"", to: &out)
        XMLBytes.append(horizontal ? "b" : "l", to: &out)
        XMLBytes.append("\"/><c:majorGridlines/><c:numFmt formatCode=\"", to: &out)
        XMLBytes.appendAttribute(chart.valueFormat, to: &out)
        XMLBytes.append(chart.valueFormat == "General" ? "\" sourceLinked=\"1\"/>" : "\" sourceLinked=\"0\"/>", to: &out)
        XMLBytes.append("<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"500000001\"/>", to: &out)
        XMLBytes.append(horizontal ? "<c:crosses val=\"max\"/>" : "<c:crosses val=\"autoZero\"/>", to: &out)
        XMLBytes.append(chart.kind == .line ? "<c:crossBetween val=\"midCat\"/></c:valAx>" : "<c:crossBetween val=\"between\"/></c:valAx>", to: &out)
    }

    private static func appendSeries(_ series: Chart.Series, index: Int, chart: Chart, to out: inout [UInt8]) {
        XMLBytes.append("<c:ser><c:idx val=\"", to: &out); XMLBytes.append(index, to: &out)
        XMLBytes.append("\"/><c:order val=\"", to: &out); XMLBytes.append(index, to: &out); XMLBytes.append("\"/><c:tx>", to: &out)
        if let cell = series.nameCell {
            XMLBytes.append("<c:strRef><c:f>", to: &out); XMLBytes.appendText(cell, to: &out)
            XMLBytes.append("</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>", to: &out)
            XMLBytes.appendText(series.name, to: &out)
            XMLBytes.append("</c:v></c:pt></c:strCache></c:strRef>", to: &out)
        } else {
            XMLBytes.append("<c:v>", to: &out); XMLBytes.appendText(series.name, to: &out); XMLBytes.append("</c:v>", to: &out)
        }
        XMLBytes.append("</c:tx>", to: &out)
        if let color = series.color, chart.kind == .line {
            XMLBytes.append("<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"", to: &out); XMLBytes.appendAttribute(color, to: &out)
            XMLBytes.append("\"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"7\"/><c:spPr><a:solidFill><a:srgbClr val=\"", to: &out)
            XMLBytes.appendAttribute(color, to: &out); XMLBytes.append("\"/></a:solidFill></c:spPr></c:marker>", to: &out)
        } else if let color = series.color {
            XMLBytes.append("<c:spPr><a:solidFill><a:srgbClr val=\"", to: &out); XMLBytes.appendAttribute(color, to: &out)
            XMLBytes.append("\"/></a:solidFill></c:spPr>", to: &out)
        }
        if chart.kind == .bar(horizontal: true, stacked: false) || chart.kind == .bar(horizontal: false, stacked: false) {
            XMLBytes.append("<c:invertIfNegative val=\"0\"/>", to: &out)
        }
        for (point, color) in series.pointColors.enumerated() {
            XMLBytes.append("<c:dPt><c:idx val=\"", to: &out); XMLBytes.append(point, to: &out)
            XMLBytes.append("\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"", to: &out); XMLBytes.appendAttribute(color, to: &out)
            XMLBytes.append("\"/></a:solidFill></c:spPr></c:dPt>", to: &out)
        }
        XMLBytes.append("<c:cat><c:strRef><c:f>", to: &out); XMLBytes.appendText(chart.categoriesRange, to: &out)
        XMLBytes.append("</c:f><c:strCache><c:ptCount val=\"", to: &out); XMLBytes.append(chart.categories.count, to: &out); XMLBytes.append("\"/>", to: &out)
        for (i, category) in chart.categories.enumerated() {
            XMLBytes.append("<c:pt idx=\"", to: &out); XMLBytes.append(i, to: &out); XMLBytes.append("\"><c:v>", to: &out)
            XMLBytes.appendText(category, to: &out); XMLBytes.append("</c:v></c:pt>", to: &out)
        }
        XMLBytes.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>", to: &out); XMLBytes.appendText(series.valuesRange, to: &out)
        XMLBytes.append("</c:f><c:numCache><c:formatCode>", to: &out); XMLBytes.appendText(chart.valueFormat, to: &out)
        XMLBytes.append("</c:formatCode><c:ptCount val=\"", to: &out)
        XMLBytes.append(series.values.count, to: &out); XMLBytes.append("\"/>", to: &out)
        for (i, value) in series.values.enumerated() {
            XMLBytes.append("<c:pt idx=\"", to: &out); XMLBytes.append(i, to: &out); XMLBytes.append("\"><c:v>", to: &out)
            XMLBytes.append(value, to: &out); XMLBytes.append("</c:v></c:pt>", to: &out)
        }
        XMLBytes.append(chart.kind == .line ? "</c:numCache></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>" : "</c:numCache></c:numRef></c:val></c:ser>", to: &out)
    }

    private static func appendLabels(_ show: Bool, percent: Bool, to out: inout [UInt8]) {
        guard show else { return }
        // An empty zero section keeps "0" labels off empty segments, which would clutter a stacked bar.
        XMLBytes.append("<c:dLbls><c:numFmt formatCode=\"", to: &out)
        XMLBytes.append(percent ? "0%;;;" : "0;-0;;@", to: &out)
        XMLBytes.append("\" sourceLinked=\"0\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"", to: &out)
        XMLBytes.append(percent ? "0" : "1", to: &out)
        XMLBytes.append("\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"", to: &out)
        XMLBytes.append(percent ? "1" : "0", to: &out)
        XMLBytes.append("\"/><c:showBubbleSize val=\"0\"/></c:dLbls>", to: &out)
    }
}

/// `xl/drawings/drawingN.xml` and its relationships: where on the sheet each chart sits.
enum DrawingPart {
    static func xml(anchors: [ChartAnchor]) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(PackageParts.header, to: &out)
        XMLBytes.append("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">", to: &out)
        for (i, anchor) in anchors.enumerated() {
            XMLBytes.append("<xdr:oneCellAnchor><xdr:from><xdr:col>", to: &out); XMLBytes.append(anchor.from.column - 1, to: &out)
            XMLBytes.append("</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>", to: &out); XMLBytes.append(anchor.from.row - 1, to: &out)
            XMLBytes.append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx=\"", to: &out); XMLBytes.append(anchor.widthEMU, to: &out)
            XMLBytes.append("\" cy=\"", to: &out); XMLBytes.append(anchor.heightEMU, to: &out)
            XMLBytes.append("\"/><xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"", to: &out)
            XMLBytes.append(i + 2, to: &out)
            XMLBytes.append("\" name=\"图表 ", to: &out); XMLBytes.append(i + 1, to: &out)
            XMLBytes.append("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rId", to: &out)
            XMLBytes.append(i + 1, to: &out)
            XMLBytes.append("\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>", to: &out)
        }
        XMLBytes.append("</xdr:wsDr>", to: &out)
        return out
    }

    /// Relationships of a drawing to its charts, numbered from `firstChart`.
    static func relationships(charts: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        XMLBytes.append(PackageParts.header, to: &out)
        XMLBytes.append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">", to: &out)
        for (i, chart) in charts.enumerated() {
            XMLBytes.append("<Relationship Id=\"rId", to: &out); XMLBytes.append(i + 1, to: &out)
            XMLBytes.append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"../charts/chart", to: &out)
            XMLBytes.append(chart, to: &out); XMLBytes.append(".xml\"/>", to: &out)
        }
        XMLBytes.append("</Relationships>", to: &out)
        return out
    }
}
