/// Finds, normalizes and resolves the citations of a document.
public enum CitationEngine {
    /// Scans `sources` (blocks in source order) and returns citations sorted by source start,
    /// with ids `c_1`, `c_2`… in that order, `block`/`footnote` filled, spans in source bytes,
    /// instruments resolved from context and `definitions`, and `Id.` antecedents set to ids.
    public static func scan(_ sources: [CitationSource], definitions: [Definition]) -> [Citation] {
        []
    }
}
