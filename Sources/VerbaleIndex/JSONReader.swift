/// A strict, byte-level JSON reader specialised for loading `verbale/1` documents.
///
/// `JSONSerialization` builds a tree of NSDictionary/NSArray/NSString/NSNumber objects for
/// every document, and the loader then reads each field back through bridging casts: in
/// profiles that was most of an index run. This reader makes one pass over the file's bytes
/// and records a flat array of nodes: strings are byte ranges of the input (escapes are
/// decoded in place during the pass, which never makes a string longer), integers are
/// parsed to their value, containers are ranges of a child list. Nothing is allocated per
/// value, and the loader binds strings to SQLite straight from the input bytes, so a `String`
/// is built only where the loader computes with one.
///
/// It accepts exactly RFC 8259 JSON (UTF-8, optionally with a byte-order mark) and reports
/// anything else with the byte offset where reading stopped.
struct JSONReader: Sendable {
    /// The input bytes; escaped strings are rewritten in place, so after `parse` only the
    /// node ranges are meaningful.
    var bytes: [UInt8] = []
    /// The value tree of the last `parse`.
    private var storage = JSONStorage()

    /// Containers nested deeper than this are refused rather than risking the thread's stack
    /// on a hostile file (Foundation's JSONSerialization has the same limit).
    static let maximumDepth = 512

    /// Creates an empty reader. A reader keeps its buffers between documents, so reusing one
    /// for a whole load allocates only when a document is larger than every earlier one.
    init() {}

    /// Reads `input` as one JSON text. On success the value tree is available through
    /// `withRoot`.
    mutating func parse(_ input: [UInt8]) throws(JSONSyntaxError) {
        bytes = input
        try parse()
    }

    /// Reads `bytes` (already stored in the reader) as one JSON text.
    mutating func parse() throws(JSONSyntaxError) {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(offset: 0, message: "the file is larger than 4 GB")
        }
        // The parser owns the storage while it runs (moved out, so appending never copies
        // arrays that are still referenced here) and hands it back, even after an error.
        var storage = self.storage
        self.storage = JSONStorage()
        storage.reset(expectedBytes: bytes.count)
        defer { self.storage = storage }
        try bytes.withUnsafeMutableBufferPointer { buffer throws(JSONSyntaxError) in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                throw JSONSyntaxError(offset: 0, message: "the file is empty")
            }
            var parser = Parser(base: base, count: buffer.count, storage: storage)
            storage = JSONStorage()
            defer { storage = parser.storage }
            do throws(JSONSyntaxError) {
                try parser.parseDocument()
            } catch {
                // No root after a failure: `withRoot` must not find a half-built tree.
                parser.storage.nodes.removeAll(keepingCapacity: true)
                throw error
            }
        }
    }

    /// Calls `body` with the root value of the last `parse`. The value and everything reached
    /// from it point into the reader's buffers and must not escape `body`.
    func withRoot<Result, Failure: Error>(_ body: (JSONValue) throws(Failure) -> Result) throws(Failure) -> Result {
        precondition(!storage.nodes.isEmpty, "withRoot before a successful parse")
        return try bytes.withUnsafeBufferPointer { bytes throws(Failure) in
            try storage.nodes.withUnsafeBufferPointer { nodes throws(Failure) in
                try storage.children.withUnsafeBufferPointer { children throws(Failure) in
                    try storage.members.withUnsafeBufferPointer { members throws(Failure) in
                        // Empty arrays have no base address; the pointers are then never read.
                        let tree = JSONTree(bytes: bytes.baseAddress!, nodes: nodes.baseAddress!,
                                            children: children.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                                            members: members.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                        return try body(JSONValue(tree: tree, node: nodes[nodes.count - 1]))
                    }
                }
            }
        }
    }
}

/// The arrays a parse fills, kept together so one reader reuses them.
struct JSONStorage: Sendable {
    /// Every value, children before their container; the root is the last node.
    var nodes: [JSONNode] = []
    /// Element node indices of every array, each array's contiguous.
    var children: [UInt32] = []
    /// Members of every object, each object's contiguous.
    var members: [JSONMember] = []
    /// Scratch: elements of the arrays being read, until their array closes.
    var elementStack: [UInt32] = []
    /// Scratch: members of the objects being read, until their object closes.
    var memberStack: [JSONMember] = []

