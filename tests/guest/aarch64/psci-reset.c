/*
 * psci-reset.c - PSCI SYSTEM_RESET through hvc #0 restarts the machine
 * at the image's entry with the image reloaded; SYSTEM_OFF then ends it
 * with exit status 0. A marker word outside the image (RAM is not
 * cleared by a reset) tells the two boots apart.
 */
#include "testlib.h"

#define MARKER_ADDR 0x47f00000ul        /* 127 MiB into RAM, above the image */
#define MARKER 0x5e5e7e57ul

static int boots_seen_by_data = 1;      /* .data: reloaded on reset */

int main(void)
{
    volatile u64 *marker = (volatile u64 *)MARKER_ADDR;

    if (*marker != MARKER) {
        *marker = MARKER;
        boots_seen_by_data++;           /* would survive if not reloaded */
        tprintf("ok 1 - psci: first boot, asking for SYSTEM_RESET\n");
        register u64 x0 __asm__("x0") = 0x84000009;
        __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
        tprintf("not ok 2 - psci: SYSTEM_RESET returned (0x%lx)\n", x0);
        tprintf("1..2\n");
        semihosting_exit(1);
    }
    *marker = 0;
    tprintf("ok 2 - psci: second boot after SYSTEM_RESET\n");
    tprintf("%s 3 - psci: .data was reloaded by the reset\n",
            boots_seen_by_data == 1 ? "ok" : "not ok");
    tprintf("ok 4 - psci: powering off with SYSTEM_OFF\n");
    tprintf("1..4\n");
    psci_system_off();
}
