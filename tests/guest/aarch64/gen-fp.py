#!/usr/bin/env python3
#
# gen-fp.py - generate fp-cases.h for fp-arith.c: A64 scalar FP and FP
# conversion instructions on edge values (zeros, denormals, limits,
# infinities, quiet and signaling NaNs, rounding ties) under several FPCR
# settings (RMode, FZ, DN, AHP), each with the expected result and FPSR.
#
# Expected values come from a small model of the Arm ARM pseudocode
# written here with exact rational arithmetic: FPUnpack (FZ flush, IDC),
# FPProcessNaNs/FPProcessNaNs3, FPRoundBase (tininess before rounding,
# flush-to-zero reporting only UFC, overflow per rounding mode, round to
# odd, alternative half precision), FPAdd/FPMul/FPDiv/FPSqrt/FPMulAdd,
# FPMax/FPMin/FPMaxNum/FPMinNum, FPCompare, FPConvert, FPRoundInt,
# FPToFixed and FixedToFP. It shares no code with the emulator; running
# the image under qemu-system-aarch64 too checks the model itself.
#
# Usage: gen-fp.py > fp-cases.h

import random
import sys
from fractions import Fraction as Fr

IOC, DZC, OFC, UFC, IXC, IDC = 1, 2, 4, 8, 16, 128
RN, RP, RM, RZ, RA, RO = 'RN', 'RP', 'RM', 'RZ', 'RA', 'RO'
FPCR_RMODES = [RN, RP, RM, RZ]
FZ, DN, AHP, FZ16 = 1 << 24, 1 << 25, 1 << 26, 1 << 19


class Fmt:
    def __init__(self, e, f, ahp=False):
        self.E, self.F, self.ahp = e, f, ahp
        self.N = 1 + e + f
        self.bias = (1 << (e - 1)) - 1


H, S, D = Fmt(5, 10), Fmt(8, 23), Fmt(11, 52)
HA = Fmt(5, 10, True)


class Status:
    def __init__(self, fpcr):
        self.fpcr = fpcr
        self.flags = 0
        self.rmode = FPCR_RMODES[(fpcr >> 22) & 3]
        self.fz = bool(fpcr & FZ)
        self.dn = bool(fpcr & DN)


# An unpacked operand: (kind, sign, value) with kind in
# 'zero' 'normal' 'inf' 'qnan' 'snan' and value an exact Fraction.
def unpack(fmt, bits, st, flush=True):
    sign = (bits >> (fmt.N - 1)) & 1
    exp = (bits >> fmt.F) & ((1 << fmt.E) - 1)
    frac = bits & ((1 << fmt.F) - 1)
    if exp == 0:
        if frac == 0:
            return ('zero', sign, Fr(0))
        if flush and st.fz:
            st.flags |= IDC
            return ('zero', sign, Fr(0))
        return ('normal', sign, Fr(frac, 1 << fmt.F) * Fr(2) ** (1 - fmt.bias))
    if exp == (1 << fmt.E) - 1 and not fmt.ahp:
        if frac == 0:
            return ('inf', sign, None)
        return ('qnan' if frac >> (fmt.F - 1) else 'snan', sign, None)
    return ('normal', sign,
            (1 + Fr(frac, 1 << fmt.F)) * Fr(2) ** (exp - fmt.bias))


def default_nan(fmt):
    return (((1 << fmt.E) - 1) << fmt.F) | (1 << (fmt.F - 1))


def inf_bits(fmt, sign):
    return (sign << (fmt.N - 1)) | (((1 << fmt.E) - 1) << fmt.F)


def zero_bits(fmt, sign):
    return sign << (fmt.N - 1)


def max_normal(fmt, sign):
    return (sign << (fmt.N - 1)) | (((1 << fmt.E) - 2) << fmt.F) | ((1 << fmt.F) - 1)


def process_nan(fmt, bits, kind, st):
    if kind == 'snan':
        st.flags |= IOC
    if st.dn:
        return default_nan(fmt)
    return bits | (1 << (fmt.F - 1))


def process_nans(fmt, ops, st):
    """ops: list of (bits, unpacked); first sNaN, then first qNaN."""
    for want in ('snan', 'qnan'):
        for bits, u in ops:
            if u[0] == want:
                # Every sNaN operand raises Invalid, whichever is chosen.
                if any(x[1][0] == 'snan' for x in ops):
                    st.flags |= IOC
                return process_nan(fmt, bits, want, st)
    return None


def floor_log2(v):
    e = v.numerator.bit_length() - v.denominator.bit_length()
    if Fr(2) ** e > v:
        e -= 1
    elif Fr(2) ** (e + 1) <= v:
        e += 1
    return e


def fp_round(fmt, sign, v, st, rmode=None, fz=None):
    """FPRoundBase of sign * v (v > 0 exact) into fmt."""
    rmode = rmode or st.rmode
    if fz is None:
        fz = st.fz and fmt is not H and fmt is not HA
    assert v > 0
    minexp = 1 - fmt.bias
    e = floor_log2(v)
    if fz and e < minexp:
        st.flags |= UFC
        return zero_bits(fmt, sign)
    bexp = max(e - minexp + 1, 0)
    if bexp == 0:
        mant = v / Fr(2) ** minexp
    else:
        mant = v / Fr(2) ** e
    scaled = mant * (1 << fmt.F)
    im = scaled.numerator // scaled.denominator
    err = scaled - im
    if bexp == 0 and err != 0:
        st.flags |= UFC
    if rmode == RN:
        up = err > Fr(1, 2) or (err == Fr(1, 2) and im & 1)
        oinf = True
    elif rmode == RA:
        up = err >= Fr(1, 2)
        oinf = True
    elif rmode == RP:
        up = err != 0 and sign == 0
        oinf = sign == 0
    elif rmode == RM:
        up = err != 0 and sign == 1
        oinf = sign == 1
    else:
        up = False
        oinf = False
    if up:
        im += 1
        if im == 1 << fmt.F:
            bexp = 1
        if im == 1 << (fmt.F + 1):
            bexp += 1
            im >>= 1
    if rmode == RO and err != 0:
        im |= 1
    if not fmt.ahp:
        if bexp >= (1 << fmt.E) - 1:
            st.flags |= OFC | IXC
            return inf_bits(fmt, sign) if oinf else max_normal(fmt, sign)
    else:
        if bexp >= 1 << fmt.E:
            st.flags |= IOC
            return (sign << 15) | 0x7fff
    if err != 0:
        st.flags |= IXC
    return (sign << (fmt.N - 1)) | (bexp << fmt.F) | (im & ((1 << fmt.F) - 1))


