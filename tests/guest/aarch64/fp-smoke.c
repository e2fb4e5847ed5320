/*
 * fp-smoke.c - a first pass over the scalar FP instruction groups: one or
 * two plain values per instruction form (the edge values live in the
 * generated fp-arith tables).
 */
#include "testlib.h"

#define FP1(insn, a) ({ u64 r_; __asm__ volatile("fmov d1, %1\n\t" insn "\n\tfmov %0, d0" : "=r"(r_) : "r"((u64)(a)) : "v0", "v1"); r_; })
#define FP2(insn, a, b) ({ u64 r_; __asm__ volatile("fmov d1, %1\n\tfmov d2, %2\n\t" insn "\n\tfmov %0, d0" : "=r"(r_) : "r"((u64)(a)), "r"((u64)(b)) : "v0", "v1", "v2"); r_; })
#define FP3(insn, a, b, c) ({ u64 r_; __asm__ volatile("fmov d1, %1\n\tfmov d2, %2\n\tfmov d3, %3\n\t" insn "\n\tfmov %0, d0" : "=r"(r_) : "r"((u64)(a)), "r"((u64)(b)), "r"((u64)(c)) : "v0", "v1", "v2", "v3"); r_; })
#define TOGP(insn, a) ({ u64 r_; __asm__ volatile("fmov d1, %1\n\t" insn : "=r"(r_) : "r"((u64)(a)) : "v1"); r_; })

static u64 fpsr(void)
{
    u64 v;
    __asm__ volatile("mrs %0, fpsr; msr fpsr, xzr" : "=r"(v));
    return v;
}

int main(void)
{
    test_set_prefix("fp-smoke: ");
    fpsr();
    check("fadd s", FP2("fadd s0, s1, s2", 0x3f800000, 0x40000000), 0x40400000);
    check("fadd d", FP2("fadd d0, d1, d2", 0x3ff0000000000000UL, 0x4000000000000000UL), 0x4008000000000000UL);
    check("fsub s", FP2("fsub s0, s1, s2", 0x3f800000, 0x40000000), 0xbf800000);
    check("fmul d", FP2("fmul d0, d1, d2", 0x4008000000000000UL, 0x4000000000000000UL), 0x4018000000000000UL);
    check("fnmul s", FP2("fnmul s0, s1, s2", 0x40400000, 0x40000000), 0xc0c00000);
    check("fdiv s 1/3", FP2("fdiv s0, s1, s2", 0x3f800000, 0x40400000), 0x3eaaaaab);
    check("fdiv s 1/3 fpsr IXC", fpsr(), 0x10);
    check("fdiv s 1/0", FP2("fdiv s0, s1, s2", 0x3f800000, 0), 0x7f800000);
    check("fdiv s 1/0 fpsr DZC", fpsr(), 0x2);
    check("fmax s", FP2("fmax s0, s1, s2", 0x3f800000, 0x40000000), 0x40000000);
    check("fmin d", FP2("fmin d0, d1, d2", 0x3ff0000000000000UL, 0xc000000000000000UL), 0xc000000000000000UL);
    check("fmaxnm s qnan", FP2("fmaxnm s0, s1, s2", 0x7fc00000, 0x40000000), 0x40000000);
    check("fminnm s qnan", FP2("fminnm s0, s1, s2", 0x40000000, 0x7fc00000), 0x40000000);
    check("fsqrt d 2", FP1("fsqrt d0, d1", 0x4000000000000000UL), 0x3ff6a09e667f3bcdUL);
    fpsr();
    check("fsqrt s -1", FP1("fsqrt s0, s1", 0xbf800000), 0x7fc00000);
    check("fsqrt s -1 fpsr IOC", fpsr(), 0x1);
    check("fabs s", FP1("fabs s0, s1", 0xff800001), 0x7f800001);
    check("fneg d", FP1("fneg d0, d1", 0x7ff0000000000001UL), 0xfff0000000000001UL);
    check("fneg d fpsr none", fpsr(), 0);
    check("fmadd s", FP3("fmadd s0, s1, s2, s3", 0x40000000, 0x40400000, 0x3f800000), 0x40e00000);
    check("fmsub s", FP3("fmsub s0, s1, s2, s3", 0x40000000, 0x40400000, 0x3f800000), 0xc0a00000);
    check("fnmadd s", FP3("fnmadd s0, s1, s2, s3", 0x40000000, 0x40400000, 0x3f800000), 0xc0e00000);
    check("fnmsub d", FP3("fnmsub d0, d1, d2, d3", 0x4000000000000000UL, 0x4008000000000000UL, 0x3ff0000000000000UL), 0x4014000000000000UL);
    check("fcvt d<-s", FP1("fcvt d0, s1", 0x3fc00000), 0x3ff8000000000000UL);
    check("fcvt s<-d", FP1("fcvt s0, d1", 0x3ff8000000000000UL), 0x3fc00000);
    check("fcvt h<-s", FP1("fcvt h0, s1", 0x3fc00000), 0x3e00);
    check("fcvt s<-h", FP1("fcvt s0, h1", 0x3e00), 0x3fc00000);
    check("fcvt d<-h", FP1("fcvt d0, h1", 0xbc00), 0xbff0000000000000UL);
    check("fcvt h<-d", FP1("fcvt h0, d1", 0xbff0000000000000UL), 0xbc00);
    check("frintn s 2.5", FP1("frintn s0, s1", 0x40200000), 0x40000000);
    check("frinta s 2.5", FP1("frinta s0, s1", 0x40200000), 0x40400000);
    check("frintp s 2.5", FP1("frintp s0, s1", 0x40200000), 0x40400000);
    check("frintm d -2.5", FP1("frintm d0, d1", 0xc004000000000000UL), 0xc008000000000000UL);
    check("frintz d -2.5", FP1("frintz d0, d1", 0xc004000000000000UL), 0xc000000000000000UL);
    check("frinti no IXC", fpsr(), 0);
    check("frintx s 2.5", FP1("frintx s0, s1", 0x40200000), 0x40000000);
    check("frintx IXC", fpsr(), 0x10);
    check("fmov s #1.0", FP1("fmov s0, #1.0", 0), 0x3f800000);
    check("fmov d #-0.125", FP1("fmov d0, #-0.125", 0), 0xbfc0000000000000UL);
    check("fmov s #31.0", FP1("fmov s0, #31.0", 0), 0x41f80000);
    check("fcvtzs w, s -2.5", TOGP("fcvtzs %w0, s1", 0xc0200000), 0xfffffffe);
    check("fcvtns x, d 2.5", TOGP("fcvtns %0, d1", 0x4004000000000000UL), 2);
    check("fcvtas x, d 2.5", TOGP("fcvtas %0, d1", 0x4004000000000000UL), 3);
    fpsr();
    check("fcvtzu w, s 2^32", TOGP("fcvtzu %w0, s1", 0x4f800000), 0xffffffff);
    check("fcvtzu IOC", fpsr(), 1);
    check("fcvtzs x, d #4 1.5", TOGP("fcvtzs %0, d1, #4", 0x3ff8000000000000UL), 24);
    test_exit();
}
