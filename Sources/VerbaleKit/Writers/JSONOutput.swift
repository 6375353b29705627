#if arch(x86_64)
// SSE2 (part of every x86-64 CPU): sixteen-byte compares and `pmovmskb` for the escape scan.
import _Builtin_intrinsics.intel
#endif

/// A minimal, fast JSON emitter that appends UTF-8 bytes to a buffer.
///
/// Deterministic by construction: keys are written in the order the caller writes them, and
/// every string is escaped the same way (control characters as `\uXXXX`, invalid UTF-8
/// already repaired to U+FFFD by `String`).
public struct JSONOutput: Sendable {
    /// The bytes written are the first `length` bytes of `buffer`.
    ///
    /// Every value is written through one capacity check and one unchecked copy into memory
    /// the writer owns: an `Array.append` per byte checked uniqueness and capacity at every
    /// byte, and `withUnsafeMutableBufferPointer` per value still cost a key 200 instructions.
    private var buffer: ByteBuffer
    /// How many bytes of `buffer` are written.
    private var length = 0
    /// Whether the innermost open container already has a member (needs a comma before the
    /// next), one bit per nesting level; levels past 64 (never seen) fall back to `deepLevels`.
    private var memberBits: UInt64 = 0
    private var deepLevels: [Bool] = []
    /// Open containers.
    private var level = 0
    private let indentUnit: Int
    private var depth = 0
    /// Whether a key was just written, so the value follows it without a separator.
    private var pendingValue = false

    /// Where full buffers go when the writer streams (nil: keep everything in `bytes`).
    private let sink: (@Sendable (UnsafeRawBufferPointer) -> Void)?
    /// Buffer size at which a streaming writer hands its bytes to the sink.
    private static let flushThreshold = 1 << 20

    /// A writer; `indent` spaces per level (0 for compact one-line output).
    public init(indent: Int = 1, reserve: Int = 0) {
        indentUnit = indent
        sink = nil
        buffer = ByteBuffer(capacity: reserve)
    }

    /// A streaming writer: every megabyte goes to `sink`, so memory stays flat however large
    /// the document (call `flush()` at the end).
    public init(indent: Int = 1, sink: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        indentUnit = indent
        self.sink = sink
        buffer = ByteBuffer(capacity: Self.flushThreshold + 4096)
    }