def round_value(fmt, val, st, zero_sign=None):
    """Round an exact signed value; an exact zero gets zero_sign or the
    rounding mode's sign (-0 only when rounding down)."""
    if val == 0:
        if zero_sign is None:
            zero_sign = 1 if st.rmode == RM else 0
        return zero_bits(fmt, zero_sign)
    return fp_round(fmt, 1 if val < 0 else 0, abs(val), st)


def sval(u):
    return -u[2] if u[1] else u[2]


# ---- operations (Arm ARM pseudocode) ----

def op_add(fmt, a, b, st, sub=False):
    ua, ub = unpack(fmt, a, st), unpack(fmt, b, st)
    n = process_nans(fmt, [(a, ua), (b, ub)], st)
    if n is not None:
        return n
    if sub:
        ub = (ub[0], ub[1] ^ 1, ub[2])
    if ua[0] == 'inf' and ub[0] == 'inf' and ua[1] != ub[1]:
        st.flags |= IOC
        return default_nan(fmt)
    if ua[0] == 'inf' or ub[0] == 'inf':
        return inf_bits(fmt, ua[1] if ua[0] == 'inf' else ub[1])
    if ua[0] == 'zero' and ub[0] == 'zero' and ua[1] == ub[1]:
        return zero_bits(fmt, ua[1])
    return round_value(fmt, sval(ua) + sval(ub), st)


def op_mul(fmt, a, b, st):
    ua, ub = unpack(fmt, a, st), unpack(fmt, b, st)
    n = process_nans(fmt, [(a, ua), (b, ub)], st)
    if n is not None:
        return n
    s = ua[1] ^ ub[1]
    if (ua[0] == 'inf' and ub[0] == 'zero') or (ua[0] == 'zero' and ub[0] == 'inf'):
        st.flags |= IOC
        return default_nan(fmt)
    if ua[0] == 'inf' or ub[0] == 'inf':
        return inf_bits(fmt, s)
    if ua[0] == 'zero' or ub[0] == 'zero':
        return zero_bits(fmt, s)
    return fp_round(fmt, s, ua[2] * ub[2], st)


def op_div(fmt, a, b, st):
    ua, ub = unpack(fmt, a, st), unpack(fmt, b, st)
    n = process_nans(fmt, [(a, ua), (b, ub)], st)
    if n is not None:
        return n
    s = ua[1] ^ ub[1]
    if (ua[0] == 'inf' and ub[0] == 'inf') or (ua[0] == 'zero' and ub[0] == 'zero'):
        st.flags |= IOC
        return default_nan(fmt)
    if ua[0] == 'inf' or ub[0] == 'zero':
        if ua[0] != 'inf':
            st.flags |= DZC
        return inf_bits(fmt, s)
    if ua[0] == 'zero' or ub[0] == 'inf':
        return zero_bits(fmt, s)
    return fp_round(fmt, s, ua[2] / ub[2], st)


def isqrt(n):
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def op_sqrt(fmt, a, st):
    ua = unpack(fmt, a, st)
    if ua[0] in ('qnan', 'snan'):
        return process_nan(fmt, a, ua[0], st)
    if ua[0] == 'zero':
        return zero_bits(fmt, ua[1])
    if ua[1]:
        st.flags |= IOC
        return default_nan(fmt)
    if ua[0] == 'inf':
        return inf_bits(fmt, 0)
    # sqrt(v) to 2*F+ bits, with a sticky half-bit below when inexact.
    p = 1200
    scaled = ua[2] * Fr(2) ** (2 * p)
    assert scaled.denominator == 1
    r = isqrt(scaled.numerator)
    if r * r == scaled.numerator:
        v = Fr(r, 1 << p)
    else:
        v = Fr(2 * r + 1, 1 << (p + 1))
    return fp_round(fmt, 0, v, st)


def op_fma(fmt, n, m, a, st, neg_a=False, neg_n=False):
    """FPMulAdd(addend=a, op1=n, op2=m) after the FPNeg of FMSUB etc."""
    sb = 1 << (fmt.N - 1)
    if neg_a:
        a ^= sb
    if neg_n:
        n ^= sb
    ua, un, um = unpack(fmt, a, st), unpack(fmt, n, st), unpack(fmt, m, st)
    infzero = ((un[0] == 'inf' and um[0] == 'zero') or
               (un[0] == 'zero' and um[0] == 'inf'))
    r = process_nans(fmt, [(a, ua), (n, un), (m, um)], st)
    if ua[0] == 'qnan' and infzero:
        st.flags |= IOC
        return default_nan(fmt)
    if r is not None:
        return r
    sp = un[1] ^ um[1]
    infp = un[0] == 'inf' or um[0] == 'inf'
    zerop = un[0] == 'zero' or um[0] == 'zero'
    if infzero or (ua[0] == 'inf' and infp and ua[1] != sp):
        st.flags |= IOC
        return default_nan(fmt)
    if (ua[0] == 'inf' and ua[1] == 0) or (infp and sp == 0):
        return inf_bits(fmt, 0)
    if (ua[0] == 'inf' and ua[1] == 1) or (infp and sp == 1):
        return inf_bits(fmt, 1)
    if ua[0] == 'zero' and zerop and ua[1] == sp:
        return zero_bits(fmt, ua[1])
    return round_value(fmt, sval(ua) + sval(un) * sval(um), st)


