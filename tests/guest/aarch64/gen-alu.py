#!/usr/bin/env python3
#
# gen-alu.py - generate alu-cases.h: one check per (instruction, operands)
# with the expected result and flags computed by a small reference model
# of the A64 integer instructions written from the Arm ARM pseudocode.
# The model is independent of the emulator's translator; running the same
# image under qemu-system-aarch64 checks the model itself.
#
# Usage: gen-alu.py > alu-cases.h

import sys

M64 = (1 << 64) - 1
M32 = (1 << 32) - 1

VALS64 = [0, 1, 2, 0x7fffffffffffffff, 0x8000000000000000,
          0xffffffffffffffff, 0x123456789abcdef0, 0x00000000ffffffff]
VALS32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff,
          0xdeadbeef12345678, 0xffffffff00000001]

out = []


def emit(line):
    out.append(line)


def sx(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def add_with_carry(x, y, cin, bits):
    mask = (1 << bits) - 1
    x &= mask
    y &= mask
    usum = x + y + cin
    ssum = sx(x, bits) + sx(y, bits) + cin
    res = usum & mask
    n = res >> (bits - 1)
    z = 1 if res == 0 else 0
    c = 0 if res == usum else 1
    v = 0 if sx(res, bits) == ssum else 1
    return res, (n << 3) | (z << 2) | (c << 1) | v


def q(s):
    return '"' + s + '"'


def case_rrf(name, asm, a, b, res, flags, cin=None):
    """res and flags of `asm` (%0 dest, %2 a, %3 b), optional carry in."""
    if cin is None:
        emit('T2F(%s, %s, 0x%xul, 0x%xul, 0x%xul, 0x%x);'
             % (q(name), q(asm), a, b, res, flags))
    else:
        emit('T2FC(%s, %s, 0x%xul, 0x%xul, %d, 0x%xul, 0x%x);'
             % (q(name), q(asm), a, b, cin, res, flags))


def case_rr(name, asm, a, b, res):
    emit('T2(%s, %s, 0x%xul, 0x%xul, 0x%xul);' % (q(name), q(asm), a, b, res))


def case_r(name, asm, a, res):
    emit('T1(%s, %s, 0x%xul, 0x%xul);' % (q(name), q(asm), a, res))


def case_rrr(name, asm, a, b, c, res):
    emit('T3(%s, %s, 0x%xul, 0x%xul, 0x%xul, 0x%xul);'
         % (q(name), q(asm), a, b, c, res))


def gen_addsub():
    emit('/* ADDS/SUBS/ADCS/SBCS, registers, 64 and 32 bits */')
    for a in VALS64:
        for b in VALS64:
            r, f = add_with_carry(a, b, 0, 64)
            case_rrf('adds x', 'adds %0, %2, %3', a, b, r, f)
            r, f = add_with_carry(a, ~b, 1, 64)
            case_rrf('subs x', 'subs %0, %2, %3', a, b, r, f)
    for a in VALS32:
        for b in VALS32:
            r, f = add_with_carry(a, b, 0, 32)
            case_rrf('adds w', 'adds %w0, %w2, %w3', a, b, r, f)
            r, f = add_with_carry(a, ~b, 1, 32)
            case_rrf('subs w', 'subs %w0, %w2, %w3', a, b, r, f)
    for cin in (0, 1):
        for a in VALS64[:6]:
            for b in (0, 1, 0x7fffffffffffffff, 0xffffffffffffffff):
                r, f = add_with_carry(a, b, cin, 64)
                case_rrf('adcs x', 'adcs %0, %2, %3', a, b, r, f, cin)
                r, f = add_with_carry(a, ~b, cin, 64)
                case_rrf('sbcs x', 'sbcs %0, %2, %3', a, b, r, f, cin)
        for a in VALS32[:5]:
            for b in (0, 1, 0x7fffffff, 0xffffffff):
                r, f = add_with_carry(a, b, cin, 32)
                case_rrf('adcs w', 'adcs %w0, %w2, %w3', a, b, r, f, cin)
                r, f = add_with_carry(a, ~b, cin, 32)
                case_rrf('sbcs w', 'sbcs %w0, %w2, %w3', a, b, r, f, cin)
        # ADC/SBC leave flags alone: check the result only
        r, _ = add_with_carry(10, 20, cin, 64)
        case_rrf('adc x', 'adc %0, %2, %3', 10, 20, r, cin << 1, cin)
        r, _ = add_with_carry(10, ~20, cin, 64)
        case_rrf('sbc x', 'sbc %0, %2, %3', 10, 20, r, cin << 1, cin)
        r, _ = add_with_carry(10, ~20 & M32, cin, 32)
        case_rrf('sbc w', 'sbc %w0, %w2, %w3', 10, 20, r, cin << 1, cin)


def shift(v, kind, amt, bits):
    mask = (1 << bits) - 1
    v &= mask
    if kind == 'lsl':
        return (v << amt) & mask
    if kind == 'lsr':
        return v >> amt
    if kind == 'asr':
        return (sx(v, bits) >> amt) & mask
    return ((v >> amt) | (v << (bits - amt))) & mask


LOGIC = {
    'and': lambda a, b: a & b, 'orr': lambda a, b: a | b,
    'eor': lambda a, b: a ^ b, 'bic': lambda a, b: a & ~b,
    'orn': lambda a, b: a | ~b, 'eon': lambda a, b: a ^ ~b,
    'ands': lambda a, b: a & b, 'bics': lambda a, b: a & ~b,
}


def gen_logic():
    emit('/* logical, shifted register */')
    pairs64 = [(0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0),
               (0x8000000000000001, 0xf0000000000000ff), (0, 0xffffffffffffffff)]
    pairs32 = [(0xff00ff00ff00ff00, 0x0ff00ff0), (0x80000001, 0xf00000ff)]
    shifts = [('lsl', 0), ('lsl', 4), ('lsr', 60), ('asr', 7), ('ror', 13),
              ('asr', 63)]
    for op, fn in LOGIC.items():
        for a, b in pairs64:
            for kind, amt in shifts:
                r = fn(a, shift(b, kind, amt, 64)) & M64
                sh = ', %s #%d' % (kind, amt)
                if op.endswith('s'):
                    f = ((r >> 63) << 3) | ((r == 0) << 2)
                    case_rrf('%s x%s' % (op, sh), '%s %%0, %%2, %%3%s' % (op, sh),
                             a, b, r, f)
                else:
                    case_rr('%s x%s' % (op, sh), '%s %%0, %%2, %%3%s' % (op, sh),
                            a, b, r)
        for a, b in pairs32:
            for kind, amt in [('lsl', 0), ('lsl', 4), ('lsr', 28), ('asr', 7),
                              ('ror', 13), ('asr', 31)]:
                r = fn(a & M32, shift(b, kind, amt, 32)) & M32
                sh = ', %s #%d' % (kind, amt)
                if op.endswith('s'):
                    f = ((r >> 31) << 3) | ((r == 0) << 2)
                    case_rrf('%s w%s' % (op, sh),
                             '%s %%w0, %%w2, %%w3%s' % (op, sh), a, b, r, f)
                else:
                    case_rr('%s w%s' % (op, sh), '%s %%w0, %%w2, %%w3%s' % (op, sh),
                            a, b, r)
    emit('/* add/sub, shifted register */')
    for op in ('add', 'sub'):
        for kind, amt in [('lsl', 3), ('lsr', 1), ('asr', 62)]:
            a, b = 0x1000, 0x8000000000000010
            bb = shift(b, kind, amt, 64)
            r = (a + bb if op == 'add' else a - bb) & M64
            case_rr('%s x, %s #%d' % (op, kind, amt),
                    '%s %%0, %%2, %%3, %s #%d' % (op, kind, amt), a, b, r)
            bb = shift(b, kind, min(amt, 31), 32)
            r = (a + bb if op == 'add' else a - bb) & M32
            case_rr('%s w, %s #%d' % (op, kind, min(amt, 31)),
                    '%s %%w0, %%w2, %%w3, %s #%d' % (op, kind, min(amt, 31)),
                    a, b, r)


def gen_shiftv():
    emit('/* shifts by register: the count is taken modulo the width */')
    vals = [0x8000000000000001, 0x123456789abcdef0]
    for v in vals:
        for cnt in (0, 1, 31, 32, 63, 64, 65, 0xffffffffffffffc1):
            for op, kind in (('lslv', 'lsl'), ('lsrv', 'lsr'), ('asrv', 'asr'),
                             ('rorv', 'ror')):
                r = shift(v, kind, cnt % 64, 64)
                case_rr('%s x cnt %d' % (op, cnt % 256), '%s %%0, %%2, %%3' % op,
                        v, cnt, r)
                r = shift(v, kind, cnt % 32, 32)
                case_rr('%s w cnt %d' % (op, cnt % 256),
                        '%s %%w0, %%w2, %%w3' % op, v, cnt, r)


def gen_muldiv():
    emit('/* multiply, multiply-add, high halves */')
    vals = [0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x123456789abcdef1,
            0x00000000ffffffff, 0x7fffffff80000000]
    for a in vals:
        for b in vals[:5]:
            case_rr('mul x', 'mul %0, %2, %3', a, b, (a * b) & M64)
            case_rr('mul w', 'mul %w0, %w2, %w3', a, b,
                    ((a & M32) * (b & M32)) & M32)
            case_rr('umulh', 'umulh %0, %2, %3', a, b, (a * b) >> 64)
            case_rr('smulh', 'smulh %0, %2, %3', a, b,
                    ((sx(a, 64) * sx(b, 64)) >> 64) & M64)
            case_rr('smull', 'smull %0, %w2, %w3', a, b,
                    (sx(a, 32) * sx(b, 32)) & M64)
            case_rr('umull', 'umull %0, %w2, %w3', a, b,
                    ((a & M32) * (b & M32)) & M64)
            case_rr('mneg x', 'mneg %0, %2, %3', a, b, (-(a * b)) & M64)
    for a, b, c in [(3, 5, 7), (0xffffffffffffffff, 2, 1),
                    (0x100000000, 0x100000000, 0xffffffffffffffff)]:
        case_rrr('madd x', 'madd %0, %2, %3, %4', a, b, c, (c + a * b) & M64)
        case_rrr('msub x', 'msub %0, %2, %3, %4', a, b, c, (c - a * b) & M64)
        case_rrr('madd w', 'madd %w0, %w2, %w3, %w4', a, b, c,
                 ((c & M32) + (a & M32) * (b & M32)) & M32)
        case_rrr('msub w', 'msub %w0, %w2, %w3, %w4', a, b, c,
                 ((c & M32) - (a & M32) * (b & M32)) & M32)
        case_rrr('smaddl', 'smaddl %0, %w2, %w3, %4', a, b, c,
                 (c + sx(a, 32) * sx(b, 32)) & M64)
        case_rrr('smsubl', 'smsubl %0, %w2, %w3, %4', a, b, c,
                 (c - sx(a, 32) * sx(b, 32)) & M64)
        case_rrr('umaddl', 'umaddl %0, %w2, %w3, %4', a, b, c,
                 (c + (a & M32) * (b & M32)) & M64)
        case_rrr('umsubl', 'umsubl %0, %w2, %w3, %4', a, b, c,
                 (c - (a & M32) * (b & M32)) & M64)
    emit('/* division: /0 gives 0, INT_MIN / -1 gives INT_MIN */')

    def sdiv(a, b, bits):
        a, b = sx(a, bits), sx(b, bits)
        if b == 0:
            return 0
        qt = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            qt = -qt
        return qt & ((1 << bits) - 1)

    dvals = [0, 1, 7, 0xffffffffffffffff, 0x8000000000000000, 0xfffffffffffffff9,
             0x7fffffffffffffff, 0x80000000, 0xffffffff, 0xfffffff9]
    for a in dvals:
        for b in (0, 1, 0xffffffffffffffff, 7, 0xfffffffffffffff9, 0xffffffff,
                  2):
            case_rr('udiv x', 'udiv %0, %2, %3', a, b, a // b if b else 0)
            case_rr('sdiv x', 'sdiv %0, %2, %3', a, b, sdiv(a, b, 64))
            ua, ub = a & M32, b & M32
            case_rr('udiv w', 'udiv %w0, %w2, %w3', a, b, ua // ub if ub else 0)
            case_rr('sdiv w', 'sdiv %w0, %w2, %w3', a, b, sdiv(a, b, 32))


def rbit(v, bits):
    return int(format(v & ((1 << bits) - 1), '0%db' % bits)[::-1], 2)


def bswap(v, nbytes):
    return int.from_bytes((v & ((1 << (8 * nbytes)) - 1)).to_bytes(nbytes, 'little'),
                          'big')


def clz(v, bits):
    v &= (1 << bits) - 1
    return bits - v.bit_length()


def cls(v, bits):
    v &= (1 << bits) - 1
    top = v >> (bits - 1)
    n = 0
    for i in range(bits - 2, -1, -1):
        if (v >> i) & 1 == top:
            n += 1
        else:
            break
    return n


def gen_bitops():
    emit('/* CLZ CLS RBIT REV REV16 REV32 */')
    vals = [0, 1, 0xffffffffffffffff, 0x8000000000000000, 0x0123456789abcdef,
            0x00000000ffffffff, 0xfffffffe00000000, 0x0000000080000000,
            0x4000000000000000, 0xc0000000fffffffe]
    for v in vals:
        case_r('clz x', 'clz %0, %2', v, clz(v, 64))
        case_r('clz w', 'clz %w0, %w2', v, clz(v, 32))
        case_r('cls x', 'cls %0, %2', v, cls(v, 64))
        case_r('cls w', 'cls %w0, %w2', v, cls(v, 32))
        case_r('rbit x', 'rbit %0, %2', v, rbit(v, 64))
        case_r('rbit w', 'rbit %w0, %w2', v, rbit(v, 32))
        case_r('rev x', 'rev %0, %2', v, bswap(v, 8))
        case_r('rev w', 'rev %w0, %w2', v, bswap(v, 4))
        r16 = 0
        for i in range(4):
            r16 |= bswap((v >> (16 * i)) & 0xffff, 2) << (16 * i)
        case_r('rev16 x', 'rev16 %0, %2', v, r16)
        case_r('rev16 w', 'rev16 %w0, %w2', v, r16 & M32)
        r32 = bswap(v & M32, 4) | (bswap(v >> 32, 4) << 32)
        case_r('rev32 x', 'rev32 %0, %2', v, r32)


def gen_bitfield():
    emit('/* bitfield moves and their aliases */')
    vals = [0x0123456789abcdef, 0xfedcba9876543210, 0x8000000080000000]
    for v in vals:
        for lsb, width in [(0, 1), (0, 8), (4, 12), (60, 4), (1, 63), (0, 64),
                           (31, 2), (32, 32), (63, 1)]:
            f = (v >> lsb) & ((1 << width) - 1)
            case_r('ubfx x #%d,#%d' % (lsb, width),
                   'ubfx %%0, %%2, #%d, #%d' % (lsb, width), v, f)
            case_r('sbfx x #%d,#%d' % (lsb, width),
                   'sbfx %%0, %%2, #%d, #%d' % (lsb, width), v,
                   sx(f, width) & M64)
            if lsb + width <= 64:
                ins = ((v & ((1 << width) - 1)) << lsb) & M64
                case_r('ubfiz x #%d,#%d' % (lsb, width),
                       'ubfiz %%0, %%2, #%d, #%d' % (lsb, width), v, ins)
                case_r('sbfiz x #%d,#%d' % (lsb, width),
                       'sbfiz %%0, %%2, #%d, #%d' % (lsb, width), v,
                       (sx(v, width) << lsb) & M64)
                dst = 0x5555555555555555
                keep = dst & ~((((1 << width) - 1) << lsb)) & M64
                case_rr('bfi x #%d,#%d' % (lsb, width),
                        'mov %%0, %%3\\n\\tbfi %%0, %%2, #%d, #%d' % (lsb, width),
                        v, dst, keep | ins)
                keep2 = dst & ~((1 << width) - 1) & M64
                case_rr('bfxil x #%d,#%d' % (lsb, width),
                        'mov %%0, %%3\\n\\tbfxil %%0, %%2, #%d, #%d' % (lsb, width),
                        v, dst, keep2 | f)
        for lsb, width in [(0, 1), (0, 8), (4, 12), (28, 4), (1, 31), (0, 32),
                           (15, 2), (31, 1)]:
            w = v & M32
            f = (w >> lsb) & ((1 << width) - 1)
            case_r('ubfx w #%d,#%d' % (lsb, width),
                   'ubfx %%w0, %%w2, #%d, #%d' % (lsb, width), v, f)
            case_r('sbfx w #%d,#%d' % (lsb, width),
                   'sbfx %%w0, %%w2, #%d, #%d' % (lsb, width), v,
                   sx(f, width) & M32)
            ins = ((w & ((1 << width) - 1)) << lsb) & M32
            case_r('ubfiz w #%d,#%d' % (lsb, width),
                   'ubfiz %%w0, %%w2, #%d, #%d' % (lsb, width), v, ins)
            case_r('sbfiz w #%d,#%d' % (lsb, width),
                   'sbfiz %%w0, %%w2, #%d, #%d' % (lsb, width), v,
                   (sx(w, width) << lsb) & M32)
            dst = 0xaaaaaaaa55555555
            keep = dst & M32 & ~((((1 << width) - 1) << lsb))
            case_rr('bfi w #%d,#%d' % (lsb, width),
                    'mov %%0, %%3\\n\\tbfi %%w0, %%w2, #%d, #%d' % (lsb, width),
                    v, dst, keep | ins)
        case_r('sxtb x', 'sxtb %0, %w2', v, sx(v, 8) & M64)
        case_r('sxth x', 'sxth %0, %w2', v, sx(v, 16) & M64)
        case_r('sxtw x', 'sxtw %0, %w2', v, sx(v, 32) & M64)
        case_r('sxtb w', 'sxtb %w0, %w2', v, sx(v, 8) & M32)
        case_r('uxtb w', 'uxtb %w0, %w2', v, v & 0xff)
        case_r('uxth w', 'uxth %w0, %w2', v, v & 0xffff)
        for amt in (1, 17, 63):
            case_r('lsl x #%d' % amt, 'lsl %%0, %%2, #%d' % amt, v, (v << amt) & M64)
            case_r('lsr x #%d' % amt, 'lsr %%0, %%2, #%d' % amt, v, v >> amt)
            case_r('asr x #%d' % amt, 'asr %%0, %%2, #%d' % amt, v,
                   (sx(v, 64) >> amt) & M64)
            case_r('ror x #%d' % amt, 'ror %%0, %%2, #%d' % amt, v,
                   shift(v, 'ror', amt, 64))
        for amt in (1, 17, 31):
            case_r('lsl w #%d' % amt, 'lsl %%w0, %%w2, #%d' % amt, v,
                   (v << amt) & M32)
            case_r('lsr w #%d' % amt, 'lsr %%w0, %%w2, #%d' % amt, v,
                   (v & M32) >> amt)
            case_r('asr w #%d' % amt, 'asr %%w0, %%w2, #%d' % amt, v,
                   (sx(v, 32) >> amt) & M32)
            case_r('ror w #%d' % amt, 'ror %%w0, %%w2, #%d' % amt, v,
                   shift(v, 'ror', amt, 32))
    emit('/* EXTR */')
    a, b = 0x0123456789abcdef, 0xfedcba9876543210
    for lsb in (0, 1, 8, 32, 63):
        r = (((a << 64) | b) >> lsb) & M64
        case_rr('extr x #%d' % lsb, 'extr %%0, %%2, %%3, #%d' % lsb, a, b, r)
    for lsb in (0, 1, 8, 31):
        r = ((((a & M32) << 32) | (b & M32)) >> lsb) & M32
        case_rr('extr w #%d' % lsb, 'extr %%w0, %%w2, %%w3, #%d' % lsb, a, b, r)


COND = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt',
        'gt', 'le', 'al', 'nv']


def cond_holds(c, f):
    n, z, cc, v = (f >> 3) & 1, (f >> 2) & 1, (f >> 1) & 1, f & 1
    base = [z == 1, cc == 1, n == 1, v == 1, cc == 1 and z == 0, n == v,
            z == 0 and n == v, True][c >> 1]
    if c & 1 and c != 15:
        return not base
    return base


def gen_cond():
    emit('/* conditions: CSEL family over all 16 NZCV values */')
    for f in range(16):
        for c in range(16):
            if COND[c] in ('al', 'nv'):
                continue
            r = 1 if cond_holds(c, f) else 0
            emit('TCOND(%s, "cset %%0, %s", 0x%x, 0x%x);'
                 % (q('cset %s nzcv=%x' % (COND[c], f)), COND[c], f, r))
    a, b = 0x1111, 0x2222
    for f in (0, 4, 6, 9):
        for c in range(16):
            t = cond_holds(c, f)
            emit('TCSEL(%s, "csel %%0, %%2, %%3, %s", 0x%x, 0x%x, 0x%x, 0x%x);'
                 % (q('csel %s nzcv=%x' % (COND[c], f)), COND[c], f, a, b,
                    a if t else b))
            emit('TCSEL(%s, "csinc %%0, %%2, %%3, %s", 0x%x, 0x%x, 0x%x, 0x%x);'
                 % (q('csinc %s nzcv=%x' % (COND[c], f)), COND[c], f, a, b,
                    a if t else b + 1))
            emit('TCSEL(%s, "csinv %%w0, %%w2, %%w3, %s", 0x%x, 0x%x, 0x%x, 0x%x);'
                 % (q('csinv w %s nzcv=%x' % (COND[c], f)), COND[c], f, a, b,
                    a if t else (~b) & M32))
            emit('TCSEL(%s, "csneg %%0, %%2, %%3, %s", 0x%x, 0x%x, 0x%x, 0x%x);'
                 % (q('csneg %s nzcv=%x' % (COND[c], f)), COND[c], f, a, b,
                    a if t else (-b) & M64))
    emit('/* CCMP/CCMN: compare when the condition holds, else #nzcv */')
    for f in (0, 4, 6, 9, 0xf):
        for c in ('eq', 'ne', 'ge', 'lt', 'hi', 'ls'):
            ci = COND.index(c)
            for a, b in ((5, 5), (3, 5), (0x8000000000000000, 1)):
                if cond_holds(ci, f):
                    _, res = add_with_carry(a, ~b, 1, 64)
                else:
                    res = 0xa
                emit('TCCMP(%s, "ccmp %%1, %%2, #0xa, %s", 0x%x, 0x%xul, 0x%xul, 0x%x);'
                     % (q('ccmp %s nzcv=%x 0x%x,0x%x' % (c, f, a, b)), c, f, a, b,
                        res))
                if cond_holds(ci, f):
                    _, res = add_with_carry(a, b, 0, 32)
                else:
                    res = 0x5
                emit('TCCMP(%s, "ccmn %%w1, %%w2, #0x5, %s", 0x%x, 0x%xul, 0x%xul, 0x%x);'
                     % (q('ccmn w %s nzcv=%x 0x%x,0x%x' % (c, f, a, b)), c, f, a, b,
                        res))
                if cond_holds(ci, f):
                    _, res = add_with_carry(a, ~3, 1, 64)
                else:
                    res = 0x2
                emit('TCCMP(%s, "ccmp %%1, #3, #0x2, %s", 0x%x, 0x%xul, 0x%xul, 0x%x);'
                     % (q('ccmp imm %s nzcv=%x 0x%x' % (c, f, a)), c, f, a, b, res))


def main():
    emit('/* Generated by tests/guest/aarch64/gen-alu.py; do not edit. */')
    emit('static void run_generated_alu(void)')
    emit('{')
    gen_addsub()
    gen_logic()
    gen_shiftv()
    gen_muldiv()
    gen_bitops()
    gen_bitfield()
    gen_cond()
    emit('}')
    sys.stdout.write('\n'.join(out) + '\n')


main()