    /// A buffering writer for the elements of an array that stands at `depth` in a document
    /// written elsewhere (a top-level array of the document object: depth 2), so elements
    /// written here and spliced in with `beginRawElements` read as `JSONWriter` writes them.
    public init(indent: Int = 1, elementsAtDepth depth: Int) {
        indentUnit = indent
        sink = nil
        self.depth = depth
        buffer = ByteBuffer(capacity: 0)
        level = depth
        if level >= 64 { deepLevels = [Bool](repeating: false, count: level - 63) }
    }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer.base, count: length)) }

    /// How many bytes are written (and not yet flushed or taken).
    public var count: Int { length }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: buffer.base, count: length))
    }

    /// Hands over the bytes written and starts an empty buffer.
    public mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        buffer = ByteBuffer(capacity: 0)
        length = 0
        return taken
    }

    /// Whether an element was written (`elementsAtDepth` writers).
    public var hasElements: Bool { hasMember }

    /// Forgets the bytes written so far (once the caller has stored them), keeping the
    /// writer's place in its containers.
    public mutating func removeAllBytes() {
        length = 0
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
        guard let sink, length > 0 else { return }
        withUnsafeBytes { sink($0) }
        length = 0
    }

    /// Appends one raw byte (a final newline).
    public mutating func raw(_ byte: UInt8) {
        write(room: 1) { $0[0] = byte; return 1 }
    }

    @inline(__always)
    private mutating func flushIfFull() {
        if sink != nil && length >= Self.flushThreshold { flush() }
    }

    /// Makes room for at least `room` more bytes, then lets `body` write at the end and
    /// say how many bytes it wrote.
    @inline(__always)
    private mutating func write(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if !isKnownUniquelyReferenced(&buffer) || buffer.capacity - length < room { reallocate(toHold: length + room) }
        length += body(buffer.base + length)
    }

    /// Moves the bytes to a buffer of this writer's own that holds `needed` bytes: at least
    /// double the old one, so growth is amortised. A copied writer shares its buffer until
    /// either writes.
    @inline(never)
    private mutating func reallocate(toHold needed: Int) {
        let grown = ByteBuffer(capacity: Swift.max(needed, buffer.capacity * 2, 256))
        grown.base.update(from: buffer.base, count: length)
        buffer = grown
    }

    /// Whether the innermost open container (the top level when none) has a member yet.
    private var hasMember: Bool {
        @inline(__always)
        get { level < 64 ? memberBits & (1 << UInt64(level)) != 0 : deepLevels[level - 64] }
        @inline(__always)
        set {
            if level < 64 {
                if newValue { memberBits |= 1 << UInt64(level) } else { memberBits &= ~(1 << UInt64(level)) }
            } else {
                deepLevels[level - 64] = newValue
            }
        }
    }

    @inline(__always)
    private mutating func openLevel() {
        level += 1
        if level >= 64 { deepLevels.append(false) } else { hasMember = false }
    }

    @inline(__always)
    private mutating func closeLevel() -> Bool {
        let had = hasMember
        if level >= 64 { deepLevels.removeLast() }
        level -= 1
        return had
    }

    /// What goes before a member or a value: a comma after the previous member, then (when
    /// indenting, inside a container) a line break and `indent` spaces.
    private struct Lead {
        /// Whether a comma comes first.
        var comma: Bool
        /// Spaces after the line break; -1 for no line break.
        var indent: Int
        /// Nothing: a value right after its key.
        static let none = Lead(comma: false, indent: -1)
        /// The most bytes the lead writes, and room for its spaces to be stored eight at a time.
        var room: Int { 10 + Swift.max(indent, 0) }

        /// Writes the lead at `pointer`; returns how many bytes it wrote.
        @inline(__always)
        func put(_ pointer: UnsafeMutablePointer<UInt8>) -> Int {
            var index = 0
            if comma { pointer[0] = UInt8(ascii: ","); index = 1 }
            if indent >= 0 {
                pointer[index] = 0x0A
                if indent <= 8 {
                    // Eight spaces in one store (`room` leaves space for them): the usual
                    // indentation is a few spaces, and `memset` cost more than it wrote.
                    UnsafeMutableRawPointer(pointer + index + 1).storeBytes(of: 0x2020_2020_2020_2020 as UInt64, as: UInt64.self)
                } else {
                    (pointer + index + 1).update(repeating: 0x20, count: indent)
                }
                index += 1 + indent
            }
            return index
        }
    }

    /// The lead of a new member of the innermost container, which now has one.
    @inline(__always)
    private mutating func memberLead() -> Lead {
        let lead = Lead(comma: hasMember, indent: depth > 0 && indentUnit > 0 ? depth * indentUnit : -1)
        hasMember = true
        return lead
    }

    /// The lead of a value: none after a key, else that of a new member.
    @inline(__always)
    private mutating func valueLead() -> Lead {
        flushIfFull()
        if pendingValue {
            pendingValue = false
            return .none
        }
        return memberLead()
    }

    /// Writes `lead` then the bytes of `text`.
    @inline(__always)
    private mutating func write(_ lead: Lead, _ text: StaticString) {
        let count = text.utf8CodeUnitCount
        let source = text.utf8Start
        write(room: lead.room + count) { pointer in
            let index = lead.put(pointer)
            Self.copy(pointer + index, source, count)
            return index + count
        }
    }

    /// Closes a container with `bracket`, on a line of its own when it had members.
    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        let hadMembers = closeLevel()
        depth -= 1
        let lead = Lead(comma: false, indent: hadMembers && indentUnit > 0 ? depth * indentUnit : -1)
        write(room: lead.room + 1) { pointer in
            let index = lead.put(pointer)
            pointer[index] = bracket
            return index + 1
        }
    }

    /// Opens an object (as the value of the pending key, or as an array element).
    public mutating func beginObject() {
        write(valueLead(), "{")
        depth += 1
        openLevel()
    }

    /// Closes the current object.
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    /// Opens an array (as the value of the pending key, or as an array element).
    public mutating func beginArray() {
        write(valueLead(), "[")
        depth += 1
        openLevel()
    }

    /// Closes the current array.
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// Writes a key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        let lead = memberLead()
        let count = name.utf8CodeUnitCount
        let source = name.utf8Start
        let space = indentUnit > 0
        write(room: lead.room + count + 4) { pointer in
            Self.putKey(pointer, lead.put(pointer), source, count, space)
        }
        // The value follows the key directly, without a separator of its own.
        pendingValue = true
    }

    /// Writes `"name":` (and a space when indenting) at `pointer + index`, which has room for
    /// the name and four bytes; returns the index after it.
    @inline(__always)
    private static func putKey(_ pointer: UnsafeMutablePointer<UInt8>, _ index: Int,
                               _ source: UnsafePointer<UInt8>, _ count: Int, _ space: Bool) -> Int {
        var index = index
        pointer[index] = UInt8(ascii: "\"")
        copy(pointer + index + 1, source, count)
        index += 1 + count
        pointer[index] = UInt8(ascii: "\"")
        pointer[index + 1] = UInt8(ascii: ":")
        index += 2
        if space { pointer[index] = UInt8(ascii: " "); index += 1 }
        return index
    }

    /// Writes the member `name`: `value` of the innermost object, the bytes `key(name)` then
    /// `string(value)` write, with one capacity check and lead for both: a member written in
    /// two calls cost twice the checks, and the key's `pendingValue` round trip.
    public mutating func member(_ name: StaticString, _ value: String) {
        var value = value
        value.withUTF8 { memberString(name, $0) }
    }

    /// Writes the member `name`: `value` (UTF-8 bytes) of the innermost object, as `member(_:_:)`.
    public mutating func member(_ name: StaticString, utf8 value: [UInt8]) {
        value.withUnsafeBufferPointer { memberString(name, $0) }
    }

    /// Writes the member `name`: `value` when there is a value, else nothing.
    @inline(__always)
    public mutating func member(_ name: StaticString, ifPresent value: String?) {
        guard let value else { return }
        member(name, value)
    }

    /// Writes the member `name`: `value` (an integer) of the innermost object, the bytes
    /// `key(name)` then `int(value)` write, in one step.
    public mutating func member(_ name: StaticString, int value: Int) {
        flushIfFull()
        let lead = memberLead()
        let count = name.utf8CodeUnitCount
        let source = name.utf8Start
        let space = indentUnit > 0
        write(room: lead.room + count + 4 + 20) { pointer in
            let index = Self.putKey(pointer, lead.put(pointer), source, count, space)
            return index + Self.putInt(pointer + index, value)
        }
    }

    /// The member `name`: the quoted, escaped `buffer`; the prefix that needs no escape is
    /// written with the key.
    private mutating func memberString(_ name: StaticString, _ buffer: UnsafeBufferPointer<UInt8>) {
        flushIfFull()
        let lead = memberLead()
        let nameCount = name.utf8CodeUnitCount
        let source = name.utf8Start
        let space = indentUnit > 0
        let count = buffer.count
        let firstEscape = Self.firstEscape(buffer, from: 0)
        write(room: lead.room + nameCount + 4 + firstEscape + 2) { pointer in
            Self.putQuotedPrefix(pointer, Self.putKey(pointer, lead.put(pointer), source, nameCount, space),
                                 buffer, firstEscape)
        }
        if firstEscape < count { escapeRest(buffer, from: firstEscape) }
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        let lead = valueLead()
        var value = value
        value.withUTF8 { escape($0, after: lead) }
    }

    /// Writes a string value from UTF-8 bytes.
    public mutating func string(utf8 value: [UInt8]) {
        let lead = valueLead()
        value.withUnsafeBufferPointer { escape($0, after: lead) }
    }

    /// Copies `count` bytes: short runs (keys, literals, ids, numbers' neighbours) in one or
    /// two overlapping word moves, since a call to `memmove` cost more than the bytes it moved.
    @inline(__always)
    private static func copy(_ target: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ count: Int) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count >= 8 && count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 && count < 8 {
            let head = from.loadUnaligned(as: UInt32.self)
            let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else if count < 4 {
            for offset in 0..<count { target[offset] = source[offset] }
        } else {
            target.update(from: source, count: count)
        }
    }

    /// The lower-case hex digit of `value` (0–15).
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Writes `lead` and `buffer` as a quoted, escaped string. Prose needs no escape: it is
    /// checked eight bytes at a time and copied at once.
    private mutating func escape(_ buffer: UnsafeBufferPointer<UInt8>, after lead: Lead) {
        let count = buffer.count
        let firstEscape = Self.firstEscape(buffer, from: 0)
        write(room: lead.room + count + 2) { pointer in
            Self.putQuotedPrefix(pointer, lead.put(pointer), buffer, firstEscape)
        }
        if firstEscape < count { escapeRest(buffer, from: firstEscape) }
    }

    /// Writes at `index` an opening quote and the first `firstEscape` bytes of `buffer` (which
    /// need no escape), and the closing quote when that is the whole string; returns the index
    /// after them. The rest, from the first byte that needs an escape, is `escapeRest`'s.
    @inline(__always)
    private static func putQuotedPrefix(_ pointer: UnsafeMutablePointer<UInt8>, _ index: Int,
                                        _ buffer: UnsafeBufferPointer<UInt8>, _ firstEscape: Int) -> Int {
        var index = index
        pointer[index] = UInt8(ascii: "\"")
        index += 1
        if let base = buffer.baseAddress { copy(pointer + index, base, firstEscape) }
        index += firstEscape
        if firstEscape == buffer.count {
            pointer[index] = UInt8(ascii: "\"")
            index += 1
        }
        return index
    }

    /// The escaped rest of a string from its first byte that needs an escape, and the closing quote.
    @inline(never)
    private mutating func escapeRest(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) {
        var index = start
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            switch byte {
            case UInt8(ascii: "\""): write(.none, "\\\"")
            case UInt8(ascii: "\\"): write(.none, "\\\\")
            case 0x0A: write(.none, "\\n")
            case 0x0D: write(.none, "\\r")
            case 0x09: write(.none, "\\t")
            default:
                write(room: 6) { pointer in
                    pointer[0] = 0x5C; pointer[1] = UInt8(ascii: "u"); pointer[2] = 0x30; pointer[3] = 0x30
                    pointer[4] = Self.hexDigit(byte >> 4); pointer[5] = Self.hexDigit(byte & 0xF)
                    return 6
                }
            }
            index += 1
            let next = Self.firstEscape(buffer, from: index)
            if next > index, let base = buffer.baseAddress {
                write(room: next - index) { pointer in
                    Self.copy(pointer, base + index, next - index)
                    return next - index
                }
            }
            index = next
        }
        write(.none, "\"")
    }

    /// The offset of the first byte at or after `start` that needs an escape (`count` if none).
    @inline(__always)
    static func firstEscape(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, vectors: Bool = true) -> Int {
        var index = start
        let count = buffer.count
        guard let base = buffer.baseAddress else { return count }
        #if arch(x86_64)
        if vectors {
            // Prose, the bulk of the bytes, sixteen at a time: half the instructions per byte
            // of the word scan below.
            let limit = _mm_set1_epi8(0x1F)
            let quote = _mm_set1_epi8(0x22)
            let backslash = _mm_set1_epi8(0x5C)
            while index &+ 16 <= count {
                let vector = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i_u.self))
                // Unsigned `v <= 0x1F` as `min(v, 0x1F) == v` (SSE2 has no unsigned compare).
                let control = _mm_cmpeq_epi8(_mm_min_epu8(vector, limit), vector)
                let special = _mm_or_si128(_mm_cmpeq_epi8(vector, quote), _mm_cmpeq_epi8(vector, backslash))
                let lanes = _mm_movemask_epi8(_mm_or_si128(control, special))
                if lanes != 0 { return index &+ Int(lanes.trailingZeroBitCount) }
                index &+= 16
            }
        }
        #endif
        while index &+ 8 <= count, !needsEscape(ByteWords.load(base, index)) { index &+= 8 }
        // Fewer than eight bytes left of a string of eight or more: the last eight bytes in
        // one word (those before `index` are known clean), instead of a loop over the rest.
        if index &+ 8 > count {
            if count >= 8 {
                if !needsEscape(ByteWords.load(base, count &- 8)) { return count }
            } else if count >= 4 {
                // Four to seven bytes (most ids, kinds and keys): two overlapping four-byte
                // loads checked as one word.
                let head = UInt64(UnsafeRawPointer(base).loadUnaligned(as: UInt32.self))
                let tail = UInt64(UnsafeRawPointer(base + (count &- 4)).loadUnaligned(as: UInt32.self))
                if !needsEscape(head | tail << 32) { return count }
            }
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index &+= 1
        }
        return count
    }

    /// Whether any of the eight bytes of `word` may be a control character, `"` or `\\`.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWords.between(word, 0x00, 0x1F) | ByteWords.equal(word, 0x22) | ByteWords.equal(word, 0x5C) != 0
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        let lead = valueLead()
        write(room: lead.room + 20) { pointer in
            let index = lead.put(pointer)
            return index + Self.putInt(pointer + index, value)
        }
    }

    /// The two ASCII digits of every number 0–99, in order: one table load writes two digits,
    /// where a division per digit cost twice as much. A `StaticString`, so reading it needs no
    /// lazy initialisation check.
    private static var digitPairs: StaticString { """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """ }

    /// Writes the decimal digits of `value` (with a leading `-` when negative) at `pointer`,
    /// at most 20 bytes; returns how many it wrote. The same bytes as `String(value)`.
    @inline(__always)
    static func putInt(_ pointer: UnsafeMutablePointer<UInt8>, _ value: Int) -> Int {
        var index = 0
        if value < 0 { pointer[0] = UInt8(ascii: "-"); index = 1 }
        var magnitude = value.magnitude
        if magnitude < 10 {
            pointer[index] = UInt8(truncatingIfNeeded: magnitude) &+ 0x30
            return index &+ 1
        }
        // Digits counted by comparisons (no division); 10^19 is the last power that fits.
        var digits = 2
        var power: UInt = 100
        while digits < 20 && magnitude >= power {
            digits &+= 1
            if digits == 20 { break }
            power &*= 10
        }
        let pairs = digitPairs.utf8Start
        // Digits from the last pair back, so none has to be reversed.
        var at = index &+ digits
        while magnitude >= 100 {
            let pair = Int(truncatingIfNeeded: magnitude % 100) &* 2
            magnitude /= 100
            at &-= 2
            pointer[at] = pairs[pair]
            pointer[at &+ 1] = pairs[pair &+ 1]
        }
        if magnitude >= 10 {
            let pair = Int(truncatingIfNeeded: magnitude) &* 2
            pointer[at &- 2] = pairs[pair]
            pointer[at &- 1] = pairs[pair &+ 1]
        } else {
            pointer[at &- 1] = UInt8(truncatingIfNeeded: magnitude) &+ 0x30
        }
        return index &+ digits
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        let lead = valueLead()
        if value { write(lead, "true") } else { write(lead, "false") }
    }

    /// Writes `null`.
    public mutating func null() {
        write(valueLead(), "null")
    }
}

