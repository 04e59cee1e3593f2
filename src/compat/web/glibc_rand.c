/*
 * glibc_rand.c — rand() and srand() in a program built with `cuwasm cc
 * --target web` give the numbers glibc's give, so that a program which
 * makes its input with rand() prints on the web what its native build
 * prints on Linux.
 *
 * emscripten's C library (musl) has another generator: Rodinia's b+tree,
 * for one, draws its queries with rand() and printed other answers in
 * Node than natively.  This is glibc's default generator as its manual
 * and the literature describe it (an additive lagged-Fibonacci generator,
 * x[i] = x[i-3] + x[i-31] mod 2^32, returning x[i] >> 1; seeded with 31
 * words of Park-Miller's minimal standard generator, x[i] = 16807 x[i-1]
 * mod 2^31-1 by Schrage's method, then 310 outputs dropped), written
 * here; tests/programs/host_rand.cu compares it with glibc's.  Linked
 * into every such program ahead of libc's (like web_threads.c).
 * random()/srandom() keep musl's.
 */
#include <stdint.h>
#include <stdlib.h>

enum { LAG_LONG = 31, LAG_SHORT = 3, RING = 34, DROPPED = 310 };

static uint32_t ring[RING]; /* the last RING values, x[i] at i % RING */
static unsigned next_i;     /* the index of the next value */
static int seeded;

static uint32_t step(void) {
  unsigned i = next_i++;
  uint32_t x = ring[(i + RING - LAG_LONG) % RING] + ring[(i + RING - LAG_SHORT) % RING];
  ring[i % RING] = x;
  return x;
}

void srand(unsigned seed) {
  int32_t word = seed ? (int32_t)seed : 1;
  ring[0] = (uint32_t)word;
  for (int i = 1; i < LAG_LONG; i++) { /* 16807 * word mod (2^31 - 1), without overflow */
    int32_t hi = word / 127773, lo = word % 127773;
    word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    ring[i] = (uint32_t)word;
  }
  for (int i = LAG_LONG; i < RING; i++) ring[i] = ring[i - LAG_LONG];
  next_i = RING;
  for (int i = 0; i < DROPPED; i++) step();
  seeded = 1;
}

int rand(void) {
  if (!seeded) srand(1); /* as if srand(1), as C requires */
  return (int)(step() >> 1);
}
