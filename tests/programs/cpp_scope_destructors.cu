// cpp_scope_destructors.cu — local objects whose destructors do
// something, in device code: each destructor runs when its object's scope
// ends, in the reverse order of construction, whichever way control
// leaves (the end of a block, return, break, continue), also for arrays,
// members, a temporary bound to a const reference, a by-value parameter,
// copies made by a user-declared copy constructor, and an object that
// lives across __syncthreads().  Each thread logs
// constructions (+id) and destructions (-id) and the host compares the
// logs with what C++ prescribes.
#include "common.h"

enum { LOG = 24, THREADS = 5, BLOCK = 64 };
__device__ int g_log[THREADS][LOG];
__device__ int g_n[THREADS];
__device__ int g_slot[BLOCK];

__device__ void note(int t, int v) {
  if (g_n[t] < LOG) g_log[t][g_n[t]++] = v;
}

struct Tracer {
  int t, id;
  __device__ Tracer(int t_, int id_) : t(t_), id(id_) { note(t, id); }
  __device__ ~Tracer() { note(t, -id); }
  __device__ int get() const { return id * 10; }
};

struct Pair { // members are destroyed after the body, last member first
  Tracer a, b;
  __device__ Pair(int t) : a(t, 7), b(t, 8) {}
  __device__ ~Pair() { note(a.t, 78); }
};

struct Derived : Tracer { // a temporary bound to a base reference stays whole
  __device__ Derived(int t, int id) : Tracer(t, id) {}
  __device__ ~Derived() { note(t, 200); }
};

struct Copyable { // copies run the copy constructor, each copy is destroyed
  int t, id;
  __device__ Copyable(int t_, int id_) : t(t_), id(id_) { note(t, id); }
  __device__ Copyable(const Copyable &o) : t(o.t), id(o.id + 10) { note(t, id); }
  __device__ ~Copyable() { note(t, -id); }
};

__device__ void take_copy(Copyable c) { note(c.t, 1000 + c.id); }

__device__ int early_return(int t, int k) {
  Tracer x(t, 1);
  if (k) {
    Tracer y(t, 2);
    return y.get(); // the value is taken before y and x are destroyed
  }
  Tracer z(t, 3);
  return x.get() + z.get();
}

__device__ void by_value(Tracer v) { note(v.t, 100 + v.id); }

__device__ Tracer make(int t, int id) {
  Tracer r(t, id);
  return r; // elided: destroyed once, by the caller's variable
}

__global__ void scopes() {
  int t = threadIdx.x;
  if (t == 0) {
    { Tracer a(t, 1); Tracer b(t, 2); }
    note(t, early_return(t, 1));
    note(t, early_return(t, 0));
  } else if (t == 1) {
    for (int i = 0; i < 3; i++) {
      Tracer a(t, 1 + i);
      if (i == 0) continue;
      if (i == 2) break;
      note(t, 50);
    }
    const Tracer &r = Tracer(t, 9);
    note(t, r.get());
    const Tracer &base = Derived(t, 11);
    (void)base;
  } else if (t == 2) {
    Tracer arr[2] = {Tracer(t, 1), Tracer(t, 2)};
    { Pair pr(t); }
    switch (t) {
    case 2: { Tracer s(t, 5); break; }
    default: break;
    }
  } else if (t == 3) {
    Tracer m = make(t, 4);
    by_value(m);
    note(t, 77);
    {
      Copyable c(t, 5);
      Copyable d = c;
      take_copy(d);
    }
  } else {
    int k = 0;
    while (k < 2) {
      Tracer w(t, 1 + k);
      k++;
    }
    for (Tracer f(t, 6); k < 4; k++) note(t, 60 + k);
  }
}

// the destructor publishes the thread's value; other threads read it
// after the barrier that follows the scope
struct Publish {
  int t, v;
  __device__ ~Publish() { g_slot[t] = v; }
};

__global__ void across_barrier(int *out) {
  int t = threadIdx.x;
  {
    Publish p{t, 0};
    p.v = t * 3;
    __syncthreads(); // p lives across the barrier
    p.v += 1;
  }
  __syncthreads();
  out[t] = g_slot[(t + 1) % BLOCK];
}

int main() {
  const int expect[THREADS][LOG] = {
      {1, 2, -2, -1, 1, 2, -2, -1, 20, 1, 3, -3, -1, 40},
      {1, -1, 2, 50, -2, 3, -3, 9, 90, 11, 200, -11, -9},
      {1, 2, 7, 8, 78, -8, -7, 5, -5, -2, -1},
      {4, 104, -4, 77, 5, 15, 25, 1025, -25, -15, -5, -4},
      {1, -1, 2, -2, 6, 62, 63, -6},
  };
  const int expect_n[THREADS] = {14, 13, 11, 12, 8};
  scopes<<<1, THREADS>>>();
  CHECK(cudaGetLastError());
  int log[THREADS][LOG], n[THREADS];
  CHECK(cudaMemcpyFromSymbol(log, g_log, sizeof log));
  CHECK(cudaMemcpyFromSymbol(n, g_n, sizeof n));
  int errors = 0;
  for (int t = 0; t < THREADS; t++) {
    int bad = n[t] != expect_n[t];
    for (int i = 0; i < n[t] && i < LOG && !bad; i++) bad = log[t][i] != expect[t][i];
    if (bad) {
      errors++;
      printf("thread %d logged:", t);
      for (int i = 0; i < n[t] && i < LOG; i++) printf(" %d", log[t][i]);
      printf("\n");
    }
  }
  int *d_out, out[BLOCK];
  CHECK(cudaMalloc(&d_out, sizeof out));
  across_barrier<<<1, BLOCK>>>(d_out);
  CHECK(cudaMemcpy(out, d_out, sizeof out, cudaMemcpyDeviceToHost));
  for (int t = 0; t < BLOCK; t++)
    if (out[t] != ((t + 1) % BLOCK) * 3 + 1) {
      if (errors++ < 5) printf("across_barrier: out[%d] = %d\n", t, out[t]);
    }
  CHECK(cudaFree(d_out));
  return verdict("cpp_scope_destructors", errors);
}
