#define a a b
#define b a
a b
#define f(x) f(x) g
f(f(1))
