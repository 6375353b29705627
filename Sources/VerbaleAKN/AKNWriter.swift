public import VerbaleKit

/// Writes Akoma Ntoso 3.0 XML for a document (placeholder until the libxml2 writer lands).
public enum AKNWriter {}
