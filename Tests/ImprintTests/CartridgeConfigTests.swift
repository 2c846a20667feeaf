@testable import Imprint
import Testing

/// `cartridge.cfg` and `categories.cats`: the gateway keys, Imprint's thresholds, and errors
/// that name file, line and key.
@Suite struct CartridgeConfigTests {
    @Test func parsesTheGatewayKeys() throws {
        let config = try CartridgeConfig(parsing: CartridgeTestData.config + "\npdq radius = 40\n", path: "c.cfg")
        #expect(config.favorAnalysisOverSpeed == false)
        #expect(config.signatureType == .comprehensiveSenderReputation)
        #expect(config.imageProcessingDepth == .high)
        #expect(config.pdqRadius == 40)
        #expect(try CartridgeConfig(parsing: config.lines.joined(separator: "\n"), path: "round") == config)
    }

    @Test(arguments: [
        ("a = 1\n", ConfigurationError.Code.unknownKey, 1, "a"),
        ("# c\n\nshow categories = maybe\n", .badValue, 3, "show categories"),
        ("micro-update signature type = comprehensive.5", .badValue, 1, "micro-update signature type"),
        ("image processing depth = extreme", .badValue, 1, "image processing depth"),
        ("minimum score = 101", .badValue, 1, "minimum score"),
        ("use ip information = yes\nuse ip information = no", .duplicate, 2, "use ip information"),
    ])
    func configErrorsNameFileLineAndKey(text: String, code: ConfigurationError.Code, line: Int, key: String) {
        #expect {
            try CartridgeConfig(parsing: text, path: "dir/cartridge.cfg")
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.code == code && error.lineNumber == line && error.key == key && error.path == "dir/cartridge.cfg"
                && error.description.hasPrefix("dir/cartridge.cfg:\(line): '\(key)'")
        }
    }

    @Test func crlfLineEndsAreLineEnds() throws {
        let config = try CartridgeConfig(parsing: "minimum score = 90\r\n\r\n# c\r\ntlsh radius = 5\r\n", path: "c.cfg")
        #expect(config.minimumScore == 90 && config.tlshRadius == 5)
        #expect { try CartridgeConfig(parsing: "minimum score = 90\r\nx = 1", path: "c.cfg") } throws: {
            ($0 as? ConfigurationError)?.lineNumber == 2
        }
    }

    @Test func missingEqualsIsASyntaxError() {
        #expect { try CartridgeConfig(parsing: "\nfavor analysis over speed\n", path: "x") } throws: {
            ($0 as? ConfigurationError)?.code == .syntax && ($0 as? ConfigurationError)?.lineNumber == 2
        }
    }

    @Test func categoriesHaveTheDefaultsAndTheFileLines() throws {
        let table = try CategoryTable(parsing: CartridgeTestData.categories, path: "c.cats")
        for (id, name) in [(0, "legitimate"), (1, "spam"), (2, "bulk"), (3, "phishing"), (7, "virus"), (8, "scam")] {
            #expect(table.describeCategory(CategoryCode(UInt16(id))).category?.name == name)
            #expect(table.describeCategory(CategoryCode(UInt16(id))).subcategory?.name == "undefined")
        }
        #expect(table.describeCategory(CategoryCode(1, 2)).subcategory?.description == "Snowshoe spam")
        #expect(table.describeCategory(CategoryCode(4)).category == nil)
    }

    @Test(arguments: [
        ("1\tspam\tx\n1\tspam again\tx", ConfigurationError.Code.duplicate, 2),
        ("1 spam description", .syntax, 1),
        ("#\nx\tname\tdesc", .badValue, 2),
        ("\n\n9.1\torphan\tsub of nothing", .badValue, 3),
        ("70000\tbig\tid too large", .badValue, 1),
    ])
    func categoryErrorsNameFileAndLine(text: String, code: ConfigurationError.Code, line: Int) {
        #expect { try CategoryTable(parsing: text, path: "categories.cats") } throws: {
            ($0 as? ConfigurationError)?.code == code && ($0 as? ConfigurationError)?.lineNumber == line
        }
    }

    @Test func versionStringsParse() {
        #expect(CartridgeVersion("3.2.1.99") == CartridgeVersion(generation: 3, major: 2, minor: 1, serial: 99))
        #expect(CartridgeVersion("3.2.1") == nil)
        #expect(CartridgeVersion(generation: 1, major: 0, minor: 0, serial: 5).description == "1.0.0.5")
    }
}
