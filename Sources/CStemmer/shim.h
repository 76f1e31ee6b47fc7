#ifndef PRECIS_CSTEMMER_SHIM_H
#define PRECIS_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
