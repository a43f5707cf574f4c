import Foundation

/// The files a command is given: files as they are, folders as the readable files they hold.
public enum InputFiles {
    /// File name endings the input door reads; everything else in a folder is left alone.
    public static let readableExtensions = [".xlsx", ".xlsm", ".xls", ".et", ".docx", ".htm", ".html", ".csv"]

    /// The files given, and the readable files in the folders given, in name order (not Excel's `~$` lock
    /// files or hidden files).
    public static func expand(_ paths: [String]) throws -> [String] {
        try expandAll(paths).filter { path in readableExtensions.contains(where: path.lowercased().hasSuffix) || !isInFolder(path, of: paths) }
    }

    /// Every file given, and every file in the folders given (not lock or hidden files), in name order: a caller
    /// that must say why it left a file out sees them all.
    public static func expandAll(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw InputFileError.notFound(path) }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            files += try entries(of: path).filter { !$0.isFolder && !$0.name.hasPrefix("~$") }.map(\.path)
        }
        return files
    }

    /// The folders inside the folders given (not hidden ones) that were not given themselves: their files are
    /// not read, and a caller says so rather than passing over them without a word.
    public static func subfolders(_ paths: [String]) throws -> [String] {
        let given = Set(paths.map(canonical))
        var folders: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            folders += try entries(of: path).filter { $0.isFolder && !given.contains(canonical($0.path)) }.map(\.path)
        }
        return folders
    }

    /// The entries of a folder in name order, hidden ones left out.
    private static func entries(of folder: String) throws -> [(name: String, path: String, isFolder: Bool)] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().filter { !$0.hasPrefix(".") }.map { name in
            var isFolder: ObjCBool = false
            let path = folder + "/" + name
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            return (name, path, isFolder.boolValue)
        }
    }

    private static func isInFolder(_ file: String, of paths: [String]) -> Bool { !paths.contains(file) }

    /// The path with `.`, `..` and doubled slashes resolved, so that two spellings of one file compare equal.
    public static func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

/// A path given on the command line that is not there.
public enum InputFileError: Error, Sendable, CustomStringConvertible {
    case notFound(String)

    public var description: String {
        switch self {
        case .notFound(let path): "找不到文件或文件夹：\(path)，请检查路径。"
        }
    }
}
