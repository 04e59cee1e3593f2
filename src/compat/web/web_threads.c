/*
 * web_threads.c — host threads in a program built with `cuwasm cc
 * --target web`: there are none, and starting one says so.
 *
 * The host code runs on one thread (the blocking CUDA calls suspend it
 * through Asyncify, cc_web.c; with --web-threads on it is compiled with
 * -pthread only for a shared heap, and emscripten's pthread_create would
 * need a pool of workers started ahead and a worker script beside the
 * program).  Without threads libc's pthread_create answers EAGAIN, with
 * them it waits for a worker that never comes.  Host code rarely checks that
 * answer: cuda-samples' cutStartThread ignores it and the program then
 * waits on a barrier that no thread will ever reach, spinning forever.
 * This definition, linked into every such program ahead of libc's, ends
 * the program instead, with a message naming the call (std::thread and
 * std::async reach it too).  The native build of the same program runs
 * its threads.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg) {
  (void)thread, (void)attr, (void)start, (void)arg;
  fflush(stdout);
  fprintf(stderr,
          "cuwasm: pthread_create: this program starts a host thread, and a program built with "
          "--target web runs its host code on one thread; build it natively "
          "(`cuwasm cc` without --target web) to run its threads\n");
  exit(EXIT_FAILURE);
}
