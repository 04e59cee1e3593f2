/*
 * compare_bins.c — compares the output buffers two backends wrote for the
 * same launch (`cuwasm launch --out DIR` writes DIR/argK.bin), with a
 * tolerance per element type: exact for integers, relative 1e-4 for f32
 * (the GPU's fused multiply-adds round differently from the CPU's), 1e-9
 * for f64, 1e-2 for f16.
 *   compare_bins DIR_A DIR_B K:TYPE [K:TYPE ...]
 * Exit 0 when every listed buffer matches, 1 otherwise (the first
 * mismatches are printed).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *load(const char *dir, int k, size_t *n) {
  char path[1024];
  snprintf(path, sizeof path, "%s/arg%d.bin", dir, k);
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *b = malloc(len > 0 ? (size_t)len : 1);
  if (b && fread(b, 1, (size_t)len, f) != (size_t)len) len = 0;
  fclose(f);
  *n = (size_t)len;
  return b;
}

static double half_to_double(uint16_t h) {
  int e = (h >> 10) & 31, m = h & 1023;
  double v = e == 0 ? ldexp(m, -24) : e == 31 ? INFINITY : ldexp(m + 1024, e - 25);
  return h & 0x8000 ? -v : v;
}

static int close_enough(double a, double b, double rel) {
  if (isnan(a) && isnan(b)) return 1;
  double d = fabs(a - b), s = fmax(fabs(a), fabs(b));
  return d <= rel * s || d <= rel;
}

static int compare(const unsigned char *a, const unsigned char *b, size_t n, const char *type, int k) {
  int bad = 0;
  size_t es = strstr(type, "64") ? 8 : strstr(type, "16") ? 2 : strstr(type, "8") ? 1 : 4;
  for (size_t i = 0; i + es <= n && bad < 5; i += es) {
    int ok;
    if (!strcmp(type, "f32")) {
      float x, y;
      memcpy(&x, a + i, 4);
      memcpy(&y, b + i, 4);
      ok = close_enough(x, y, 1e-4);
    } else if (!strcmp(type, "f64")) {
      double x, y;
      memcpy(&x, a + i, 8);
      memcpy(&y, b + i, 8);
      ok = close_enough(x, y, 1e-9);
    } else if (!strcmp(type, "f16")) {
      uint16_t x, y;
      memcpy(&x, a + i, 2);
      memcpy(&y, b + i, 2);
      ok = close_enough(half_to_double(x), half_to_double(y), 1e-2);
    } else {
      ok = !memcmp(a + i, b + i, es);
    }
    if (!ok) {
      bad++;
      fprintf(stderr, "  arg%d element %zu differs\n", k, i / es);
    }
  }
  return bad == 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: compare_bins DIR_A DIR_B K:TYPE...\n");
    return 2;
  }
  int ok = 1;
  for (int i = 3; i < argc; i++) {
    int k = atoi(argv[i]);
    const char *type = strchr(argv[i], ':');
    type = type ? type + 1 : "u8";
    size_t na = 0, nb = 0;
    unsigned char *a = load(argv[1], k, &na), *b = load(argv[2], k, &nb);
    if (!a || !b || na != nb) {
      fprintf(stderr, "  arg%d missing or of different size\n", k);
      ok = 0;
    } else if (!compare(a, b, na, type, k)) {
      ok = 0;
    }
    free(a);
    free(b);
  }
  return ok ? 0 : 1;
}
