/*
 * branch.c - control flow and the odd ones out: B.cond under every flag
 * combination, CBZ/CBNZ and TBZ/TBNZ (W forms ignore the upper half),
 * BL/BLR/BR/RET and the link register, long-range branches, CRC32 and
 * CRC32C at every width against the standard check values, hints and
 * barriers that must execute as no-ops.
 */
#include "testlib.h"

static const char *const cond_names[16] = {
    "eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
    "hi", "ls", "ge", "lt", "gt", "le", "al", "nv",
};

/* The Arm ARM's ConditionHolds(), written from its table. */
static int cond_holds(int c, int f)
{
    int n = (f >> 3) & 1, z = (f >> 2) & 1, cy = (f >> 1) & 1, v = f & 1;
    int r;
    switch (c >> 1) {
    case 0: r = z; break;
    case 1: r = cy; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = cy && !z; break;
    case 5: r = n == v; break;
    case 6: r = !z && n == v; break;
    default: r = 1; break;
    }
    if ((c & 1) && c != 15) {
        r = !r;
    }
    return r;
}

#define BCOND(c) ({                                                     \
        u64 _t;                                                         \
        __asm__ volatile("msr nzcv, %1\n\tmov %0, #0\n\t"               \
                         "b." c " 1f\n\tb 2f\n1:\tmov %0, #1\n2:"       \
                         : "=&r"(_t) : "r"((u64)f << 28) : "cc");       \
        _t; })

static void test_bcond(void)
{
    for (int f = 0; f < 16; f++) {
        u64 t[16];
        t[0] = BCOND("eq"); t[1] = BCOND("ne"); t[2] = BCOND("cs");
        t[3] = BCOND("cc"); t[4] = BCOND("mi"); t[5] = BCOND("pl");
        t[6] = BCOND("vs"); t[7] = BCOND("vc"); t[8] = BCOND("hi");
        t[9] = BCOND("ls"); t[10] = BCOND("ge"); t[11] = BCOND("lt");
        t[12] = BCOND("gt"); t[13] = BCOND("le"); t[14] = BCOND("al");
        t[15] = BCOND("nv");
        for (int c = 0; c < 16; c++) {
            checkf(t[c], cond_holds(c, f), "b.%s nzcv=%x", cond_names[c], f);
        }
    }
}

#define TAKEN(insn, val) ({                                             \
        u64 _t;                                                         \
        __asm__ volatile("mov %0, #0\n\t" insn ", 1f\n\tb 2f\n"         \
                         "1:\tmov %0, #1\n2:"                           \
                         : "=&r"(_t) : "r"((u64)(val)));                \
        _t; })

static void test_cb_tb(void)
{
    check("cbz x 0 taken", TAKEN("cbz %1", 0), 1);
    check("cbz x 1<<63 not taken", TAKEN("cbz %1", 1ul << 63), 0);
    check("cbnz x 1<<63 taken", TAKEN("cbnz %1", 1ul << 63), 1);
    check("cbz w ignores upper half", TAKEN("cbz %w1", 0xffffffff00000000ul), 1);
    check("cbnz w ignores upper half", TAKEN("cbnz %w1", 0x100000000ul), 0);
    check("cbnz w low bit", TAKEN("cbnz %w1", 1), 1);
    check("tbz bit 0 clear", TAKEN("tbz %1, #0", 2), 1);
    check("tbz bit 0 set", TAKEN("tbz %1, #0", 1), 0);
    check("tbnz bit 31", TAKEN("tbnz %1, #31", 0x80000000ul), 1);
    check("tbnz bit 32", TAKEN("tbnz %1, #32", 0x80000000ul), 0);
    check("tbnz bit 32 set", TAKEN("tbnz %1, #32", 0x100000000ul), 1);
    check("tbz bit 63 set", TAKEN("tbz %1, #63", 1ul << 63), 0);
    check("tbnz bit 63 set", TAKEN("tbnz %1, #63", 1ul << 63), 1);
    check("tbz w bit 5", TAKEN("tbz %w1, #5", 0xffffffdf), 1);
}

static u64 leaf_called;

void leaf(void);
void leaf(void)
{
    leaf_called++;
}

/*
 * A branch across a 1 MiB gap (within B's +-128 MiB, beyond B.cond's
 * +-1 MiB): alone in its function, so that no compiler-made conditional
 * branch has to cross the gap.
 */
static u64 __attribute__((noinline)) far_branch(void)
{
    u64 v;
    __asm__ volatile("mov %0, #1\n\tb 1f\n\t.skip 0x100000\n1:\tadd %0, %0, #1"
                     : "=&r"(v));
    return v;
}

