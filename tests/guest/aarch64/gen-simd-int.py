#!/usr/bin/env python3
#
# gen-simd-int.py - generate the case tables of the simd-int-* guest tests:
# for each AdvSIMD integer instruction form (operation x arrangement x
# immediate), inputs V0 (destination), V1, V2 with edge values in every
# lane, and the expected V0 and FPSR (QC) computed by a reference model of
# the Arm ARM pseudocode written with Python's unbounded integers
# (SignedSatQ, UnsignedSatQ, rounding shifts done exactly, no special
# cases). The model is independent of the emulator's helpers; running the
# same image under qemu-system-aarch64 checks the model itself.
#
# Usage: gen-simd-int.py GROUP > simd-int-GROUP-cases.h
#   GROUP: 3same, 3diff, misc, shift, elem, undef, crypto, regs

import random
import re
import sys

M128 = (1 << 128) - 1
QC = 1 << 27


def mask(b):
    return (1 << b) - 1


def sx(v, b):
    v &= mask(b)
    return v - (1 << b) if v >> (b - 1) else v


def get(v, i, b):
    return (v >> (i * b)) & mask(b)


def pack(ls, b):
    r = 0
    for i, x in enumerate(ls):
        r |= (x & mask(b)) << (i * b)
    return r


class St:
    def __init__(self):
        self.qc = False


def ssat(v, b, st):
    lo, hi = -(1 << (b - 1)), (1 << (b - 1)) - 1
    if v > hi:
        st.qc = True
        return hi
    if v < lo:
        st.qc = True
        return lo
    return v


def usat(v, b, st):
    if v > mask(b):
        st.qc = True
        return mask(b)
    if v < 0:
        st.qc = True
        return 0
    return v


def shl_reg(x, sh, b, rnd, sat, st):
    """The register-shift pseudocode: x << sh, or rounded x >> -sh."""
    if sh >= 0:
        v = x << sh
    else:
        rc = (1 << (-sh - 1)) if rnd else 0
        v = (x + rc) >> -sh
    if sat == 's':
        return ssat(v, b, st)
    if sat == 'u':
        return usat(v, b, st)
    return v


def clmul(a, b):
    r = 0
    i = 0
    while b >> i:
        if (b >> i) & 1:
            r ^= a << i
        i += 1
    return r


ARR = {(0, 0): '8b', (0, 1): '16b', (1, 0): '4h', (1, 1): '8h',
       (2, 0): '2s', (2, 1): '4s', (3, 0): '1d', (3, 1): '2d'}
SREG = 'bhsd'

rnd = random.Random(20261125)


