#ifndef VERBALE_CCRYPTO_SHIM_H
#define VERBALE_CCRYPTO_SHIM_H
/* SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of EVP, but their context is a
   plain struct — a Swift value with no heap handle to free — and they run the same SHA-NI/AVX
   code. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#endif
