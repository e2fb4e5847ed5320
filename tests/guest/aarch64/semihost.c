/*
 * semihost.c - Arm semihosting through hlt #0xf000: SYS_WRITE0 and
 * SYS_WRITEC reach the host's console (stderr), and SYS_EXIT_EXTENDED
 * carries the exit status. The "# expect-stderr:" lines tell run-test.sh
 * what the emulator must have printed.
 */
#include "testlib.h"

/* Returns x1 after the call: semihosting must preserve it. */
static u64 semi(u64 op, u64 arg)
{
    register u64 x0 __asm__("x0") = op;
    register u64 x1 __asm__("x1") = arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0), "+r"(x1) : : "memory");
    return x1;
}

static const char w0_msg[] = "semihost-write0-marker\n";
static const char wc_msg[] = "semihost-writec-marker\n";

int main(void)
{
    static volatile u64 block[2];

    test_set_prefix("semihost: ");
    tprintf("# expect-stderr: semihost-write0-marker\n");
    check("SYS_WRITE0 returns, x1 preserved", semi(0x04, (u64)w0_msg),
          (u64)w0_msg);
    tprintf("# expect-stderr: semihost-writec-marker\n");
    {
        int kept = 0;
        for (const char *p = wc_msg; *p; p++) {
            kept += semi(0x03, (u64)p) == (u64)p;
        }
        check("SYS_WRITEC x23 return, x1 preserved", kept, sizeof(wc_msg) - 1);
    }
    /* SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit: status = subcode */
    tprintf("1..2\n");
    block[0] = 0x20026;
    block[1] = 0;
    semi(0x20, (u64)block);
    tprintf("not ok 3 - semihost: SYS_EXIT_EXTENDED returned\n");
    for (;;) {
    }
}
