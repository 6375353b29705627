internal import CLibXML2
import VerbaleKit

/// The walk from the plan to elements: akomaNtoso/doc, meta, preface, mainBody, conclusions,
/// attachments. See docs/akoma-ntoso.md for the mapping table.
extension AKNWriter {
    mutating func writeDocument(_ plan: Plan) {
        var state = WriteState(noteEIds: Array(repeating: nil, count: plan.document.footnotes.count))
        writeDeclaration()
        open("akomaNtoso")
        attribute("xmlns", static: "http://docs.oasis-open.org/legaldocml/ns/akn/3.0")
        if !plan.docs.isEmpty { writeDoc(plan, 0, &state) }
        close()
        // xmlTextWriterEndDocument ends the file with its newline.
    }

    /// Returns `base`, or `base_2`, `base_3`… if taken: eIds must be unique in the whole file.
    mutating func uniqueEId(_ base: String) -> String {
        if eIds.insert(base).inserted { return base }
        var suffix = 2
        while !eIds.insert("\(base)_\(suffix)").inserted { suffix += 1 }
        return "\(base)_\(suffix)"
    }

    private mutating func writeDoc(_ plan: Plan, _ index: Int, _ state: inout WriteState) {
        let doc = plan.docs[index]
        open("doc")
        attribute("name", Names.docName(doc.kind))
        writeMeta(plan, doc)
        writePreface(plan, doc, &state)
        writeBody(plan, doc, &state)
        writeConclusions(plan, doc, &state)
        if index == 0, plan.docs.count > 1 {
            open("attachments")
            for attachment in 1..<plan.docs.count {
                open("attachment")
                attribute("eId", uniqueEId("att_\(attachment)"))
                writeDoc(plan, attachment, &state)
                close()
            }
            close()
        }
        close()
    }

    // MARK: meta

    private mutating func empty(_ name: StaticString, _ attributeName: StaticString, _ value: String) {
        open(name)
        attribute(attributeName, value)
        close()
    }

    private mutating func writeMeta(_ plan: Plan, _ doc: DocPlan) {
        let before = replacedCharacters
        let source = "#" + doc.prefix + "verbale"
        open("meta")
        open("identification")
        attribute("source", source)

        open("FRBRWork")
        open("FRBRthis")
        attribute("value", doc.workURI, "/!main")
        close()
        empty("FRBRuri", "value", doc.workURI)
        writeFRBRDate(doc.frbrDate, doc.frbrDateName)
        empty("FRBRauthor", "href", "#" + doc.authorRef)
        empty("FRBRcountry", "value", plan.country)
        empty("FRBRsubtype", "value", "communication")
        if let number = doc.number { empty("FRBRnumber", "value", number) }
        empty("FRBRname", "value", Names.docName(doc.kind))
        close()

        open("FRBRExpression")
        open("FRBRthis")
        attribute("value", doc.exprURI, "/!main")
        close()
        empty("FRBRuri", "value", doc.exprURI)
        writeFRBRDate(doc.frbrDate, doc.frbrDateName)
        empty("FRBRauthor", "href", "#" + doc.authorRef)
        empty("FRBRlanguage", "language", doc.language)
        close()

        open("FRBRManifestation")
        open("FRBRthis")
        attribute("value", doc.exprURI, "/!main.xml")
        close()
        open("FRBRuri")
        attribute("value", doc.exprURI, ".akn")
        close()
        // The source's date, not the wall clock: the same input must give the same bytes.
        writeFRBRDate(doc.frbrDate, doc.frbrDateName)
        empty("FRBRauthor", "href", source)
        empty("FRBRformat", "value", "application/akn+xml")
        close()
        close()  // identification

        open("references")
        attribute("source", source)
        for index in doc.tlcs.indices {
            let tlc = doc.tlcs[index]
            switch tlc.kind {
            case .organization: open("TLCOrganization")
            case .person: open("TLCPerson")
            case .role: open("TLCRole")
            case .concept: open("TLCConcept")
            }
            attribute("eId", uniqueEId(tlc.eId))
            switch tlc.kind {
            case .organization: slugAttribute("href", base: "/akn/ontology/organization/", tlc.name)
            case .person: slugAttribute("href", base: "/akn/ontology/person/", tlc.name)
            case .role: slugAttribute("href", base: "/akn/ontology/role/", tlc.name)
            case .concept: slugAttribute("href", base: "/akn/ontology/concept/instrument/", tlc.name)
            }
            attribute("showAs", tlc.showAs)
            close()
        }
        close()
        close()  // meta
        if replacedCharacters != before, doc.part >= 0 {
            let part = plan.document.parts[doc.part]
            diagnostics.append(Diagnostic(
                code: "akn-invalid-character", severity: .warning,
                message: "\(part.id) has characters XML 1.0 cannot carry in its parties or reference; replaced by U+FFFD",
                span: ByteSpan(part.start, part.end)))
        }
    }

