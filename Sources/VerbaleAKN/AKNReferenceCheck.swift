internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Our own check on top of the schema: every local reference points at an element that exists.
///
/// The Akoma Ntoso XSD makes eIds unique but has no `keyref`, so a `noteRef href="#x"` or a
/// `question by="#x"` naming nothing still validates. This walks the parsed XML and reports every
/// `#id` in `href`, `refersTo` (a list), `by`, `as`, `to`, `source`, `from`, `upTo`,
/// `placementBase` and `alternativeTo` that matches no `eId` (TLC entries included).
public enum AKNReferenceCheck {
    /// Returns one issue per dangling reference, with the line of the element carrying it.
    public static func check(_ xml: [UInt8]) -> [AKNIssue] {
        XMLTree.withDocument(xml) { document in
            var eIds: Set<String> = []
            var references: [(value: String, attribute: String, element: String, line: Int)] = []
            XMLTree.walk(document) { current in
                var attribute = current.pointee.properties
                while let attr = attribute {
                    let name = attr.pointee.name.map { String(cString: $0) } ?? ""
                    let value = XMLTree.attributeValue(attr)
                    if name == "eId" {
                        eIds.insert(value)
                    } else if referenceAttributes.contains(name) {
                        for item in value.split(separator: " ") where item.hasPrefix("#") {
                            let element = current.pointee.name.map { String(cString: $0) } ?? "?"
                            references.append((String(item.dropFirst()), name, element, Int(xmlGetLineNo(current))))
                        }
                    }
                    attribute = attr.pointee.next
                }
            }
            return references.compactMap { reference in
                eIds.contains(reference.value) ? nil : AKNIssue(
                    line: reference.line,
                    message: "<\(reference.element) \(reference.attribute)=\"#\(reference.value)\">: no element has eId \"\(reference.value)\"")
            }
        }
    }

    private static let referenceAttributes: Set<String> = [
        "href", "refersTo", "by", "as", "to", "source", "from", "upTo", "placementBase", "alternativeTo",
    ]
}

extension XMLTree {
    /// Calls `visit` on every element of `document` in document order. Iterative, so depth
    /// cannot overflow the stack on hostile input.
    static func walk(_ document: xmlDocPtr, _ visit: (xmlNodePtr) -> Void) {
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { visit(current) }
            if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                node = child
                continue
            }
            var climb: xmlNodePtr? = current
            node = nil
            while let up = climb {
                if let next = up.pointee.next { node = next; break }
                climb = up.pointee.parent
                if climb?.pointee.type != XML_ELEMENT_NODE { climb = nil }
            }
        }
    }

    /// The text of an attribute (its text children, concatenated; no allocation through libxml2).
    static func attributeValue(_ attr: xmlAttrPtr) -> String {
        var value = ""
        var child = attr.pointee.children
        while let text = child {
            if let content = text.pointee.content { value += String(cString: content) }
            child = text.pointee.next
        }
        return value
    }

    /// One element of a parsed document, flattened: for tests and debugging.
    struct Element {
        /// Local name.
        var name: String
        /// Slash-separated local names from the root (`akomaNtoso/doc/mainBody/p`).
        var path: String
        var attributes: [String: String]
        /// The concatenated text of the element and its descendants.
        var text: String
        var line: Int
    }

    /// Every element of `xml` in document order; empty if it does not parse.
    static func outline(_ xml: [UInt8]) -> [Element] {
        var elements: [Element] = []
        _ = withDocument(xml) { document in
            walk(document) { node in
                var attributes: [String: String] = [:]
                var attribute = node.pointee.properties
                while let attr = attribute {
                    attributes[attr.pointee.name.map { String(cString: $0) } ?? ""] = attributeValue(attr)
                    attribute = attr.pointee.next
                }
                var names: [String] = []
                var up: xmlNodePtr? = node
                while let current = up, current.pointee.type == XML_ELEMENT_NODE {
                    names.append(current.pointee.name.map { String(cString: $0) } ?? "")
                    up = current.pointee.parent
                }
                var text = ""
                if let content = xmlNodeGetContent(node) {
                    text = String(cString: content)
                    free(content)  // xmlMemSetup is never called: libxml2 allocates with malloc
                }
                elements.append(Element(name: names.first ?? "", path: names.reversed().joined(separator: "/"),
                                        attributes: attributes, text: text, line: Int(xmlGetLineNo(node))))
            }
            return []
        }
        return elements
    }
}
