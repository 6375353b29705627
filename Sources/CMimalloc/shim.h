#ifndef VERBALE_CMIMALLOC_SHIM_H
#define VERBALE_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#endif