    /// Empties the arrays for a document of `expectedBytes`, keeping their capacity.
    mutating func reset(expectedBytes: Int) {
        nodes.removeAll(keepingCapacity: true)
        children.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
        elementStack.removeAll(keepingCapacity: true)
        memberStack.removeAll(keepingCapacity: true)
        // Pretty-printed verbale/1 JSON has about one value per 20 bytes and one member per
        // 25: reserving up front avoids regrowing the arrays while reading the first document.
        nodes.reserveCapacity(expectedBytes / 16)
        members.reserveCapacity(expectedBytes / 16)
    }
}

/// One member of an object: its key, inline, and its value.
///
/// Looking a field up compares `prefix` and `count` first, so a probe is one read of this
/// record and (for keys up to eight bytes, most of verbale/1's) settles the question; the
/// loader probes for about forty fields per citation, most of them absent.
struct JSONMember {
    /// The key's first eight bytes, little-endian, zero-padded.
    var prefix: UInt64
    /// Byte range of the decoded key in the input.
    var start: UInt32
    var count: UInt32
    /// Node index of the value.
    var value: UInt32

    /// `prefix` of the `count` bytes at `bytes`.
    @inline(__always) static func prefix(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<min(count, 8) { word |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return word
    }
}

/// Malformed JSON: what was wrong and where.
public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Byte offset from the start of the file (0-based) where reading stopped.
    public var offset: Int
    /// What was expected or found, e.g. `unterminated string`.
    public var message: String

    /// Creates an error.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `message at byte offset N`.
    public var description: String { "\(message) at byte offset \(offset)" }
}

/// What a node holds.
enum JSONKind: UInt8 {
    case object, array, string, number, bool, null
}

/// One value of the flat tree (24 bytes, stored contiguously).
struct JSONNode {
    var kind: JSONKind
    /// Numbers: `integer` is the value (exact for integers, truncated toward zero for other
    /// numbers that fit). False for numbers out of `Int64` range.
    var hasInteger = false
    /// Strings: byte range of the decoded content in the input. Arrays: first element in
    /// `children` and their number; objects: the same in `members`. Numbers: range of the text.
    var start: UInt32
    var end: UInt32
    /// Numbers: see `hasInteger`. Booleans: 1 or 0.
    var integer: Int64 = 0
}

/// Pointers to a parsed document's storage. Copying it costs no reference counting, which
/// matters because the loader makes hundreds of thousands of field reads per second.
struct JSONTree {
    let bytes: UnsafePointer<UInt8>
    let nodes: UnsafePointer<JSONNode>
    let children: UnsafePointer<UInt32>
    let members: UnsafePointer<JSONMember>
}

/// A string of a parsed document: valid UTF-8 bytes, escapes already decoded.
struct JSONString {
    /// First byte.
    let base: UnsafePointer<UInt8>
    /// Length in bytes.
    let count: Int

    /// The bytes.
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The string as a Swift `String` (the reader has validated the UTF-8).
    var string: String { String(decoding: buffer, as: UTF8.self) }

    /// Whether the string is exactly `literal`, compared byte by byte.
    static func == (lhs: JSONString, rhs: StaticString) -> Bool {
        guard lhs.count == rhs.utf8CodeUnitCount else { return false }
        let other = rhs.utf8Start
        for index in 0..<lhs.count where lhs.base[index] != other[index] { return false }
        return true
    }
}

/// Any value of a parsed document.
struct JSONValue {
    let tree: JSONTree
    let node: JSONNode

    /// The object, if this is one.
    var object: JSONObject? { node.kind == .object ? JSONObject(tree: tree, node: node) : nil }

    /// The string, if this is one.
    var string: JSONString? {
        node.kind == .string ? JSONString(base: tree.bytes + Int(node.start), count: Int(node.end - node.start)) : nil
    }

