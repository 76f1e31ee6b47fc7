#ifndef PRECIS_CLIBXML2_SHIM_H
#define PRECIS_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU; its encoding header then includes ICU's headers, whose enums clash
// with the copy of ICU inside Swift's Foundation. Precis passes libxml2 UTF-8 only and never touches
// the encoding handler, so the ICU part of the headers is hidden here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#endif
