#if arch(x86_64)
import _Builtin_intrinsics.intel

/// Sixteen-byte SSE2 operations (part of every x86-64 processor) that the vector scans of
/// every stage share: the citation scanner's word ends, the validation's block scan, the text
/// builder's copies. All inline; each stage keeps its own loop and masks.
enum ByteLanes {
    /// `byte` in every lane.
    @inline(__always)
    static func splat(_ byte: UInt8) -> __m128i { _mm_set1_epi8(CChar(bitPattern: byte)) }

    /// All ones in the lanes whose byte lies in `low ..< low + count`, in two operations: adding
    /// `0x80 - low` moves the range to the bottom of the signed bytes (`-128 ..< -128 + count`)
    /// and every other value above it, so one signed compare tells. (A `min`-and-equal form
    /// takes a third operation per range.)
    @inline(__always)
    static func within(_ vector: __m128i, _ low: UInt8, _ count: UInt8) -> __m128i {
        _mm_cmpgt_epi8(splat(0x80 &+ count), _mm_add_epi8(vector, splat(0x80 &- low)))
    }

    /// The sixteen bytes at `address`, which need no alignment. `_mm_loadu_si128`, not
    /// `loadUnaligned(as:)`: the generic load was not always inlined.
    @inline(__always)
    static func load(_ address: UnsafeRawPointer) -> __m128i {
        _mm_loadu_si128(address.assumingMemoryBound(to: __m128i_u.self))
    }
}
#endif
