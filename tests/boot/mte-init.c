/*
 * mte-init.c - a libc-free /init that uses the Memory Tagging Extension
 * the way a Linux program does (Documentation/arch/arm64/memory-tagging-
 * extension.rst): prctl(PR_SET_TAGGED_ADDR_CTRL) with synchronous or
 * asynchronous tag check faults, mmap(PROT_MTE), IRG/STG to tag memory,
 * then a matching access (works), a mismatched one (SIGSEGV with
 * SEGV_MTESERR at the faulting address, or SEGV_MTEAERR after the fact),
 * and a system call on a mistagged buffer (the kernel's LDTR-based user
 * copy is checked under TCF0: EFAULT). Run by mte-test.sh on
 * -machine virt,mte=on; prints "MTE-ok"/"MTE-not ok" lines and powers off.
 */
#include <stddef.h>
#include <stdint.h>

#define SYS_write 64
#define SYS_rt_sigaction 134
#define SYS_reboot 142
#define SYS_prctl 167
#define SYS_getpid 172
#define SYS_mmap 222

#define PR_SET_TAGGED_ADDR_CTRL 55
#define PR_GET_TAGGED_ADDR_CTRL 56
#define PR_TAGGED_ADDR_ENABLE   1ul
#define PR_MTE_TCF_SYNC         (1ul << 1)
#define PR_MTE_TCF_ASYNC        (1ul << 2)
#define PR_MTE_TAG_SHIFT        3
#define PROT_MTE                0x20
#define SEGV_MTEAERR            8
#define SEGV_MTESERR            9

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

static void out(const char *s)
{
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    sys6(SYS_write, 1, (long)s, n, 0, 0, 0);
}

static int failures;

static void check(const char *name, int cond)
{
    out(cond ? "MTE-ok " : "MTE-not ok ");
    out(name);
    out("\n");
    failures += !cond;
}

/* SIGSEGV: what was reported; a synchronous fault skips the access. */
static volatile long seen_code, seen_signo;
static volatile uint64_t seen_addr;

static void on_segv(int sig, void *info, void *uc)
{
    seen_signo = sig;
    seen_code = *(int *)((char *)info + 8);             /* si_code */
    seen_addr = *(uint64_t *)((char *)info + 16);       /* si_addr */
    if (seen_code == SEGV_MTESERR) {
        /* uc_mcontext (offset 176) .pc (8 + 31 * 8 + 8 into it) */
        *(uint64_t *)((char *)uc + 176 + 264) += 4;
    }
}

struct ksigaction {
    void (*handler)(int, void *, void *);
    unsigned long flags;
    void (*restorer)(void);
    uint64_t mask;
};

__asm__(".text\n.align 2\n"
        "mte_restorer:\n"
        "    mov x8, #139\n"            /* rt_sigreturn */
        "    svc #0\n");
void mte_restorer(void);

static uint64_t with_tag(uint64_t p, unsigned tag)
{
    return (p & ~(0xfull << 56)) | ((uint64_t)tag << 56);
}

static void run(void)
{
    struct ksigaction sa = { on_segv, 0x04000004 /* SA_RESTORER|SA_SIGINFO */,
                             mte_restorer, 0 };
    uint64_t p, q, bad;
    long r;

    out("MTE-BOOT-OK\n");
    r = sys6(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL,
             PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
             (0xfffeul << PR_MTE_TAG_SHIFT), 0, 0, 0, 0);
    check("prctl(PR_SET_TAGGED_ADDR_CTRL, sync, tags 1-15)", r == 0);
    r = sys6(SYS_prctl, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0, 0);
    check("PR_GET_TAGGED_ADDR_CTRL reads it back",
          r == (long)(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_SYNC |
                      (0xfffeul << PR_MTE_TAG_SHIFT)));
    p = sys6(SYS_mmap, 0, 4096, 3 | PROT_MTE, 0x22, -1, 0);
    check("mmap(PROT_READ|PROT_WRITE|PROT_MTE)", (long)p > 0);
    check("rt_sigaction(SIGSEGV)",
          sys6(SYS_rt_sigaction, 11, (long)&sa, 0, 8, 0, 0) == 0);

    __asm__ volatile(".arch armv8.5-a+memtag\n\tirg %0, %1" : "=r"(q) : "r"(p));
    check("IRG picks an included (non-zero) tag", ((q >> 56) & 15) != 0);
    for (int i = 0; i < 4; i++) {
        __asm__ volatile(".arch armv8.5-a+memtag\n\tstg %0, [%0]"
                         : : "r"(q + 16 * i) : "memory");
    }
    *(volatile uint64_t *)(q + 8) = 0x5a5a;
    check("access with the matching tag", *(volatile uint64_t *)(q + 8) == 0x5a5a &&
          seen_signo == 0);
    bad = with_tag(q + 8, ((q >> 56) & 15) == 15 ? 1 : ((q >> 56) & 15) + 1);
    *(volatile uint64_t *)bad = 0x1111;
    check("mismatched store: SIGSEGV", seen_signo == 11);
    check("... with si_code SEGV_MTESERR", seen_code == SEGV_MTESERR);
    check("... at the faulting address",
          (seen_addr & ((1ull << 56) - 1)) == (bad & ((1ull << 56) - 1)));
    check("... and nothing stored", *(volatile uint64_t *)(q + 8) == 0x5a5a);
    seen_signo = seen_code = 0;
    (void)*(volatile uint64_t *)with_tag(q, 0);
    check("tag 0 pointer to the tagged page: SEGV_MTESERR",
          seen_signo == 11 && seen_code == SEGV_MTESERR);
    r = sys6(SYS_write, 1, (long)bad, 8, 0, 0, 0);
    check("write(2) from a mistagged buffer is EFAULT", r == -14);
    r = sys6(SYS_write, 1, (long)(q + 8), 0, 0, 0, 0);
    check("write(2) of 0 bytes from the tagged buffer", r == 0);

    r = sys6(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL,
             PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_ASYNC |
             (0xfffeul << PR_MTE_TAG_SHIFT), 0, 0, 0, 0);
    check("prctl: asynchronous mode", r == 0);
    seen_signo = seen_code = 0;
    *(volatile uint64_t *)bad = 0x2222;
    sys6(SYS_getpid, 0, 0, 0, 0, 0, 0);     /* a kernel entry reports it */
    check("async mismatched store: SIGSEGV SEGV_MTEAERR",
          seen_signo == 11 && seen_code == SEGV_MTEAERR);
    check("async store went through",
          *(volatile uint64_t *)with_tag(bad, (q >> 56) & 15) == 0x2222);

    out(failures ? "MTE-DONE failures\n" : "MTE-DONE\n");
    sys6(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc /* POWER_OFF */, 0, 0, 0);
    for (;;) {
        sys6(SYS_getpid, 0, 0, 0, 0, 0, 0);
    }
}

__asm__(".text\n.global _start\n_start:\n"
        "    mov x29, #0\n"
        "    bl mte_run_entry\n");

void mte_run_entry(void);
void mte_run_entry(void)
{
    run();
}
