import CMimalloc

/// The memory allocator the `verbale` binary runs on.
///
/// Importing `CMimalloc` links Debian's libmimalloc, which replaces `malloc` and `free` for the
/// whole process (the Swift runtime's allocations included). A conversion makes and frees
/// hundreds of thousands of small arrays, and glibc's allocator spent a tenth of `verbale
/// cites` on them; mimalloc's thread-local free lists cut that. Only the command-line binary
/// links it: the library leaves the choice to its host, and the fuzz target keeps
/// AddressSanitizer's allocator.
enum Allocator {
    /// The mimalloc version linked, as `major.minor.patch` (mimalloc encodes 2.0.9 as 209).
    static var version: String {
        let encoded = Int(mi_version())
        return "mimalloc \(encoded / 100).\(encoded / 10 % 10).\(encoded % 10)"
    }
}
