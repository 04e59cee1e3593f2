#ifndef G
#define G
#include "g.h"
int g;
#endif
