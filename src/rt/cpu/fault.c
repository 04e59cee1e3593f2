/*
 * fault.c — a faulting kernel ends its launch, not the process.
 *
 * On a GPU a kernel that dereferences a wild pointer gets the launch
 * cudaErrorIllegalAddress and the host program carries on; on a CPU the
 * same access raises SIGSEGV in the worker running the block.  Each pool
 * thread arms a guard (a sigjmp_buf in thread-local storage) around every
 * block it runs; the handlers for SIGSEGV, SIGBUS, SIGFPE and SIGILL jump
 * back to it when the signal came from an armed thread and otherwise hand
 * the signal to whatever handler was installed before us (or the default
 * action, so a fault in host code still dumps core as it always did).
 * Handlers run on an alternate stack so that a kernel that overflows its
 * stack is caught too.  SA_NODEFER keeps the signal unblocked after the
 * jump, so guards cost a register save per block and no system call.
 *
 * The launch watchdog (CUWASM_LAUNCH_TIMEOUT) uses the same guard: it
 * sends SIGURG to every thread still inside a block of the expired
 * launch, whose handler jumps out with the timeout as the reason.  That
 * jump is asynchronous; kernel code holds no locks of ours except inside
 * device printf, so a kernel stopped mid-printf may leave the printf
 * buffer locked; the error is sticky anyway and the device must be reset.
 */
#include "cpu_internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int fault_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGURG};
enum { NSIG_HANDLED = sizeof fault_signals / sizeof *fault_signals };
static struct sigaction previous[NSIG_HANDLED];
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static pthread_key_t altstack_key;

static _Thread_local CpuFaultGuard *armed;
static _Thread_local void *altstack;

static int slot_of(int sig) {
  for (int i = 0; i < NSIG_HANDLED; i++)
    if (fault_signals[i] == sig) return i;
  return -1;
}

/* Not ours: behave as if we had never been installed. */
static void pass_on(int sig, siginfo_t *info, void *uc) {
  int s = slot_of(sig);
  struct sigaction *old = &previous[s];
  if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
    old->sa_sigaction(sig, info, uc);
    return;
  }
  if (old->sa_handler == SIG_IGN) return;
  if (old->sa_handler != SIG_DFL && old->sa_handler) {
    old->sa_handler(sig);
    return;
  }
  if (sig == SIGURG) return; /* default action: ignore */
  signal(sig, SIG_DFL);      /* the faulting instruction runs again and dies */
}

static void on_signal(int sig, siginfo_t *info, void *uc) {
  CpuFaultGuard *g = armed;
  if (!g || (sig == SIGURG && !g->stop_requested)) {
    pass_on(sig, info, uc);
    return;
  }
  armed = NULL;
  g->sig = sig;
  g->code = info ? info->si_code : 0;
  g->addr = info ? info->si_addr : NULL;
  siglongjmp(g->jb, 1);
}

static void free_altstack(void *p) { free(p); }

static void install(void) {
  pthread_key_create(&altstack_key, free_altstack);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int i = 0; i < NSIG_HANDLED; i++) sigaction(fault_signals[i], &sa, &previous[i]);
}

/* Each thread that runs blocks gets an alternate stack once, so that a
 * kernel overflowing its own stack still reaches the handler. */
static void ensure_altstack(void) {
  if (altstack) return;
  size_t n = 64 * 1024;
  void *p = malloc(n);
  if (!p) return;
  stack_t st = {.ss_sp = p, .ss_size = n, .ss_flags = 0};
  stack_t old;
  if (sigaltstack(NULL, &old) == 0 && !(old.ss_flags & SS_DISABLE)) {
    free(p); /* the thread already has one (a sanitizer's, say) */
    altstack = old.ss_sp;
    return;
  }
  if (sigaltstack(&st, NULL) != 0) {
    free(p);
    return;
  }
  altstack = p;
  pthread_setspecific(altstack_key, p);
}

void cpu_fault_prepare(void) {
  pthread_once(&install_once, install);
  ensure_altstack();
}

void cpu_fault_arm(CpuFaultGuard *g) {
  g->thread = pthread_self();
  atomic_store_explicit(&g->inside, true, memory_order_release);
  armed = g;
}

void cpu_fault_disarm(CpuFaultGuard *g) {
  armed = NULL;
  atomic_store_explicit(&g->inside, false, memory_order_release);
}

const char *cpu_fault_describe(const CpuFaultGuard *g, char *buf, size_t n) {
  switch (g->sig) {
  case SIGSEGV:
    if (g->code == SI_KERNEL) /* x86: general protection, no address given */
      snprintf(buf, n, "an illegal memory access was encountered (cudaErrorIllegalAddress): "
               "invalid access outside the address space");
    else
      snprintf(buf, n, "an illegal memory access was encountered (cudaErrorIllegalAddress): "
               "invalid %s at address %p",
               g->code == SEGV_ACCERR ? "access (protected page)" : "access", g->addr);
    break;
  case SIGBUS:
    snprintf(buf, n, "misaligned address (cudaErrorMisalignedAddress): bus error at address %p",
             g->addr);
    break;
  case SIGFPE:
    snprintf(buf, n, "unspecified launch failure (cudaErrorLaunchFailure): arithmetic trap "
             "(%s) at %p",
             g->code == FPE_INTDIV ? "integer division by zero"
             : g->code == FPE_INTOVF ? "integer overflow" : "floating-point exception",
             g->addr);
    break;
  case SIGILL:
    snprintf(buf, n, "an illegal instruction was encountered (cudaErrorIllegalInstruction) "
             "at %p", g->addr);
    break;
  default:
    snprintf(buf, n, "the launch timed out and was terminated (cudaErrorLaunchTimeout)");
    break;
  }
  return buf;
}

void cpu_fault_interrupt(CpuFaultGuard *g) {
  g->stop_requested = 1;
  if (atomic_load_explicit(&g->inside, memory_order_acquire)) pthread_kill(g->thread, SIGURG);
}
