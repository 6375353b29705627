#ifndef VERBALE_CLIBXML2_SHIM_H
#define VERBALE_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its ICU types clash with the ICU that Foundation
// bundles ("'UErrorCode' has different definitions") on clean builds only. We never use
// libxml2's ICU encoders, so hide them before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