/// The memory a `JSONOutput` writes into: one allocation, freed with the last writer that
/// holds it. Writers copy it before writing when they share it, so a copied writer keeps
/// value semantics.
private final class ByteBuffer: @unchecked Sendable {
    /// The first byte.
    let base: UnsafeMutablePointer<UInt8>
    /// How many bytes it holds.
    let capacity: Int

    /// Memory for `capacity` bytes.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 0)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { base.deallocate() }
}

/// Where the members of a JSON object go: the writer itself (`JSONOutput`), a cursor that
/// writes into room reserved for them (`JSONMemberCursor`), or a tally of that room
/// (`JSONMemberRoom`). An object's members written once, generically, through any of the
/// three give the same bytes, and the tally bounds what the cursor writes.
public protocol JSONMemberWriter {
    /// The member `name`: `value` (a string).
    mutating func member(_ name: StaticString, _ value: String)
    /// The member `name`: `value` (a string as UTF-8 bytes).
    mutating func member(_ name: StaticString, utf8 value: [UInt8])
    /// The member `name`: `value` (an integer).
    mutating func member(_ name: StaticString, int value: Int)
    /// The member `name`: `value` (a boolean).
    mutating func member(_ name: StaticString, bool value: Bool)
    /// The member `name`: `null`.
    mutating func memberNull(_ name: StaticString)
    /// The member `name`: an array of `values`, nothing when there are none.
    mutating func member(_ name: StaticString, strings values: [String])
    /// The member `name`: an array of `values` (`[]` when there are none).
    mutating func member(_ name: StaticString, ints values: [Int])
}

