/*
 * atomic.c - exclusives (LDXR/STXR and pairs, acquire/release forms),
 * load-acquire/store-release, FEAT_LSE (CAS, CASP, LDADD .. LDUMIN, SWP
 * and the ST* aliases) at every size, and the alignment faults that
 * exclusives and atomics take on misaligned addresses.
 */
#include "testlib.h"

static u64 mem[8] __attribute__((aligned(64)));

static inline u64 addr(const void *base, long off)
{
    u64 a = (u64)base;
    __asm__("" : "+r"(a));
    return a + off;
}

static void test_exclusive(void)
{
    u64 v, st;

    mem[0] = 0x1234;
    __asm__ volatile("ldxr %0, [%2]\n\tadd %0, %0, #1\n\tstxr %w1, %0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(mem) : "memory");
    check("ldxr/stxr x succeeds", st, 0);
    check("ldxr/stxr x stored", mem[0], 0x1235);

    __asm__ volatile("clrex\n\tstxr %w0, %1, [%2]"
                     : "=&r"(st) : "r"(0x9999ul), "r"(mem) : "memory");
    check("stxr after clrex fails", st, 1);
    check("failed stxr stores nothing", mem[0], 0x1235);

    __asm__ volatile("ldxr %0, [%2]\n\tstxr %w1, %0, [%3]"
                     : "=&r"(v), "=&r"(st) : "r"(mem), "r"(&mem[1]) : "memory");
    check("stxr to another address fails", st, 1);

    __asm__ volatile("ldxr %0, [%2]\n\tstxr %w1, %0, [%2]\n\tstxr %w1, %0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(mem) : "memory");
    check("second stxr without ldxr fails", st, 1);

    mem[1] = 0xffffffffffffffff;
    __asm__ volatile("ldxrb %w0, [%2]\n\tadd %w0, %w0, #2\n\tstxrb %w1, %w0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(&mem[1]) : "memory");
    check("ldxrb/stxrb status", st, 0);
    check("ldxrb/stxrb wraps one byte", mem[1], 0xffffffffffffff01ul);
    __asm__ volatile("ldxrh %w0, [%2]\n\t"
                     "mov %w0, #0x1234\n\tstxrh %w1, %w0, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(addr(&mem[1], 2))
                     : "memory");
    check("ldxrh value zero-extended then stxrh status", st, 0);
    check("stxrh stored", mem[1], 0xffffffff1234ff01ul);
    __asm__ volatile("ldaxr %w0, [%2]\n\tstlxr %w1, wzr, [%2]"
                     : "=&r"(v), "=&r"(st) : "r"(addr(&mem[1], 4)) : "memory");
    check("ldaxr w value", v, 0xffffffff);
    check("stlxr w wzr status", st, 0);
    check("stlxr w stored zero", mem[1], 0x000000001234ff01ul);

    /* a counter incremented by 100 exclusive loops */
    mem[2] = 0;
    for (int i = 0; i < 100; i++) {
        __asm__ volatile("1: ldaxr %0, [%2]\n\tadd %0, %0, #3\n\t"
                         "stlxr %w1, %0, [%2]\n\tcbnz %w1, 1b"
                         : "=&r"(v), "=&r"(st) : "r"(&mem[2]) : "memory");
    }
    check("100 exclusive increments", mem[2], 300);

    /* pairs */
    mem[4] = 0x1111111111111111;
    mem[5] = 0x2222222222222222;
    {
        u64 a, b;
        __asm__ volatile("ldxp %0, %1, [%3]\n\tstxp %w2, %1, %0, [%3]"
                         : "=&r"(a), "=&r"(b), "=&r"(st) : "r"(&mem[4]) : "memory");
        check("ldxp x first", a, 0x1111111111111111ul);
        check("ldxp x second", b, 0x2222222222222222ul);
        check("stxp x status", st, 0);
        check("stxp x swapped first", mem[4], 0x2222222222222222ul);
        check("stxp x swapped second", mem[5], 0x1111111111111111ul);
        mem[6] = 0x00000002deadbeef;
        __asm__ volatile("ldaxp %w0, %w1, [%3]\n\tstlxp %w2, %w1, %w0, [%3]"
                         : "=&r"(a), "=&r"(b), "=&r"(st) : "r"(&mem[6]) : "memory");
        check("ldaxp w first", a, 0xdeadbeef);
        check("ldaxp w second", b, 2);
        check("stlxp w status", st, 0);
        check("stlxp w stored", mem[6], 0xdeadbeef00000002ul);
        __asm__ volatile("clrex\n\tstxp %w0, xzr, xzr, [%1]"
                         : "=&r"(st) : "r"(&mem[4]) : "memory");
        check("stxp after clrex fails", st, 1);
        check("failed stxp stores nothing", mem[4], 0x2222222222222222ul);
    }
}

static void test_acqrel(void)
{
    u64 v;
    mem[0] = 0x8877665544332211;
    __asm__ volatile("ldar %0, [%1]" : "=r"(v) : "r"(mem) : "memory");
    check("ldar x", v, 0x8877665544332211ul);
    __asm__ volatile("ldar %w0, [%1]" : "=r"(v) : "r"(addr(mem, 4)) : "memory");
    check("ldar w", v, 0x88776655);
    __asm__ volatile("ldarh %w0, [%1]" : "=r"(v) : "r"(addr(mem, 6)) : "memory");
    check("ldarh", v, 0x8877);
    __asm__ volatile("ldarb %w0, [%1]" : "=r"(v) : "r"(addr(mem, 7)) : "memory");
    check("ldarb", v, 0x88);
    __asm__ volatile("stlr %0, [%1]" : : "r"(0x0102030405060708ul), "r"(&mem[1])
                     : "memory");
    check("stlr x", mem[1], 0x0102030405060708ul);
    __asm__ volatile("stlrb %w0, [%1]" : : "r"(0xff), "r"(&mem[1]) : "memory");
    check("stlrb", mem[1], 0x01020304050607fful);
    __asm__ volatile("stlrh %w0, [%1]" : : "r"(0xaaaa), "r"(addr(&mem[1], 6))
                     : "memory");
    check("stlrh", mem[1], 0xaaaa0304050607fful);
    __asm__ volatile("stlr %w0, [%1]" : : "r"(0), "r"(&mem[1]) : "memory");
    check("stlr w", mem[1], 0xaaaa030400000000ul);
}

#define ATOM(name, insn, init, operand, want_old, want_mem) do {        \
        u64 _old;                                                       \
        mem[3] = (init);                                                \
        __asm__ volatile(insn : "=&r"(_old)                             \
                         : "r"((u64)(operand)), "r"(&mem[3]) : "memory"); \
        check(name " old", _old, (want_old));                           \
        check(name " mem", mem[3], (want_mem));                         \
    } while (0)

static void test_lse(void)
{
    ATOM("ldadd x", "ldadd %1, %0, [%2]", 5, 7, 5, 12);
    ATOM("ldadd x wraps", "ldadd %1, %0, [%2]", 0xffffffffffffffff, 2,
         0xffffffffffffffff, 1);
    ATOM("ldadda w", "ldadda %w1, %w0, [%2]", 0xaaaaaaaaffffffff, 1,
         0xffffffff, 0xaaaaaaaa00000000);
    ATOM("ldaddl h", "ldaddlh %w1, %w0, [%2]", 0x123456789abcfffe, 3, 0xfffe,
         0x123456789abc0001);
    ATOM("ldaddal b", "ldaddalb %w1, %w0, [%2]", 0x12345678ff, 1, 0xff,
         0x1234567800);
    ATOM("ldclr x", "ldclr %1, %0, [%2]", 0xff00ff00ff00ff00, 0xf0f0f0f0f0f0f0f0,
         0xff00ff00ff00ff00, 0x0f000f000f000f00);
    ATOM("ldclr b", "ldclrb %w1, %w0, [%2]", 0xffff, 0x0f, 0xff, 0xfff0);
    ATOM("ldeor x", "ldeor %1, %0, [%2]", 0x5555, 0xffff, 0x5555, 0xaaaa);
    ATOM("ldeor h", "ldeorh %w1, %w0, [%2]", 0x11115555, 0xffffffff, 0x5555,
         0x1111aaaa);
    ATOM("ldset x", "ldset %1, %0, [%2]", 0x1000, 0x0001, 0x1000, 0x1001);
    ATOM("ldset w", "ldsetl %w1, %w0, [%2]", 0x100000000, 0x80000000, 0,
         0x180000000);
    ATOM("ldsmax x", "ldsmax %1, %0, [%2]", (u64)-5, 3, (u64)-5, 3);
    ATOM("ldsmax x keeps larger", "ldsmax %1, %0, [%2]", 7, (u64)-1, 7, 7);
    ATOM("ldsmax b signed", "ldsmaxb %w1, %w0, [%2]", 0x80, 0x7f, 0x80, 0x7f);
    ATOM("ldsmax b negative stays", "ldsmaxb %w1, %w0, [%2]", 0xff, 0x80, 0xff,
         0xff);
    ATOM("ldsmax h", "ldsmaxh %w1, %w0, [%2]", 0x8000, 0x0001, 0x8000, 0x0001);
    ATOM("ldsmax w", "ldsmax %w1, %w0, [%2]", 0x7fffffff, 0x80000000, 0x7fffffff,
         0x7fffffff);
    ATOM("ldsmin x", "ldsmin %1, %0, [%2]", 3, (u64)-5, 3, (u64)-5);
    ATOM("ldsmin b", "ldsminb %w1, %w0, [%2]", 0x01, 0x80, 0x01, 0x80);
    ATOM("ldsmin w", "ldsmin %w1, %w0, [%2]", 0xffffffff80000000, 1, 0x80000000,
         0xffffffff80000000);
    ATOM("ldumax x", "ldumax %1, %0, [%2]", 3, (u64)-5, 3, (u64)-5);
    ATOM("ldumax b", "ldumaxb %w1, %w0, [%2]", 0x80, 0x7f, 0x80, 0x80);
    ATOM("ldumax h ignores upper operand bits", "ldumaxh %w1, %w0, [%2]", 0x0010,
         0xffff0001, 0x0010, 0x0010);
    ATOM("ldumin x", "ldumin %1, %0, [%2]", (u64)-1, 0, (u64)-1, 0);
    ATOM("ldumin w", "ldumin %w1, %w0, [%2]", 0x80000000, 0x7fffffff, 0x80000000,
         0x7fffffff);
    ATOM("swp x", "swp %1, %0, [%2]", 0xaaaa, 0xbbbb, 0xaaaa, 0xbbbb);
    ATOM("swpal w", "swpal %w1, %w0, [%2]", 0x1111111122222222, 0x33333333,
         0x22222222, 0x1111111133333333);
    ATOM("swpb", "swpb %w1, %w0, [%2]", 0x1234, 0xff, 0x34, 0x12ff);
    ATOM("swph", "swph %w1, %w0, [%2]", 0x12345678, 0xabcd, 0x5678, 0x1234abcd);

    /* ST* aliases (Rt = ZR): memory changes, nothing returned */
    mem[3] = 10;
    __asm__ volatile("stadd %0, [%1]" : : "r"(5ul), "r"(&mem[3]) : "memory");
    check("stadd x", mem[3], 15);
    __asm__ volatile("stsetb %w0, [%1]" : : "r"(0x80ul), "r"(&mem[3]) : "memory");
    check("stsetb", mem[3], 0x8f);

    /* CAS family */
    {
        u64 s;
        mem[3] = 100;
        s = 100;
        __asm__ volatile("cas %0, %1, [%2]" : "+&r"(s) : "r"(200ul), "r"(&mem[3])
                         : "memory");
        check("cas x match: old in Rs", s, 100);
        check("cas x match: stored", mem[3], 200);
        s = 1;
        __asm__ volatile("casa %0, %1, [%2]" : "+&r"(s) : "r"(300ul), "r"(&mem[3])
                         : "memory");
        check("casa x mismatch: old in Rs", s, 200);
        check("casa x mismatch: unchanged", mem[3], 200);
        mem[3] = 0xffffffff00000005;
        s = 0xabcdef0000000005;
        __asm__ volatile("casl %w0, %w1, [%2]" : "+&r"(s) : "r"(6ul), "r"(&mem[3])
                         : "memory");
        check("casl w compares 32 bits", mem[3], 0xffffffff00000006ul);
        check("casl w old zero-extended", s, 5);
        mem[3] = 0x80ff;
        s = 0xffffffffffffffff;
        __asm__ volatile("casalb %w0, %w1, [%2]" : "+&r"(s) : "r"(0x11ul),
                         "r"(&mem[3]) : "memory");
        check("casalb compares one byte", mem[3], 0x8011);
        check("casalb old", s, 0xff);
        mem[3] = 0x12348000;
        s = 0x8000;
        __asm__ volatile("cash %w0, %w1, [%2]" : "+&r"(s) : "r"(0x7fff),
                         "r"(&mem[3]) : "memory");
        check("cash", mem[3], 0x12347fff);
    }
    /* CASP: pairs of registers, even-numbered */
    {
        register u64 s0 __asm__("x4");
        register u64 s1 __asm__("x5");
        register u64 n0 __asm__("x6") = 0x3333;
        register u64 n1 __asm__("x7") = 0x4444;
        mem[4] = 0x1111;
        mem[5] = 0x2222;
        s0 = 0x1111;
        s1 = 0x2222;
        u64 o0, o1;
        __asm__ volatile("casp x4, x5, x6, x7, [%2]"
                         : "+r"(s0), "+r"(s1) : "r"(&mem[4]), "r"(n0), "r"(n1)
                         : "memory");
        o0 = s0;
        o1 = s1;
        check("casp x match first", mem[4], 0x3333);
        check("casp x match second", mem[5], 0x4444);
        check("casp x old first", o0, 0x1111);
        check("casp x old second", o1, 0x2222);
        s0 = 0x3333;
        s1 = 0x9999;
        __asm__ volatile("caspal x4, x5, x6, x7, [%2]"
                         : "+r"(s0), "+r"(s1) : "r"(&mem[4]), "r"(n0), "r"(n1)
                         : "memory");
        o0 = s0;
        o1 = s1;
        check("caspal x half mismatch keeps memory", mem[5], 0x4444);
        check("caspal x mismatch returns second", o1, 0x4444);
        check("caspal x mismatch returns first", o0, 0x3333);
        mem[6] = 0x0000000200000001;
        s0 = 1;
        s1 = 2;
        n0 = 0xa;
        n1 = 0xb;
        __asm__ volatile("casp w4, w5, w6, w7, [%2]"
                         : "+r"(s0), "+r"(s1) : "r"(&mem[6]), "r"(n0), "r"(n1)
                         : "memory");
        o0 = s0;
        o1 = s1;
        check("casp w stored", mem[6], 0x0000000b0000000aul);
        check("casp w old", o0 | (o1 << 32), 0x0000000200000001ul);
    }
}

static void expect_align_fault(const char *name, u64 esr, u64 far, u64 want_far,
                               int write)
{
    char buf[96];
    tsnprintf(buf, sizeof(buf), "%s faults once", name);
    check(buf, last_exc.count, 1);
    tsnprintf(buf, sizeof(buf), "%s EC is data abort same EL", name);
    check(buf, esr >> 26, 0x25);
    tsnprintf(buf, sizeof(buf), "%s DFSC alignment", name);
    check(buf, esr & 0x3f, 0x21);
    if (write >= 0) {
        tsnprintf(buf, sizeof(buf), "%s WnR", name);
        check(buf, (esr >> 6) & 1, write);
    }
    tsnprintf(buf, sizeof(buf), "%s FAR", name);
    check(buf, far, want_far);
}

static void test_alignment(void)
{
    u64 v = 0, st = 0;
    u64 a = addr(mem, 4);

    exc_expect(4);
    __asm__ volatile("ldxr %0, [%1]" : "=&r"(v) : "r"(a) : "memory");
    expect_align_fault("ldxr x at +4", last_exc.esr, last_exc.far, a, 0);
    exc_expect(4);
    __asm__ volatile("ldaxr %w0, [%1]" : "=&r"(v) : "r"(addr(mem, 2)) : "memory");
    expect_align_fault("ldaxr w at +2", last_exc.esr, last_exc.far,
                       addr(mem, 2), 0);
    exc_expect(4);
    __asm__ volatile("ldxrh %w0, [%1]" : "=&r"(v) : "r"(addr(mem, 1)) : "memory");
    expect_align_fault("ldxrh at +1", last_exc.esr, last_exc.far, addr(mem, 1), 0);
    exc_expect(4);
    __asm__ volatile("ldxp %0, %1, [%2]" : "=&r"(v), "=&r"(st)
                     : "r"(addr(mem, 8)) : "memory");
    expect_align_fault("ldxp x at +8 (needs 16)", last_exc.esr, last_exc.far,
                       addr(mem, 8), 0);
    exc_expect(4);
    __asm__ volatile("ldadd %1, %0, [%2]" : "=&r"(v) : "r"(1ul), "r"(a) : "memory");
    expect_align_fault("ldadd x at +4", last_exc.esr, last_exc.far, a, -1);
    exc_expect(4);
    __asm__ volatile("swph %w1, %w0, [%2]" : "=&r"(v) : "r"(1ul), "r"(addr(mem, 3))
                     : "memory");
    expect_align_fault("swph at +3", last_exc.esr, last_exc.far, addr(mem, 3), -1);
    exc_expect(4);
    __asm__ volatile("cas %0, %1, [%2]" : "+&r"(v) : "r"(1ul), "r"(a) : "memory");
    expect_align_fault("cas x at +4", last_exc.esr, last_exc.far, a, -1);
    exc_expect(4);
    __asm__ volatile("ldar %0, [%1]" : "=&r"(v) : "r"(a) : "memory");
    expect_align_fault("ldar x at +4", last_exc.esr, last_exc.far, a, 0);
    exc_expect(4);
    __asm__ volatile("stlr %w0, [%1]" : : "r"(v), "r"(addr(mem, 2)) : "memory");
    expect_align_fault("stlr w at +2", last_exc.esr, last_exc.far, addr(mem, 2), 1);
    /* byte-sized ones are always aligned */
    exc_expect(4);
    __asm__ volatile("ldxrb %w0, [%1]\n\tclrex" : "=&r"(v) : "r"(addr(mem, 3))
                     : "memory");
    check("ldxrb at +3 does not fault", last_exc.count, 0);
    __asm__ volatile("ldaddb %w1, %w0, [%2]" : "=&r"(v) : "r"(1ul),
                     "r"(addr(mem, 5)) : "memory");
    check("ldaddb at +5 does not fault", last_exc.count, 0);
}

int main(void)
{
    test_set_prefix("atomic: ");
    test_exclusive();
    test_acqrel();
    test_lse();
    test_alignment();
    return 0;
}