def op_minmax(fmt, a, b, st, is_max, num):
    ua, ub = unpack(fmt, a, st), unpack(fmt, b, st)
    if num:
        qa, qb = ua[0] == 'qnan', ub[0] == 'qnan'
        isnan = lambda u: u[0] in ('qnan', 'snan')
        fill = ('inf', 0 if not is_max else 1, None)
        if qa and not isnan(ub):
            ua = fill
            a = inf_bits(fmt, fill[1])
        elif qb and not isnan(ua):
            ub = fill
            b = inf_bits(fmt, fill[1])
    n = process_nans(fmt, [(a, ua), (b, ub)], st)
    if n is not None:
        return n

    def key(u):
        if u[0] == 'inf':
            return -(Fr(10) ** 4000) if u[1] else Fr(10) ** 4000
        return sval(u)
    ka, kb = key(ua), key(ub)
    if is_max:
        pick, pb = (ua, a) if ka > kb else (ub, b)
    else:
        pick, pb = (ua, a) if ka < kb else (ub, b)
    if pick[0] == 'inf':
        return inf_bits(fmt, pick[1])
    if pick[0] == 'zero':
        if ua[0] == 'zero' and ub[0] == 'zero':
            s = (ua[1] & ub[1]) if is_max else (ua[1] | ub[1])
        else:
            s = pick[1]
        return zero_bits(fmt, s)
    return fp_round(fmt, pick[1], pick[2], st)


def op_cmp(fmt, a, b, st, signal):
    ua, ub = unpack(fmt, a, st), unpack(fmt, b, st)
    if any(u[0] in ('qnan', 'snan') for u in (ua, ub)):
        if signal or any(u[0] == 'snan' for u in (ua, ub)):
            st.flags |= IOC
        return 0x3

    def key(u):
        if u[0] == 'inf':
            return -(Fr(10) ** 4000) if u[1] else Fr(10) ** 4000
        return sval(u)
    ka, kb = key(ua), key(ub)
    return 0x6 if ka == kb else (0x8 if ka < kb else 0x2)


def op_convert(src, dst, a, st, rmode=None):
    u = unpack(src, a, st, flush=src is not H and src is not HA)
    if u[0] in ('qnan', 'snan'):
        if u[0] == 'snan':
            st.flags |= IOC
        if dst.ahp:
            st.flags |= IOC
            return zero_bits(dst, u[1])
        if st.dn:
            return default_nan(dst)
        frac = a & ((1 << src.F) - 1)
        frac = frac >> (src.F - dst.F) if src.F > dst.F else frac << (dst.F - src.F)
        return (u[1] << (dst.N - 1)) | (((1 << dst.E) - 1) << dst.F) | frac | (1 << (dst.F - 1))
    if u[0] == 'inf':
        if dst.ahp:
            st.flags |= IOC
            return (u[1] << 15) | 0x7fff
        return inf_bits(dst, u[1])
    if u[0] == 'zero':
        return zero_bits(dst, u[1])
    return fp_round(dst, u[1], u[2], st, rmode=rmode)


def round_int(v, rmode):
    """Integer rounding of an exact Fraction; returns (int, error != 0)."""
    fl = v.numerator // v.denominator
    err = v - fl
    if rmode == RN:
        up = err > Fr(1, 2) or (err == Fr(1, 2) and fl & 1)
    elif rmode == RA:
        up = err > Fr(1, 2) or (err == Fr(1, 2) and v > 0)
    elif rmode == RP:
        up = err != 0
    elif rmode == RM:
        up = False
    else:
        up = err != 0 and v < 0
    return fl + (1 if up else 0), err != 0


def op_rint(fmt, a, st, rmode, exact):
    u = unpack(fmt, a, st)
    if u[0] in ('qnan', 'snan'):
        return process_nan(fmt, a, u[0], st)
    if u[0] == 'inf':
        return inf_bits(fmt, u[1])
    if u[0] == 'zero':
        return zero_bits(fmt, u[1])
    r, inexact = round_int(sval(u), rmode or st.rmode)
    if r == 0:
        res = zero_bits(fmt, u[1])
    else:
        res = fp_round(fmt, 1 if r < 0 else 0, abs(Fr(r)), st)
    if inexact and exact:
        st.flags |= IXC
    return res


