#!/usr/bin/env python3
#
# gen-simd-fp.py - generate simd-fp-cases.h for simd-fp-arith.c: for every
# AdvSIMD floating-point arithmetic form (vector Q=0/Q=1, scalar, pairwise,
# across lanes, by element; single and double), one asm stub and a list of
# cases (FPCR, the input registers, the expected destination register and
# FPSR), the expected values computed by a reference model written from the
# Arm ARM pseudocode (FPUnpack, FPRound, FPProcessNaNs(3), FPAdd, FPMulAdd,
# FPMax/FPMaxNum, FPCompare*, FPRecipEstimate, FPRSqrtEstimate, FPRecpX,
# FPRecipStepFused, FPRSqrtStepFused, Reduce, ...) with exact rational
# arithmetic. It shares no code with the emulator's softfloat; running the
# image under qemu-system-aarch64 checks the model itself.
#
# Usage: gen-simd-fp.py > simd-fp-cases.h

import random
from fractions import Fraction
from math import isqrt

IOC, DZC, OFC, UFC, IXC, IDC = 1, 2, 4, 8, 16, 128
FPCR_DN, FPCR_FZ = 1 << 25, 1 << 24
RNE, RP, RM, RZ = 0, 1, 2, 3

ZERO, NUM, INF, QNAN, SNAN = range(5)


class Fmt:
    def __init__(self, n, e, f):
        self.n, self.e, self.f = n, e, f
        self.bias = (1 << (e - 1)) - 1
        self.emin = 1 - self.bias
        self.mask = (1 << n) - 1
        self.sign = 1 << (n - 1)
        self.expmax = (1 << e) - 1


F32 = Fmt(32, 8, 23)
F64 = Fmt(64, 11, 52)


class Ctx:
    """FPCR in, cumulative FPSR bits out."""

    def __init__(self, fpcr):
        self.fpcr = fpcr
        self.flags = 0

    @property
    def fz(self):
        return bool(self.fpcr & FPCR_FZ)

    @property
    def dn(self):
        return bool(self.fpcr & FPCR_DN)

    @property
    def rmode(self):
        return (self.fpcr >> 22) & 3


def pack(fmt, sign, exp, frac):
    return (sign << (fmt.n - 1)) | (exp << fmt.f) | frac


def fzero(fmt, sign):
    return pack(fmt, sign, 0, 0)


def finf(fmt, sign):
    return pack(fmt, sign, fmt.expmax, 0)


def fmaxnormal(fmt, sign):
    return pack(fmt, sign, fmt.expmax - 1, (1 << fmt.f) - 1)


def fdefnan(fmt):
    return pack(fmt, 0, fmt.expmax, 1 << (fmt.f - 1))


def unpack(fmt, x, c):
    """FPUnpack: (type, sign, value); FZ flushes denormals with IDC."""
    sign = x >> (fmt.n - 1)
    exp = (x >> fmt.f) & fmt.expmax
    frac = x & ((1 << fmt.f) - 1)
    if exp == 0:
        if frac == 0:
            return ZERO, sign, Fraction(0)
        if c.fz:
            c.flags |= IDC
            return ZERO, sign, Fraction(0)
        v = Fraction(frac, 1 << fmt.f) * Fraction(2) ** fmt.emin
    elif exp == fmt.expmax:
        if frac == 0:
            return INF, sign, Fraction(0)
        return (QNAN if frac >> (fmt.f - 1) else SNAN), sign, Fraction(0)
    else:
        v = Fraction((1 << fmt.f) | frac, 1 << fmt.f) * Fraction(2) ** (exp - fmt.bias)
    return NUM, sign, -v if sign else v


def process_nan(fmt, t, x, c):
    if t == SNAN:
        c.flags |= IOC
        x |= 1 << (fmt.f - 1)
    return fdefnan(fmt) if c.dn else x


def process_nans(fmt, t1, t2, x1, x2, c):
    if t1 == SNAN:
        return process_nan(fmt, t1, x1, c)
    if t2 == SNAN:
        return process_nan(fmt, t2, x2, c)
    if t1 == QNAN:
        return process_nan(fmt, t1, x1, c)
    if t2 == QNAN:
        return process_nan(fmt, t2, x2, c)
    return None


def process_nans3(fmt, ta, t1, t2, xa, x1, x2, c):
    for t, x in ((ta, xa), (t1, x1), (t2, x2)):
        if t == SNAN:
            return process_nan(fmt, t, x, c)
    for t, x in ((ta, xa), (t1, x1), (t2, x2)):
        if t == QNAN:
            return process_nan(fmt, t, x, c)
    return None


def floor_log2(v):
    """floor(log2(v)) of a positive Fraction."""
    e = v.numerator.bit_length() - v.denominator.bit_length()
    if Fraction(2) ** e > v:
        e -= 1
    return e


