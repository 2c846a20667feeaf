/// `categories.cats`: `id<TAB>name<TAB>description` lines, sub-categories as `id.sub`.
///
/// Starts from the defaults of ARCHITECTURE.md (0 legitimate, 1 spam, 2 bulk, 3 phishing,
/// 7 virus, each with sub-category 0 "undefined"); a file line defines a new category or
/// replaces a default's name and description. A sub-category needs its category defined.
/// Ids are 0...65535.
public struct CategoryTable: Hashable, Sendable {
    /// A category's or sub-category's name and description.
    public struct Description: Hashable, Sendable {
        public var name: String
        public var description: String
    }

    public private(set) var entries: [CategoryCode: Description]

    /// The defaults only.
    public init() {
        entries = [:]
        for (id, name, text) in [(UInt16(0), "legitimate", "Legitimate mail"), (1, "spam", "Unsolicited bulk mail"),
                                 (2, "bulk", "Solicited bulk mail and newsletters"), (3, "phishing", "Credential or payment fraud"),
                                 (7, "virus", "Malware or a virus test file")] {
            entries[CategoryCode(id, 0)] = Description(name: name, description: text)
        }
        sub0 = Description(name: "undefined", description: "No sub-category")
    }

    private var sub0: Description

    /// The defaults with the lines of `text` (the contents of `path`) applied.
    public init(parsing text: String, path: String) throws(ConfigurationError) {
        self.init()
        try apply(text, path: path)
    }

    /// Applies `.cats` lines over this table (the directory's file, then micro-update lines).
    public mutating func apply(_ text: String, path: String) throws(ConfigurationError) {
        var seen = Set<CategoryCode>()
        for (number, line) in try TextLines.split(text, path: path) {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw .make(.syntax, "expected id<TAB>name<TAB>description", path: path, line: number)
            }
            let id = fields[0].trimmingWhitespace()
            let parts = id.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let category = UInt16(parts[0]),
                  let subcategory = parts.count == 2 ? UInt16(parts[1]) : 0 else {
                throw .make(.badValue, "'\(id)' is not a category id (N or N.M, 0...65535)", path: path, line: number)
            }
            let code = CategoryCode(category, subcategory)
            let name = String(fields[1].trimmingWhitespace())
            guard !name.isEmpty else { throw .make(.syntax, "empty name", path: path, line: number) }
            guard seen.insert(code).inserted else {
                throw .make(.duplicate, "category \(code) defined twice", path: path, line: number)
            }
            if subcategory != 0, entries[CategoryCode(category, 0)] == nil {
                throw .make(.badValue, "sub-category \(code) of undefined category \(category)", path: path, line: number)
            }
            entries[code] = Description(name: name, description: String(fields[2].trimmingWhitespace()))
        }
    }

    /// The name and description of the category and of the sub-category of `code`
    /// (`CMAE_DescribeCategory`).
    public func describeCategory(_ code: CategoryCode) -> (category: Description?, subcategory: Description?) {
        let category = entries[CategoryCode(code.category, 0)]
        let subcategory = code.subcategory == 0 ? (category == nil ? nil : sub0) : entries[code]
        return (category, subcategory)
    }

    /// The code of the category or sub-category called `name`, if the table has one.
    public func code(named name: String) -> CategoryCode? {
        entries.keys.sorted().first { entries[$0]!.name.lowercased() == name }
    }

    /// The lines of a `.cats` file for this table, sorted by id.
    public var lines: [String] {
        entries.keys.sorted().map { code in
            let id = code.subcategory == 0 ? "\(code.category)" : "\(code.category).\(code.subcategory)"
            return "\(id)\t\(entries[code]!.name)\t\(entries[code]!.description)"
        }
    }
}