extension JSONMemberWriter {
    /// The member `name`: `value` when there is a value, else nothing.
    @inline(__always)
    public mutating func member(_ name: StaticString, ifPresent value: String?) {
        if let value { member(name, value) }
    }
}

extension JSONOutput: JSONMemberWriter {
    /// Writes the member `name`: `value` (a boolean).
    public mutating func member(_ name: StaticString, bool value: Bool) {
        key(name)
        bool(value)
    }

    /// Writes the member `name`: `null`.
    public mutating func memberNull(_ name: StaticString) {
        key(name)
        null()
    }

    /// Writes the member `name`: an array of `values`, nothing when there are none.
    public mutating func member(_ name: StaticString, strings values: [String]) {
        guard !values.isEmpty else { return }
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes the member `name`: an array of `values` (`[]` when there are none).
    public mutating func member(_ name: StaticString, ints values: [Int]) {
        key(name)
        beginArray()
        for value in values { int(value) }
        endArray()
    }

    /// Writes members of the innermost open object: `measure` tallies the room they need,
    /// then `write` writes them through a cursor into that room, with no capacity check, lead
    /// or state kept in the writer between members (a member through `member(_:_:)` cost
    /// 180–340 instructions). Both closures must write the same members. Returns false,
    /// having written nothing, when the indentation is deeper than the cursor's leads hold.
    @inline(__always)
    public mutating func withMembers(measure: (inout JSONMemberRoom) -> Void,
                                     write body: (inout JSONMemberCursor) -> Void) -> Bool {
        // A member's lead and an element's lead, one level deeper, fit in sixteen bytes.
        let indent = indentUnit > 0 ? depth &* indentUnit : 0
        guard indent &+ indentUnit <= 14, pendingValue == false, depth > 0 else { return false }
        flushIfFull()
        var room = JSONMemberRoom()
        measure(&room)
        let first = !hasMember
        let unit = indentUnit
        var wrote = false
        write(room: room.bytes) { pointer in
            var cursor = JSONMemberCursor(pointer, indent: unit > 0 ? indent : -1, unit: unit, first: first)
            body(&cursor)
            wrote = !cursor.first
            return cursor.pointer - pointer
        }
        if wrote { hasMember = true }
        return true
    }
}

extension JSONOutput {
    /// Writes a whole object (as the value of the pending key, or as an array element) whose
    /// members `write` writes through a cursor, in room `measure` tallies: the bytes of
    /// `beginObject()`, the same members, then `endObject()`, with one capacity check for all
    /// (opening and closing an object cost two hundred instructions). Both closures must write
    /// the same members. Returns false, having written nothing, when the indentation is
    /// deeper than the cursor's leads hold.
    @inline(__always)
    public mutating func withObject(measure: (inout JSONMemberRoom) -> Void,
                                    write body: (inout JSONMemberCursor) -> Void) -> Bool {
        let unit = indentUnit
        // Members one level in, and the elements of their arrays two, fit the cursor's leads.
        guard (depth &+ 2) &* unit <= 14 else { return false }
        let lead = valueLead()
        var room = JSONMemberRoom()
        measure(&room)
        let inner = unit > 0 ? (depth &+ 1) &* unit : -1
        let outer = unit > 0 ? depth &* unit : 0
        write(room: lead.room &+ 1 &+ room.bytes &+ 11 &+ outer) { pointer in
            var index = lead.put(pointer)
            pointer[index] = UInt8(ascii: "{")
            index &+= 1
            var cursor = JSONMemberCursor(pointer + index, indent: inner, unit: unit, first: true)
            body(&cursor)
            index = cursor.pointer - pointer
            // On a line of its own when the object has members, as `close` writes it.
            let close = Lead(comma: false, indent: !cursor.first && unit > 0 ? outer : -1)
            index &+= close.put(pointer + index)
            pointer[index] = UInt8(ascii: "}")
            return index &+ 1
        }
        return true
    }
}

/// A tally of the room the members written to it need through a `JSONMemberCursor`: every
/// member's most (sixteen bytes of lead stored at once, the key, the value escaped at worst).
public struct JSONMemberRoom: JSONMemberWriter {
    /// The bytes counted so far.
    public private(set) var bytes = 0