static void test_calls(void)
{
    u64 lr, ret_addr, v;

    __asm__ volatile("bl 1f\n2:\tb 3f\n1:\tmov %0, x30\n\tadr %1, 2b\n\tret\n3:"
                     : "=&r"(lr), "=&r"(ret_addr) : : "x30");
    check("bl sets x30 to the next insn", lr, ret_addr);
    __asm__ volatile("adr x9, 1f\n\tblr x9\n2:\tb 3f\n1:\tmov %0, x30\n\t"
                     "adr %1, 2b\n\tret\n3:"
                     : "=&r"(lr), "=&r"(ret_addr) : : "x9", "x30");
    check("blr sets x30", lr, ret_addr);
    __asm__ volatile("adr x30, 1f\n\tblr x30\n2:\tb 3f\n1:\tmov %0, x30\n\t"
                     "adr %1, 2b\n\tret\n3:"
                     : "=&r"(lr), "=&r"(ret_addr) : : "x30");
    check("blr x30 jumps to the old x30 and links", lr, ret_addr);
    __asm__ volatile("mov %0, #0\n\tadr x10, 1f\n\tbr x10\n\tmov %0, #5\n1:"
                     : "=&r"(v) : : "x10");
    check("br skips", v, 0);
    __asm__ volatile("mov %0, #0\n\tadr x11, 1f\n\tret x11\n\tmov %0, #5\n1:"
                     : "=&r"(v) : : "x11");
    check("ret x11", v, 0);
    leaf_called = 0;
    __asm__ volatile("bl leaf\n\tbl leaf\n\tadr x12, leaf\n\tblr x12"
                     : : : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8",
                       "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16",
                       "x17", "x30", "memory");
    check("bl/blr to a C function, three calls", leaf_called, 3);
    /* a backward conditional loop */
    __asm__ volatile("mov %0, #0\n\tmov x13, #10\n1:\tadd %0, %0, #2\n\t"
                     "subs x13, x13, #1\n\tb.ne 1b"
                     : "=&r"(v) : : "x13", "cc");
    check("b.ne loop 10 times", v, 20);
    check("b over 1 MiB", far_branch(), 2);
}

static u32 crc_sw(u32 acc, const u8 *p, int n, u32 poly)
{
    for (int i = 0; i < n; i++) {
        acc ^= p[i];
        for (int b = 0; b < 8; b++) {
            acc = (acc >> 1) ^ ((acc & 1) ? poly : 0);
        }
    }
    return acc;
}

static const u8 check_str[16] __attribute__((aligned(8))) = "123456789abcdef";

static void test_crc(void)
{
    u64 acc, v;
    const u64 *q = (const u64 *)check_str;

    /* bytes: the standard check values over "123456789" */
    acc = 0xffffffff;
    for (int i = 0; i < 9; i++) {
        __asm__ volatile("crc32b %w0, %w0, %w1" : "+r"(acc) : "r"((u64)check_str[i]));
    }
    check("crc32b over '123456789' = 0xcbf43926", acc ^ 0xffffffff, 0xcbf43926);
    acc = 0xffffffff;
    for (int i = 0; i < 9; i++) {
        __asm__ volatile("crc32cb %w0, %w0, %w1" : "+r"(acc) : "r"((u64)check_str[i]));
    }
    check("crc32cb over '123456789' = 0xe3069283", acc ^ 0xffffffff, 0xe3069283);

    /* wider forms agree with byte-at-a-time */
    __asm__ volatile("crc32x %w0, %w1, %2" : "=r"(v) : "r"(0xfffffffful), "r"(q[0]));
    check("crc32x = 8 x crc32b", v, crc_sw(0xffffffff, check_str, 8, 0xedb88320));
    __asm__ volatile("crc32cx %w0, %w1, %2" : "=r"(v) : "r"(0x12345678ul), "r"(q[1]));
    check("crc32cx = 8 x crc32cb", v, crc_sw(0x12345678, check_str + 8, 8,
                                             0x82f63b78));
    __asm__ volatile("crc32w %w0, %w1, %w2" : "=r"(v) : "r"(0ul),
                     "r"(0xffffffff00000000ul | *(const u32 *)check_str));
    check("crc32w ignores upper half of Rm", v, crc_sw(0, check_str, 4, 0xedb88320));
    __asm__ volatile("crc32cw %w0, %w1, %w2" : "=r"(v) : "r"(0xfffffffful),
                     "r"((u64)*(const u32 *)(check_str + 4)));
    check("crc32cw", v, crc_sw(0xffffffff, check_str + 4, 4, 0x82f63b78));
    __asm__ volatile("crc32h %w0, %w1, %w2" : "=r"(v) : "r"(0xdeadbeeful),
                     "r"(0xffff0000ul | *(const u16 *)check_str));
    check("crc32h ignores upper bits", v, crc_sw(0xdeadbeef, check_str, 2, 0xedb88320));
    __asm__ volatile("crc32ch %w0, %w1, %w2" : "=r"(v) : "r"(0ul),
                     "r"((u64)*(const u16 *)(check_str + 2)));
    check("crc32ch", v, crc_sw(0, check_str + 2, 2, 0x82f63b78));
    __asm__ volatile("crc32b %w0, %w1, %w2" : "=r"(v) : "r"(0xffffffff00000000ul),
                     "r"(0x131ul));
    check("crc32b ignores upper half of Rn and bits 8+ of Rm", v,
          crc_sw(0, (const u8 *)"1", 1, 0xedb88320));
    __asm__ volatile("crc32x %w0, %w1, %2" : "=r"(v) : "r"(0ul), "r"(0ul));
    check("crc32x of zeroes from 0 is 0", v, 0);
}

static void test_hints(void)
{
    u64 v = 1;
    __asm__ volatile("nop\n\tyield\n\tsev\n\tsevl\n\t"
                     "hint #7\n\thint #20\n\thint #34\n\thint #0x7f\n\t"
                     "dmb ish\n\tdmb oshld\n\tdsb sy\n\tdsb nshst\n\tisb\n\t"
                     "dmb ishst\n\tcsdb\n\thint #16\n\thint #17\n\t"
                     "add %0, %0, #1" : "+r"(v) : : "memory");
    check("hints and barriers execute as no-ops", v, 2);
    __asm__ volatile("wfe\n\tadd %0, %0, #1" : "+r"(v));
    check("wfe returns (no event sources)", v, 3);
}

int main(void)
{
    test_set_prefix("branch: ");
    test_bcond();
    test_cb_tb();
    test_calls();
    test_crc();
    test_hints();
    return 0;
}
