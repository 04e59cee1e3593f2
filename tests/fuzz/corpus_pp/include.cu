#include "self.h"
#include <x.h>
int x;
