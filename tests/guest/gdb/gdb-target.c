/*
 * gdb-target.c - the program gdb-test.sh debugs through plumb's gdb stub.
 *
 * It does little on purpose; gdb changes what it computes: the script
 * breaks in add_values() and sets x1, writes `poked` in memory, and
 * watches `watched`. The program then checks that it saw those changes,
 * so its exit status (the failure count) also tells whether gdb's
 * register and memory writes reached the guest. With -smp 2 it then
 * starts the second CPU (PSCI CPU_ON) in secondary_work(), where gdb
 * breaks to see a stop on thread 2.
 */
#include "testlib.h"

/* Read by gdb (x/4xw table). */
const u32 table[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
volatile u64 poked;
volatile u64 watched;
volatile u64 result;

u64 add_values(u64 a, u64 b) __attribute__((noinline));
u64 add_values(u64 a, u64 b)
{
    return a + b;
}

void bump_watched(void) __attribute__((noinline));
void bump_watched(void)
{
    watched = watched + 7;
}

void reached_end(void) __attribute__((noinline));
void reached_end(void)
{
    __asm__ volatile("nop");
}

#define PSCI_CPU_OFF        0x84000002ul
#define PSCI_CPU_ON         0xc4000003ul

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

volatile u64 secondary_seen;
u8 secondary_stack[4096] __attribute__((aligned(16)));

void secondary_work(u64 ctx) __attribute__((noinline));
void secondary_work(u64 ctx)
{
    secondary_seen = ctx;
    psci(PSCI_CPU_OFF, 0, 0, 0);
}

extern char secondary_entry[];
__asm__(".text\n"
        "secondary_entry:\n\t"
        "adrp x1, secondary_stack\n\t"
        "add x1, x1, :lo12:secondary_stack\n\t"
        "add sp, x1, #4096\n\t"
        "bl secondary_work\n\t"
        "1: b 1b\n");

int main(void)
{
    u64 r;

    test_set_prefix("gdb-target: ");
    r = add_values(2, 3);
    result = r;
    bump_watched();
    reached_end();
    /* gdb set x1 = 40 in add_values and poked = 0x1234 at reached_end. */
    check("result after gdb wrote x1", result, 42);
    check("poked after gdb wrote memory", poked, 0x1234);
    check("watched", watched, 7);
    if (psci(PSCI_CPU_ON, 1, (u64)secondary_entry, 0x5ec) == 0) {
        for (long i = 0; i < 100000000 && secondary_seen != 0x5ec; i++) {
            __asm__ volatile("yield");
        }
        check("secondary ran", secondary_seen, 0x5ec);
    }
    return 0;
}