    private mutating func writeFRBRDate(_ date: String, _ name: String) {
        open("FRBRdate")
        attribute("date", date)
        attribute("name", name)
        close()
    }

    // MARK: preface, body, conclusions

    private mutating func writePreface(_ plan: Plan, _ doc: DocPlan, _ state: inout WriteState) {
        let part: Part? = doc.part >= 0 ? plan.document.parts[doc.part] : nil
        open("preface")
        open("p")
        openInline("docTitle")
        text(Names.title(doc.kind, language: part?.language ?? plan.document.language))
        closeInline()
        close()
        var numberDone = false
        var dateDone = false
        for block in doc.head {
            var marks: [Mark] = []
            // Any preface block may carry the number or date (a letterhead's last line often
            // is the reference): mark it in place rather than restate it.
            if !numberDone, let number = doc.number {
                marks.append(Mark(kind: .docNumber, needle: number))
            }
            if !dateDone, let date = doc.date, let written = part?.dateText {
                marks.append(Mark(kind: .docDate(date), needle: written))
            }
            let placed = writeBlockP(plan, block, marks: marks, &state)
            for mark in placed {
                if case .docNumber = mark.kind { numberDone = true }
                if case .docDate = mark.kind { dateDone = true }
            }
        }
        // Restate what the blocks did not carry, from the parsed fields.
        if !numberDone, let number = doc.number {
            open("p")
            openInline("docNumber")
            text(number)
            closeInline()
            close()
        }
        if !dateDone, let date = doc.date {
            open("p")
            openInline("docDate")
            attribute("date", date)
            text(part?.dateText ?? date)
            closeInline()
            close()
        }
        close()
    }

    private mutating func writeBody(_ plan: Plan, _ doc: DocPlan, _ state: inout WriteState) {
        open("mainBody")
        var wrote = false
        var inQuestions = false
        var speech: (question: Int, response: Bool)? = nil
        var inList = false
        var lists = 0
        var items = 0
        var listEId = ""
        var pendingText = doc.textQuestions
        let questions = plan.document.questions

        func closeList(_ writer: inout AKNWriter) {
            if inList { writer.close(); inList = false }
        }
        func closeSpeech(_ writer: inout AKNWriter) {
            closeList(&writer)
            if speech != nil { writer.close(); speech = nil }
        }
        func closeQuestions(_ writer: inout AKNWriter) {
            closeSpeech(&writer)
            if inQuestions { writer.close(); inQuestions = false }
        }
        func openQuestions(_ writer: inout AKNWriter) {
            if !inQuestions {
                closeList(&writer)
                writer.open("questions")
                writer.attribute("eId", writer.uniqueEId(doc.prefix + "questions_1"))
                inQuestions = true
            }
        }
        func openSpeech(_ writer: inout AKNWriter, _ question: Int, _ response: Bool) {
            closeSpeech(&writer)
            writer.open(response ? "answer" : "question")
            let by = response ? doc.authorRef : (doc.questionerRef ?? doc.authorRef)
            writer.attribute("by", "#" + by)
            let id = questions[question].id
            let number = id.hasPrefix("q_") ? String(id.dropFirst(2)) : id
            writer.attribute("eId", writer.uniqueEId(doc.prefix + (response ? "answer_" : "question_") + Names.eIdComponent(number)))
            speech = (question, response)
        }
        func writeTextQuestion(_ writer: inout AKNWriter, _ question: Int) {
            openQuestions(&writer)
            openSpeech(&writer, question, false)
            writer.open("p")
            writer.text(questions[question].question)
            writer.close()
            if !questions[question].response.isEmpty {
                openSpeech(&writer, question, true)
                writer.open("p")
                writer.text(questions[question].response)
                writer.close()
            }
            closeSpeech(&writer)
        }

        for block in doc.body {
            let start = plan.blocks[block].start
            while let first = pendingText.first, questions[first].start <= start {
                pendingText.removeFirst()
                writeTextQuestion(&self, first)
            }
            if let pair = plan.questionOf[block] {
                openQuestions(&self)
                if speech == nil || speech?.question != pair.question || speech?.response != pair.response {
                    openSpeech(&self, pair.question, pair.response)
                }
            } else {
                closeQuestions(&self)
            }
            if plan.blocks[block].kind == .listItem {
                if !inList {
                    lists += 1
                    items = 0
                    listEId = uniqueEId(doc.prefix + "list_\(lists)")
                    open("blockList")
                    attribute("eId", listEId)
                    inList = true
                }
                items += 1
                open("item")
                attribute("eId", listEId, "__item_", items)
                writeBlockP(plan, block, marks: [], &state)
                close()
            } else {
                closeList(&self)
                writeBlockP(plan, block, marks: [], &state)
            }
            wrote = true
        }
        for question in pendingText {
            writeTextQuestion(&self, question)
            wrote = true
        }
        closeQuestions(&self)
        for note in doc.orphanNotes {
            open("p")
            writeNote(plan, note, container: doc.prefix + "mainBody", &state)
            close()
            wrote = true
        }
        if !wrote {
            // mainBody needs one child; an empty paragraph says "no body text" without inventing any.
            open("p")
            close()
        }
        close()
    }