def fpround(fmt, value, c):
    """FPRound (FPRoundBase) of a non-zero rational under FPCR."""
    assert value != 0
    sign = 1 if value < 0 else 0
    mant = abs(value)
    exponent = floor_log2(mant)
    mant = mant / Fraction(2) ** exponent
    if c.fz and exponent < fmt.emin:
        c.flags |= UFC
        return fzero(fmt, sign)
    biased = max(exponent - fmt.emin + 1, 0)
    if biased == 0:
        mant = mant / Fraction(2) ** (fmt.emin - exponent)
    scaled = mant * (1 << fmt.f)
    int_mant = scaled.numerator // scaled.denominator
    error = scaled - int_mant
    if biased == 0 and error != 0:
        c.flags |= UFC
    rm = c.rmode
    if rm == RNE:
        up = error > Fraction(1, 2) or (error == Fraction(1, 2) and int_mant & 1)
        ovf_inf = True
    elif rm == RP:
        up = error != 0 and sign == 0
        ovf_inf = sign == 0
    elif rm == RM:
        up = error != 0 and sign == 1
        ovf_inf = sign == 1
    else:
        up = False
        ovf_inf = False
    if up:
        int_mant += 1
        if int_mant == 1 << fmt.f:
            biased = 1
        if int_mant == 1 << (fmt.f + 1):
            biased += 1
            int_mant >>= 1
    if biased >= fmt.expmax:
        c.flags |= OFC | IXC
        return finf(fmt, sign) if ovf_inf else fmaxnormal(fmt, sign)
    if error != 0:
        c.flags |= IXC
    return pack(fmt, sign, biased, int_mant & ((1 << fmt.f) - 1))


def round_or_zero(fmt, v, c):
    """An exact zero sum gets +0, or -0 when rounding toward -inf."""
    if v == 0:
        return fzero(fmt, 1 if c.rmode == RM else 0)
    return fpround(fmt, v, c)


def fneg(fmt, x):
    return x ^ fmt.sign


def fabs_(fmt, x):
    return x & ~fmt.sign & fmt.mask


# ---- the operations ---------------------------------------------------

def fp_add(fmt, a, b, c, sub=False):
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    r = process_nans(fmt, t1, t2, a, b, c)
    if r is not None:
        return r
    if sub:
        s2 ^= 1
        v2 = -v2
    inf1, inf2 = t1 == INF, t2 == INF
    if inf1 and inf2 and s1 != s2:
        c.flags |= IOC
        return fdefnan(fmt)
    if inf1 or inf2:
        return finf(fmt, s1 if inf1 else s2)
    if t1 == ZERO and t2 == ZERO and s1 == s2:
        return fzero(fmt, s1)
    return round_or_zero(fmt, v1 + v2, c)


def fp_sub(fmt, a, b, c):
    return fp_add(fmt, a, b, c, sub=True)


def fp_mul(fmt, a, b, c, mulx=False):
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    r = process_nans(fmt, t1, t2, a, b, c)
    if r is not None:
        return r
    if (t1 == INF and t2 == ZERO) or (t1 == ZERO and t2 == INF):
        if mulx:
            return pack(fmt, s1 ^ s2, fmt.bias + 1, 0)
        c.flags |= IOC
        return fdefnan(fmt)
    if t1 == INF or t2 == INF:
        return finf(fmt, s1 ^ s2)
    if t1 == ZERO or t2 == ZERO:
        return fzero(fmt, s1 ^ s2)
    return fpround(fmt, v1 * v2, c)


def fp_mulx(fmt, a, b, c):
    return fp_mul(fmt, a, b, c, mulx=True)


def fp_div(fmt, a, b, c):
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    r = process_nans(fmt, t1, t2, a, b, c)
    if r is not None:
        return r
    if (t1 == INF and t2 == INF) or (t1 == ZERO and t2 == ZERO):
        c.flags |= IOC
        return fdefnan(fmt)
    if t1 == INF or t2 == ZERO:
        if t1 != INF:
            c.flags |= DZC
        return finf(fmt, s1 ^ s2)
    if t1 == ZERO or t2 == INF:
        return fzero(fmt, s1 ^ s2)
    return fpround(fmt, v1 / v2, c)


def fp_muladd(fmt, addend, a, b, c):
    """FPMulAdd(addend, op1, op2)."""
    ta, sa, va = unpack(fmt, addend, c)
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    inf1, zero1 = t1 == INF, t1 == ZERO
    inf2, zero2 = t2 == INF, t2 == ZERO
    r = process_nans3(fmt, ta, t1, t2, addend, a, b, c)
    if ta == QNAN and ((inf1 and zero2) or (zero1 and inf2)):
        c.flags |= IOC
        return fdefnan(fmt)
    if r is not None:
        return r
    infa, zeroa = ta == INF, ta == ZERO
    sp = s1 ^ s2
    infp = inf1 or inf2
    zerop = zero1 or zero2
    if (inf1 and zero2) or (zero1 and inf2) or (infa and infp and sa != sp):
        c.flags |= IOC
        return fdefnan(fmt)
    if (infa and sa == 0) or (infp and sp == 0):
        return finf(fmt, 0)
    if (infa and sa == 1) or (infp and sp == 1):
        return finf(fmt, 1)
    if zeroa and zerop and sa == sp:
        return fzero(fmt, sa)
    return round_or_zero(fmt, va + v1 * v2, c)


def fp_fmla(fmt, d, n, m, c):
    return fp_muladd(fmt, d, n, m, c)