def op_toint(fmt, a, st, rmode, bits, unsigned, fbits=0):
    u = unpack(fmt, a, st)
    if u[0] in ('qnan', 'snan'):
        st.flags |= IOC
        return 0
    if u[0] == 'inf':
        r, inexact = (-(1 << 5000) if u[1] else 1 << 5000), False
    else:
        r, inexact = round_int(sval(u) * Fr(2) ** fbits, rmode or st.rmode)
    lo, hi = (0, (1 << bits) - 1) if unsigned else (-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    if r < lo or r > hi:
        st.flags |= IOC
        r = lo if r < lo else hi
    elif inexact:
        st.flags |= IXC
    return r & ((1 << bits) - 1)


def op_fromint(fmt, v, st, bits, unsigned, fbits=0):
    v &= (1 << bits) - 1
    if not unsigned and v >> (bits - 1):
        v -= 1 << bits
    if v == 0:
        return zero_bits(fmt, 0)
    return fp_round(fmt, 1 if v < 0 else 0, abs(Fr(v, 1 << fbits)), st)


# ---- value sets ----

S_SPECIAL = [0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x00000001,
             0x807fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x7f800000,
             0xff800000, 0x7fc00000, 0xffc12345, 0x7f800001, 0xffa00abc,
             0x3eaaaaab, 0x4b000001, 0x00c00000, 0x3f000000, 0x40490fdb]
D_SPECIAL = [0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000,
             0xbff8000000000000, 0x0000000000000001, 0x800fffffffffffff,
             0x0010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
             0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
             0xfff8000000012345, 0x7ff0000000000001, 0xfff4000000000abc,
             0x3fd5555555555555, 0x4330000000000001, 0x0018000000000000,
             0x3fe0000000000000, 0x400921fb54442d18]
H_SPECIAL = [0x0000, 0x8000, 0x3c00, 0xbe00, 0x0001, 0x83ff, 0x0400, 0x7bff,
             0xfbff, 0x7c00, 0xfc00, 0x7e00, 0xfe12, 0x7c01, 0xfd23, 0x3555,
             0x7fff, 0xffff]

rng = random.Random(20261125)


def rand_bits(fmt):
    """Random normals of moderate exponent, with a few near the edges."""
    k = rng.randrange(8)
    sign = rng.randrange(2)
    if k == 0:
        exp = rng.choice([1, 2, (1 << fmt.E) - 2, (1 << fmt.E) - 3])
    elif k == 1:
        exp = 0
    else:
        exp = fmt.bias + rng.randrange(-20, 21)
    frac = rng.getrandbits(fmt.F)
    if rng.randrange(3) == 0:
        frac &= ~((1 << (fmt.F // 2)) - 1)      # short mantissas: exact cases
    return (sign << (fmt.N - 1)) | (exp << fmt.F) | frac


FPCRS = [0, 1 << 22, 2 << 22, 3 << 22, FZ, DN, FZ | DN | (2 << 22)]

cases = []      # (op name, fpcr, a, b, c, r0, r1, fpsr)


def add_case(op, fpcr, a, b=0, c=0, fn=None):
    st = Status(fpcr)
    r = fn(st)
    if isinstance(r, tuple):
        r0, r1 = r
    else:
        r0, r1 = r, 0
    cases.append((op, fpcr, a, b, c, r0, r1, st.flags))


# Scalar insns: name -> (kind, asm, fmt, model)
OPS = []


def op(name, kind, asm):
    OPS.append((name, kind, asm))
    return name


def gen_binary():
    for fmt, vals, sfx in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        r = sfx
        binops = [
            ('fadd', lambda a, b, st: op_add(fmt, a, b, st)),
            ('fsub', lambda a, b, st: op_add(fmt, a, b, st, sub=True)),
            ('fmul', lambda a, b, st: op_mul(fmt, a, b, st)),
            ('fdiv', lambda a, b, st: op_div(fmt, a, b, st)),
            ('fmax', lambda a, b, st: op_minmax(fmt, a, b, st, True, False)),
            ('fmin', lambda a, b, st: op_minmax(fmt, a, b, st, False, False)),
            ('fmaxnm', lambda a, b, st: op_minmax(fmt, a, b, st, True, True)),
            ('fminnm', lambda a, b, st: op_minmax(fmt, a, b, st, False, True)),
            ('fnmul', lambda a, b, st: op_mul(fmt, a, b, st) ^ (1 << (fmt.N - 1))),
        ]
        for name, fn in binops:
            o = op('%s %s' % (name, r), 'f2', '%s %s0, %s1, %s2' % (name, r, r, r))
            # Special x special at FPCR = 0, a sample under other FPCRs.
            for a in vals:
                for b in vals:
                    if rng.randrange(4 if name in ('fadd', 'fmul') else 10) == 0:
                        add_case(o, 0, a, b, fn=lambda st, a=a, b=b, fn=fn: fn(a, b, st))
            # NaN operand order: sNaN before qNaN, first operand first.
            one, qn, qn2, sn, sn2 = vals[2], vals[11], vals[12], vals[13], vals[14]
            for a, b in ((qn, sn), (sn, qn2), (qn, qn2), (qn2, qn), (one, sn2),
                         (sn2, sn), (qn, one), (one, qn2), (vals[4], sn)):
                for fpcr in (0, DN | FZ):
                    add_case(o, fpcr, a, b, fn=lambda st, a=a, b=b, fn=fn: fn(a, b, st))
            for _ in range(16):
                fpcr = rng.choice(FPCRS[1:])
                a = rng.choice(vals) if rng.randrange(3) == 0 else rand_bits(fmt)
                b = rng.choice(vals) if rng.randrange(3) == 0 else rand_bits(fmt)
                if name in ('fadd', 'fsub') and rng.randrange(2):
                    b = a ^ (1 << (fmt.N - 1)) ^ rng.randrange(4)     # cancellation
                add_case(o, fpcr, a, b, fn=lambda st, a=a, b=b, fn=fn: fn(a, b, st))
        # FMUL tininess: products just below the smallest normal.
        o = '%s %s' % ('fmul', r)
        if fmt is S:
            tiny = [(0x3f7fffff, 0x00800000), (0x3f800001, 0x007fffff),
                    (0x3f000000, 0x00000003), (0x3f7fffff, 0x00800001)]
        else:
            tiny = [(0x3fefffffffffffff, 0x0010000000000000),
                    (0x3fe0000000000000, 0x0000000000000003),
                    (0x3fefffffffffffff, 0x0010000000000001)]
        for a, b in tiny:
            for fpcr in FPCRS:
                add_case(o, fpcr, a, b, fn=lambda st, a=a, b=b: op_mul(fmt, a, b, st))


def gen_fma():
    for fmt, vals, r in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        for name, na, nn in (('fmadd', 0, 0), ('fmsub', 0, 1), ('fnmadd', 1, 1), ('fnmsub', 1, 0)):
            o = op('%s %s' % (name, r), 'f3', '%s %s0, %s1, %s2, %s3' % (name, r, r, r, r))
            fn = lambda n, m, a, st, na=na, nn=nn, fmt=fmt: op_fma(fmt, n, m, a, st, na, nn)
            picks = [v for v in vals if rng.randrange(2) == 0] + vals[:3]
            for n in picks[:5]:
                for m in picks[:5]:
                    a = rng.choice(vals)
                    add_case(o, 0, n, m, a, fn=lambda st, n=n, m=m, a=a, fn=fn: fn(n, m, a, st))
            # 0 * inf + NaN, NaN order (addend first), sNaN addend.
            one = 0x3f800000 if fmt is S else 0x3ff0000000000000
            zero, inf, qn, sn, qn2, sn2 = vals[0], vals[9], vals[11], vals[13], vals[12], vals[14]
            for n, m, a in ((zero, inf, qn), (inf, zero, sn), (qn2, one, qn), (sn, qn, qn2),
                            (qn, sn2, one), (qn2, qn, sn), (zero, inf, one), (inf, one, vals[10])):
                for fpcr in (0, DN):
                    add_case(o, fpcr, n, m, a, fn=lambda st, n=n, m=m, a=a, fn=fn: fn(n, m, a, st))
            for _ in range(16):
                fpcr = rng.choice(FPCRS)
                n, m = rand_bits(fmt), rand_bits(fmt)
                # An addend close to -n*m: the single rounding matters.
                st = Status(0)
                p = op_mul(fmt, n, m, st)
                a = (p ^ (1 << (fmt.N - 1))) if rng.randrange(2) else rand_bits(fmt)
                add_case(o, fpcr, n, m, a, fn=lambda st, n=n, m=m, a=a, fn=fn: fn(n, m, a, st))


def gen_unary():
    for fmt, vals, r in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        o = op('fsqrt %s' % r, 'f1', 'fsqrt %s0, %s1' % (r, r))
        for fpcr in (0, FZ | DN):
            for a in vals:
                add_case(o, fpcr, a, fn=lambda st, a=a: op_sqrt(fmt, a, st))
        for _ in range(20):
            a = rand_bits(fmt) & ~(1 << (fmt.N - 1))
            add_case(o, rng.choice(FPCRS), a, fn=lambda st, a=a: op_sqrt(fmt, a, st))
        for name, rm, exact in (('frintn', RN, 0), ('frintp', RP, 0), ('frintm', RM, 0),
                                ('frintz', RZ, 0), ('frinta', RA, 0), ('frintx', None, 1),
                                ('frinti', None, 0)):
            o = op('%s %s' % (name, r), 'f1', '%s %s0, %s1' % (name, r, r))
            one = Fr(1)
            halfs = [fp_round(fmt, sg, Fr(k, 2), Status(0)) for k in (1, 3, 5, 7) for sg in (0, 1)]
            more = [fp_round(fmt, 0, one - Fr(1, 1 << fmt.F), Status(0)),
                    fp_round(fmt, 1, Fr(2) ** fmt.F + Fr(1, 2), Status(0))]
            for a in vals + halfs + more:
                if rng.randrange(3) == 0:
                    continue
                fpcr = rng.choice(FPCRS) if exact or rm is None else rng.choice((0, FZ, DN))
                add_case(o, fpcr, a, fn=lambda st, a=a, rm=rm, ex=exact: op_rint(fmt, a, st, rm, ex))
            for a in halfs[:4]:
                for fpcr in (1 << 22, 2 << 22, 3 << 22):
                    add_case(o, fpcr, a, fn=lambda st, a=a, rm=rm, ex=exact: op_rint(fmt, a, st, rm, ex))


def gen_fcvt():
    conv = [(S, D, 's', 'd', S_SPECIAL), (D, S, 'd', 's', D_SPECIAL),
            (S, H, 's', 'h', S_SPECIAL), (D, H, 'd', 'h', D_SPECIAL),
            (H, S, 'h', 's', H_SPECIAL), (H, D, 'h', 'd', H_SPECIAL)]
    for src, dst, rs, rd, vals in conv:
        o = op('fcvt %s<-%s' % (rd, rs), 'f1', 'fcvt %s0, %s1' % (rd, rs))
        extra = []
        if src is S and dst is H:
            extra = [0x477fe000, 0x477ff000, 0x387fc000, 0x33800000, 0x33000000,
                     0x33000001, 0x3f801000, 0x3f803000, 0x47800000, 0x38800000]
        if src is D and dst is S:
            extra = [0x36a0000000000000, 0x3690000000000000, 0x47efffffe0000000,
                     0x47efffff00000000, 0x3ff0000010000000, 0x3ff0000030000000,
                     0x380fffffe0000000]
        if src is D and dst is H:
            extra = [0x40effc0000000000, 0x40effe0000000000, 0x3e70000000000000,
                     0x3f10000000000000]
        for a in vals + extra:
            # FZ16 (bit 19) never applies to FCVT: half inputs and results
            # are not flushed (FPUnpackCV, FPRoundCV).
            for fpcr in (0, FZ, DN, AHP, 1 << 22, 2 << 22, 3 << 22, AHP | DN | FZ,
                         FZ16, FZ | FZ16):
                if fpcr and rng.randrange(4):
                    continue
                s2 = HA if (src is H and fpcr & AHP) else src
                d2 = HA if (dst is H and fpcr & AHP) else dst
                add_case(o, fpcr, a, fn=lambda st, a=a, s2=s2, d2=d2: op_convert(s2, d2, a, st))


def gen_toint():
    rmodes = [('n', RN), ('p', RP), ('m', RM), ('z', RZ), ('a', RA)]
    s_vals = S_SPECIAL + [0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001, 0x4f800000,
                          0x4f7fffff, 0x5effffff, 0x5f000000, 0xdf000000, 0x5f800000,
                          0xbf000000, 0xbf400000, 0x3fc00000, 0x40200000, 0xc0200000,
                          0xdf000001, 0x5f7fffff, 0xbf7d70a4, 0xcf000080, 0x4f7fffff]
    d_vals = D_SPECIAL + [0x41dfffffffc00000, 0x41dfffffffe00000, 0x41e0000000000000,
                          0xc1e0000000000000, 0xc1e0000000100000, 0x41efffffffe00000,
                          0x41f0000000000000, 0x43dfffffffffffff, 0x43e0000000000000,
                          0xc3e0000000000000, 0x43f0000000000000, 0xbfe0000000000000,
                          0xbfe8000000000000, 0x4004000000000000, 0xc004000000000000,
                          0xc3e0000000000001, 0x43efffffffffffff, 0xbfefffffffffffff,
                          0xc1e0000000200000, 0xc1dfffffffe00000]
    for fmt, vals, r in ((S, s_vals, 's'), (D, d_vals, 'd')):
        for x, rm in rmodes:
            for u in ('s', 'u'):
                for w, bits in (('w', 32), ('x', 64)):
                    reg = '%w[r0]' if w == 'w' else '%[r0]'
                    o = op('fcvt%s%s %s<-%s' % (x, u, w, r), 'toint',
                           'fcvt%s%s %s, %s1' % (x, u, reg, r))
                    for a in vals:
                        if rng.randrange(5 if x not in ('z', 'n') else 2) and a not in vals[-10:]:
                            continue
                        fpcr = rng.choice((0, FZ, 3 << 22))
                        add_case(o, fpcr, a, fn=lambda st, a=a, rm=rm, bits=bits, u=u:
                                 op_toint(fmt, a, st, rm, bits, u == 'u'))
        # Fixed point: FCVTZ{S,U} #fbits.
        for u in ('s', 'u'):
            for w, bits in (('w', 32), ('x', 64)):
                for fb in (1, 8, 31, 32) + ((33, 63, 64) if bits == 64 else ()):
                    reg = '%w[r0]' if w == 'w' else '%[r0]'
                    o = op('fcvtz%s %s<-%s #%d' % (u, w, r, fb), 'toint',
                           'fcvtz%s %s, %s1, #%d' % (u, reg, r, fb))
                    for a in rng.sample(vals, 4):
                        add_case(o, 0, a, fn=lambda st, a=a, bits=bits, u=u, fb=fb:
                                 op_toint(fmt, a, st, RZ, bits, u == 'u', fb))


def gen_fromint():
    ivals = [0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x00ffffff, 0x01000001,
             0x01000003, 0xffffffffffffffff, 0x8000000000000000,
             0x7fffffffffffffff, 0x0020000000000001, 0x0020000000000003,
             0x7ffffe8000000000, 0xfffffe8000000001, 0x123456789abcdef1]
    for fmt, r in ((S, 's'), (D, 'd')):
        for u in ('s', 'u'):
            for w, bits in (('w', 32), ('x', 64)):
                reg = '%w[a]' if w == 'w' else '%[a]'
                for fb in (0, 1, 16, 32) + ((33, 64) if bits == 64 else ()):
                    imm = '' if fb == 0 else ', #%d' % fb
                    o = op('%scvtf %s<-%s%s' % (u, r, w, imm), 'fromint',
                           '%scvtf %s0, %s%s' % (u, r, reg, imm))
                    for v in ivals:
                        if rng.randrange(3 if fb else 2):
                            continue
                        fpcr = rng.choice((0, 1 << 22, 2 << 22, 3 << 22)) if fb == 0 else 0
                        add_case(o, fpcr, v, fn=lambda st, v=v, bits=bits, u=u, fb=fb:
                                 op_fromint(fmt, v, st, bits, u == 'u', fb))


def gen_cmp():
    for fmt, vals, r in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        for e in ('', 'e'):
            o = op('fcmp%s %s' % (e, r), 'cmp', 'fcmp%s %s1, %s2' % (e, r, r))
            oz = op('fcmp%s %s #0' % (e, r), 'cmp', 'fcmp%s %s1, #0.0' % (e, r))
            for a in vals[:15]:
                for b in vals[:15]:
                    if rng.randrange(5) == 0:
                        add_case(o, 0, a, b, fn=lambda st, a=a, b=b, e=e: op_cmp(fmt, a, b, st, e == 'e'))
                for fpcr in (0, FZ):
                    add_case(oz, fpcr, a, fn=lambda st, a=a, e=e: op_cmp(fmt, a, 0, st, e == 'e'))
            # FCCMP: the compare if cond holds, else #nzcv = 0b1010 (and no
            # exception from a NaN operand). AL and NV always compare.
            for cond, test in (('eq', lambda f: f & 4), ('ge', lambda f: ((f >> 3) ^ f) & 1 == 0),
                               ('al', lambda f: True), ('nv', lambda f: True)):
                oc = op('fccmp%s %s %s' % (e, r, cond), 'ccmp',
                        'fccmp%s %s1, %s2, #10, %s' % (e, r, r, cond))
                for a, b in ((vals[2], vals[2]), (vals[2], vals[3]), (vals[11], vals[2]),
                             (vals[13], vals[2]), (vals[0], vals[1])):
                    for nzcv in (0x4, 0x0, 0xb, 0x8):
                        if cond in ('al', 'nv') and nzcv != 0:
                            continue
                        def f(st, a=a, b=b, nzcv=nzcv, e=e, test=test):
                            if test(nzcv):
                                return op_cmp(fmt, a, b, st, e == 'e')
                            return 0xa
                        add_case(oc, 0, a, b, nzcv << 28, fn=f)


def gen_fcsel():
    for fmt, vals, r in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        for cond, test in (('eq', lambda f: f & 4), ('lt', lambda f: ((f >> 3) ^ f) & 1),
                           ('hi', lambda f: (f & 2) and not (f & 4)), ('al', lambda f: 1),
                           ('nv', lambda f: 1)):
            o = op('fcsel %s %s' % (r, cond), 'csel', 'fcsel %s0, %s1, %s2, %s' % (r, r, r, cond))
            for nzcv in range(16):
                if rng.randrange(2):
                    continue
                a, b = rng.choice(vals), rng.choice(vals)
                add_case(o, 0, a, b, nzcv << 28, fn=lambda st, a=a, b=b, nzcv=nzcv, test=test:
                         a if test(nzcv) else b)


# ---- vector and AdvSIMD scalar forms ----

def lanes(v, n, width):
    return [(v >> (i * width)) & ((1 << width) - 1) for i in range(n)]


def pack(vals, width):
    r = 0
    for i, x in enumerate(vals):
        r |= x << (i * width)
    return r


def vec_case(o, fpcr, lo, hi, fn, d_lo=0):
    """Vn = hi:lo, Vd starts as ones:d_lo; fn(st, lo, hi, d_lo) -> (r0, r1)."""
    add_case(o, fpcr, lo, hi, d_lo, fn=lambda st: fn(st, lo, hi, d_lo))


def vrand(fmt, vals):
    return rng.choice(vals) if rng.randrange(2) else rand_bits(fmt)


def gen_vector():
    for fmt, vals, sz in ((S, S_SPECIAL, 's'), (D, D_SPECIAL, 'd')):
        w = fmt.N
        n = 128 // w
        for q in ((0, 1) if fmt is S else (1,)):
            arr = '%d%s' % ((n if q else n // 2), sz)
            nl = n if q else n // 2

            def lanewise(f, nl=nl, w=w):
                def run(st, lo, hi, dl):
                    src = lanes(lo, 64 // w, w) + lanes(hi, 64 // w, w)
                    res = [f(x, st) for x in src[:nl]]
                    full = pack(res, w)
                    return full & ((1 << 64) - 1), full >> 64
                return run
            for name, rm, exact in (('frintn', RN, 0), ('frinta', RA, 0), ('frintx', None, 1),
                                    ('frinti', None, 0), ('frintm', RM, 0), ('frintp', RP, 0),
                                    ('frintz', RZ, 0)):
                o = op('%s v.%s' % (name, arr), 'vec', '%s v0.%s, v1.%s' % (name, arr, arr))
                for _ in range(5):
                    lo = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                    hi = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                    fpcr = rng.choice(FPCRS)
                    vec_case(o, fpcr, lo, hi, lanewise(lambda x, st, rm=rm, ex=exact: op_rint(fmt, x, st, rm, ex)))
            for x, rm in (('n', RN), ('m', RM), ('a', RA), ('p', RP), ('z', RZ)):
                for u in ('s', 'u'):
                    o = op('fcvt%s%s v.%s' % (x, u, arr), 'vec', 'fcvt%s%s v0.%s, v1.%s' % (x, u, arr, arr))
                    for _ in range(3):
                        lo = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                        hi = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                        vec_case(o, rng.choice((0, FZ)), lo, hi, lanewise(
                            lambda v, st, rm=rm, u=u: op_toint(fmt, v, st, rm, w, u == 'u')))
            ivals = [0, 1, (1 << w) - 1, 1 << (w - 1), (1 << (w - 1)) - 1, 0x1000001, 0x7fffffc1]
            for u in ('s', 'u'):
                o = op('%scvtf v.%s' % (u, arr), 'vec', '%scvtf v0.%s, v1.%s' % (u, arr, arr))
                for _ in range(3):
                    lo = pack([rng.choice(ivals) for _ in range(64 // w)], w)
                    hi = pack([rng.getrandbits(w) for _ in range(64 // w)], w)
                    vec_case(o, rng.choice((0, 2 << 22)), lo, hi,
                             lanewise(lambda v, st, u=u: op_fromint(fmt, v, st, w, u == 'u')))
            # Fixed point, shift-by-immediate group.
            for fb in (1, 7, w):
                for u in ('s', 'u'):
                    o = op('fcvtz%s v.%s #%d' % (u, arr, fb), 'vec', 'fcvtz%s v0.%s, v1.%s, #%d' % (u, arr, arr, fb))
                    lo = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                    hi = pack([vrand(fmt, vals) for _ in range(64 // w)], w)
                    vec_case(o, 0, lo, hi, lanewise(
                        lambda v, st, u=u, fb=fb: op_toint(fmt, v, st, RZ, w, u == 'u', fb)))
                    o = op('%scvtf v.%s #%d' % (u, arr, fb), 'vec', '%scvtf v0.%s, v1.%s, #%d' % (u, arr, arr, fb))
                    lo = pack([rng.choice(ivals) for _ in range(64 // w)], w)
                    hi = pack([rng.getrandbits(w) for _ in range(64 // w)], w)
                    vec_case(o, 0, lo, hi, lanewise(
                        lambda v, st, u=u, fb=fb: op_fromint(fmt, v, st, w, u == 'u', fb)))

        # AdvSIMD scalar forms: the integer lives in the FP register.
        r = sz
        for x, rm in (('n', RN), ('m', RM), ('a', RA), ('p', RP), ('z', RZ)):
            for u in ('s', 'u'):
                o = op('fcvt%s%s %s<-%s' % (x, u, r, r), 'f1', 'fcvt%s%s %s0, %s1' % (x, u, r, r))
                for a in rng.sample(vals, 6):
                    add_case(o, 0, a, fn=lambda st, a=a, rm=rm, u=u: op_toint(fmt, a, st, rm, w, u == 'u'))
        for u in ('s', 'u'):
            o = op('%scvtf %s<-%s' % (u, r, r), 'f1', '%scvtf %s0, %s1' % (u, r, r))
            for v in (0, 1, (1 << w) - 1, 1 << (w - 1), 0x1000001):
                add_case(o, 0, v, fn=lambda st, v=v, u=u: op_fromint(fmt, v, st, w, u == 'u'))
            for fb in (3, w):
                o = op('%scvtf %s<-%s #%d' % (u, r, r, fb), 'f1', '%scvtf %s0, %s1, #%d' % (u, r, r, fb))
                for v in (1, (1 << w) - 1, 1 << (w - 1)):
                    add_case(o, 0, v, fn=lambda st, v=v, u=u, fb=fb: op_fromint(fmt, v, st, w, u == 'u', fb))
                o = op('fcvtz%s %s<-%s #%d' % (u, r, r, fb), 'f1', 'fcvtz%s %s0, %s1, #%d' % (u, r, r, fb))
                for a in rng.sample(vals, 5):
                    add_case(o, 0, a, fn=lambda st, a=a, u=u, fb=fb: op_toint(fmt, a, st, RZ, w, u == 'u', fb))

    # FCVTL/FCVTL2, FCVTN/FCVTN2, FCVTXN/FCVTXN2 and scalar FCVTXN.
    for q in (0, 1):
        two = '2' if q else ''
        for src, dst, sa, da in ((H, S, '4h' if not q else '8h', '4s'), (S, D, '2s' if not q else '4s', '2d')):
            o = op('fcvtl%s %s' % (two, da), 'vec', 'fcvtl%s v0.%s, v1.%s' % (two, da, sa))
            svals = H_SPECIAL if src is H else S_SPECIAL
            for fpcr in (0, AHP, DN | FZ, AHP | DN, FZ | FZ16):
                lo = pack([rng.choice(svals) for _ in range(64 // src.N)], src.N)
                hi = pack([rng.choice(svals) for _ in range(64 // src.N)], src.N)

                def run(st, lo, hi, dl, src=src, dst=dst, q=q, fpcr=fpcr):
                    half = hi if q else lo
                    s2 = HA if (src is H and fpcr & AHP) else src
                    res = [op_convert(s2, dst, x, st) for x in lanes(half, 64 // src.N, src.N)]
                    full = pack(res, dst.N)
                    return full & ((1 << 64) - 1), full >> 64
                vec_case(o, fpcr, lo, hi, run)
        for src, dst, sa, da, x in ((S, H, '4s', '4h' if not q else '8h', ''),
                                    (D, S, '2d', '2s' if not q else '4s', ''),
                                    (D, S, '2d', '2s' if not q else '4s', 'x')):
            o = op('fcvt%sn%s %s' % (x, two, da), 'vec', 'fcvt%sn%s v0.%s, v1.%s' % (x, two, da, sa))
            svals = S_SPECIAL if src is S else D_SPECIAL
            for fpcr in (0, AHP, DN | FZ, 1 << 22, 3 << 22):
                if x and fpcr == AHP:
                    continue
                lo = pack([rand_bits(src) if rng.randrange(2) else rng.choice(svals)
                           for _ in range(64 // src.N)], src.N)
                hi = pack([rand_bits(src) if rng.randrange(2) else rng.choice(svals)
                           for _ in range(64 // src.N)], src.N)
                d_lo = rng.getrandbits(64)

                def run(st, lo, hi, dl, src=src, dst=dst, q=q, fpcr=fpcr, x=x):
                    d2 = HA if (dst is H and fpcr & AHP) else dst
                    els = lanes(lo, 64 // src.N, src.N) + lanes(hi, 64 // src.N, src.N)
                    res = pack([op_convert(src, d2, e, st, rmode=RO if x else None) for e in els], dst.N)
                    return (dl, res) if q else (res, 0)
                vec_case(o, fpcr, lo, hi, run, d_lo)
    o = op('fcvtxn s<-d', 'f1', 'fcvtxn s0, d1')
    for a in D_SPECIAL + [0x3ff0000010000000, 0x3ff0000000000001, 0x47efffffffffffff,
                          0x36a0000000000001, 0x380fffffffffffff]:
        for fpcr in (0, FZ, 3 << 22):
            add_case(o, fpcr, a, fn=lambda st, a=a: op_convert(D, S, a, st, rmode=RO))


gen_binary()
gen_fma()
gen_unary()
gen_fcvt()
gen_toint()
gen_fromint()
gen_cmp()
gen_fcsel()
gen_vector()


def main():
    out = sys.stdout
    out.write('/* Generated by gen-fp.py; do not edit. */\n\n')
    names = {}
    for i, (name, kind, asm) in enumerate(OPS):
        names[name] = i
    out.write('#define FP_NOPS %d\n' % len(OPS))
    out.write('static const char *const fp_op_names[] = {\n')
    for name, kind, asm in OPS:
        out.write('    "%s",\n' % name)
    out.write('};\n\n')
    out.write('static void fp_run(int op, FP_RUN_ARGS)\n{\n')
    out.write('    switch (op) {\n')
    for i, (name, kind, asm) in enumerate(OPS):
        out.write('    case %d: FP_%s("%s"); break;\n' % (i, kind.upper(), asm))
    out.write('    }\n}\n\n')
    out.write('static const struct fcase fp_cases[] = {\n')
    for (name, fpcr, a, b, c, r0, r1, fl) in cases:
        out.write('    { %d, 0x%x, 0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%x },\n'
                  % (names[name], fpcr, a, b, c,
                     r0, r1, fl))
    out.write('};\n')


main()