    /// No room yet.
    public init() {}

    /// Lead, quotes, colon and space around `name`.
    @inline(__always)
    private mutating func add(_ name: StaticString, _ value: Int) {
        bytes &+= 16 &+ name.utf8CodeUnitCount &+ 4 &+ value
    }

    /// Counts the member `name`: `value` (a string, each byte at most six escaped).
    @inline(__always)
    public mutating func member(_ name: StaticString, _ value: String) {
        add(name, 2 &+ 6 &* value.utf8.count)
    }

    /// Counts the member `name`: `value` (UTF-8 bytes, each at most six escaped).
    @inline(__always)
    public mutating func member(_ name: StaticString, utf8 value: [UInt8]) {
        add(name, 2 &+ 6 &* value.count)
    }

    /// Counts the member `name`: `value` (an integer, at most twenty bytes).
    @inline(__always)
    public mutating func member(_ name: StaticString, int value: Int) { add(name, 20) }

    /// Counts the member `name`: `value` (a boolean, stored as one eight-byte word).
    @inline(__always)
    public mutating func member(_ name: StaticString, bool value: Bool) { add(name, 8) }

    /// Counts the member `name`: an array of `values`, each on a lead of its own, and the
    /// closing bracket on another.
    @inline(__always)
    public mutating func member(_ name: StaticString, ints values: [Int]) {
        add(name, 1 &+ 17 &+ values.count &* (16 &+ 20))
    }

