internal import CCrypto

/// Incremental SHA-256 (FIPS 180-4), fed chunk by chunk as the input streams in.
///
/// libcrypto's implementation (SHA-NI or AVX2 where the processor has them); its context is a
/// plain C struct, so the digest stays a value type.
public struct SHA256: Sendable {
    private var context = SHA256_CTX()

    /// A fresh digest.
    public init() {
        SHA256_Init(&context)
    }

    /// Adds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        SHA256_Update(&context, base, bytes.count)
    }

    /// Adds bytes from an array.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The lower-case hex digest.
    public func hexDigest() -> String {
        var copy = context
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = digest.withUnsafeMutableBufferPointer { SHA256_Final($0.baseAddress, &copy) }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
