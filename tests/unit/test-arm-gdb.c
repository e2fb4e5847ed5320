/*
 * test-arm-gdb.c - target-arm/gdbstub.c: every register of gdb's aarch64
 * numbering reads back what was written, with gdb's sizes and byte order,
 * cpsr carries NZCV/EL/SPSel, and target.xml names exactly those registers
 * in that order.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"

static ARMCPU *new_cpu(void)
{
    /* No realize: the register accessors only touch env. */
    ARMCPU *cpu = g_malloc0(sizeof(ARMCPU));
    cpu->env.pstate = (1u << PSTATE_EL_SHIFT) | PSTATE_SP;
    cpu->env.ZF = 1;
    return cpu;
}

static void test_sizes_and_round_trip(void)
{
    ARMCPU *cpu = new_cpu();
    CPUState *cs = &cpu->parent_obj;

    g_assert_cmpint(arm_gdb_num_regs(), ==, ARM_GDB_NUM_REGS);
    for (int n = 0; n < ARM_GDB_NUM_REGS; n++) {
        uint8_t val[16];
        GByteArray *b = g_byte_array_new();
        int want = n < 33 ? 8 : n == 33 ? 4 : n < 66 ? 16 : 4;

        for (int i = 0; i < 16; i++) {
            val[i] = n * 7 + i + 1;
        }
        if (n == 33) {
            /* cpsr: keep it a legal PSTATE (EL1h, NZCV = 1010) */
            uint32_t ps = 0xa0000000u | (1u << 2) | 1;
            memcpy(val, &ps, 4);
        }
        if (n == 66 || n == 67) {
            memset(val, 0, 4);  /* fpsr/fpcr: only defined bits stick */
        }
        g_assert_cmpint(arm_gdb_write_register(cs, val, n), ==, want);
        g_assert_cmpint(arm_gdb_read_register(cs, b, n), ==, want);
        g_assert_cmpint(b->len, ==, want);
        g_assert_cmpmem(b->data, want, val, want);
        g_byte_array_unref(b);
    }
    g_assert_cmpint(arm_gdb_read_register(cs, g_byte_array_new(), 68), ==, 0);
    g_free(cpu);
}

static void test_layout(void)
{
    ARMCPU *cpu = new_cpu();
    CPUState *cs = &cpu->parent_obj;
    GByteArray *b = g_byte_array_new();

    cpu->env.xregs[5] = 0x1122334455667788ull;
    cpu->env.pc = 0x40080000;
    cpu->env.NF = 1ull << 63;             /* N */
    cpu->env.ZF = 0;                      /* Z */
    arm_gdb_read_register(cs, b, 5);
    g_assert_cmphex(b->data[0], ==, 0x88);       /* little endian */
    g_assert_cmphex(b->data[7], ==, 0x11);
    g_byte_array_set_size(b, 0);
    arm_gdb_read_register(cs, b, 32);
    g_assert_cmphex(b->data[2], ==, 0x08);
    g_byte_array_set_size(b, 0);
    arm_gdb_read_register(cs, b, 33);
    g_assert_cmphex(b->data[3], ==, 0xc0);       /* N and Z */
    g_assert_cmphex(b->data[0], ==, 0x05);       /* EL1h */
    g_byte_array_unref(b);
    g_free(cpu);
}

static void test_xml(void)
{
    const char *xml = arm_gdb_target_xml();
    const char *p = xml;
    int regs = 0;
    static const char *const order[] = { "\"x0\"", "\"x30\"", "\"sp\"", "\"pc\"",
                                         "\"cpsr\"", "\"v0\"", "\"v31\"",
                                         "\"fpsr\"", "\"fpcr\"" };
    const char *last = xml;

    while ((p = strstr(p, "<reg "))) {
        regs++;
        p++;
    }
    g_assert_cmpint(regs, ==, ARM_GDB_NUM_REGS);
    for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
        const char *q = strstr(xml, order[i]);
        g_assert_nonnull(q);
        g_assert_true(q > last);
        last = q;
    }
    g_assert_nonnull(strstr(xml, "org.gnu.gdb.aarch64.core"));
    g_assert_nonnull(strstr(xml, "org.gnu.gdb.aarch64.fpu"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/arm/gdb/sizes-and-round-trip", test_sizes_and_round_trip);
    g_test_add_func("/arm/gdb/byte-order-and-cpsr", test_layout);
    g_test_add_func("/arm/gdb/target-xml", test_xml);
    return g_test_run();
}
