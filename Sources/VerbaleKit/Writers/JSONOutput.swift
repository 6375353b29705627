/// A minimal, fast JSON emitter that appends UTF-8 bytes to a buffer.
///
/// Deterministic by construction: keys are written in the order the caller writes them, and
/// every string is escaped the same way (control characters as `\uXXXX`, invalid UTF-8
/// already repaired to U+FFFD by `String`).
public struct JSONOutput: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open container already has a member (needs a comma before the
    /// next), one bit per nesting level; levels past 64 (never seen) fall back to `deepLevels`.
    private var memberBits: UInt64 = 0
    private var deepLevels: [Bool] = []
    /// Open containers.
    private var level = 0
    private let indentUnit: Int
    private var depth = 0

    /// Where full buffers go when the writer streams (nil: keep everything in `bytes`).
    private let sink: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    /// Buffer size at which a streaming writer hands its bytes to the sink.
    private static let flushThreshold = 1 << 20

    /// A writer; `indent` spaces per level (0 for compact one-line output).
    public init(indent: Int = 1, reserve: Int = 0) {
        indentUnit = indent
        sink = nil
        bytes.reserveCapacity(reserve)
    }

    /// A streaming writer: every megabyte goes to `sink`, so memory stays flat however large
    /// the document (call `flush()` at the end).
    public init(indent: Int = 1, sink: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        indentUnit = indent
        self.sink = sink
        bytes.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// A buffering writer for the elements of an array that stands at `depth` in a document
    /// written elsewhere (a top-level array of the document object: depth 2), so elements
    /// written here and spliced in with `beginRawElements` read as `JSONWriter` writes them.
    public init(indent: Int = 1, elementsAtDepth depth: Int) {
        indentUnit = indent
        sink = nil
        self.depth = depth
        level = depth
        if level >= 64 { deepLevels = [Bool](repeating: false, count: level - 63) }
    }

    /// Whether an element was written (`elementsAtDepth` writers).
    public var hasElements: Bool { hasMember }

    /// Forgets the bytes written so far (once the caller has stored them), keeping the
    /// writer's place in its containers.
    public mutating func removeAllBytes() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// For a streaming writer inside an open array: hands on what is buffered, so the caller
    /// may send that array's elements, already written, straight to the sink; `nonEmpty` says
    /// whether there were any (the next member or the closing bracket depends on it).
    public mutating func beginRawElements(nonEmpty: Bool) {
        flush()
        if nonEmpty { hasMember = true }
    }

    /// Hands buffered bytes to the sink (streaming writers only).
    public mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one raw byte (a final newline).
    public mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    @inline(__always)
    private mutating func flushIfFull() {
        if sink != nil && bytes.count >= Self.flushThreshold { flush() }
    }

    /// Whether the innermost open container (the top level when none) has a member yet.
    private var hasMember: Bool {
        get { level < 64 ? memberBits & (1 << UInt64(level)) != 0 : deepLevels[level - 64] }
        set {
            if level < 64 {
                if newValue { memberBits |= 1 << UInt64(level) } else { memberBits &= ~(1 << UInt64(level)) }
            } else {
                deepLevels[level - 64] = newValue
            }
        }
    }

    private mutating func openLevel() {
        level += 1
        if level >= 64 { deepLevels.append(false) } else { hasMember = false }
    }

    private mutating func closeLevel() -> Bool {
        let had = hasMember
        if level >= 64 { deepLevels.removeLast() }
        level -= 1
        return had
    }

    // The writer's constant bytes come from static strings, not static arrays: each use of
    // a static array retained and released it, a sixth of the writer's time. They go in a
    // byte at a time: `append(contentsOf:)` cost about ninety instructions a call, more
    // than the few bytes it copies.

    /// Appends the bytes of `text`.
    @inline(__always)
    private mutating func append(_ text: StaticString) {
        let start = text.utf8Start
        for offset in 0..<text.utf8CodeUnitCount { bytes.append(start[offset]) }
    }

    /// When indenting, a line break and the current indentation.
    private mutating func newline() {
        guard indentUnit > 0 else { return }
        bytes.append(0x0A)
        for _ in 0..<depth * indentUnit { bytes.append(0x20) }
    }

    private mutating func separate() {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
        if depth > 0 { newline() }
    }

    /// Opens an object (as the value of the pending key, or as an array element).
    public mutating func beginObject() {
        valuePrefix()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        openLevel()
    }

    /// Closes the current object.
    public mutating func endObject() {
        let hadMembers = closeLevel()
        depth -= 1
        if hadMembers { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Opens an array (as the value of the pending key, or as an array element).
    public mutating func beginArray() {
        valuePrefix()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        openLevel()
    }

    /// Closes the current array.
    public mutating func endArray() {
        let hadMembers = closeLevel()
        depth -= 1
        if hadMembers { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes a key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if indentUnit > 0 { bytes.append(UInt8(ascii: " ")) }
        // The value follows the key directly, without a separator of its own.
        pendingValue = true
    }

    private var pendingValue = false

    private mutating func valuePrefix() {
        flushIfFull()
        if pendingValue {
            pendingValue = false
        } else {
            separate()
        }
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        valuePrefix()
        var value = value
        value.withUTF8 { escape($0) }
    }

    /// Writes a string value from UTF-8 bytes.
    public mutating func string(utf8 value: [UInt8]) {
        valuePrefix()
        value.withUnsafeBufferPointer { escape($0) }
    }

    /// The lower-case hex digit of `value` (0–15).
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    private mutating func escape(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            // Eight bytes at a time while none needs escaping (the common case: prose).
            if index + 8 <= count {
                let word = ByteWords.load(buffer.baseAddress!, index)
                if !Self.needsEscape(word) { index += 8; continue }
            }
            let byte = buffer[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { index += 1; continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0xF)])
            }
            index += 1
            runStart = index
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` may be a control character, `"` or `\\`.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWords.between(word, 0x00, 0x1F) | ByteWords.equal(word, 0x22) | ByteWords.equal(word, 0x5C) != 0
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        valuePrefix()
        ByteDecimal.append(value, to: &bytes)
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        valuePrefix()
        if value { append("true") } else { append("false") }
    }

    /// Writes `null`.
    public mutating func null() {
        valuePrefix()
        append("null")
    }

}