def edge_lane(b):
    top = 1 << (b - 1)
    return rnd.choice([0, 1, 2, mask(b), mask(b) - 1, top, top - 1, top + 1,
                       top >> 1, rnd.getrandbits(b), rnd.getrandbits(b),
                       rnd.getrandbits(b) & mask(b // 2)])


def edge_vec(b):
    return pack([edge_lane(b) for _ in range(128 // b)], b)


def shift_lane(b):
    """A shift-count element: low byte from the interesting counts."""
    sh = rnd.choice([0, 1, 2, b - 1, b, b + 1, -1, -2, -(b - 1), -b,
                     -(b + 1), 127, -128, 64, -64, rnd.randint(-b, b)])
    hi = rnd.getrandbits(b) & ~0xff if b > 8 else 0
    return (hi | (sh & 0xff)) & mask(b)


def shift_vec(b):
    return pack([shift_lane(b) for _ in range(128 // b)], b)


def ncases(b):
    return max(8, 48 * b // 128)


forms = []
regs_wanted = set()     # forms the regs group runs with other registers
regs_cases = {}


def add_form(asm, fn, b, mgen=None, nc=None):
    """fn(d, n, m, st) -> 128-bit result; inputs from edge values."""
    # The model's closures see their loop's variables: run them now.
    if asm in regs_wanted:
        regs_cases[asm] = alias_cases(asm, fn, b, mgen)
    cases = []
    for _ in range(nc or ncases(b)):
        d, n = edge_vec(b), edge_vec(b)
        m = mgen(b) if mgen else edge_vec(b)
        st = St()
        r = fn(d, n, m, st) & M128
        cases.append((d, n, m, r, QC if st.qc else 0))
    # Identical operands are a corner of their own (e.g. SQDMULH min*min).
    st = St()
    v = edge_vec(b)
    d = edge_vec(b)
    cases.append((d, v, v, fn(d, v, v, st) & M128, QC if st.qc else 0))
    forms.append((asm, cases))


def lanewise(b, q, f, esize_out=None):
    """Same-size lane-wise op: f(d, n, m, st) on unsigned lane values."""
    nl = (128 if q else 64) // b

    def fn(d, n, m, st):
        return pack([f(get(d, i, b), get(n, i, b), get(m, i, b), st)
                     for i in range(nl)], b)
    return fn


def scalar(b, f):
    def fn(d, n, m, st):
        return f(get(d, 0, b), get(n, 0, b), get(m, 0, b), st) & mask(b)
    return fn


S = sx  # readability: S(x, b) is the signed value of lane x


# ---- three same ----

def three_same_ops(b):
    return {
        'shadd': lambda d, n, m, st: (S(n, b) + S(m, b)) >> 1,
        'uhadd': lambda d, n, m, st: (n + m) >> 1,
        'srhadd': lambda d, n, m, st: (S(n, b) + S(m, b) + 1) >> 1,
        'urhadd': lambda d, n, m, st: (n + m + 1) >> 1,
        'shsub': lambda d, n, m, st: (S(n, b) - S(m, b)) >> 1,
        'uhsub': lambda d, n, m, st: (n - m) >> 1,
        'sqadd': lambda d, n, m, st: ssat(S(n, b) + S(m, b), b, st),
        'uqadd': lambda d, n, m, st: usat(n + m, b, st),
        'sqsub': lambda d, n, m, st: ssat(S(n, b) - S(m, b), b, st),
        'uqsub': lambda d, n, m, st: usat(n - m, b, st),
        'cmgt': lambda d, n, m, st: -(S(n, b) > S(m, b)),
        'cmhi': lambda d, n, m, st: -(n > m),
        'cmge': lambda d, n, m, st: -(S(n, b) >= S(m, b)),
        'cmhs': lambda d, n, m, st: -(n >= m),
        'cmtst': lambda d, n, m, st: -((n & m) != 0),
        'cmeq': lambda d, n, m, st: -(n == m),
        'sshl': lambda d, n, m, st: shl_reg(S(n, b), sx(m, 8), b, 0, '', st),
        'ushl': lambda d, n, m, st: shl_reg(n, sx(m, 8), b, 0, '', st),
        'sqshl': lambda d, n, m, st: shl_reg(S(n, b), sx(m, 8), b, 0, 's', st),
        'uqshl': lambda d, n, m, st: shl_reg(n, sx(m, 8), b, 0, 'u', st),
        'srshl': lambda d, n, m, st: shl_reg(S(n, b), sx(m, 8), b, 1, '', st),
        'urshl': lambda d, n, m, st: shl_reg(n, sx(m, 8), b, 1, '', st),
        'sqrshl': lambda d, n, m, st: shl_reg(S(n, b), sx(m, 8), b, 1, 's', st),
        'uqrshl': lambda d, n, m, st: shl_reg(n, sx(m, 8), b, 1, 'u', st),
        'smax': lambda d, n, m, st: max(S(n, b), S(m, b)),
        'umax': lambda d, n, m, st: max(n, m),
        'smin': lambda d, n, m, st: min(S(n, b), S(m, b)),
        'umin': lambda d, n, m, st: min(n, m),
        'sabd': lambda d, n, m, st: abs(S(n, b) - S(m, b)),
        'uabd': lambda d, n, m, st: abs(n - m),
        'saba': lambda d, n, m, st: d + abs(S(n, b) - S(m, b)),
        'uaba': lambda d, n, m, st: d + abs(n - m),
        'add': lambda d, n, m, st: n + m,
        'sub': lambda d, n, m, st: n - m,
        'mla': lambda d, n, m, st: d + n * m,
        'mls': lambda d, n, m, st: d - n * m,
        'mul': lambda d, n, m, st: n * m,
        'pmul': lambda d, n, m, st: clmul(n, m),
        'sqdmulh': lambda d, n, m, st:
            ssat((2 * S(n, b) * S(m, b)) >> b, b, st),
        'sqrdmulh': lambda d, n, m, st:
            ssat((2 * S(n, b) * S(m, b) + (1 << (b - 1))) >> b, b, st),
    }


SHIFT_OPS = {'sshl', 'ushl', 'sqshl', 'uqshl', 'srshl', 'urshl', 'sqrshl',
             'uqrshl'}
NO_D = {'shadd', 'uhadd', 'srhadd', 'urhadd', 'shsub', 'uhsub', 'smax',
        'umax', 'smin', 'umin', 'sabd', 'uabd', 'saba', 'uaba', 'mla', 'mls',
        'mul'}
SCALAR_ALL = {'sqadd', 'uqadd', 'sqsub', 'uqsub', 'sqshl', 'uqshl', 'sqrshl',
              'uqrshl'}
SCALAR_D = {'cmgt', 'cmhi', 'cmge', 'cmhs', 'cmtst', 'cmeq', 'sshl', 'ushl',
            'srshl', 'urshl', 'add', 'sub'}


def pairwise(b, q, f):
    nl = (128 if q else 64) // b

    def fn(d, n, m, st):
        src = [get(n, i, b) for i in range(nl)] + [get(m, i, b) for i in range(nl)]
        return pack([f(src[2 * i], src[2 * i + 1]) for i in range(nl)], b)
    return fn


def gen_3same():
    for esz in range(4):
        b = 8 << esz
        ops = three_same_ops(b)
        for name, f in ops.items():
            if name == 'pmul' and esz:
                continue
            if name in ('sqdmulh', 'sqrdmulh') and esz in (0, 3):
                continue
            if esz == 3 and name in NO_D:
                continue
            mg = shift_vec if name in SHIFT_OPS else None
            for q in (0, 1):
                if esz == 3 and not q:
                    continue
                a = ARR[(esz, q)]
                add_form('%s v0.%s, v1.%s, v2.%s' % (name, a, a, a),
                         lanewise(b, q, f), b, mg)
            if name in SCALAR_ALL or (name in SCALAR_D and esz == 3) or \
               (name in ('sqdmulh', 'sqrdmulh')):
                r = SREG[esz]
                add_form('%s %s0, %s1, %s2' % (name, r, r, r), scalar(b, f), b, mg)
        pops = {'smaxp': lambda x, y: max(S(x, b), S(y, b)),
                'umaxp': max,
                'sminp': lambda x, y: min(S(x, b), S(y, b)),
                'uminp': min,
                'addp': lambda x, y: x + y}
        for name, f in pops.items():
            if esz == 3 and name != 'addp':
                continue
            for q in (0, 1):
                if esz == 3 and not q:
                    continue
                a = ARR[(esz, q)]
                add_form('%s v0.%s, v1.%s, v2.%s' % (name, a, a, a),
                         pairwise(b, q, f), b)
    add_form('addp d0, v1.2d', lambda d, n, m, st:
             (get(n, 0, 64) + get(n, 1, 64)) & mask(64), 64)
    # Bitwise: AND/BIC/ORR/ORN/EOR and the bit selects.
    logic = {
        'and': lambda d, n, m: n & m,
        'bic': lambda d, n, m: n & ~m,
        'orr': lambda d, n, m: n | m,
        'orn': lambda d, n, m: n | ~m,
        'eor': lambda d, n, m: n ^ m,
        'bsl': lambda d, n, m: (d & n) | (~d & m),
        'bit': lambda d, n, m: (n & m) | (d & ~m),
        'bif': lambda d, n, m: (d & m) | (n & ~m),
    }
    for name, f in logic.items():
        for q in (0, 1):
            a = ARR[(0, q)]
            mk = M128 if q else mask(64)
            add_form('%s v0.%s, v1.%s, v2.%s' % (name, a, a, a),
                     lambda d, n, m, st, f=f, mk=mk: f(d, n, m) & mk, 64)


# ---- three different ----

def gen_3diff():
    for esz in range(3):
        b = 8 << esz
        wb = 2 * b
        for part in (0, 1):
            sfx = '2' if part else ''
            na = ARR[(esz, part)]
            wa = ARR[(esz + 1, 1)]

            def widen(f, wide_n=False, part=part, b=b, wb=wb):
                def fn(d, n, m, st):
                    out = []
                    for i in range(128 // wb):
                        j = i + part * (64 // b)
                        nv = get(n, i, wb) if wide_n else get(n, j, b)
                        out.append(f(get(d, i, wb), nv, get(m, j, b), st))
                    return pack(out, wb)
                return fn

            L = {
                'saddl': (lambda d, n, m, st: S(n, b) + S(m, b), 0),
                'uaddl': (lambda d, n, m, st: n + m, 0),
                'ssubl': (lambda d, n, m, st: S(n, b) - S(m, b), 0),
                'usubl': (lambda d, n, m, st: n - m, 0),
                'saddw': (lambda d, n, m, st: n + S(m, b), 1),
                'uaddw': (lambda d, n, m, st: n + m, 1),
                'ssubw': (lambda d, n, m, st: n - S(m, b), 1),
                'usubw': (lambda d, n, m, st: n - m, 1),
                'sabal': (lambda d, n, m, st: d + abs(S(n, b) - S(m, b)), 0),
                'uabal': (lambda d, n, m, st: d + abs(n - m), 0),
                'sabdl': (lambda d, n, m, st: abs(S(n, b) - S(m, b)), 0),
                'uabdl': (lambda d, n, m, st: abs(n - m), 0),
                'smlal': (lambda d, n, m, st: d + S(n, b) * S(m, b), 0),
                'umlal': (lambda d, n, m, st: d + n * m, 0),
                'smlsl': (lambda d, n, m, st: d - S(n, b) * S(m, b), 0),
                'umlsl': (lambda d, n, m, st: d - n * m, 0),
                'smull': (lambda d, n, m, st: S(n, b) * S(m, b), 0),
                'umull': (lambda d, n, m, st: n * m, 0),
            }
            if esz:
                L['sqdmull'] = (lambda d, n, m, st:
                                ssat(2 * S(n, b) * S(m, b), wb, st), 0)
                L['sqdmlal'] = (lambda d, n, m, st: ssat(
                    S(d, wb) + ssat(2 * S(n, b) * S(m, b), wb, st), wb, st), 0)
                L['sqdmlsl'] = (lambda d, n, m, st: ssat(
                    S(d, wb) - ssat(2 * S(n, b) * S(m, b), wb, st), wb, st), 0)
            else:
                L['pmull'] = (lambda d, n, m, st: clmul(n, m), 0)
            for name, (f, w) in L.items():
                add_form('%s%s v0.%s, v1.%s, v2.%s' % (name, sfx, wa,
                                                       wa if w else na, na),
                         widen(f, w), b)
            # High-narrowing: result lanes of b bits from 2b-bit sums.
            H = {
                'addhn': lambda n, m: (n + m) & mask(wb),
                'raddhn': lambda n, m: (n + m + (1 << (b - 1))) & mask(wb),
                'subhn': lambda n, m: (n - m) & mask(wb),
                'rsubhn': lambda n, m: (n - m + (1 << (b - 1))) & mask(wb),
            }
            for name, f in H.items():
                def fn(d, n, m, st, f=f, part=part, b=b, wb=wb):
                    res = [f(get(n, i, wb), get(m, i, wb)) >> b
                           for i in range(64 // b)]
                    if part:
                        return (d & mask(64)) | (pack(res, b) << 64)
                    return pack(res, b)
                add_form('%s%s v0.%s, v1.%s, v2.%s' % (name, sfx,
                                                       ARR[(esz, part)], wa, wa),
                         fn, wb)
        if esz:
            r, wr = SREG[esz], SREG[esz + 1]
            for name, f in (
                ('sqdmull', lambda d, n, m, st:
                 ssat(2 * S(n, b) * S(m, b), wb, st)),
                ('sqdmlal', lambda d, n, m, st: ssat(
                    S(d, wb) + ssat(2 * S(n, b) * S(m, b), wb, st), wb, st)),
                ('sqdmlsl', lambda d, n, m, st: ssat(
                    S(d, wb) - ssat(2 * S(n, b) * S(m, b), wb, st), wb, st))):
                add_form('%s %s0, %s1, %s2' % (name, wr, r, r),
                         lambda d, n, m, st, f=f, b=b, wb=wb:
                         f(get(d, 0, wb), get(n, 0, b), get(m, 0, b), st) & mask(wb), b)
    for part in (0, 1):
        add_form('pmull%s v0.1q, v1.%s, v2.%s' % ('2' if part else '',
                                                  '2d' if part else '1d',
                                                  '2d' if part else '1d'),
                 lambda d, n, m, st, part=part:
                 clmul(get(n, part, 64), get(m, part, 64)), 64)


# ---- two-register misc and across lanes ----

def rev_lanes(v, b, cont, q):
    nl = (128 if q else 64) // b
    per = cont // b
    ls = [get(v, i, b) for i in range(nl)]
    out = []
    for c in range(0, nl, per):
        out += ls[c:c + per][::-1]
    return pack(out, b)


def cls(x, b):
    s = x >> (b - 1)
    c = 0
    for i in range(b - 2, -1, -1):
        if (x >> i) & 1 != s:
            break
        c += 1
    return c


def clz(x, b):
    c = 0
    for i in range(b - 1, -1, -1):
        if (x >> i) & 1:
            break
        c += 1
    return c


def gen_misc():
    for esz in range(4):
        b = 8 << esz
        M = {
            'suqadd': lambda d, n, m, st: ssat(S(d, b) + n, b, st),
            'usqadd': lambda d, n, m, st: usat(d + S(n, b), b, st),
            'sqabs': lambda d, n, m, st: ssat(abs(S(n, b)), b, st),
            'sqneg': lambda d, n, m, st: ssat(-S(n, b), b, st),
            'abs': lambda d, n, m, st: abs(S(n, b)),
            'neg': lambda d, n, m, st: -n,
            'cmgt': lambda d, n, m, st: -(S(n, b) > 0),
            'cmge': lambda d, n, m, st: -(S(n, b) >= 0),
            'cmeq': lambda d, n, m, st: -(n == 0),
            'cmle': lambda d, n, m, st: -(S(n, b) <= 0),
            'cmlt': lambda d, n, m, st: -(S(n, b) < 0),
        }
        if esz < 3:
            M['cls'] = lambda d, n, m, st: cls(n, b)
            M['clz'] = lambda d, n, m, st: clz(n, b)
        if esz == 0:
            M['cnt'] = lambda d, n, m, st: bin(n).count('1')
            M['rbit'] = lambda d, n, m, st: int('{:08b}'.format(n)[::-1], 2)
            M['not'] = lambda d, n, m, st: ~n
        for name, f in M.items():
            zero = ', #0' if name.startswith('cm') else ''
            for q in (0, 1):
                if esz == 3 and not q:
                    continue
                a = ARR[(esz, q)]
                add_form('%s v0.%s, v1.%s%s' % (name, a, a, zero),
                         lanewise(b, q, f), b)
            if name in ('suqadd', 'usqadd', 'sqabs', 'sqneg') or esz == 3:
                r = SREG[esz]
                add_form('%s %s0, %s1%s' % (name, r, r, zero), scalar(b, f), b)
        for q in (0, 1):
            a = ARR[(esz, q)]
            for name, cont in (('rev64', 64), ('rev32', 32), ('rev16', 16)):
                if b < cont:
                    add_form('%s v0.%s, v1.%s' % (name, a, a),
                             lambda d, n, m, st, cont=cont, q=q, b=b:
                             rev_lanes(n, b, cont, q), b)
        if esz < 3:
            wb = 2 * b
            for q in (0, 1):
                a, wa = ARR[(esz, q)], ARR[(esz + 1, q)]
                for name, sg, acc in (('saddlp', 1, 0), ('uaddlp', 0, 0),
                                      ('sadalp', 1, 1), ('uadalp', 0, 1)):
                    def fn(d, n, m, st, sg=sg, acc=acc, q=q, b=b, wb=wb):
                        ev = (lambda x: S(x, b)) if sg else (lambda x: x)
                        return pack([(get(d, i, wb) if acc else 0) +
                                     ev(get(n, 2 * i, b)) + ev(get(n, 2 * i + 1, b))
                                     for i in range((128 if q else 64) // wb)], wb)
                    add_form('%s v0.%s, v1.%s' % (name, wa, a), fn, b)
            # Narrowing: result lanes of b bits.
            N = {
                'xtn': lambda x, st: x,
                'sqxtn': lambda x, st: ssat(S(x, wb), b, st),
                'uqxtn': lambda x, st: usat(x, b, st),
                'sqxtun': lambda x, st: usat(S(x, wb), b, st),
            }
            for name, f in N.items():
                for part in (0, 1):
                    def fn(d, n, m, st, f=f, part=part, b=b, wb=wb):
                        res = pack([f(get(n, i, wb), st) for i in range(64 // b)], b)
                        return (d & mask(64)) | (res << 64) if part else res
                    add_form('%s%s v0.%s, v1.%s' % (name, '2' if part else '',
                                                    ARR[(esz, part)],
                                                    ARR[(esz + 1, 1)]), fn, wb)
                if name != 'xtn':
                    add_form('%s %s0, %s1' % (name, SREG[esz], SREG[esz + 1]),
                             lambda d, n, m, st, f=f, b=b, wb=wb:
                             f(get(n, 0, wb), st) & mask(b), wb)
            for part in (0, 1):
                add_form('shll%s v0.%s, v1.%s, #%d' % ('2' if part else '',
                                                       ARR[(esz + 1, 1)],
                                                       ARR[(esz, part)], b),
                         lambda d, n, m, st, part=part, b=b, wb=wb:
                         pack([get(n, i + part * (64 // b), b) << b
                               for i in range(128 // wb)], wb), b)
            # Across lanes.
            for q in (0, 1):
                if esz == 2 and not q:
                    continue
                a = ARR[(esz, q)]
                nl = (128 if q else 64) // b
                A = {
                    'addv': (lambda ls: sum(ls), b, 0),
                    'saddlv': (lambda ls: sum(ls), wb, 1),
                    'uaddlv': (lambda ls: sum(ls), wb, 0),
                    'smaxv': (max, b, 1),
                    'umaxv': (max, b, 0),
                    'sminv': (min, b, 1),
                    'uminv': (min, b, 0),
                }
                for name, (f, rb, sg) in A.items():
                    def fn(d, n, m, st, f=f, rb=rb, sg=sg, nl=nl, b=b):
                        ls = [get(n, i, b) for i in range(nl)]
                        if sg:
                            ls = [S(x, b) for x in ls]
                        return f(ls) & mask(rb)
                    add_form('%s %s0, v1.%s' % (name, SREG[rb.bit_length() - 4], a),
                             fn, b)


# ---- shift by immediate ----

def gen_shift():
    for esz in range(4):
        b = 8 << esz
        rights = sorted({1, 2, b // 2, b - 1, b})
        lefts = sorted({0, 1, b // 2, b - 1})
        R = {
            'sshr': lambda d, n, sh, st: S(n, b) >> sh,
            'ushr': lambda d, n, sh, st: n >> sh,
            'srshr': lambda d, n, sh, st: (S(n, b) + (1 << (sh - 1))) >> sh,
            'urshr': lambda d, n, sh, st: (n + (1 << (sh - 1))) >> sh,
            'ssra': lambda d, n, sh, st: d + (S(n, b) >> sh),
            'usra': lambda d, n, sh, st: d + (n >> sh),
            'srsra': lambda d, n, sh, st: d + ((S(n, b) + (1 << (sh - 1))) >> sh),
            'ursra': lambda d, n, sh, st: d + ((n + (1 << (sh - 1))) >> sh),
            'sri': lambda d, n, sh, st:
                (d & ~(mask(b) >> sh)) | (n >> sh),
        }
        L = {
            'shl': lambda d, n, sh, st: n << sh,
            'sli': lambda d, n, sh, st: (d & mask(sh)) | (n << sh),
            'sqshl': lambda d, n, sh, st: ssat(S(n, b) << sh, b, st),
            'uqshl': lambda d, n, sh, st: usat(n << sh, b, st),
            'sqshlu': lambda d, n, sh, st: usat(S(n, b) << sh, b, st),
        }
        for ops, shifts in ((R, rights), (L, lefts)):
            for name, f in ops.items():
                for sh in shifts:
                    g = (lambda f, sh: lambda d, n, m, st: f(d, n, sh, st))(f, sh)
                    for q in (0, 1):
                        if esz == 3 and not q:
                            continue
                        a = ARR[(esz, q)]
                        add_form('%s v0.%s, v1.%s, #%d' % (name, a, a, sh),
                                 lanewise(b, q, g), b, nc=4)
                    if esz == 3 or name in ('sqshl', 'uqshl', 'sqshlu'):
                        r = SREG[esz]
                        add_form('%s %s0, %s1, #%d' % (name, r, r, sh),
                                 scalar(b, g), b, nc=4)
        if esz == 3:
            continue
        wb = 2 * b
        NR = {
            'shrn': (lambda n, sh, st: n >> sh, 0, 0),
            'rshrn': (lambda n, sh, st: (n + (1 << (sh - 1))) >> sh, 0, 0),
            'sqshrn': (lambda n, sh, st: ssat(S(n, wb) >> sh, b, st), 1, 1),
            'sqrshrn': (lambda n, sh, st:
                        ssat((S(n, wb) + (1 << (sh - 1))) >> sh, b, st), 1, 1),
            'uqshrn': (lambda n, sh, st: usat(n >> sh, b, st), 0, 1),
            'uqrshrn': (lambda n, sh, st: usat((n + (1 << (sh - 1))) >> sh, b, st), 0, 1),
            'sqshrun': (lambda n, sh, st: usat(S(n, wb) >> sh, b, st), 1, 1),
            'sqrshrun': (lambda n, sh, st:
                         usat((S(n, wb) + (1 << (sh - 1))) >> sh, b, st), 1, 1),
        }
        for name, (f, _, has_scalar) in NR.items():
            for sh in rights:
                for part in (0, 1):
                    def fn(d, n, m, st, f=f, sh=sh, part=part, b=b, wb=wb):
                        res = pack([f(get(n, i, wb), sh, st) for i in range(64 // b)], b)
                        return (d & mask(64)) | (res << 64) if part else res
                    add_form('%s%s v0.%s, v1.%s, #%d' % (
                        name, '2' if part else '', ARR[(esz, part)],
                        ARR[(esz + 1, 1)], sh), fn, wb, nc=4)
                if has_scalar:
                    add_form('%s %s0, %s1, #%d' % (name, SREG[esz], SREG[esz + 1], sh),
                             lambda d, n, m, st, f=f, sh=sh, b=b, wb=wb:
                             f(get(n, 0, wb), sh, st) & mask(b), wb, nc=4)
        for name, sg in (('sshll', 1), ('ushll', 0)):
            for sh in lefts:
                for part in (0, 1):
                    def fn(d, n, m, st, sg=sg, sh=sh, part=part, b=b, wb=wb):
                        ls = [get(n, i + part * (64 // b), b) for i in range(128 // wb)]
                        return pack([(S(x, b) if sg else x) << sh for x in ls], wb)
                    add_form('%s%s v0.%s, v1.%s, #%d' % (
                        name, '2' if part else '', ARR[(esz + 1, 1)],
                        ARR[(esz, part)], sh), fn, b, nc=4)


# ---- by element ----

def gen_elem():
    for esz in (1, 2):
        b = 8 << esz
        wb = 2 * b
        idxs = [0, 3, 7] if esz == 1 else [0, 1, 3]
        E = {
            'mul': lambda d, n, m, st: n * m,
            'mla': lambda d, n, m, st: d + n * m,
            'mls': lambda d, n, m, st: d - n * m,
            'sqdmulh': lambda d, n, m, st: ssat((2 * S(n, b) * S(m, b)) >> b, b, st),
            'sqrdmulh': lambda d, n, m, st:
                ssat((2 * S(n, b) * S(m, b) + (1 << (b - 1))) >> b, b, st),
        }
        for name, f in E.items():
            for idx in idxs:
                for q in (0, 1):
                    a = ARR[(esz, q)]
                    nl = (128 if q else 64) // b

                    def fn(d, n, m, st, f=f, idx=idx, nl=nl, b=b):
                        me = get(m, idx, b)
                        return pack([f(get(d, i, b), get(n, i, b), me, st)
                                     for i in range(nl)], b)
                    add_form('%s v0.%s, v1.%s, v2.%s[%d]' % (name, a, a, 'hs'[esz - 1], idx),
                             fn, b, nc=6)
                if name.startswith('sq'):
                    r = SREG[esz]
                    add_form('%s %s0, %s1, v2.%s[%d]' % (name, r, r, r, idx),
                             lambda d, n, m, st, f=f, idx=idx, b=b:
                             f(0, get(n, 0, b), get(m, idx, b), st) & mask(b), b, nc=6)
        W = {
            'smull': lambda d, n, m, st: S(n, b) * S(m, b),
            'umull': lambda d, n, m, st: n * m,
            'smlal': lambda d, n, m, st: d + S(n, b) * S(m, b),
            'umlal': lambda d, n, m, st: d + n * m,
            'smlsl': lambda d, n, m, st: d - S(n, b) * S(m, b),
            'umlsl': lambda d, n, m, st: d - n * m,
            'sqdmull': lambda d, n, m, st: ssat(2 * S(n, b) * S(m, b), wb, st),
            'sqdmlal': lambda d, n, m, st:
                ssat(S(d, wb) + ssat(2 * S(n, b) * S(m, b), wb, st), wb, st),
            'sqdmlsl': lambda d, n, m, st:
                ssat(S(d, wb) - ssat(2 * S(n, b) * S(m, b), wb, st), wb, st),
        }
        for name, f in W.items():
            for idx in idxs:
                for part in (0, 1):
                    def fn(d, n, m, st, f=f, idx=idx, part=part, b=b, wb=wb):
                        me = get(m, idx, b)
                        return pack([f(get(d, i, wb), get(n, i + part * (64 // b), b), me, st)
                                     for i in range(128 // wb)], wb)
                    add_form('%s%s v0.%s, v1.%s, v2.%s[%d]' % (
                        name, '2' if part else '', ARR[(esz + 1, 1)], ARR[(esz, part)],
                        'hs'[esz - 1], idx), fn, b, nc=6)
                if name.startswith('sq'):
                    add_form('%s %s0, %s1, v2.%s[%d]' % (
                        name, SREG[esz + 1], SREG[esz], SREG[esz], idx),
                        lambda d, n, m, st, f=f, idx=idx, b=b, wb=wb:
                        f(get(d, 0, wb), get(n, 0, b), get(m, idx, b), st) & mask(wb),
                        b, nc=6)


# ---- reserved encodings (UNDEFINED) ----

def enc_3same(q, u, size, rm, op, rn, rd):
    return (q << 30) | (u << 29) | (0b01110 << 24) | (size << 22) | (1 << 21) | \
        (rm << 16) | (op << 11) | (1 << 10) | (rn << 5) | rd


UNDEF = [
    ('shadd size 3', enc_3same(1, 0, 3, 2, 0b00000, 1, 0)),
    ('add 1d (size 3, Q=0)', enc_3same(0, 0, 3, 2, 0b10000, 1, 0)),
    ('sqadd 1d (size 3, Q=0)', enc_3same(0, 0, 3, 2, 0b00001, 1, 0)),
    ('mul size 3', enc_3same(1, 0, 3, 2, 0b10011, 1, 0)),
    ('pmul size 1', enc_3same(1, 1, 1, 2, 0b10011, 1, 0)),
    ('sqdmulh size 0', enc_3same(1, 0, 0, 2, 0b10110, 1, 0)),
    ('sqdmulh size 3', enc_3same(1, 0, 3, 2, 0b10110, 1, 0)),
    ('smaxp size 3', enc_3same(1, 0, 3, 2, 0b10100, 1, 0)),
    ('saddl size 3', 0x4ee00020 | (2 << 16) | (1 << 5)),
    ('sqdmull size 0', 0x0e20d000 | (2 << 16) | (1 << 5)),
    ('pmull size 1', 0x0e60e000 | (2 << 16) | (1 << 5)),
    ('addhn size 3', 0x0ee04000 | (2 << 16) | (1 << 5)),
    ('rev64 size 3', 0x4ee00800 | (1 << 5)),
    ('rev32 size 2', 0x6ea00800 | (1 << 5)),
    ('rev16 size 1', 0x4e601800 | (1 << 5)),
    ('cnt size 1', 0x4e605800 | (1 << 5)),
    ('not/rbit size 2', 0x6ea05800 | (1 << 5)),
    ('clz size 3', 0x6ee04800 | (1 << 5)),
    ('abs 1d (size 3, Q=0)', 0x0ee0b800 | (1 << 5)),
    ('xtn size 3', 0x0ee12800 | (1 << 5)),
    ('saddlp size 3', 0x4ee02800 | (1 << 5)),
    ('shll U=0', 0x2e213800 & ~(1 << 29) | (1 << 5)),
    ('addv size 3', 0x4ef1b800 | (1 << 5)),
    ('addv 2s', 0x0eb1b800 | (1 << 5)),
    ('sshr 1d (immh 1xxx, Q=0)', 0x0f400400 | (1 << 5)),
    ('shrn immh 1xxx', 0x0f408400 | (1 << 5)),
    ('sshll immh 1xxx', 0x0f40a400 | (1 << 5)),
    ('scalar add size 0', 0x5e208400 | (2 << 16) | (1 << 5)),
    ('scalar cmgt size 2', 0x5ea03400 | (2 << 16) | (1 << 5)),
    ('scalar sqdmulh size 0', 0x5e20b400 | (2 << 16) | (1 << 5)),
    ('scalar sqdmull size 0', 0x5e20d000 | (2 << 16) | (1 << 5)),
    ('scalar abs size 2', 0x5ea0b800 | (1 << 5)),
    ('scalar addp size 2', 0x5eb1b800 | (1 << 5)),
    ('scalar sshr immh 01xx', 0x5f200400 | (1 << 5)),
    ('scalar shift immh 0000', 0x5f000400 | (1 << 5)),
    ('scalar sqshrn immh 1xxx', 0x5f409400 | (1 << 5)),
    ('mul by element size 0', 0x0f008000 | (2 << 16) | (1 << 5)),
]


def iroot(x, k):
    """floor(x ** (1/k)) for big integers."""
    r = int(round(x ** (1.0 / k)))
    while r ** k > x:
        r -= 1
    while (r + 1) ** k <= x:
        r += 1
    return r


def primes(n):
    ps = []
    c = 2
    while len(ps) < n:
        if all(c % p for p in ps):
            ps.append(c)
        c += 1
    return ps


def emit_crypto():
    """SHA-256's constants from their definition (FIPS 180-4 4.2.2, 5.3.3):
    the first 32 bits of the fractional parts of the cube roots of the
    first 64 primes, and of the square roots of the first 8."""
    out = ['/* Generated by gen-simd-int.py crypto: do not edit. */']
    k = [iroot(p << 96, 3) & 0xffffffff for p in primes(64)]
    h = [iroot(p << 64, 2) & 0xffffffff for p in primes(8)]
    out.append('static const u32 sha256_k[64] = {')
    for i in range(0, 64, 4):
        out.append('    ' + ', '.join('0x%08x' % x for x in k[i:i + 4]) + ',')
    out.append('};')
    out.append('static const u32 sha256_h0[8] = {')
    out.append('    ' + ', '.join('0x%08x' % x for x in h) + ',')
    out.append('};')
    print('\n'.join(out))


# (form of the other groups, the same form with other registers, aliasing):
# 'dn' Vd is Vn, 'dm' Vd is Vm, 'nm' Vn is Vm, 'all' one register.
REGS = [
    ('sqadd v0.16b, v1.16b, v2.16b', 'sqadd v7.16b, v7.16b, v20.16b', 'dn'),
    ('mla v0.4s, v1.4s, v2.4s', 'mla v9.4s, v3.4s, v9.4s', 'dm'),
    ('sqdmulh v0.8h, v1.8h, v2.8h', 'sqdmulh v31.8h, v30.8h, v30.8h', 'nm'),
    ('uqrshl v0.2d, v1.2d, v2.2d', 'uqrshl v28.2d, v28.2d, v28.2d', 'all'),
    ('addp v0.4s, v1.4s, v2.4s', 'addp v12.4s, v12.4s, v12.4s', 'all'),
    ('smaxp v0.16b, v1.16b, v2.16b', 'smaxp v12.16b, v13.16b, v12.16b', 'dm'),
    ('bsl v0.16b, v1.16b, v2.16b', 'bsl v1.16b, v1.16b, v2.16b', 'dn'),
    ('bif v0.8b, v1.8b, v2.8b', 'bif v21.8b, v22.8b, v21.8b', 'dm'),
    ('add v0.8h, v1.8h, v2.8h', 'add v17.8h, v17.8h, v17.8h', 'all'),
    ('smlal2 v0.4s, v1.8h, v2.8h', 'smlal2 v31.4s, v31.8h, v31.8h', 'all'),
    ('uaddw2 v0.8h, v1.8h, v2.16b', 'uaddw2 v11.8h, v11.8h, v11.16b', 'all'),
    ('addhn2 v0.16b, v1.8h, v2.8h', 'addhn2 v5.16b, v5.8h, v6.8h', 'dn'),
    ('rsubhn2 v0.8h, v1.4s, v2.4s', 'rsubhn2 v5.8h, v6.4s, v5.4s', 'dm'),
    ('pmull2 v0.1q, v1.2d, v2.2d', 'pmull2 v14.1q, v14.2d, v14.2d', 'all'),
    ('sqdmlal s0, h1, h2', 'sqdmlal s3, h3, h3', 'all'),
    ('xtn2 v0.16b, v1.8h', 'xtn2 v3.16b, v3.8h', 'dn'),
    ('sqxtn2 v0.8h, v1.4s', 'sqxtn2 v4.8h, v4.4s', 'dn'),
    ('sqxtun h0, s1', 'sqxtun h4, s4', 'dn'),
    ('saddlp v0.8h, v1.16b', 'saddlp v13.8h, v13.16b', 'dn'),
    ('uadalp v0.2d, v1.4s', 'uadalp v13.2d, v13.4s', 'dn'),
    ('suqadd v0.16b, v1.16b', 'suqadd v19.16b, v19.16b', 'dn'),
    ('rev64 v0.16b, v1.16b', 'rev64 v25.16b, v25.16b', 'dn'),
    ('shll2 v0.4s, v1.8h, #16', 'shll2 v26.4s, v26.8h, #16', 'dn'),
    ('addv b0, v1.16b', 'addv b27, v27.16b', 'dn'),
    ('saddlv s0, v1.8h', 'saddlv s27, v27.8h', 'dn'),
    ('addp d0, v1.2d', 'addp d30, v30.2d', 'dn'),
    ('shrn2 v0.16b, v1.8h, #4', 'shrn2 v8.16b, v8.8h, #4', 'dn'),
    ('sqrshrun2 v0.4s, v1.2d, #32', 'sqrshrun2 v8.4s, v8.2d, #32', 'dn'),
    ('sshll2 v0.8h, v1.16b, #7', 'sshll2 v10.8h, v10.16b, #7', 'dn'),
    ('sri v0.4s, v1.4s, #16', 'sri v10.4s, v10.4s, #16', 'dn'),
    ('sli v0.2d, v1.2d, #32', 'sli v10.2d, v10.2d, #32', 'dn'),
    ('usra v0.8h, v1.8h, #8', 'usra v10.8h, v10.8h, #8', 'dn'),
    ('mul v0.4s, v1.4s, v2.s[3]', 'mul v30.4s, v29.4s, v17.s[3]', ''),
    ('mul v0.8h, v1.8h, v2.h[7]', 'mul v30.8h, v29.8h, v15.h[7]', ''),
    ('mla v0.4h, v1.4h, v2.h[3]', 'mla v15.4h, v15.4h, v15.h[3]', 'all'),
    ('sqrdmulh s0, s1, v2.s[3]', 'sqrdmulh s31, s31, v31.s[3]', 'all'),
    ('sqdmlsl2 v0.4s, v1.8h, v2.h[7]', 'sqdmlsl2 v9.4s, v9.8h, v9.h[7]', 'all'),
    ('umull2 v0.2d, v1.4s, v2.s[1]', 'umull2 v16.2d, v24.4s, v31.s[1]', ''),
    ('sqdmull d0, s1, v2.s[3]', 'sqdmull d2, s2, v18.s[3]', 'dn'),
]


def regs_of(src, asm):
    regs = [int(x) for x in re.findall(r'\b[vbhsdq](\d+)\b', asm)[:3]]
    while len(regs) < 3:
        regs.append(regs[-1])
    rd, rn, rm = regs
    if src.count(',') == 1 or src.startswith('addp d'):
        rm = rn     # one source: V2 in the table is unused
    return rd, rn, rm


def alias_cases(src, fn, b, mgen):
    asm, alias = regs_wanted_map[src]
    rd, rn, rm = regs_of(src, asm)
    cases = []
    for _ in range(12):
        d, n = edge_vec(b), edge_vec(b)
        m = mgen(b) if mgen else edge_vec(b)
        if alias in ('dn', 'all'):
            n = d
        if alias in ('dm', 'all'):
            m = d
        if alias == 'nm' or rm == rn:
            m = n
        st = St()
        r = fn(d, n, m, st) & M128
        cases.append((d, n, m, r, QC if st.qc else 0))
    return cases


regs_wanted_map = {src: (asm, alias) for src, asm, alias in REGS}


def emit_regs():
    regs_wanted.update(regs_wanted_map)
    for g in (gen_3same, gen_3diff, gen_misc, gen_shift, gen_elem):
        g()
    forms.clear()
    out = ['/* Generated by gen-simd-int.py regs: do not edit. */']
    for i, (src, asm, alias) in enumerate(REGS):
        rd, rn, rm = regs_of(src, asm)
        body = ('"ldr q%d, [%%0, #32]\\n\\tldr q%d, [%%0, #16]\\n\\t'
                'ldr q%d, [%%0]\\n\\tmsr fpsr, xzr\\n\\t%s\\n\\t'
                'mrs x9, fpsr\\n\\tstr q%d, [%%1]\\n\\tstr x9, [%%1, #16]"'
                % (rm, rn, rd, asm, rd))
        out.append('static void f_%d(const u64 *in, u64 *out) {\n'
                   '    __asm__ volatile(".arch_extension crypto\\n\\t" %s\n'
                   '        :: "r"(in), "r"(out) : "v%d", "v%d", "v%d", "x9", "memory");\n}'
                   % (i, body, rd, rn, rm))
        forms.append((asm, regs_cases[src]))
    for i, (asm, cases) in enumerate(forms):
        out.append('static const struct simd_case c_%d[] = {' % i)
        for d, n, m, r, qc in cases:
            out.append('    {{0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%xul}, '
                       '{0x%xul, 0x%xul}, 0x%x},'
                       % (d & mask(64), d >> 64, n & mask(64), n >> 64,
                          m & mask(64), m >> 64, r & mask(64), r >> 64, qc))
        out.append('};')
    out.append('static const struct simd_form forms[] = {')
    for i, (asm, cases) in enumerate(forms):
        out.append('    { "%s", f_%d, c_%d, %d },' % (asm, i, i, len(cases)))
    out.append('};')
    print('\n'.join(out))


def emit(group):
    out = ['/* Generated by gen-simd-int.py %s: do not edit. */' % group]
    if group == 'regs':
        emit_regs()
        return
    if group == 'crypto':
        emit_crypto()
        return
    if group == 'undef':
        for i, (name, enc) in enumerate(UNDEF):
            out.append('static void u_%d(void) { __asm__ volatile(".inst 0x%08x"); }'
                       % (i, enc))
        out.append('static const struct undef_case undef_cases[] = {')
        for i, (name, enc) in enumerate(UNDEF):
            out.append('    { "%s (0x%08x)", u_%d },' % (name, enc, i))
        out.append('};')
        print('\n'.join(out))
        return
    {'3same': gen_3same, '3diff': gen_3diff, 'misc': gen_misc,
     'shift': gen_shift, 'elem': gen_elem}[group]()
    for i, (asm, cases) in enumerate(forms):
        out.append('static void f_%d(const u64 *in, u64 *out) { RUN("%s"); }'
                   % (i, asm))
        out.append('static const struct simd_case c_%d[] = {' % i)
        for d, n, m, r, qc in cases:
            out.append('    {{0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%xul, 0x%xul}, '
                       '{0x%xul, 0x%xul}, 0x%x},'
                       % (d & mask(64), d >> 64, n & mask(64), n >> 64,
                          m & mask(64), m >> 64, r & mask(64), r >> 64, qc))
        out.append('};')
    out.append('static const struct simd_form forms[] = {')
    for i, (asm, cases) in enumerate(forms):
        out.append('    { "%s", f_%d, c_%d, %d },' % (asm, i, i, len(cases)))
    out.append('};')
    print('\n'.join(out))


if __name__ == '__main__':
    emit(sys.argv[1])
