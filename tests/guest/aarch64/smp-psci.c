/*
 * smp-psci.c - run with -smp 4: PSCI CPU_ON starts secondaries at an
 * entry point with a context id, AFFINITY_INFO reports their power state,
 * CPU_OFF stops them, and all four CPUs increment shared counters through
 * LDXR/STXR loops and LDADD without losing an update.
 */
#include "testlib.h"

#define PSCI_CPU_OFF        0x84000002ul
#define PSCI_CPU_ON         0xc4000003ul
#define PSCI_AFFINITY_INFO  0xc4000004ul
#define NCPU                4
#define ROUNDS              2000

static u64 psci(u64 fn, u64 a1, u64 a2, u64 a3)
{
    register u64 x0 __asm__("x0") = fn;
    register u64 x1 __asm__("x1") = a1;
    register u64 x2 __asm__("x2") = a2;
    register u64 x3 __asm__("x3") = a3;
    __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
                     : : "memory");
    return x0;
}

static volatile u64 go;
static volatile u64 excl_counter __attribute__((aligned(64)));
static volatile u64 lse_counter __attribute__((aligned(64)));
static volatile u64 done_count __attribute__((aligned(64)));
static volatile u64 ctx_seen[NCPU], mpidr_seen[NCPU], el_seen[NCPU];
u8 secondary_stacks[NCPU][4096] __attribute__((aligned(16)));

static void bump(void)
{
    u64 v, st;
    __asm__ volatile("1: ldxr %0, [%2]\n\tadd %0, %0, #1\n\t"
                     "stxr %w1, %0, [%2]\n\tcbnz %w1, 1b"
                     : "=&r"(v), "=&r"(st) : "r"(&excl_counter) : "memory");
    __asm__ volatile("stadd %0, [%1]" : : "r"(1ul), "r"(&lse_counter)
                     : "memory");
}

void secondary_main(u64 ctx);
void secondary_main(u64 ctx)
{
    u64 idx = ctx & 0xff;
    u64 mpidr, el;
    __asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
    __asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
    ctx_seen[idx] = ctx;
    mpidr_seen[idx] = mpidr;
    el_seen[idx] = el;
    while (!go) {
        __asm__ volatile("yield");
    }
    for (int i = 0; i < ROUNDS; i++) {
        bump();
    }
    __asm__ volatile("stadd %0, [%1]" : : "r"(1ul), "r"(&done_count) : "memory");
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

/* x0 = context: 0xc0de00 | index; stack = secondary_stacks[index] + 4096 */
extern char secondary_entry[];
__asm__(".text\n"
        "secondary_entry:\n\t"
        "and x1, x0, #0xff\n\t"
        "adrp x2, secondary_stacks\n\t"
        "add x2, x2, :lo12:secondary_stacks\n\t"
        "add x1, x2, x1, lsl #12\n\t"
        "add sp, x1, #4096\n\t"
        "adr x1, vectors\n\t"
        "msr vbar_el1, x1\n\t"
        "isb\n\t"
        "bl secondary_main\n\t"
        "1: b 1b\n");

static int wait_for(volatile u64 *p, u64 want)
{
    for (long i = 0; i < 2000000; i++) {
        if (*p == want) {
            return 1;
        }
        __asm__ volatile("yield");
    }
    return 0;
}

static int wait_off(u64 cpu)
{
    for (long i = 0; i < 2000000; i++) {
        if (psci(PSCI_AFFINITY_INFO, cpu, 0, 0) == 1) {
            return 1;
        }
        __asm__ volatile("yield");
    }
    return 0;
}

int main(void)
{
    test_set_prefix("smp: ");
    for (u64 c = 1; c < NCPU; c++) {
        checkf(psci(PSCI_AFFINITY_INFO, c, 0, 0), 1, "cpu%lu is off at boot", c);
    }
    checkf(psci(PSCI_AFFINITY_INFO, 0, 0, 0), 0, "cpu0 is on");
    for (u64 c = 1; c < NCPU; c++) {
        checkf(psci(PSCI_CPU_ON, c, (u64)secondary_entry, 0xc0de00 | c), 0,
               "CPU_ON cpu%lu succeeds", c);
    }
    check("CPU_ON of a running cpu: ALREADY_ON",
          psci(PSCI_CPU_ON, 1, (u64)secondary_entry, 0), (u64)-4);
    check("CPU_ON of a nonexistent cpu: INVALID_PARAMETERS",
          psci(PSCI_CPU_ON, 7, (u64)secondary_entry, 0), (u64)-2);
    check("AFFINITY_INFO of a nonexistent cpu: INVALID_PARAMETERS",
          psci(PSCI_AFFINITY_INFO, 9, 0, 0), (u64)-2);
    check("cpu1 reports on", psci(PSCI_AFFINITY_INFO, 1, 0, 0), 0);

    go = 1;
    for (int i = 0; i < ROUNDS; i++) {
        bump();
    }
    check("all secondaries finished", wait_for(&done_count, NCPU - 1), 1);
    check("exclusive counter: no lost update", excl_counter, NCPU * ROUNDS);
    check("LDADD counter: no lost update", lse_counter, NCPU * ROUNDS);
    for (u64 c = 1; c < NCPU; c++) {
        checkf(ctx_seen[c], 0xc0de00 | c, "cpu%lu got its context id in x0", c);
        checkf(mpidr_seen[c] & 0xff, c, "cpu%lu MPIDR Aff0", c);
        checkf(el_seen[c], 4, "cpu%lu starts at EL1", c);
        checkf(wait_off(c), 1, "cpu%lu is off after CPU_OFF", c);
    }

    /* A CPU turned off can be turned on again. */
    check("CPU_ON cpu2 again", psci(PSCI_CPU_ON, 2, (u64)secondary_entry,
                                    0xc0de02), 0);
    check("cpu2 finished its second run", wait_for(&done_count, NCPU), 1);
    check("counters after the second run", excl_counter + lse_counter,
          2 * (NCPU + 1) * ROUNDS);
    check("cpu2 is off again", wait_off(2), 1);
    return 0;
}