    /// Counts the member `name`: `null`.
    @inline(__always)
    public mutating func memberNull(_ name: StaticString) { add(name, 4) }

    /// Counts the member `name`: an array of `values`, each on a lead of its own, and the
    /// closing bracket on another.
    @inline(__always)
    public mutating func member(_ name: StaticString, strings values: [String]) {
        guard !values.isEmpty else { return }
        var total = 1 &+ 17
        for value in values { total &+= 16 &+ 2 &+ 6 &* value.utf8.count }
        add(name, total)
    }
}

/// Writes members of one object into room a `JSONMemberRoom` measured, with the bytes
/// `JSONOutput` writes for them: each lead (comma, line break, indentation) is two stored
/// words, each key a copy of a known length once inlined, and nothing is checked or kept in
/// the writer between members.
public struct JSONMemberCursor: JSONMemberWriter {
    /// Where the next byte goes.
    fileprivate var pointer: UnsafeMutablePointer<UInt8>
    /// Whether no member is written yet (its lead has no comma).
    fileprivate var first: Bool
    /// A member's lead with its comma, as sixteen bytes (spaces after the lead).
    private let lead: (UInt64, UInt64)
    /// A member's lead without the comma.
    private let firstLead: (UInt64, UInt64)
    /// How many bytes of `lead` are the lead (one more than of `firstLead`).
    private let leadCount: Int
    /// The same three for an array element, one level deeper.
    private let elementLead: (UInt64, UInt64)
    private let firstElementLead: (UInt64, UInt64)
    private let elementLeadCount: Int
    /// Whether a space follows a key's colon (when indenting).
    private let space: Bool

