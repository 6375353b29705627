public import VerbaleKit

/// The SQLite citation index (being written; see issue #6).
public enum CitationIndex {}
