#include <libxml/xmlversion.h>
/* Only the SAX API is used; keeping ICU's headers out avoids clashing with Foundation's own ICU copy. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