    /// A cursor at `pointer` for members indented `indent` spaces (-1: on one line), array
    /// elements `unit` more; `first` when the object has no member yet.
    fileprivate init(_ pointer: UnsafeMutablePointer<UInt8>, indent: Int, unit: Int, first: Bool) {
        self.pointer = pointer
        self.first = first
        space = indent >= 0
        (lead, firstLead, leadCount) = Self.leads(indent)
        (elementLead, firstElementLead, elementLeadCount) = Self.leads(indent >= 0 ? indent + unit : -1)
    }

    /// The lead of a member indented `indent` spaces (≤ 14; -1: none) with and without its
    /// comma, each as sixteen bytes, and the bytes of the one with the comma.
    private static func leads(_ indent: Int) -> ((UInt64, UInt64), (UInt64, UInt64), Int) {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        guard indent >= 0 else { return ((spaces << 8 | 0x2C, spaces), (spaces, spaces), 1) }
        // ",\n" then spaces; "\n" then spaces (little-endian: the first byte is the lowest).
        return ((spaces << 16 | 0x0A2C, spaces), (spaces << 8 | 0x0A, spaces), 2 + indent)
    }

    /// Stores a lead of `count` bytes held in `words`.
    @inline(__always)
    private mutating func put(_ words: (UInt64, UInt64), _ count: Int) {
        let raw = UnsafeMutableRawPointer(pointer)
        raw.storeBytes(of: words.0, as: UInt64.self)
        raw.storeBytes(of: words.1, toByteOffset: 8, as: UInt64.self)
        pointer += count
    }

    /// The lead and key of a member.
    @inline(__always)
    private mutating func putKey(_ name: StaticString) {
        if first {
            first = false
            put(firstLead, leadCount &- 1)
        } else {
            put(lead, leadCount)
        }
        let count = name.utf8CodeUnitCount
        pointer[0] = UInt8(ascii: "\"")
        JSONOutput.copyBytes(pointer + 1, name.utf8Start, count)
        pointer[count &+ 1] = UInt8(ascii: "\"")
        pointer[count &+ 2] = UInt8(ascii: ":")
        pointer[count &+ 3] = UInt8(ascii: " ")
        pointer += space ? count &+ 4 : count &+ 3
    }

    /// Writes `value` quoted and escaped.
    @inline(__always)
    private mutating func putString(_ value: String) {
        // The string's own bytes, borrowed (a native string's, or a small one's copied to the
        // stack), with no retain and release of a copy; `withUTF8` only when not contiguous.
        let target = pointer
        if let written = value.utf8.withContiguousStorageIfAvailable({ JSONOutput.putQuoted(target, $0) }) {
            pointer += written
        } else {
            var value = value
            value.withUTF8 { pointer += JSONOutput.putQuoted(pointer, $0) }
        }
    }

    /// Writes the member `name`: `value` (a string).
    @inline(__always)
    public mutating func member(_ name: StaticString, _ value: String) {
        putKey(name)
        putString(value)
    }

    /// Writes the member `name`: `value` (UTF-8 bytes).
    @inline(__always)
    public mutating func member(_ name: StaticString, utf8 value: [UInt8]) {
        putKey(name)
        let target = pointer
        pointer += value.withUnsafeBufferPointer { JSONOutput.putQuoted(target, $0) }
    }