    /// The number as an integer: exact for integers, truncated toward zero for numbers with a
    /// fraction or exponent (as `NSNumber.intValue` did), nil when not a number or out of range.
    var int: Int? { node.kind == .number && node.hasInteger ? Int(node.integer) : nil }

    /// `true` or `false`, if this is one.
    var bool: Bool? { node.kind == .bool ? node.integer != 0 : nil }

    /// Whether this is `null`.
    var isNull: Bool { node.kind == .null }

    /// The elements, if this is an array.
    var array: JSONArray? { node.kind == .array ? JSONArray(tree: tree, node: node) : nil }
}

/// An array of a parsed document.
struct JSONArray: RandomAccessCollection {
    let tree: JSONTree
    let node: JSONNode

    /// 0.
    var startIndex: Int { 0 }
    /// The number of elements.
    var endIndex: Int { Int(node.end) }

    /// Element `position`.
    subscript(position: Int) -> JSONValue {
        JSONValue(tree: tree, node: tree.nodes[Int(tree.children[Int(node.start) + position])])
    }
}

/// An object of a parsed document, with typed field reads that are tolerant of missing or
/// mistyped fields (nil, never a crash), as the loader's optional columns need.
struct JSONObject {
    let tree: JSONTree
    let node: JSONNode

    /// The value of member `key`; the last one if the key is repeated (as a dictionary built
    /// member by member would keep). Keys are compared as decoded bytes.
    func value(_ key: StaticString) -> JSONValue? {
        let keyBytes = key.utf8Start
        let keyCount = key.utf8CodeUnitCount
        let prefix = JSONMember.prefix(keyBytes, count: keyCount)
        let members = tree.members + Int(node.start)
        var index = Int(node.end)
        // Backwards, so the last of repeated keys wins without scanning every member.
        while index > 0 {
            index -= 1
            let member = members[index]
            guard member.prefix == prefix, Int(member.count) == keyCount else { continue }
            if keyCount > 8 {
                let bytes = tree.bytes + Int(member.start)
                var offset = 8
                while offset < keyCount, bytes[offset] == keyBytes[offset] { offset += 1 }
                guard offset == keyCount else { continue }
            }
            return JSONValue(tree: tree, node: tree.nodes[Int(member.value)])
        }
        return nil
    }

    /// A string member.
    func string(_ key: StaticString) -> JSONString? { value(key)?.string }

    /// An integer member (see `JSONValue.int`).
    func int(_ key: StaticString) -> Int? { value(key)?.int }

    /// A boolean member.
    func bool(_ key: StaticString) -> Bool? { value(key)?.bool }

    /// An object member.
    func object(_ key: StaticString) -> JSONObject? { value(key)?.object }

    /// The elements of an array member that are objects (others are skipped); empty when the
    /// member is missing or not an array.
    func objects(_ key: StaticString) -> JSONObjects {
        guard let array = value(key)?.array else { return JSONObjects(array: nil) }
        return JSONObjects(array: array)
    }

    /// The strings of an array member, numbers as their decimal text (a question's `numbers`);
    /// other elements are skipped.
    func strings(_ key: StaticString) -> [String] {
        guard let array = value(key)?.array, !array.isEmpty else { return [] }
        var result: [String] = []
        result.reserveCapacity(array.count)
        for item in array {
            if let text = item.string { result.append(text.string) } else if let number = item.int { result.append(String(number)) }
        }
        return result
    }

    /// A string member that may also be written as an integer (a communication's `number`).
    func stringOrNumber(_ key: StaticString) -> String? {
        guard let value = value(key) else { return nil }
        if let text = value.string { return text.string }
        return value.int.map { String($0) }
    }
}

/// The object elements of an array, in order.
struct JSONObjects: Sequence {
    let array: JSONArray?

    /// The number of object elements.
    var count: Int {
        guard let array else { return 0 }
        var count = 0
        for index in 0..<array.count where array[index].node.kind == .object { count += 1 }
        return count
    }

    /// The first object element.
    var first: JSONObject? {
        var iterator = makeIterator()
        return iterator.next()
    }

