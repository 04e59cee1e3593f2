#if defined(X) && (1 << 3) > 2 ? 1 : 0
yes
#elif __has_include(<a.h>)
#else
#endif
