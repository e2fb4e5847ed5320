/*
 * gdb-target.c - the program gdb-test.sh debugs through plumb's gdb stub.
 *
 * It does little on purpose; gdb changes what it computes: the script
 * breaks in add_values() and sets x1, writes `poked` in memory, and
 * watches `watched`. The program then checks that it saw those changes,
 * so its exit status (the failure count) also tells whether gdb's
 * register and memory writes reached the guest.
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
    return 0;
}