    /// Iterates the object elements.
    func makeIterator() -> Iterator { Iterator(array: array, index: 0) }

    /// Iterator over the object elements.
    struct Iterator: IteratorProtocol {
        let array: JSONArray?
        var index: Int

        /// The next object element.
        mutating func next() -> JSONObject? {
            guard let array else { return nil }
            while index < array.count {
                let value = array[index]
                index += 1
                if let object = value.object { return object }
            }
            return nil
        }
    }
}

// MARK: - The parser

/// The single pass. Works on a raw pointer because bounds checks and exclusivity checks on
/// `[UInt8]` cost more than the scanning itself in a loop that touches every byte; every read
/// is guarded by an explicit `position < count`.
private struct Parser {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    var position = 0
    var storage: JSONStorage

    init(base: UnsafeMutablePointer<UInt8>, count: Int, storage: JSONStorage) {
        self.base = base
        self.count = count
        self.storage = storage
    }

    // Bytes the grammar names.
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")

    mutating func parseDocument() throws(JSONSyntaxError) {
        // A UTF-8 byte-order mark is allowed (RFC 8259 lets parsers ignore it); UTF-16 and
        // UTF-32 are not JSON as `verbale convert` writes it.
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { position = 3 }
        if count >= 2, (base[0] == 0xFE && base[1] == 0xFF) || (base[0] == 0xFF && base[1] == 0xFE) {
            throw JSONSyntaxError(offset: 0, message: "UTF-16 text (byte-order mark); JSON must be UTF-8")
        }
        _ = try parseValue(depth: 0)
        skipWhitespace()
        if position < count {
            throw error("unexpected \(describe(base[position])) after the end of the JSON value")
        }
    }

