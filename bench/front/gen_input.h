/*
 * gen_input.h — generator of a large, realistic CUDA translation unit for
 * the front-end benchmark (bench_front.c).
 */
#ifndef BENCH_GEN_INPUT_H
#define BENCH_GEN_INPUT_H

#include <stdio.h>

/* Writes CUDA source of about `lines` lines to f.  Returns the number of
 * lines written, or -1 on a write error. */
long gen_front_input(FILE *f, long lines);

#endif