def fp_fmls(fmt, d, n, m, c):
    return fp_muladd(fmt, d, fneg(fmt, n), m, c)


def fp_maxmin(fmt, a, b, c, is_max):
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    r = process_nans(fmt, t1, t2, a, b, c)
    if r is not None:
        return r
    # infinities as values so that they order
    w1 = (Fraction(-1) if s1 else Fraction(1)) * 10 ** 400 if t1 == INF else v1
    w2 = (Fraction(-1) if s2 else Fraction(1)) * 10 ** 400 if t2 == INF else v2
    first = (w1 > w2) if is_max else (w1 < w2)
    t, s, v = (t1, s1, v1) if first else (t2, s2, v2)
    if t == INF:
        return finf(fmt, s)
    if t == ZERO:
        return fzero(fmt, (s1 & s2) if is_max else (s1 | s2))
    return fpround(fmt, v, c)


def fp_max(fmt, a, b, c):
    return fp_maxmin(fmt, a, b, c, True)


def fp_min(fmt, a, b, c):
    return fp_maxmin(fmt, a, b, c, False)


def fp_maxminnum(fmt, a, b, c, is_max):
    t1 = unpack(fmt, a, c)[0]
    t2 = unpack(fmt, b, c)[0]
    repl = finf(fmt, 1 if is_max else 0)
    if t1 == QNAN and t2 != QNAN:
        a = repl
    elif t1 != QNAN and t2 == QNAN:
        b = repl
    return fp_maxmin(fmt, a, b, c, is_max)


def fp_maxnum(fmt, a, b, c):
    return fp_maxminnum(fmt, a, b, c, True)


def fp_minnum(fmt, a, b, c):
    return fp_maxminnum(fmt, a, b, c, False)


def fp_abd(fmt, a, b, c):
    return fabs_(fmt, fp_sub(fmt, a, b, c))


def fp_compare(fmt, a, b, c, op):
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    if t1 in (QNAN, SNAN) or t2 in (QNAN, SNAN):
        if op != 'eq' or t1 == SNAN or t2 == SNAN:
            c.flags |= IOC
        return 0
    w1 = (Fraction(-1) if s1 else Fraction(1)) * 10 ** 400 if t1 == INF else v1
    w2 = (Fraction(-1) if s2 else Fraction(1)) * 10 ** 400 if t2 == INF else v2
    res = {'eq': w1 == w2, 'ge': w1 >= w2, 'gt': w1 > w2}[op]
    return fmt.mask if res else 0


def fp_ceq(fmt, a, b, c):
    return fp_compare(fmt, a, b, c, 'eq')


def fp_cge(fmt, a, b, c):
    return fp_compare(fmt, a, b, c, 'ge')


def fp_cgt(fmt, a, b, c):
    return fp_compare(fmt, a, b, c, 'gt')


def fp_acge(fmt, a, b, c):
    return fp_compare(fmt, fabs_(fmt, a), fabs_(fmt, b), c, 'ge')


def fp_acgt(fmt, a, b, c):
    return fp_compare(fmt, fabs_(fmt, a), fabs_(fmt, b), c, 'gt')


def fp_cgt0(fmt, a, c):
    return fp_compare(fmt, a, 0, c, 'gt')


def fp_cge0(fmt, a, c):
    return fp_compare(fmt, a, 0, c, 'ge')


def fp_ceq0(fmt, a, c):
    return fp_compare(fmt, a, 0, c, 'eq')


def fp_cle0(fmt, a, c):
    return fp_compare(fmt, 0, a, c, 'ge')


def fp_clt0(fmt, a, c):
    return fp_compare(fmt, 0, a, c, 'gt')


def fp_step(fmt, a, b, c, rsqrt):
    """FPRecipStepFused / FPRSqrtStepFused."""
    a = fneg(fmt, a)
    t1, s1, v1 = unpack(fmt, a, c)
    t2, s2, v2 = unpack(fmt, b, c)
    r = process_nans(fmt, t1, t2, a, b, c)
    if r is not None:
        return r
    if (t1 == INF and t2 == ZERO) or (t1 == ZERO and t2 == INF):
        # FPTwo('0') or FPOnePointFive('0')
        return pack(fmt, 0, fmt.bias, 1 << (fmt.f - 1)) if rsqrt else pack(fmt, 0, fmt.bias + 1, 0)
    if t1 == INF or t2 == INF:
        return finf(fmt, s1 ^ s2)
    if rsqrt:
        v = (3 + v1 * v2) / 2
    else:
        v = 2 + v1 * v2
    return round_or_zero(fmt, v, c)


def fp_recps(fmt, a, b, c):
    return fp_step(fmt, a, b, c, False)


def fp_rsqrts(fmt, a, b, c):
    return fp_step(fmt, a, b, c, True)