    private mutating func writeConclusions(_ plan: Plan, _ doc: DocPlan, _ state: inout WriteState) {
        let part: Part? = doc.part >= 0 ? plan.document.parts[doc.part] : nil
        let signatory = part?.signatory.flatMap { $0.name.isEmpty ? nil : $0 }
        guard !doc.tail.isEmpty || signatory != nil else { return }
        open("conclusions")
        var signed = false
        for block in doc.tail {
            let kind = plan.blocks[block].kind
            var marks: [Mark] = []
            if kind == .signature, let signatory, let ref = doc.signatoryRef {
                marks.append(Mark(kind: .person(ref: ref, role: doc.roleRef), needle: signatory.name))
            }
            if kind == .dateline, let date = doc.date, let written = part?.dateText {
                marks.append(Mark(kind: .date(date), needle: written))
            }
            let placed = writeBlockP(plan, block, marks: marks, signature: kind == .signature, &state)
            if placed.contains(where: { if case .person = $0.kind { return true } else { return false } }) { signed = true }
        }
        if !signed, let signatory, let ref = doc.signatoryRef {
            // The parser found a signatory but no signature block carries the name: state it.
            open("p")
            openInline("signature")
            openInline("person")
            attribute("refersTo", "#" + ref)
            if let role = doc.roleRef { attribute("as", "#" + role) }
            attribute("eId", uniqueEId(doc.prefix + "signature__person_1"))
            text(signatory.name)
            closeInline()
            closeInline()
            close()
        }
        close()
    }

    /// The eId of a flow block's `p`: `para_N` from the model's block id (`b_N`, `p_N`), so the
    /// JSON block and the XML paragraph share their number. Unique in the file: numbered ids are
    /// checked against a bit per number (hashing a string per paragraph showed in profiles),
    /// anything else against the eId set.
    mutating func paraEId(_ blockId: String) -> String {
        var id = blockId
        let number: Int? = id.withUTF8 { bytes -> Int? in
            var start = bytes.count
            while start > 0, bytes[start - 1] >= 0x30, bytes[start - 1] <= 0x39 { start -= 1 }
            guard start < bytes.count, bytes.count - start <= 7, start == 0 || bytes[start - 1] == 0x5F else { return nil }
            var value = 0
            for index in start..<bytes.count { value = value * 10 + Int(bytes[index] - 0x30) }
            return value
        }
        if let number {
            if number >= paraNumbers.count { paraNumbers += repeatElement(false, count: number + 1 - paraNumbers.count) }
            if !paraNumbers[number] {
                paraNumbers[number] = true
                return "para_" + String(number)
            }
            // A repeated id (never from the parser): a suffixed eId, which has a non-digit.
            return uniqueEId("para_\(number)_")
        }
        // Any other id: made safe; it has a non-digit, so it cannot meet a numbered one.
        return uniqueEId("para_" + Names.eIdComponent(blockId))
    }
}

/// State threaded through the walk.
struct WriteState {
    /// eId of each footnote's `authorialNote` once written; later call-outs become `noteRef`s.
    var noteEIds: [String?]
}
