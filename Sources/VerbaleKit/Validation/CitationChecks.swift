/// Citations: `Id.` with nothing to repeat, articles whose instrument cannot be worked out.
enum CitationChecks {
    static func run(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let citations = context.document.citations
        // Source start of the first citation that is not itself an `Id.`: an `Id.` after it has
        // something to repeat even when the engine could not say which citation it is.
        var firstReal: Int? = nil
        for index in citations.indices where citations[index].kind != .id {
            firstReal = min(firstReal ?? Int.max, citations[index].span.start)
        }
        for citation in context.citations(.id) {
            guard citation.antecedent == nil, firstReal.map({ $0 >= citation.span.start }) ?? true else { continue }
            found.append(DiagnosticCode.idNoAntecedent.diagnostic(
                "“\(citation.text)” repeats the previous citation, but no citation comes before it", citation.span))
        }
        // Most articles name their instrument: read that field in place, and copy only the
        // citations reported.
        let articleCitations = context.citations(.article)
        for position in articleCitations.indices where (articleCitations[position].instrument ?? "").isEmpty {
            let citation = articleCitations[position]
            let articles = citation.articles.isEmpty ? "" : " (article\(citation.articles.count > 1 ? "s" : "") \(citation.articles.joined(separator: ", ")))"
            found.append(DiagnosticCode.articleUnresolvedInstrument.diagnostic(
                "“\(citation.text)”\(articles) names no instrument, and none can be worked out from the sentence, the paragraph or the definitions",
                citation.span))
        }
        return found
    }
}
