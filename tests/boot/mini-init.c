/*
 * mini-init.c - a libc-free /init for the boot tier: it exercises what a
 * Linux userspace needs from the CPU without touching FP/SIMD (built with
 * -mgeneral-regs-only), so the kernel's EL0 side can be tested on a CPU
 * that has no FP: system calls, fork/wait, pipes, mmap, signals (delivery
 * and sigreturn), the generic timer from EL0 (CNTVCT_EL0), nanosleep on
 * the timer interrupt, migration to every CPU, and power off through
 * reboot(2) -> PSCI SYSTEM_OFF.
 *
 * It prints "ok"/"not ok" lines after a "MINI-" prefix that boot-test.sh
 * turns into TAP, and a hash of a generated buffer (MINI-HASH) that the
 * host recomputes. Numbers in the output are decimal.
 */
#include <stddef.h>
#include <stdint.h>

#define SYS_pipe2 59
#define SYS_read 63
#define SYS_write 64
#define SYS_exit 93
#define SYS_nanosleep 101
#define SYS_clock_gettime 113
#define SYS_sched_setaffinity 122
#define SYS_kill 129
#define SYS_rt_sigaction 134
#define SYS_reboot 142
#define SYS_uname 160
#define SYS_getpid 172
#define SYS_munmap 215
#define SYS_clone 220
#define SYS_mmap 222
#define SYS_wait4 260
#define SYS_getcpu 168

static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;
    register long x3 __asm__("x3") = d;
    register long x4 __asm__("x4") = e;
    register long x5 __asm__("x5") = f;
    __asm__ volatile("svc #0"
                     : "+r"(x0)
                     : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                     : "memory", "cc");
    return x0;
}
#define sys0(n) sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6(n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

static size_t slen(const char *s)
{
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

static void puts_(const char *s)
{
    sys3(SYS_write, 1, s, slen(s));
}

static void putu(uint64_t v)
{
    char b[24];
    int i = sizeof(b);
    b[--i] = 0;
    do {
        b[--i] = '0' + v % 10;
        v /= 10;
    } while (v);
    puts_(b + i);
}

static int failures;

static void check(const char *name, int cond)
{
    puts_(cond ? "MINI-ok " : "MINI-not ok ");
    puts_(name);
    puts_("\n");
    failures += !cond;
}

struct timespec_ {
    long tv_sec, tv_nsec;
};

static uint64_t now_ns(void)
{
    struct timespec_ t;
    sys2(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, &t);
    return (uint64_t)t.tv_sec * 1000000000u + t.tv_nsec;
}

static uint64_t cntvct(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
    return v;
}

/* xorshift64 stream hashed with FNV-1a 64, as boot-test.sh recomputes it. */
static uint64_t workload_hash(uint8_t *buf, size_t len)
{
    uint64_t x = 0x9e3779b97f4a7c15ull, h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (uint8_t)(x >> 32);
    }
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < len; i++) {
            h = (h ^ buf[i]) * 0x100000001b3ull;
        }
    }
    return h;
}

struct ksigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

static volatile int sig_seen;

static void on_usr1(int sig)
{
    sig_seen = sig;
}

__asm__(".text\n.align 2\n"
        "sig_restorer:\n"
        "    mov x8, #139\n"            /* rt_sigreturn */
        "    svc #0\n");
void sig_restorer(void);