    func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(offset: position, message: message) }

    /// A byte as an error message shows it: printable ASCII in quotes, others in hex.
    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func skipWhitespace() {
        // Pretty-printed JSON indents every line: skip runs of spaces eight at a time (the
        // first byte that is not a space is the lowest non-zero byte of word ^ spaces; the
        // load is little-endian on every platform Swift runs on, made explicit anyway).
        while position &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let other = word ^ 0x2020_2020_2020_2020
            if other == 0 {
                position &+= 8
                continue
            }
            position &+= other.trailingZeroBitCount >> 3
            let byte = base[position]
            guard byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position &+= 1
        }
        while position < count {
            let byte = base[position]
            // Space, tab, line feed, carriage return: the only whitespace JSON has.
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    func endOfInput(_ what: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: count, message: "unexpected end of input \(what)")
    }

    /// Reads one value starting at the next non-whitespace byte and returns its node index.
    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> UInt32 {
        skipWhitespace()
        guard position < count else { throw endOfInput("where a value was expected") }
        switch base[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case Self.quote: return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", kind: .bool, value: 1)
        case UInt8(ascii: "f"): return try parseLiteral("false", kind: .bool, value: 0)
        case UInt8(ascii: "n"): return try parseLiteral("null", kind: .null, value: 0)
        case let byte: throw error("unexpected \(describe(byte)) where a value was expected")
        }
    }

    mutating func append(_ node: JSONNode) -> UInt32 {
        storage.nodes.append(node)
        return UInt32(storage.nodes.count - 1)
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> UInt32 {
        guard depth <= JSONReader.maximumDepth else { throw error("objects and arrays nested more than \(JSONReader.maximumDepth) deep") }
        position += 1  // {
        let mark = storage.memberStack.count
        skipWhitespace()
        if position < count, base[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard position < count else { throw endOfInput("inside an object") }
                guard base[position] == Self.quote else {
                    throw error("expected a string key, found \(describe(base[position]))")
                }
                let key = try scanString()
                skipWhitespace()
                guard position < count else { throw endOfInput("after an object key") }
                guard base[position] == Self.colon else { throw error("expected ':' after an object key, found \(describe(base[position]))") }
                position += 1
                let value = try parseValue(depth: depth)
                let keyCount = Int(key.end - key.start)
                storage.memberStack.append(JSONMember(prefix: JSONMember.prefix(base + Int(key.start), count: keyCount),
                                                      start: key.start, count: UInt32(keyCount), value: value))
                skipWhitespace()
                guard position < count else { throw endOfInput("inside an object") }
                let byte = base[position]
                position += 1
                if byte == Self.comma { continue }
                if byte == UInt8(ascii: "}") { break }
                position -= 1
                throw error("expected ',' or '}' in an object, found \(describe(byte))")
            }
        }
        // The members collected since `mark` are this object's: move them to `members`.
        let start = UInt32(storage.members.count)
        let members = storage.memberStack.count - mark
        if members > 0 {
            storage.members.append(contentsOf: storage.memberStack[mark...])
            storage.memberStack.removeSubrange(mark...)
        }
        return append(JSONNode(kind: .object, start: start, end: UInt32(members)))
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> UInt32 {
        guard depth <= JSONReader.maximumDepth else { throw error("objects and arrays nested more than \(JSONReader.maximumDepth) deep") }
        position += 1  // [
        let mark = storage.elementStack.count
        skipWhitespace()
        if position < count, base[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                storage.elementStack.append(try parseValue(depth: depth))
                skipWhitespace()
                guard position < count else { throw endOfInput("inside an array") }
                let byte = base[position]
                position += 1
                if byte == Self.comma { continue }
                if byte == UInt8(ascii: "]") { break }
                position -= 1
                throw error("expected ',' or ']' in an array, found \(describe(byte))")
            }
        }
        let start = UInt32(storage.children.count)
        let elements = storage.elementStack.count - mark
        if elements > 0 {
            storage.children.append(contentsOf: storage.elementStack[mark...])
            storage.elementStack.removeSubrange(mark...)
        }
        return append(JSONNode(kind: .array, start: start, end: UInt32(elements)))
    }

    mutating func parseLiteral(_ word: StaticString, kind: JSONKind, value: Int64) throws(JSONSyntaxError) -> UInt32 {
        let start = position
        let letters = word.utf8Start
        for index in 0..<word.utf8CodeUnitCount {
            guard position < count else { throw endOfInput("inside '\(word)'") }
            guard base[position] == letters[index] else {
                position = start
                throw error("unexpected \(describe(base[start])) where a value was expected (not '\(word)')")
            }
            position += 1
        }
        return append(JSONNode(kind: kind, start: UInt32(start), end: UInt32(position), integer: value))
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> UInt32 {
        let start = position
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        guard position < count else { throw endOfInput("inside a number") }
        // Accumulate as a negative value so Int64.min is representable; overflow sends the
        // number down the floating-point path below.
        var magnitude: Int64 = 0
        var exact = true
        let first = base[position]
        if first == UInt8(ascii: "0") {
            position += 1
            if position < count, isDigit(base[position]) { throw error("a number cannot have a leading zero") }
        } else if isDigit(first) {
            while position < count, isDigit(base[position]) {
                let digit = Int64(base[position] &- UInt8(ascii: "0"))
                if exact {
                    let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (next, overflow2) = times10.subtractingReportingOverflow(digit)
                    if overflow1 || overflow2 { exact = false } else { magnitude = next }
                }
                position += 1
            }
        } else {
            throw error("expected a digit, found \(describe(first))")
        }
        var integral = true
        if position < count, base[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard position < count else { throw endOfInput("inside a number") }
            guard isDigit(base[position]) else { throw error("expected a digit after '.', found \(describe(base[position]))") }
            while position < count, isDigit(base[position]) { position += 1 }
        }
        if position < count, base[position] == UInt8(ascii: "e") || base[position] == UInt8(ascii: "E") {
            integral = false
            position += 1
            if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
            guard position < count else { throw endOfInput("inside a number") }
            guard isDigit(base[position]) else { throw error("expected a digit in the exponent, found \(describe(base[position]))") }
            while position < count, isDigit(base[position]) { position += 1 }
        }
        var node = JSONNode(kind: .number, start: UInt32(start), end: UInt32(position))
        if integral && exact {
            if negative {
                node.integer = magnitude
                node.hasInteger = true
            } else if magnitude != Int64.min {
                node.integer = -magnitude
                node.hasInteger = true
            }
        } else {
            // verbale/1 has only integers; anything else is still valid JSON, read as a double.
            let text = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
            if let double = Double(text), double.isFinite, double > -9.223372036854775808e18, double < 9.223372036854775808e18 {
                node.integer = Int64(double)
                node.hasInteger = true
            }
        }
        return append(node)
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// Reads a string value into a node.
    mutating func parseString() throws(JSONSyntaxError) -> UInt32 {
        let (start, end) = try scanString()
        return append(JSONNode(kind: .string, start: start, end: end))
    }

    /// Reads a string whose opening quote is at `position` and returns the byte range of its
    /// decoded content. Plain runs are skipped eight bytes at a time; escapes are decoded in
    /// place (the output never overtakes the input).
    mutating func scanString() throws(JSONSyntaxError) -> (start: UInt32, end: UInt32) {
        position += 1  // "
        let start = position
        while true {
            skipPlain()
            guard position < count else { throw JSONSyntaxError(offset: start - 1, message: "string not closed before the end of the file; it starts") }
            let byte = base[position]
            if byte == Self.quote {
                position += 1
                return (UInt32(start), UInt32(position - 1))
            }
            if byte >= 0x80 {
                // Two-byte sequences (Cyrillic, accented Latin) inline; the rest checked fully.
                if byte >= 0xC2, byte <= 0xDF, position + 1 < count, base[position + 1] & 0xC0 == 0x80 {
                    position += 2
                } else {
                    position = try validateUTF8(at: position)
                }
            } else if byte == Self.backslash {
                let end = try parseEscapedRest(start: start, write: position)
                return (UInt32(start), UInt32(end))
            } else if byte < 0x20 {
                throw error("control character 0x\(String(byte, radix: 16, uppercase: true)) inside a string (it must be escaped)")
            } else {
                position += 1
            }
        }
    }

    /// Advances `position` past bytes that need no attention inside a string: printable ASCII
    /// other than `"` and `\`. Eight at a time while possible (SWAR: a word has a byte that
    /// needs attention iff one of the masks below has a high bit set).
    @inline(__always) mutating func skipPlain() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position &+ 8 <= count {
            let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let hasQuote = (quotes &- ones) & ~quotes
            let hasBackslash = (backslashes &- ones) & ~backslashes
            let hasControl = word &- (ones &* 0x20)
            if (hasQuote | hasBackslash | hasControl | word) & highs != 0 { break }
            position &+= 8
        }
        while position < count {
            let byte = base[position]
            guard byte >= 0x20, byte < 0x80, byte != Self.quote, byte != Self.backslash else { return }
            position += 1
        }
    }

    /// The rest of a string from its first backslash (at `write`): decodes escapes, moving
    /// later bytes down to `write`. Returns the end of the decoded content.
    mutating func parseEscapedRest(start: Int, write initialWrite: Int) throws(JSONSyntaxError) -> Int {
        var write = initialWrite
        while true {
            // Plain runs are found as in `parseString` and moved down in one go.
            let run = position
            skipPlain()
            if position > run {
                (base + write).update(from: base + run, count: position - run)
                write += position - run
            }
            guard position < count else { throw JSONSyntaxError(offset: start - 1, message: "string not closed before the end of the file; it starts") }
            let byte = base[position]
            if byte == Self.quote {
                position += 1
                return write
            }
            if byte == Self.backslash {
                let escapeStart = position
                position += 1
                guard position < count else { throw endOfInput("inside an escape sequence") }
                let letter = base[position]
                position += 1
                switch letter {
                case Self.quote, Self.backslash, UInt8(ascii: "/"): base[write] = letter; write += 1
                case UInt8(ascii: "b"): base[write] = 0x08; write += 1
                case UInt8(ascii: "f"): base[write] = 0x0C; write += 1
                case UInt8(ascii: "n"): base[write] = 0x0A; write += 1
                case UInt8(ascii: "r"): base[write] = 0x0D; write += 1
                case UInt8(ascii: "t"): base[write] = 0x09; write += 1
                case UInt8(ascii: "u"):
                    var scalar = try hex4(escapeStart: escapeStart)
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        // A high surrogate must be followed by an escaped low surrogate; the
                        // pair is one scalar (U+10000…U+10FFFF).
                        guard position + 1 < count, base[position] == Self.backslash, base[position + 1] == UInt8(ascii: "u") else {
                            throw JSONSyntaxError(offset: escapeStart, message: "high surrogate \\u\(String(scalar, radix: 16, uppercase: true)) not followed by a low surrogate")
                        }
                        let lowStart = position
                        position += 2
                        let low = try hex4(escapeStart: lowStart)
                        guard low >= 0xDC00 && low <= 0xDFFF else {
                            throw JSONSyntaxError(offset: lowStart, message: "high surrogate \\u\(String(scalar, radix: 16, uppercase: true)) followed by \\u\(String(low, radix: 16, uppercase: true)), not a low surrogate")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw JSONSyntaxError(offset: escapeStart, message: "low surrogate \\u\(String(scalar, radix: 16, uppercase: true)) without a high surrogate before it")
                    }
                    write = encodeUTF8(scalar, at: write)
                default:
                    throw JSONSyntaxError(offset: escapeStart, message: "invalid escape sequence '\\\(Character(Unicode.Scalar(letter)))'")
                }
            } else if byte >= 0x80 {
                let next = try validateUTF8(at: position)
                while position < next {
                    base[write] = base[position]
                    write += 1
                    position += 1
                }
            } else if byte < 0x20 {
                throw error("control character 0x\(String(byte, radix: 16, uppercase: true)) inside a string (it must be escaped)")
            } else {
                base[write] = byte
                write += 1
                position += 1
            }
        }
    }

    /// Four hex digits at `position` (after `\u`).
    mutating func hex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= count else { throw endOfInput("inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape: \(describe(byte)) is not a hex digit")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Writes `scalar` as UTF-8 at `write`; returns the new end. The escape it came from is
    /// at least as long (6 bytes for 1–3 bytes of output, 12 for 4), so this never overwrites
    /// unread input.
    mutating func encodeUTF8(_ scalar: UInt32, at write: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            base[write] = UInt8(scalar)
            return write + 1
        case 0x80..<0x800:
            base[write] = UInt8(0xC0 | scalar >> 6)
            base[write + 1] = UInt8(0x80 | scalar & 0x3F)
            return write + 2
        case 0x800..<0x10000:
            base[write] = UInt8(0xE0 | scalar >> 12)
            base[write + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            base[write + 2] = UInt8(0x80 | scalar & 0x3F)
            return write + 3
        default:
            base[write] = UInt8(0xF0 | scalar >> 18)
            base[write + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            base[write + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            base[write + 3] = UInt8(0x80 | scalar & 0x3F)
            return write + 4
        }
    }

    /// Checks the UTF-8 sequence whose lead byte (≥ 0x80) is at `at` and returns the offset
    /// after it. Strict (Unicode Table 3-7): no overlong forms, no surrogates, nothing above
    /// U+10FFFF — what SQLite and Swift strings expect.
    func validateUTF8(at: Int) throws(JSONSyntaxError) -> Int {
        let lead = base[at]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONSyntaxError(offset: at, message: "invalid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)))")
        }
        guard at + length <= count else { throw JSONSyntaxError(offset: at, message: "invalid UTF-8 (sequence cut off by the end of the file)") }
        let second = base[at + 1]
        guard second >= low && second <= high else { throw JSONSyntaxError(offset: at, message: "invalid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)) followed by 0x\(String(second, radix: 16, uppercase: true)))") }
        var index = 2
        while index < length {
            guard base[at + index] & 0xC0 == 0x80 else {
                throw JSONSyntaxError(offset: at, message: "invalid UTF-8 (truncated sequence)")
            }
            index += 1
        }
        return at + length
    }
}