    /// Writes the member `name`: `value` (an integer).
    @inline(__always)
    public mutating func member(_ name: StaticString, int value: Int) {
        putKey(name)
        pointer += JSONOutput.putInt(pointer, value)
    }

    /// Writes the member `name`: `value` (a boolean).
    @inline(__always)
    public mutating func member(_ name: StaticString, bool value: Bool) {
        putKey(name)
        let word: UInt64 = value ? 0x6575_7274 : 0x65_736C_6166  // "true", "false"
        UnsafeMutableRawPointer(pointer).storeBytes(of: word, as: UInt64.self)
        pointer += value ? 4 : 5
    }

    /// Writes the member `name`: `null`.
    @inline(__always)
    public mutating func memberNull(_ name: StaticString) {
        putKey(name)
        UnsafeMutableRawPointer(pointer).storeBytes(of: 0x6C6C_756E as UInt32, as: UInt32.self)  // "null"
        pointer += 4
    }

    /// Writes the member `name`: an array of `values` (`[]` when there are none).
    public mutating func member(_ name: StaticString, ints values: [Int]) {
        putKey(name)
        pointer[0] = UInt8(ascii: "[")
        pointer += 1
        guard !values.isEmpty else {
            pointer[0] = UInt8(ascii: "]")
            pointer += 1
            return
        }
        var firstElement = true
        for value in values {
            if firstElement {
                firstElement = false
                put(firstElementLead, elementLeadCount &- 1)
            } else {
                put(elementLead, elementLeadCount)
            }
            pointer += JSONOutput.putInt(pointer, value)
        }
        put(firstLead, leadCount &- 1)
        pointer[0] = UInt8(ascii: "]")
        pointer += 1
    }

    /// Writes the member `name`: an array of `values`, nothing when there are none.
    public mutating func member(_ name: StaticString, strings values: [String]) {
        guard !values.isEmpty else { return }
        putKey(name)
        pointer[0] = UInt8(ascii: "[")
        pointer += 1
        var firstElement = true
        for value in values {
            if firstElement {
                firstElement = false
                put(firstElementLead, elementLeadCount &- 1)
            } else {
                put(elementLead, elementLeadCount)
            }
            putString(value)
        }
        put(firstLead, leadCount &- 1)
        pointer[0] = UInt8(ascii: "]")
        pointer += 1
    }
}

extension JSONOutput {
    /// `copy`, for the cursor.
    @inline(__always)
    fileprivate static func copyBytes(_ target: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>, _ count: Int) {
        copy(target, source, count)
    }

    /// Writes `buffer` quoted and escaped at `pointer`, which has room for six bytes per byte
    /// and the quotes; returns how many bytes it wrote. The bytes `string(utf8:)` writes.
    @inline(__always)
    static func putQuoted(_ pointer: UnsafeMutablePointer<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        let count = buffer.count
        let clean = firstEscape(buffer, from: 0)
        pointer[0] = UInt8(ascii: "\"")
        if let base = buffer.baseAddress { copy(pointer + 1, base, clean) }
        var index = 1 &+ clean
        if clean < count { index &+= putEscapedRest(pointer + index, buffer, from: clean) }
        pointer[index] = UInt8(ascii: "\"")
        return index &+ 1
    }

    /// Writes `buffer` from `start` (a byte that needs an escape) escaped at `pointer`;
    /// returns how many bytes it wrote. The same escapes as `escapeRest`.
    @inline(never)
    static func putEscapedRest(_ pointer: UnsafeMutablePointer<UInt8>, _ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var at = 0
        let count = buffer.count
        guard let base = buffer.baseAddress else { return 0 }
        while index < count {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                pointer[at] = 0x5C; pointer[at &+ 1] = byte; at &+= 2
            case 0x0A: pointer[at] = 0x5C; pointer[at &+ 1] = UInt8(ascii: "n"); at &+= 2
            case 0x0D: pointer[at] = 0x5C; pointer[at &+ 1] = UInt8(ascii: "r"); at &+= 2
            case 0x09: pointer[at] = 0x5C; pointer[at &+ 1] = UInt8(ascii: "t"); at &+= 2
            default:
                pointer[at] = 0x5C; pointer[at &+ 1] = UInt8(ascii: "u"); pointer[at &+ 2] = 0x30; pointer[at &+ 3] = 0x30
                pointer[at &+ 4] = hexDigit(byte >> 4); pointer[at &+ 5] = hexDigit(byte & 0xF)
                at &+= 6
            }
            index &+= 1
            let next = firstEscape(buffer, from: index)
            copy(pointer + at, base + index, next &- index)
            at &+= next &- index
            index = next
        }
        return at
    }
}
