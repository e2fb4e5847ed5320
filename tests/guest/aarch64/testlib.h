/*
 * testlib.h - TAP output, checks and exception capture for the bare-metal
 * AArch64 tests (PL011 at 0x09000000, semihosting exit).
 *
 * Each check prints "ok N - name" or "not ok N - name # got X want Y";
 * test_exit() prints the plan and exits with the number of failures.
 */
#ifndef TESTLIB_H
#define TESTLIB_H

typedef unsigned long u64;
typedef long s64;
typedef unsigned int u32;
typedef int s32;
typedef unsigned short u16;
typedef unsigned char u8;

#define NULL ((void *)0)

void uart_putc(char c);
void uart_puts(const char *s);
/* A tiny printf: %s %c %d %u %x %lx %ld %lu %llx %p, with 0-padding widths. */
void tprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int tsnprintf(char *buf, int size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One check: pass iff got == want. Returns pass. */
int check(const char *name, u64 got, u64 want);
/* Same, name built from a format. */
int checkf(u64 got, u64 want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Record a check whose result is a boolean. */
int check_true(const char *name, int cond);
/* Prefix for every check name ("alu: "). */
void test_set_prefix(const char *prefix);

/* Print the plan and leave with status = failures (semihosting). */
void test_exit(void) __attribute__((noreturn));
void semihosting_exit(int status) __attribute__((noreturn));
void psci_system_off(void) __attribute__((noreturn));

/* Exceptions: a saved frame and what the last exception was. */
struct exc_frame {
    u64 x[31];
    u64 elr;
    u64 spsr;
    u64 pad;
};

struct exc_record {
    int count;          /* exceptions taken since exc_expect() */
    int vector;         /* vector index 0..15 */
    u64 esr, far, elr, spsr;
};
extern volatile struct exc_record last_exc;

/*
 * Arm the handler for an expected synchronous exception: it records it and
 * resumes at ELR + @skip (4 skips the faulting instruction; 0 for SVC and
 * HVC whose ELR is already the next one). Unexpected ones fail the test.
 */
void exc_expect(int skip);
/* Optional hook run on an expected exception (may edit the frame). */
extern void (*exc_hook)(struct exc_frame *f);

static inline u64 read_nzcv(void)
{
    u64 v;
    __asm__ volatile("mrs %0, nzcv" : "=r"(v));
    return v >> 28;
}

#define NZCV_N 8
#define NZCV_Z 4
#define NZCV_C 2
#define NZCV_V 1

#endif
