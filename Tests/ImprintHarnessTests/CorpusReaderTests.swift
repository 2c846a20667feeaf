import Foundation
import Imprint
@testable import ImprintHarness
import ImprintTestSupport
import Testing

/// Corpus specs of every form, read from real files, and their errors.
@Suite struct CorpusReaderTests {
    /// A fresh temporary folder for one test.
    static func scratch(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "imprint-corpus-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static let bundled = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpora").path

    @Test func bundledCorpusLoadsWithItsLabelCounts() throws {
        let corpus = try Corpus.load([try CorpusSpec.parse(Self.bundled)])
        #expect(corpus.entries.count == 1173)
        #expect(corpus.countsByLabel == [.ham: 633, .spam: 473, .phishing: 66, .virus: 1])
        // Every listed message is there and non-empty.
        for entry in corpus.entries {
            #expect(try !corpus.bytes(of: entry).isEmpty, "\(entry.id)")
        }
    }

    @Test func specFormsParse() throws {
        let probe = FileSystemProbe { $0.hasSuffix(".idx") ? .file : .missing }
        #expect(try CorpusSpec.parse("spam:mbox:/x/y.mbox.gz", fileSystem: probe) == .mbox(label: .spam, path: "/x/y.mbox.gz"))
        #expect(try CorpusSpec.parse("ham:dir:a:b", fileSystem: probe) == .directory(label: .ham, path: "a:b"))
        #expect(try CorpusSpec.parse("phishing:maildir:/m", fileSystem: probe) == .maildir(label: .phishing, path: "/m"))
        #expect(try CorpusSpec.parse("full/index.idx", fileSystem: probe) == .trecIndex(path: "full/index.idx"))
        for bad in ["nothing-here", "ham:mbox:", ":dir:/x", "h m:dir:/x"] {
            #expect { try CorpusSpec.parse(bad, fileSystem: probe) } throws: {
                ($0 as? CorpusError)?.code == .badSpec
            }
        }
    }

    @Test func trecIndexKeepsOrderAndResolvesRelativePaths() throws {
        let root = try Self.scratch("trec")
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/full", withIntermediateDirectories: true)
        for n in 1...3 { try Self.write("Subject: \(n)\n\nbody \(n)\n", to: root + "/data/inmail.\(n)") }
        try Self.write("spam ../data/inmail.3\nham ../data/inmail.1\n\nSPAM ../data/inmail.2\n", to: root + "/full/index")
        let corpus = try Corpus.load([try CorpusSpec.parse(root + "/full/index")])
        #expect(corpus.entries.map(\.label) == [.spam, .ham, .spam])
        #expect(try corpus.entries.map { String(decoding: try corpus.bytes(of: $0), as: UTF8.self) }
            == ["Subject: 3\n\nbody 3\n", "Subject: 1\n\nbody 1\n", "Subject: 2\n\nbody 2\n"])
    }

    @Test func malformedIndexLineIsNamedByLine() throws {
        let root = try Self.scratch("badline")
        try Self.write("# comment\na\tham\nno-tab-here\n", to: root + "/labels.tsv")
        #expect { try Corpus.load([try CorpusSpec.parse(root)]) } throws: {
            guard let error = $0 as? CorpusError else { return false }
            return error.code == .badLine && error.line == 3 && error.description.contains("line 3")
        }
    }

    @Test func missingMessageIsAnErrorAtReadTimeNotADrop() throws {
        let root = try Self.scratch("missing")
        try Self.write("present\tham\nabsent\tspam\n", to: root + "/labels.tsv")
        try Self.write("Subject: x\n\ny\n", to: root + "/present")
        let corpus = try Corpus.load([try CorpusSpec.parse(root)])
        #expect(corpus.entries.count == 2)
        #expect(try corpus.bytes(of: corpus.entries[0]).count == 14)
        #expect { try corpus.bytes(of: corpus.entries[1]) } throws: { ($0 as? CorpusError)?.code == .unreadable }
    }

    @Test func mboxPlainAndGzippedSplitIntoTheSameMessages() throws {
        let root = try Self.scratch("mbox")
        let mbox = "From a@b Sat Jan  1 00:00:00 2005\nSubject: one\n\n>From the start\n\n"
            + "From c@d Sat Jan  1 00:00:01 2005\nSubject: two\n\nbody\n"
        try Self.write(mbox, to: root + "/box.mbox")
        try Data(Deflater.compress(Array(mbox.utf8), format: .gzip)).write(to: URL(fileURLWithPath: root + "/box.mbox.gz"))
        let plain = try Corpus.load([try CorpusSpec.parse("phishing:mbox:\(root)/box.mbox")])
        let gzipped = try Corpus.load([try CorpusSpec.parse("phishing:mbox:\(root)/box.mbox.gz")])
        #expect(plain.entries.count == 2 && gzipped.entries.count == 2)
        for (a, b) in zip(plain.entries, gzipped.entries) {
            #expect(try plain.bytes(of: a) == gzipped.bytes(of: b))
        }
        #expect(String(decoding: try plain.bytes(of: plain.entries[0]), as: UTF8.self).hasSuffix(">From the start\n\n"))
        #expect(plain.entries[1].id.hasSuffix("box.mbox#2"))
    }

    @Test func gzipBombMailboxIsRefused() throws {
        let root = try Self.scratch("bomb")
        let bomb = Deflater.compress([UInt8](repeating: 0x41, count: 8 << 20), format: .gzip, level: 9)
        try Data(bomb).write(to: URL(fileURLWithPath: root + "/bomb.mbox.gz"))
        let limits = CorpusLimits(maxMailboxBytes: 1 << 20)
        #expect { try Corpus.load([try CorpusSpec.parse("spam:mbox:\(root)/bomb.mbox.gz")], limits: limits) } throws: {
            ($0 as? CorpusError)?.code == .badCompression
        }
    }

    @Test func maildirAndFolderSpecsListFilesInNameOrder() throws {
        let root = try Self.scratch("maildir")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/md/" + sub, withIntermediateDirectories: true)
        }
        try Self.write("Subject: b\n\n", to: root + "/md/cur/2")
        try Self.write("Subject: a\n\n", to: root + "/md/cur/1")
        try Self.write("Subject: c\n\n", to: root + "/md/new/3")
        try Self.write("Subject: ignored\n\n", to: root + "/md/tmp/4")
        try Self.write("Subject: hidden\n\n", to: root + "/md/cur/.hidden")
        let maildir = try Corpus.load([try CorpusSpec.parse("ham:maildir:\(root)/md")])
        #expect(maildir.entries.map { $0.id.split(separator: "/").suffix(2).joined(separator: "/") } == ["cur/1", "cur/2", "new/3"])
        let folder = try Corpus.load([try CorpusSpec.parse("spam:dir:\(root)/md")])
        #expect(folder.entries.count == 4)  // recursive: cur/1, cur/2, new/3, tmp/4
        #expect(folder.countsByLabel == [.spam: 4])
    }

    @Test(.enabled(if: Fixtures.shared != nil, "needs ../shared/corpora"))
    func nazarioMailboxesSplitIntoTheirMessageCounts() throws {
        let folder = Fixtures.shared!.appendingPathComponent("corpora/nazario_phishing").path
        let specs = try ["20051114", "phishing0", "phishing1"].map { try CorpusSpec.parse("phishing:mbox:\(folder)/\($0).mbox") }
        let corpus = try Corpus.load(specs)
        #expect(corpus.entries.count == 1308)
        #expect(corpus.entries.allSatisfy { $0.label == .phishing })
    }
}