def fp_sqrt(fmt, a, c):
    t, s, v = unpack(fmt, a, c)
    if t in (QNAN, SNAN):
        return process_nan(fmt, t, a, c)
    if t == ZERO:
        return fzero(fmt, s)
    if t == INF and s == 0:
        return finf(fmt, 0)
    if s == 1:
        c.flags |= IOC
        return fdefnan(fmt)
    # floor(sqrt(v) * 2^k) with k big enough for 60 bits of the smallest
    # root; an inexact root is nudged up by a quarter unit, which keeps
    # FPRound's decisions (binade, halfway, sticky) those of the exact root.
    k = 700
    num = v.numerator << (2 * k)
    r = isqrt(num // v.denominator)
    root = Fraction(r, 1 << k)
    if r * r * v.denominator != num:
        root += Fraction(1, 1 << (k + 2))
    return fpround(fmt, root, c)


def recip_estimate(a):
    a = a * 2 + 1
    b = (1 << 19) // a
    return (b + 1) // 2


def recip_sqrt_estimate(a):
    if a < 256:
        a = a * 2 + 1
    else:
        a = (a >> 1) << 1
        a = (a + 1) * 2
    b = 512
    while a * (b + 1) * (b + 1) < (1 << 28):
        b += 1
    return (b + 1) // 2


def frac52(fmt, x):
    return (x & ((1 << fmt.f) - 1)) << (52 - fmt.f)


def fp_recpe(fmt, x, c):
    t, s, v = unpack(fmt, x, c)
    if t in (QNAN, SNAN):
        return process_nan(fmt, t, x, c)
    if t == INF:
        return fzero(fmt, s)
    if t == ZERO:
        c.flags |= DZC
        return finf(fmt, s)
    if abs(v) < Fraction(2) ** -(fmt.bias + 1):
        rm = c.rmode
        to_inf = {RNE: True, RP: s == 0, RM: s == 1, RZ: False}[rm]
        c.flags |= OFC | IXC
        return finf(fmt, s) if to_inf else fmaxnormal(fmt, s)
    if c.fz and abs(v) >= Fraction(2) ** (fmt.bias - 1):
        c.flags |= UFC
        return fzero(fmt, s)
    fr = frac52(fmt, x)
    exp = (x >> fmt.f) & fmt.expmax
    if exp == 0:
        if not (fr >> 51) & 1:
            exp = -1
            fr = (fr << 2) & ((1 << 52) - 1)
        else:
            fr = (fr << 1) & ((1 << 52) - 1)
    scaled = 256 | (fr >> 44)
    result_exp = 2 * fmt.bias - 1 - exp
    est = recip_estimate(scaled)
    fr = (est & 0xff) << 44
    if result_exp == 0:
        fr = (1 << 51) | (fr >> 1)
    elif result_exp == -1:
        fr = (1 << 50) | (fr >> 2)
        result_exp = 0
    return pack(fmt, s, result_exp, fr >> (52 - fmt.f))


def fp_rsqrte(fmt, x, c):
    t, s, v = unpack(fmt, x, c)
    if t in (QNAN, SNAN):
        return process_nan(fmt, t, x, c)
    if t == ZERO:
        c.flags |= DZC
        return finf(fmt, s)
    if s == 1:
        c.flags |= IOC
        return fdefnan(fmt)
    if t == INF:
        return fzero(fmt, 0)
    fr = frac52(fmt, x)
    exp = (x >> fmt.f) & fmt.expmax
    if exp == 0:
        while not (fr >> 51) & 1:
            fr = (fr << 1) & ((1 << 52) - 1)
            exp -= 1
        fr = (fr << 1) & ((1 << 52) - 1)
    if exp & 1 == 0:
        scaled = 256 | (fr >> 44)
    else:
        scaled = 128 | (fr >> 45)
    result_exp = (3 * fmt.bias - 1 - exp) // 2
    est = recip_sqrt_estimate(scaled)
    return pack(fmt, 0, result_exp, ((est & 0xff) << 44) >> (52 - fmt.f))


def fp_recpx(fmt, x, c):
    t, s, v = unpack(fmt, x, c)
    if t in (QNAN, SNAN):
        return process_nan(fmt, t, x, c)
    exp = (x >> fmt.f) & fmt.expmax
    if t == ZERO:
        exp = 0     # a flushed denormal counts as zero
    return pack(fmt, s, fmt.expmax - 1 if exp == 0 else (~exp & fmt.expmax), 0)


def u_recpe(fmt, x, c):
    if not x >> 31:
        return 0xffffffff
    return (recip_estimate(x >> 23) & 0x1ff) << 23


def u_rsqrte(fmt, x, c):
    if not x >> 30:
        return 0xffffffff
    return (recip_sqrt_estimate(x >> 23) & 0x1ff) << 23


def fp_fabs(fmt, x, c):
    return fabs_(fmt, x)


def fp_fneg(fmt, x, c):
    return fneg(fmt, x)


def reduce_tree(fmt, op, elems, c):
    if len(elems) == 1:
        return elems[0]
    h = len(elems) // 2
    lo = reduce_tree(fmt, op, elems[:h], c)
    hi = reduce_tree(fmt, op, elems[h:], c)
    return op(fmt, lo, hi, c)


# ---- instruction forms ------------------------------------------------

def lanes_of(regval, esize, count):
    return [(regval >> (i * esize)) & ((1 << esize) - 1) for i in range(count)]


def from_lanes(lanes, esize):
    v = 0
    for i, x in enumerate(lanes):
        v |= x << (i * esize)
    return v


class Form:
    """One instruction form: asm text, kind and element operation."""

    def __init__(self, name, asm, kind, fmt, op, lanes=0, idx=0,
                 regs=('v2', 'v0', 'v1'), light=False):
        self.name, self.asm, self.kind, self.fmt, self.op = name, asm, kind, fmt, op
        self.lanes, self.idx, self.regs = lanes, idx, regs
        # a variant of a form tested in full elsewhere (Q=0, other index, alias)
        self.light = light or ' 2s' in name or regs != ('v2', 'v0', 'v1')

    def compute(self, n, m, d, fpcr):
        """Registers as 128-bit ints; returns (d_out, fpsr)."""
        fmt, es = self.fmt, self.fmt.n
        c = Ctx(fpcr)
        rd, rn, rm = self.regs
        if rd == rn:
            d = n
        if rd == rm:
            d = m
        k = self.kind
        L = self.lanes
        if k == '3':
            nl, ml, dl = lanes_of(n, es, L), lanes_of(m, es, L), lanes_of(d, es, L)
            res = [self.op(fmt, nl[i], ml[i], c) for i in range(L)]
        elif k == '3acc':
            nl, ml, dl = lanes_of(n, es, L), lanes_of(m, es, L), lanes_of(d, es, L)
            res = [self.op(fmt, dl[i], nl[i], ml[i], c) for i in range(L)]
        elif k == '2':
            nl = lanes_of(n, es, L)
            res = [self.op(fmt, nl[i], c) for i in range(L)]
        elif k == 'pair':
            nl, ml = lanes_of(n, es, L), lanes_of(m, es, L)
            cat = nl + ml
            res = [self.op(fmt, cat[2 * i], cat[2 * i + 1], c) for i in range(L)]
        elif k == 'reduce':
            nl = lanes_of(n, es, self.idx)
            res = [reduce_tree(fmt, self.op, nl, c)]
        elif k == 'idx':
            nl = lanes_of(n, es, L)
            mm = lanes_of(m, es, 128 // es)[self.idx]
            res = [self.op(fmt, nl[i], mm, c) for i in range(L)]
        elif k == 'idxacc':
            nl, dl = lanes_of(n, es, L), lanes_of(d, es, L)
            mm = lanes_of(m, es, 128 // es)[self.idx]
            res = [self.op(fmt, dl[i], nl[i], mm, c) for i in range(L)]
        else:
            raise ValueError(k)
        return from_lanes(res, es), c.flags


FORMS = []


def vec_forms(mn, kind, op, two=False):
    """Q=1 and Q=0 single, Q=1 double."""
    for fmt, arr, lanes in ((F32, '4s', 4), (F32, '2s', 2), (F64, '2d', 2)):
        if two:
            asm = '%s v2.%s, v0.%s' % (mn, arr, arr)
        else:
            asm = '%s v2.%s, v0.%s, v1.%s' % (mn, arr, arr, arr)
        FORMS.append(Form('%s %s' % (mn, arr), asm, kind, fmt, op, lanes))


def scalar_forms(mn, kind, op, two=False):
    for fmt, r in ((F32, 's'), (F64, 'd')):
        if two:
            asm = '%s %s2, %s0' % (mn, r, r)
        else:
            asm = '%s %s2, %s0, %s1' % (mn, r, r, r)
        FORMS.append(Form('%s %s' % (mn, r), asm, kind, fmt, op, 1))


def zero_forms(mn, op):
    for fmt, arr, lanes in ((F32, '4s', 4), (F32, '2s', 2), (F64, '2d', 2)):
        FORMS.append(Form('%s %s #0' % (mn, arr), '%s v2.%s, v0.%s, #0.0' % (mn, arr, arr),
                          '2', fmt, op, lanes))
    for fmt, r in ((F32, 's'), (F64, 'd')):
        FORMS.append(Form('%s %s #0' % (mn, r), '%s %s2, %s0, #0.0' % (mn, r, r), '2', fmt, op, 1))


for mn, op in (('fadd', fp_add), ('fsub', fp_sub), ('fmul', fp_mul), ('fdiv', fp_div),
               ('fmax', fp_max), ('fmin', fp_min), ('fmaxnm', fp_maxnum),
               ('fminnm', fp_minnum), ('fabd', fp_abd), ('fmulx', fp_mulx),
               ('frecps', fp_recps), ('frsqrts', fp_rsqrts), ('fcmeq', fp_ceq),
               ('fcmge', fp_cge), ('fcmgt', fp_cgt), ('facge', fp_acge), ('facgt', fp_acgt)):
    vec_forms(mn, '3', op)
for mn, op in (('fabd', fp_abd), ('fmulx', fp_mulx), ('frecps', fp_recps),
               ('frsqrts', fp_rsqrts), ('fcmeq', fp_ceq), ('fcmge', fp_cge),
               ('fcmgt', fp_cgt), ('facge', fp_acge), ('facgt', fp_acgt)):
    scalar_forms(mn, '3', op)
vec_forms('fmla', '3acc', fp_fmla)
vec_forms('fmls', '3acc', fp_fmls)
for mn, op in (('faddp', fp_add), ('fmaxp', fp_max), ('fminp', fp_min),
               ('fmaxnmp', fp_maxnum), ('fminnmp', fp_minnum)):
    vec_forms(mn, 'pair', op)
    FORMS.append(Form('%s s (scalar)' % mn, '%s s2, v0.2s' % mn, 'reduce', F32, op, 1, 2))
    FORMS.append(Form('%s d (scalar)' % mn, '%s d2, v0.2d' % mn, 'reduce', F64, op, 1, 2))
for mn, op in (('fmaxv', fp_max), ('fminv', fp_min), ('fmaxnmv', fp_maxnum),
               ('fminnmv', fp_minnum)):
    FORMS.append(Form('%s 4s' % mn, '%s s2, v0.4s' % mn, 'reduce', F32, op, 1, 4))
for mn, op in (('fabs', fp_fabs), ('fneg', fp_fneg), ('fsqrt', fp_sqrt),
               ('frecpe', fp_recpe), ('frsqrte', fp_rsqrte)):
    vec_forms(mn, '2', op, two=True)
for mn, op in (('frecpe', fp_recpe), ('frsqrte', fp_rsqrte), ('frecpx', fp_recpx)):
    scalar_forms(mn, '2', op, two=True)
for mn, op in (('urecpe', u_recpe), ('ursqrte', u_rsqrte)):
    for arr, lanes in (('4s', 4), ('2s', 2)):
        FORMS.append(Form('%s %s' % (mn, arr), '%s v2.%s, v0.%s' % (mn, arr, arr), '2', F32, op, lanes))
for mn, op in (('fcmgt', fp_cgt0), ('fcmge', fp_cge0), ('fcmeq', fp_ceq0),
               ('fcmle', fp_cle0), ('fcmlt', fp_clt0)):
    zero_forms(mn, op)
# By element: every index of S and D, Q=0/1, scalar, and Rm in v16-v31 (M).
for mn, kind, op in (('fmul', 'idx', fp_mul), ('fmulx', 'idx', fp_mulx),
                     ('fmla', 'idxacc', fp_fmla), ('fmls', 'idxacc', fp_fmls)):
    for i in range(4):
        FORMS.append(Form('%s 4s s[%d]' % (mn, i), '%s v2.4s, v0.4s, v1.s[%d]' % (mn, i),
                          kind, F32, op, 4, i, light=i != 3))
    FORMS.append(Form('%s 2s s[3] (v17)' % mn, '%s v2.2s, v0.2s, v17.s[3]' % mn,
                      kind, F32, op, 2, 3, ('v2', 'v0', 'v17')))
    for i in range(2):
        FORMS.append(Form('%s 2d d[%d]' % (mn, i), '%s v2.2d, v0.2d, v1.d[%d]' % (mn, i),
                          kind, F64, op, 2, i, light=i != 1))
    FORMS.append(Form('%s s s[2]' % mn, '%s s2, s0, v1.s[2]' % mn, kind, F32, op, 1, 2))
    FORMS.append(Form('%s d d[1] (v31)' % mn, '%s d2, d0, v31.d[1]' % mn, kind, F64, op, 1, 1,
                      ('v2', 'v0', 'v31')))
# Destination aliasing a source (results built before Vd is written).
FORMS.append(Form('fadd 4s d=n', 'fadd v0.4s, v0.4s, v1.4s', '3', F32, fp_add, 4,
                  regs=('v0', 'v0', 'v1')))
FORMS.append(Form('faddp 4s d=m', 'faddp v1.4s, v0.4s, v1.4s', 'pair', F32, fp_add, 4,
                  regs=('v1', 'v0', 'v1')))
FORMS.append(Form('fmla 4s d=m by element', 'fmla v1.4s, v0.4s, v1.s[1]', 'idxacc', F32,
                  fp_fmla, 4, 1, regs=('v1', 'v0', 'v1')))
FORMS.append(Form('fmaxnmv 4s d=n', 'fmaxnmv s0, v0.4s', 'reduce', F32, fp_maxnum, 1, 4,
                  regs=('v0', 'v0', 'v1')))


# ---- operand values ---------------------------------------------------

def specials(fmt):
    f, b = fmt.f, fmt.bias
    one = pack(fmt, 0, b, 0)
    v = [
        0, fmt.sign,                                  # +0, -0
        finf(fmt, 0), finf(fmt, 1),
        pack(fmt, 0, fmt.expmax, (1 << (f - 1)) | 0x2a),     # qNaN with payload
        pack(fmt, 1, fmt.expmax, (1 << (f - 1)) | 0x15),     # -qNaN
        pack(fmt, 0, fmt.expmax, 0x5),                       # sNaN
        pack(fmt, 1, fmt.expmax, 0x33),                      # -sNaN
        one, one | fmt.sign,                                 # 1, -1
        pack(fmt, 0, b + 1, 0),                              # 2
        pack(fmt, 1, b + 1, 1 << (f - 1)),                   # -3
        pack(fmt, 0, b - 1, 1 << (f - 2)),                   # 0.625
        pack(fmt, 0, b, 1),                                  # 1 + ulp
        fmaxnormal(fmt, 0), fmaxnormal(fmt, 1),
        pack(fmt, 0, 1, 0), pack(fmt, 1, 1, 0),              # min normal
        pack(fmt, 0, 0, 1), pack(fmt, 1, 0, (1 << f) - 1),   # denormals
        pack(fmt, 0, 0, 1 << (f - 1)), pack(fmt, 0, 0, (1 << (f - 2)) + 3),
        pack(fmt, 0, fmt.expmax - 2, 0x1234),                # huge
        pack(fmt, 1, 3, 0x4321),                             # tiny normal
    ]
    return v


rng = random.Random(20261125)


def rand_num(fmt, center=None, spread=None):
    if center is None:
        exp = rng.randrange(0, fmt.expmax)
    else:
        exp = max(0, min(fmt.expmax - 1, center + rng.randrange(-spread, spread + 1)))
    return pack(fmt, rng.randrange(2), exp, rng.getrandbits(fmt.f))


def rand_near(fmt, x):
    """A value of about the same magnitude (cancellation, ties)."""
    exp = (x >> fmt.f) & fmt.expmax
    if exp in (0, fmt.expmax):
        return rand_num(fmt)
    e2 = max(0, min(fmt.expmax - 1, exp + rng.randrange(-2, 3)))
    frac = (x & ((1 << fmt.f) - 1)) ^ rng.getrandbits(rng.choice((1, 3, fmt.f // 2, fmt.f)))
    return pack(fmt, rng.randrange(2), e2, frac & ((1 << fmt.f) - 1))


FPCRS = [0, RP << 22, RM << 22, RZ << 22, FPCR_FZ, FPCR_DN, FPCR_FZ | FPCR_DN | (RM << 22),
         FPCR_FZ | (RP << 22)]


def operand_tuples(form):
    """Per-lane operand tuples (n, m, d) for a form."""
    fmt = form.fmt
    sp = specials(fmt)
    tuples = []
    if form.op in (u_recpe, u_rsqrte):
        vals = [0, 1, 0x3fffffff, 0x40000000, 0x7fffffff, 0x80000000, 0x80800000,
                0xc0000000, 0xffffffff, 0xfff00000, 0x9abcdef0, 0x5a5a5a5a]
        vals += [rng.getrandbits(32) for _ in range(40)]
        return [(v, 0, 0) for v in vals]
    unary = form.kind == '2'
    if unary:
        tuples = [(v, 0, 'core') for v in sp]
        vals = [rand_num(fmt) for _ in range(40)]
        # the estimates' edges: around 2^-(bias+1), 2^(bias-1), every table step
        vals += [pack(fmt, 0, 0, 1 << (fmt.f - 2)), pack(fmt, 0, 0, (1 << (fmt.f - 2)) - 1),
                 pack(fmt, 1, 0, 1 << (fmt.f - 2)),
                 pack(fmt, 0, 2 * fmt.bias - 1, 0), pack(fmt, 0, 2 * fmt.bias - 2, (1 << fmt.f) - 1),
                 pack(fmt, 1, 2 * fmt.bias, 5)]
        vals += [pack(fmt, 0, fmt.bias + rng.randrange(-3, 3), rng.getrandbits(fmt.f))
                 for _ in range(20)]
        vals += [pack(fmt, 0, 0, rng.getrandbits(fmt.f)) for _ in range(6)]
        return tuples + [(v, 0, 0) for v in vals]
    # binary (and the accumulate forms' addend)
    for a in sp:
        for b in sp:
            if a in sp[:10] and b in sp[:10]:
                tuples.append((a, b, 'core'))
            elif rng.random() < 0.3:
                tuples.append((a, b, 'spec'))
    for _ in range(60):
        a = rand_num(fmt)
        tuples.append((a, rand_near(fmt, a), rand_near(fmt, a)))
    for _ in range(20):
        a = rand_num(fmt, fmt.bias, 30)
        tuples.append((a, rand_num(fmt, fmt.bias, 30), rand_num(fmt, 2 * fmt.bias, 2)))
    for _ in range(20):
        # products and quotients that under/overflow
        tuples.append((rand_num(fmt, 2, 3), rand_num(fmt, fmt.bias - fmt.f // 2, 4),
                       rand_num(fmt, 0, 2)))
        tuples.append((rand_num(fmt, fmt.expmax - 3, 2), rand_num(fmt, fmt.bias + 2, 2),
                       rand_num(fmt, fmt.expmax - 2, 1)))
    # step functions: values whose product is near 2 or 3
    for _ in range(10):
        a = rand_num(fmt, fmt.bias, 1)
        tuples.append((a, rand_num(fmt, fmt.bias, 1), rand_num(fmt, fmt.bias, 0)))
    return tuples


def rand128():
    return rng.getrandbits(128)


def build_groups(form, tuples, per):
    """Lane groups of @per operand tuples (the last one padded)."""
    tuples = list(tuples)
    while tuples and len(tuples) % per:
        tuples.append(tuples[0])
    return [tuples[i:i + per] for i in range(0, len(tuples), per)]


def build_cases(form):
    es = form.fmt.n
    tuples = operand_tuples(form)
    core = [t for t in tuples if t[2] == 'core']
    spec = [t for t in tuples if t[2] == 'spec']
    rest = [t for t in tuples if t[2] not in ('core', 'spec')]
    rng.shuffle(core)
    rng.shuffle(spec)
    rng.shuffle(rest)
    sp = specials(form.fmt)
    fix = lambda ts: [(a, b, rng.choice(sp) if acc in ('core', 'spec') else acc)
                      for a, b, acc in ts]
    per = form.idx // 2 if form.kind == 'reduce' else form.lanes
    if form.light:
        core, spec, rest = core[:2 * per], spec[:per], rest[:3 * per]
    else:
        spec, rest = spec[:10 * per], rest[:20 * per]
    # Every pair of the core specials once (FPCR cycling); the others
    # under two FPCRs each. Specials and finite values never share a case,
    # so the rounding flags of the latter are not hidden under an Invalid.
    plan = [(g, 1) for g in build_groups(form, fix(core), per)]
    plan += [(g, 2) for g in build_groups(form, fix(spec), per)]
    plan += [(g, 2) for g in build_groups(form, rest, per)]
    cases = []
    mask = (1 << es) - 1
    ci = 0
    for group, nfpcr in plan:
        n, m, d = rand128(), rand128(), rand128()
        if form.kind in ('pair', 'reduce'):
            # lane j of a pairwise form reads elements 2j, 2j+1 of Vm:Vn
            cat = [x for a, b, _ in group for x in (a, b)]
            cat = (cat + [0] * (2 * per))[:2 * per]
            low = (1 << (per * es)) - 1
            if form.kind == 'reduce':
                n = from_lanes(cat, es) | (n & ~((1 << (2 * per * es)) - 1))
            else:
                n = from_lanes(cat[:per], es) | (n & ~low)
                m = from_lanes(cat[per:], es) | (m & ~low)
        else:
            for j, (a, b, acc) in enumerate(group):
                sh = j * es
                n = (n & ~(mask << sh)) | (a << sh)
                d = (d & ~(mask << sh)) | (acc << sh)
                if form.kind not in ('idx', 'idxacc'):
                    m = (m & ~(mask << sh)) | (b << sh)
            if form.kind in ('idx', 'idxacc'):
                sh = form.idx * es
                m = (m & ~(mask << sh)) | (group[0][1] << sh)
        for k in range(nfpcr):
            fpcr = FPCRS[(ci * 3 + k * 5) % len(FPCRS)]
            dout, fpsr = form.compute(n, m, d, fpcr)
            cases.append((fpcr, n, m, d, dout, fpsr))
        ci += 1
    return cases


def u64s(v):
    return '0x%016xUL, 0x%016xUL' % (v & (2 ** 64 - 1), v >> 64)


def main():
    out = []
    out.append('/* Generated by gen-simd-fp.py: do not edit. */')
    stubs = []
    for k, form in enumerate(FORMS):
        rd, rn, rm = form.regs
        loads = ['ldr q%s, [%%1, #32]' % rd[1:], 'ldr q%s, [%%1]' % rn[1:]]
        if rm != rn:
            loads.append('ldr q%s, [%%1, #16]' % rm[1:])
        clobbers = ', '.join('"%s"' % r for r in sorted(set(form.regs)))
        stubs.append(
            'static u64 sfp_stub_%d(u64 *b, u64 fpcr, u64 inexact_first)\n{\n    u64 fpsr;\n'
            '    __asm__ volatile("msr fpcr, %%2\\n\\tmsr fpsr, xzr\\n\\t"\n'
            '                     "cbz %%3, 1f\\n\\tldr d28, [%%1, #48]\\n\\t"\n'
            '                     "fmul v28.2s, v28.2s, v28.2s\\n1:\\n\\t"\n'
            '                     "%s\\n\\t%s\\n\\t'
            'str q%s, [%%1, #32]\\n\\tmrs %%0, fpsr\\n\\tmsr fpcr, xzr"\n'
            '                     : "=&r"(fpsr) : "r"(b), "r"(fpcr), "r"(inexact_first)\n'
            '                     : %s, "v28", "memory");\n'
            '    return fpsr;\n}\n' % (k, '\\n\\t'.join(loads), form.asm, rd[1:], clobbers))
    out += stubs
    total = 0
    out.append('static const struct sfp_case sfp_cases[] = {')
    starts = []
    for k, form in enumerate(FORMS):
        starts.append(total)
        for fpcr, n, m, d, dout, fpsr in build_cases(form):
            out.append('    { 0x%08x, 0x%02x, { %s }, { %s }, { %s }, { %s } },' %
                       (fpcr, fpsr, u64s(n), u64s(m), u64s(d), u64s(dout)))
            total += 1
    out.append('};')
    out.append('static const struct sfp_form sfp_forms[] = {')
    for k, form in enumerate(FORMS):
        end = starts[k + 1] if k + 1 < len(FORMS) else total
        out.append('    { "%s", sfp_stub_%d, %d, %d },' % (form.name, k, starts[k], end - starts[k]))
    out.append('};')
    print('\n'.join(out))


main()