static void run(void)
{
    char ubuf[6 * 65];
    int pfd[2];
    long r;

    puts_("MINI-BOOT-OK\n");
    check("getpid() is 1", sys0(SYS_getpid) == 1);
    r = sys1(SYS_uname, ubuf);
    check("uname() machine is aarch64",
          r == 0 && slen(ubuf + 4 * 65) == 7 && ubuf[4 * 65] == 'a' &&
          ubuf[4 * 65 + 5] == '6' && ubuf[4 * 65 + 6] == '4');

    /* A large anonymous mapping: page faults at EL0, zero-filled pages. */
    size_t len = 4u << 20;
    uint8_t *buf = (uint8_t *)sys6(SYS_mmap, 0, len, 3 /* RW */,
                                   0x22 /* PRIVATE|ANON */, -1, 0);
    check("mmap 4 MiB", (long)buf > 0 || (long)buf < -4096);
    int zero = 1;
    for (size_t i = 0; i < len; i += 4096) {
        zero &= buf[i] == 0;
    }
    check("fresh pages read zero", zero);
    uint64_t h = workload_hash(buf, 256 * 1024);
    puts_("MINI-HASH ");
    putu(h);
    puts_("\n");

    /* fork, a pipe, and the child's exit status through wait4 */
    check("pipe2", sys2(SYS_pipe2, pfd, 0) == 0);
    long pid = sys6(SYS_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0);
    if (pid == 0) {
        uint64_t hc = workload_hash(buf, 65536);
        sys3(SYS_write, pfd[1], &hc, 8);
        sys1(SYS_exit, 42);
    }
    uint64_t from_child = 0;
    int status = 0;
    r = sys3(SYS_read, pfd[0], &from_child, 8);
    check("child wrote 8 bytes into the pipe", r == 8);
    /* copy-on-write: the child's buffer writes must not show here */
    check("child's result matches the parent's",
          from_child == workload_hash(buf, 65536));
    r = sys4(SYS_wait4, pid, &status, 0, 0);
    check("wait4 returns the child", r == pid);
    check("child exit status 42", ((status >> 8) & 0xff) == 42 &&
          (status & 0x7f) == 0);

    /* the timer: CNTVCT_EL0 readable at EL0, nanosleep wakes on an IRQ */
    uint64_t c0 = cntvct(), t0 = now_ns();
    struct timespec_ d = { 0, 50 * 1000 * 1000 };
    r = sys2(SYS_nanosleep, &d, 0);
    uint64_t c1 = cntvct(), t1 = now_ns();
    check("nanosleep(50 ms) returns 0", r == 0);
    check("CLOCK_MONOTONIC advanced by >= 50 ms", t1 - t0 >= 50000000u);
    check("CLOCK_MONOTONIC advanced by < 5 s", t1 - t0 < 5000000000u);
    check("CNTVCT_EL0 advances at EL0", c1 > c0);

    /* a signal to ourselves: delivery to the handler, then sigreturn */
    struct ksigaction sa = { on_usr1, 0x04000000 /* SA_RESTORER */,
                             sig_restorer, 0 };
    r = sys4(SYS_rt_sigaction, 10 /* SIGUSR1 */, &sa, 0, 8);
    check("rt_sigaction", r == 0);
    volatile uint64_t before = 0x1234567890abcdefull;
    sys2(SYS_kill, 1, 10);
    check("SIGUSR1 handler ran", sig_seen == 10);
    check("state survives sigreturn", before == 0x1234567890abcdefull);

    /* run on every CPU the kernel brought up */
    int ncpu = 0;
    for (int cpu = 0; cpu < 8; cpu++) {
        uint64_t mask = 1ull << cpu;
        unsigned got = ~0u;
        if (sys3(SYS_sched_setaffinity, 0, 8, &mask) != 0) {
            continue;
        }
        sys3(SYS_getcpu, &got, 0, 0);
        /* some work there, checked against the result on the first CPU */
        if (got == (unsigned)cpu && workload_hash(buf + len / 2, 4096) ==
                                    workload_hash(buf, 4096)) {
            ncpu++;
        }
    }
    puts_("MINI-CPUS ");
    putu(ncpu);
    puts_("\n");

    sys2(SYS_munmap, buf, len);
    puts_(failures ? "MINI-DONE failures\n" : "MINI-DONE\n");
    sys4(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc /* POWER_OFF */, 0);
    puts_("MINI-not ok reboot(POWER_OFF) returned\n");
    for (;;) {
        sys0(SYS_getpid);
    }
}

__asm__(".text\n.global _start\n_start:\n"
        "    mov x29, #0\n"
        "    bl run_entry\n");

void run_entry(void);
void run_entry(void)
{
    run();
}
