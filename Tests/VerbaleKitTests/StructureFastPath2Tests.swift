import Testing
@testable import VerbaleKit

/// The second round of structure-pass fast paths must answer as the general forms they stand
/// in for: the reference search on characters, and question texts gathered in an array and
/// decoded as a whole.
@Suite("Structure fast paths (second round) keep their answers")
struct StructureFastPath2Tests {
    /// Texts around the reference search's edges: words inside and just outside the
    /// 160-character window, accented and Cyrillic letters, `№`, empty and space-only texts.
    static let referenceTexts: [String] = {
        var texts = ["", " ", "Ref. 123/45", "No. 7", "Réf. : GVA/2021/17", "Nº 45-B", "№ 12", "исх. № 5/2",
                     "Our ref CHR/2019/11 of today", "Núm. 3", "Nr. 4.5", "Reference: none", "No reference here.",
                     "NOTE No. A/12, Geneva", "RÉF. ÉTAT-12", "La Mission n° 8 présente", "Ref.", "No. ,", "ref ;5"]
        let filler = String(repeating: "word ", count: 31)  // 155 characters
        for gap in 0..<8 {
            let pad = String(repeating: "x", count: gap)
            texts.append(filler + pad + " Ref. 99")
            texts.append(filler + pad + " No. 42 and more text after it")
            texts.append(String(repeating: "é", count: 150 + gap) + " Réf. 7")
            texts.append(String(repeating: "д", count: 150 + gap) + " исх. 3")
        }
        // Longer than 640 bytes, with the reference at the start and past the window.
        texts.append("Ref. 1/2 " + String(repeating: "paragraph text ", count: 60))
        texts.append(String(repeating: "paragraph text ", count: 60) + "Ref. 1/2")
        return texts
    }()

    @Test("the byte reference search on a block's bytes answers as the character search")
    func bytewiseReferenceOnBytes() {
        for text in Self.referenceTexts {
            let bytes = Array(text.utf8)
            let answer = bytes.withUnsafeBufferPointer { StructureBuilder.bytewiseReferenceNumber(bytes: $0) }
            #expect(answer.map { $0 } ?? StructureBuilder.characterReferenceNumber(in: text)
                    == StructureBuilder.characterReferenceNumber(in: text), "\(text)")
            if let answer {
                #expect(answer == StructureBuilder.characterReferenceNumber(in: text), "\(text)")
            }
            #expect(StructureBuilder.referenceNumber(in: text) == StructureBuilder.characterReferenceNumber(in: text), "\(text)")
        }
    }

    @Test("a plain text with no reference-like word in its 160-character window holds no reference")
    func windowScanIsEnough() {
        for text in Self.referenceTexts {
            let bytes = Array(text.utf8)
            let turnedAway = bytes.withUnsafeBufferPointer { bytes -> Bool in
                guard let window = StructureBuilder.plainWindowEnd(bytes, 160) else { return false }
                return !StructureBuilder.startsLikeReference(bytes, limit: window)
            }
            if turnedAway { #expect(StructureBuilder.characterReferenceNumber(in: text) == nil, "\(text)") }
        }
    }

    /// A document of `pairs` (heading, question paragraphs, response paragraphs).
    static func document(_ pairs: [(String, [String], [String])]) -> String {
        var text = "Replies of the Government\n\n"
        for (heading, question, response) in pairs {
            text += heading + " " + question.joined(separator: "\n\n") + "\n\n"
            if !response.isEmpty { text += "Response: " + response.joined(separator: "\n\n") + "\n\n" }
        }
        return text
    }

    @Test("question and response texts are their paragraphs joined by blank lines")
    func questionTexts() {
        let pairs: [(String, [String], [String])] = [
            ("Question 1:", ["What measures were taken?", "Please give details."], ["The law of 2019 applies.", "See annex."]),
            ("Question 2:", ["Quelles mesures l’État a-t-il prises ?"], ["Le Gouvernement a adopté la loi « relative » à l’égalité.", "Voir l’annexe."]),
            ("Question 3:", ["Какие меры были приняты?"], []),
            ("Question 4:", ["Short."], ["Один.", "Deux.", "Three."]),
        ]
        let document = DocumentParser.parse(bytes: Array(Self.document(pairs).utf8), path: "questions.txt")
        #expect(document.questions.count == pairs.count)
        for (question, pair) in zip(document.questions, pairs) {
            #expect(question.question == pair.1.joined(separator: "\n\n"))
            #expect(question.response == pair.2.joined(separator: "\n\n"))
        }
    }
    /// `PhraseSet.startsAny` as a plain comparison with every phrase.
    static func naiveStartsAny(_ set: PhraseSet, _ head: [UInt8]) -> Bool {
        set.phrases.contains { head.starts(with: $0) }
    }

    @Test("startsAny turned away on prefix bits answers as comparing every phrase")
    func startsAnyMatchesNaive() {
        let sets = [Phrases.salutations, Phrases.letterClosings, Phrases.questionLabels, Phrases.responseLabels,
                    Phrases.annexLabels, StructureBuilder.onBehalfOf, PhraseSet(["ab", "abc", "x"]), PhraseSet(["", "abc"])]
        var heads: [[UInt8]] = [[], [0x71], [0x71, 0x75], Array("qu".utf8), Array("que".utf8), Array("question".utf8)]
        for set in sets {
            for phrase in set.phrases {
                // Each phrase, its prefixes, and one byte changed at each position.
                for length in 0...phrase.count { heads.append(Array(phrase.prefix(length))) }
                heads.append(phrase + Array(" 1:".utf8))
                for position in phrase.indices {
                    var changed = phrase
                    changed[position] ^= 0x01
                    heads.append(changed)
                }
            }
        }
        for set in sets {
            for head in heads {
                let answer = head.withUnsafeBufferPointer { set.startsAny($0) }
                #expect(answer == Self.naiveStartsAny(set, head), "\(head)")
            }
        }
    }
}
