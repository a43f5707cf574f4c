/// The small XML parts of a package, one file each: content types, relationships, the workbook part,
/// document properties. Each returns the part's exact bytes.
enum PackageParts {
    static let header: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
}
