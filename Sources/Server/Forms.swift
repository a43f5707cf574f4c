import Foundation
import HTML
import Hummingbird
import MultipartKit

/// A file sent in a form: the name the browser gave (for display only), its bytes, and what its first bytes say it is.
struct Uploaded: Sendable {
    enum Format: String, Sendable {
        case xlsx, xls, csv, html, yaml

        /// The extension of the generated name, chosen by content, never by the browser's name.
        var fileExtension: String { rawValue }
    }

    var name: String
    var data: Data
    var format: Format
}

/// The fields and files of a posted form, `multipart/form-data` or `application/x-www-form-urlencoded`.
struct PostedForm: Sendable {
    var fields: [String: String] = [:]
    var files: [String: Uploaded] = [:]
    /// Files sent whose content is none of the formats read, by field: told to the user, never stored as a table.
    var refused: [String: String] = [:]

    /// Reads the body within `limit` bytes (413 beyond it) and at most `maxParts` parts.
    static func read(_ request: Request, limit: Int, maxParts: Int = 16) async throws -> PostedForm {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch {
            throw HTTPError(.contentTooLarge, message: "文件太大：每次上传不超过 \(limit / 1_048_576) MB。")
        }
        let type = request.headers[.contentType] ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            return try multipart(body, boundary: boundary(of: type), maxParts: maxParts)
        }
        var form = PostedForm()
        let text = String(buffer: body)
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let key = parts.first, !key.isEmpty { form.fields[key] = parts.count > 1 ? parts[1] : "" }
        }
        return form
    }

    /// The boundary parameter of a multipart content type; a missing or empty one is the client's error.
    static func boundary(of contentType: String) throws -> String {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if !value.isEmpty && value.count <= 200 { return value }
            }
        }
        throw HTTPError(.badRequest, message: "表单格式不对（缺少 multipart 边界）。")
    }

    static func multipart(_ body: ByteBuffer, boundary: String, maxParts: Int) throws -> PostedForm {
        let parser = MultipartParser(boundary: boundary)
        var form = PostedForm()
        var headers: [String: String] = [:]
        var data = Data()
        var parts = 0
        var tooMany = false
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            defer { headers = [:]; data = Data() }
            parts += 1
            guard parts <= maxParts else { tooMany = true; return }
            let disposition = headers["content-disposition"] ?? ""
            guard let name = parameter("name", in: disposition) else { return }
            if let filename = parameter("filename", in: disposition) {
                guard !filename.isEmpty || !data.isEmpty else { return }
                if let format = sniff(data) {
                    form.files[name] = Uploaded(name: displayName(filename), data: data, format: format)
                } else {
                    form.refused[name] = displayName(filename)
                }
            } else {
                form.fields[name] = String(decoding: data, as: UTF8.self)
            }
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "表单内容不完整，请重新选择文件上传。")
        }
        if tooMany { throw HTTPError(.badRequest, message: "一次上传的文件太多（最多 \(maxParts) 项）。") }
        return form
    }

    /// A parameter of a Content-Disposition header: `name="file"`, `filename="计划表.xlsx"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The browser's file name as shown on the page: its last path component, without control characters, at most 80
    /// characters (240 bytes, within a file name's 255). It names no file in uploads/, only a copy in a round's folder.
    static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let trimmed = clean.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "（未命名）" : String(trimmed.prefix(80))
    }

    /// What the first bytes say a file is: a zip (xlsx, or a Word document read as one), an OLE2 compound file (xls, et),
    /// a web page, or text (CSV, or a unit registry in YAML); nil for anything else (PDF, images, archives of other kinds).
    static func sniff(_ data: Data) -> Uploaded.Format? {
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .xls }
        if WebPage.looksLikeHTML(head) { return .html }
        // Text: no NUL byte in the first kilobyte (UTF-16 text has them, and is read as CSV by its BOM).
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .csv }
        return head.isEmpty || head.contains(0) ? nil : .csv
    }
}
