#include <libxml/xmlversion.h>
/* Only the SAX API is used; keeping ICU's headers out avoids clashing with Foundation's own ICU copy. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
/* xmlFree is a global function pointer, which Swift 6 counts as shared mutable state. */
static inline void taizhang_xml_free(void *p) { xmlFree(p); }
