/*
 * rt_internal.h — the runtime core's objects (api.c, stream.c, mempool.c,
 * module_cache.c).
 */
#ifndef CW_RT_INTERNAL_H
#define CW_RT_INTERNAL_H

#include <pthread.h>

#include "backend.h"

typedef struct MemPool {
  pthread_mutex_t mu;
  void **free_ptr;       /* cached blocks */
  size_t *free_size;
  int nfree, capfree;
  size_t cached_bytes;
} MemPool;

typedef enum { OP_LAUNCH, OP_COPY, OP_FILL, OP_EVENT, OP_WAIT_EVENT } OpKind;

typedef struct Op {
  struct Op *next;
  OpKind kind;
  void *kernel;          /* OP_LAUNCH */
  uint32_t grid[3], block[3];
  size_t shared;
  void **args;           /* points into blob */
  bool cooperative;      /* OP_LAUNCH: all blocks at once */
  unsigned char *blob;
  void *dst;             /* OP_COPY/OP_FILL */
  const void *src;
  size_t n;
  int value;
  cw_event *event;       /* OP_EVENT, OP_WAIT_EVENT */
  unsigned long record;  /* OP_EVENT: which record of the event this is; OP_WAIT_EVENT: the one to wait for */
} Op;

struct cw_stream {
  cw_context *ctx;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv, idle_cv;
  Op *head, *tail;
  bool busy, quit, started;
  cw_status status;      /* first error since the last synchronize */
  char msg[1024];
  void *bs;              /* the backend's stream, if it has streams */
  int refs;              /* owner + cw_synchronize calls waiting on it (ctx->mu) */
};

struct cw_event {
  cw_context *ctx;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  bool recorded;
  /* queued backends: records queued on streams, and the latest reached;
   * the event is pending while done < pushed */
  unsigned long pushed, done;
  int waiters;                /* OP_WAIT_EVENT operations still to run on it */
  double t_ms;
  void *be;              /* the backend's event, if it has events */
};

struct cw_context {
  const CwBackendOps *ops;
  void *dev;
  MemPool pool;
  cw_stream *default_stream;
  pthread_mutex_t mu;
  cw_stream **streams;   /* all live streams, for cw_synchronize */
  int nstreams, capstreams;
  bool checking;         /* the backend runs CUWASM_CHECK's checkers */
  bool check_accesses;   /* ... and one of them needs every memory access (not synccheck alone) */
  bool check_races;      /* ... racecheck among them (its inline paths are compiled in) */
  char err[1024];
};

struct cw_buffer {
  cw_context *ctx;
  void *ptr;
  size_t size, cap;
  int kind; /* CW_MEM_*: device memory comes from the pool, the others not */
};

struct cw_kernel {
  cw_module *mod;
  void *handle;
  int nparams;
  const uint32_t *psizes;
  struct cw_kernel *next;
};

struct cw_module {
  cw_context *ctx;
  void *handle;
  cw_kernel *kernels;
  bool linked; /* cw_module_link resolved what other modules define */
};

/* api.c: cw_module_load; with a key, a backend that records translations
 * (module_load_record) stores key → the module and its inputs. */
cw_status rt_module_load(cw_context *ctx, cw_program *prog, const char *key,
                         const CwInputs *inputs, cw_module **out);

/* module_cache.c: cw_module_load_source through ops->module_cached. */
cw_status module_cache_load(cw_context *ctx, const char *name, const char *source,
                            size_t size, const cw_compile_options *opts,
                            cw_diags *diags, cw_module **out);

/* mempool.c */
void mempool_init(MemPool *p);
void *mempool_get(cw_context *ctx, size_t n, size_t *cap);
void mempool_put(cw_context *ctx, void *ptr, size_t cap);
void mempool_release(cw_context *ctx);

/* stream.c */
cw_status stream_start(cw_context *ctx, cw_stream *s);
void stream_stop(cw_stream *s);    /* ends the worker thread */
void stream_cleanup(cw_stream *s); /* its mutex and condition variables */
cw_status stream_push(cw_stream *s, Op *op);
cw_status stream_wait(cw_stream *s, char *msg, size_t n);
double rt_now_ms(void);

cw_status rt_fail(cw_context *ctx, cw_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
