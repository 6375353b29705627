#ifndef VERBALE_CSQLITE_SHIM_H
#define VERBALE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
