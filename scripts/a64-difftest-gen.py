#!/usr/bin/env python3
#
# a64-difftest-gen.py - seeded generator of random A64 integer instruction
# blocks for the differential tester (docs/devel/a64-difftest.md).
#
# Writes an assembly file of blocks (with the table the harness
# tests/guest/aarch64-diff/harness.c walks) and a JSON file describing
# them (instruction text per block, which instructions are known QEMU
# departures). Each block starts from its own random X0-X27 and NZCV, with
# X28 pointing at the middle of an 8 KiB scratch buffer that every load and
# store stays inside; the harness dumps X0-X28, NZCV, a checksum of the
# scratch buffer and any exception after the block.
#
# The blocks avoid what the Arm ARM leaves UNPREDICTABLE or IMPLEMENTATION
# DEFINED (writeback with Rt == Rn, LDP with Rt1 == Rt2, a store-exclusive
# whose status register overlaps, memory accesses between a load- and a
# store-exclusive), and, since the harness runs with the MMU off where all
# data accesses are Device-nGnRnE, every access is aligned except the
# deliberate "departure" ones (see --departures).
#
# Usage: a64-difftest-gen.py --seed N [--blocks B] [--insns K]
#                            [--departures P] -o OUT.S [--meta OUT.json]

import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import a64difftest_fpsimd as fpsimd  # noqa: E402

INTERESTING = [0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
               0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000,
               0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff,
               0xfffffffffffffffe, 0x5555555555555555, 0xaaaaaaaaaaaaaaaa,
               0x0123456789abcdef, 0xfedcba9876543210, 0x8000000000000001,
               0x00000000ffff0000, 0xffffffff00000000, 63, 64, 31, 32]

CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge',
         'lt', 'gt', 'le', 'al', 'nv']
BASE = 28           # x28: scratch + 4096, never written by a block
NWRITABLE = 28      # x0..x27
SCRATCH_HALF = 4096


class Block(fpsimd.FPSIMDGroups):
    def __init__(self, rng, index, ninsns, p_departure, gens=None):
        self.rng = rng
        self.index = index
        self.lines = []          # one instruction each
        self.departures = []     # (instruction index, kind)
        self.ninsns = ninsns
        self.p_departure = p_departure
        self.reserved = ()      # registers a loop counts in
        if gens is not None:
            self.GENS = gens

    # ---- registers -------------------------------------------------------
    def wreg(self, avoid=()):
        """A destination: x0..x27, or the zero register now and then."""
        while True:
            r = 31 if self.rng.random() < 0.04 else self.rng.randrange(NWRITABLE)
            if r not in avoid and r not in self.reserved:
                return r

    def wreg_nozr(self, avoid=()):
        while True:
            r = self.rng.randrange(NWRITABLE)
            if r not in avoid and r not in self.reserved:
                return r

    def rreg(self):
        x = self.rng.random()
        if x < 0.05:
            return 31
        if x < 0.10:
            return BASE
        return self.rng.randrange(NWRITABLE)

    @staticmethod
    def name(r, sf, sp=False):
        if r == 31:
            return ('sp' if sf else 'wsp') if sp else ('xzr' if sf else 'wzr')
        return ('x%d' if sf else 'w%d') % r

    def emit(self, text):
        self.lines.append(text)

    def imm_value(self):
        if self.rng.random() < 0.5:
            return self.rng.choice(INTERESTING)
        return self.rng.getrandbits(64)

    # ---- data processing -------------------------------------------------
    def g_addsub_imm(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['add', 'adds', 'sub', 'subs'])
        s = op.endswith('s')
        rd = self.wreg() if s else self.wreg_nozr()
        rn = self.rreg()
        if rn == 31:
            rn = 0
        sh = ', lsl #12' if self.rng.random() < 0.3 else ''
        self.emit('%s %s, %s, #%d%s' % (op, self.name(rd, sf), self.name(rn, sf),
                                        self.rng.randrange(4096), sh))

    def bitmask(self, sf):
        e = self.rng.choice([2, 4, 8, 16, 32, 64] if sf else [2, 4, 8, 16, 32])
        ones = self.rng.randrange(1, e)
        rot = self.rng.randrange(e)
        elem = (1 << ones) - 1
        elem = ((elem >> rot) | (elem << (e - rot))) & ((1 << e) - 1)
        width = 64 if sf else 32
        v = 0
        for i in range(0, width, e):
            v |= elem << i
        return v

    def g_logic_imm(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['and', 'orr', 'eor', 'ands'])
        rd = self.wreg() if op == 'ands' else self.wreg_nozr()
        self.emit('%s %s, %s, #0x%x' % (op, self.name(rd, sf),
                                        self.name(self.rreg(), sf),
                                        self.bitmask(sf)))

    def g_movewide(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['movz', 'movn', 'movk'])
        hw = self.rng.randrange(4 if sf else 2)
        self.emit('%s %s, #0x%x, lsl #%d' % (op, self.name(self.wreg(), sf),
                                             self.rng.getrandbits(16), 16 * hw))

    def g_bitfield(self):
        sf = self.rng.random() < 0.6
        w = 64 if sf else 32
        op = self.rng.choice(['sbfm', 'bfm', 'ubfm'])
        self.emit('%s %s, %s, #%d, #%d' % (op, self.name(self.wreg(), sf),
                                           self.name(self.rreg(), sf),
                                           self.rng.randrange(w), self.rng.randrange(w)))

    def g_extr(self):
        sf = self.rng.random() < 0.6
        self.emit('extr %s, %s, %s, #%d' % (self.name(self.wreg(), sf),
                                            self.name(self.rreg(), sf),
                                            self.name(self.rreg(), sf),
                                            self.rng.randrange(64 if sf else 32)))

    def g_addsub_shift(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['add', 'adds', 'sub', 'subs'])
        sh = self.rng.choice(['lsl', 'lsr', 'asr'])
        self.emit('%s %s, %s, %s, %s #%d' % (op, self.name(self.wreg(), sf),
                                             self.name(self.rreg(), sf),
                                             self.name(self.rreg(), sf), sh,
                                             self.rng.randrange(64 if sf else 32)))

    def g_addsub_ext(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['add', 'adds', 'sub', 'subs'])
        ext = self.rng.choice(['uxtb', 'uxth', 'uxtw', 'uxtx', 'sxtb', 'sxth',
                               'sxtw', 'sxtx'])
        rd = self.wreg() if op.endswith('s') else self.wreg_nozr()
        rn = self.rreg()
        if rn == 31:
            rn = 1
        msf = sf and ext in ('uxtx', 'sxtx')
        self.emit('%s %s, %s, %s, %s #%d' % (op, self.name(rd, sf), self.name(rn, sf),
                                             self.name(self.rreg(), msf), ext,
                                             self.rng.randrange(5)))

    def g_logic_shift(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['and', 'bic', 'orr', 'orn', 'eor', 'eon', 'ands', 'bics'])
        sh = self.rng.choice(['lsl', 'lsr', 'asr', 'ror'])
        self.emit('%s %s, %s, %s, %s #%d' % (op, self.name(self.wreg(), sf),
                                             self.name(self.rreg(), sf),
                                             self.name(self.rreg(), sf), sh,
                                             self.rng.randrange(64 if sf else 32)))

    def g_adc(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['adc', 'adcs', 'sbc', 'sbcs'])
        self.emit('%s %s, %s, %s' % (op, self.name(self.wreg(), sf),
                                     self.name(self.rreg(), sf), self.name(self.rreg(), sf)))

    def g_ccmp(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['ccmp', 'ccmn'])
        rhs = ('#%d' % self.rng.randrange(32) if self.rng.random() < 0.5
               else self.name(self.rreg(), sf))
        self.emit('%s %s, %s, #%d, %s' % (op, self.name(self.rreg(), sf), rhs,
                                          self.rng.randrange(16), self.rng.choice(CONDS)))

    def g_csel(self):
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['csel', 'csinc', 'csinv', 'csneg'])
        self.emit('%s %s, %s, %s, %s' % (op, self.name(self.wreg(), sf),
                                         self.name(self.rreg(), sf),
                                         self.name(self.rreg(), sf), self.rng.choice(CONDS)))

    def g_dp1(self):
        sf = self.rng.random() < 0.6
        ops = ['rbit', 'rev16', 'rev', 'clz', 'cls'] + (['rev32'] if sf else [])
        self.emit('%s %s, %s' % (self.rng.choice(ops), self.name(self.wreg(), sf),
                                 self.name(self.rreg(), sf)))

    def g_dp2(self):
        if self.rng.random() < 0.25:
            op = self.rng.choice(['crc32b', 'crc32h', 'crc32w', 'crc32x',
                                  'crc32cb', 'crc32ch', 'crc32cw', 'crc32cx'])
            self.emit('%s %s, %s, %s' % (op, self.name(self.wreg(), False),
                                         self.name(self.rreg(), False),
                                         self.name(self.rreg(), op.endswith('x'))))
            return
        sf = self.rng.random() < 0.6
        op = self.rng.choice(['udiv', 'sdiv', 'lslv', 'lsrv', 'asrv', 'rorv'])
        self.emit('%s %s, %s, %s' % (op, self.name(self.wreg(), sf),
                                     self.name(self.rreg(), sf), self.name(self.rreg(), sf)))

    def g_dp3(self):
        x = self.rng.random()
        if x < 0.4:
            sf = self.rng.random() < 0.6
            op = self.rng.choice(['madd', 'msub'])
            self.emit('%s %s, %s, %s, %s' % (op, self.name(self.wreg(), sf),
                                             *(self.name(self.rreg(), sf) for _ in range(3))))
        elif x < 0.75:
            op = self.rng.choice(['smaddl', 'smsubl', 'umaddl', 'umsubl'])
            self.emit('%s %s, %s, %s, %s' % (op, self.name(self.wreg(), True),
                                             self.name(self.rreg(), False),
                                             self.name(self.rreg(), False),
                                             self.name(self.rreg(), True)))
        else:
            op = self.rng.choice(['smulh', 'umulh'])
            self.emit('%s %s, %s, %s' % (op, self.name(self.wreg(), True),
                                         self.name(self.rreg(), True),
                                         self.name(self.rreg(), True)))

    def g_adr(self):
        op = self.rng.choice(['adr', 'adrp'])
        self.emit('%s %s, . + %d' % (op, self.name(self.wreg_nozr(), True),
                                     self.rng.randrange(-64, 64) * 4
                                     * (4096 if op == 'adrp' else 1)))

    def g_flags(self):
        if self.rng.random() < 0.5:
            self.emit('msr nzcv, %s' % self.name(self.rreg(), True))
        else:
            self.emit('mrs %s, nzcv' % self.name(self.wreg_nozr(), True))

    def g_branch(self):
        """A forward branch over the next 1..3 groups (a group is what one
        generator emits: a base set-up and its load stay together)."""
        lab = '@BR%d@' % self.rng.randrange(1, 4)
        x = self.rng.random()
        if x < 0.5:
            self.emit('b.%s %s' % (self.rng.choice(CONDS[:14]), lab))
        elif x < 0.75:
            sf = self.rng.random() < 0.5
            self.emit('%s %s, %s' % (self.rng.choice(['cbz', 'cbnz']),
                                     self.name(self.rreg(), sf), lab))
        else:
            self.emit('%s %s, #%d, %s' % (self.rng.choice(['tbz', 'tbnz']),
                                          self.name(self.rreg(), True),
                                          self.rng.randrange(64), lab))

    def g_indirect(self):
        """An indirect jump or call forward to a later group: BR, BLR, RET
        through a register ADR loaded (translated code must look the
        target up), or a direct BL. X30 is not part of the dump."""
        lab = '@BR%d@' % self.rng.randrange(1, 4)
        x = self.rng.random()
        if x < 0.25:
            self.emit('bl %s' % lab)
            return
        r = self.wreg_nozr()
        self.emit('adr x%d, %s' % (r, lab))
        if x < 0.5:
            self.emit('br x%d' % r)
        elif x < 0.75:
            self.emit('blr x%d' % r)
        else:
            self.emit('ret x%d' % r)

    def g_badaddr(self):
        """A load or store to a physical address nothing answers at (past
        RAM): a synchronous external abort in the middle of a translated
        block, after which the state must be exactly that of the preceding
        instructions."""
        m = self.wreg_nozr()
        self.emit('movz x%d, #0x%x, lsl #16' % (m, self.rng.choice([0x5000, 0x6000, 0x7f00])))
        mn, size, x, ld = self.ldst_op()
        off = self.rng.randrange(0, 4096 // size) * size
        rt = self.rt_for(ld, x, avoid=(m,))
        self.emit('%s %s, [x%d, #%d]' % (mn, self.name(rt, x), m, off))

    def g_trap(self):
        """A synchronous exception the harness takes and returns from
        (skipping 4 bytes past ELR): the state must be exact at the trap."""
        x = self.rng.random()
        if x < 0.4:
            self.emit('brk #0x%x' % self.rng.getrandbits(16))
        elif x < 0.7:
            self.emit('udf #0x%x' % self.rng.getrandbits(16))
        else:
            # ELR is already past SVC: the handler's +4 skips the next one.
            self.emit('svc #0x%x' % self.rng.getrandbits(16))
            self.emit('udf #0')

    # ---- loads and stores ------------------------------------------------
    SIZES = {'b': 1, 'h': 2, '': 4, 'x': 8}

    def ldst_op(self):
        """(mnemonic, size, register is X, is_load)"""
        return self.rng.choice([
            ('ldrb', 1, False, True), ('ldrh', 2, False, True),
            ('ldr', 4, False, True), ('ldr', 8, True, True),
            ('ldrsb', 1, False, True), ('ldrsb', 1, True, True),
            ('ldrsh', 2, False, True), ('ldrsh', 2, True, True),
            ('ldrsw', 4, True, True),
            ('strb', 1, False, False), ('strh', 2, False, False),
            ('str', 4, False, False), ('str', 8, True, False)])

    def set_base(self, avoid=()):
        """add xB, x28, #off: a writeback base near the middle."""
        b = self.wreg_nozr(avoid)
        off = self.rng.randrange(-128, 128) * 16
        if off >= 0:
            self.emit('add x%d, x%d, #%d' % (b, BASE, off))
        else:
            self.emit('sub x%d, x%d, #%d' % (b, BASE, -off))
        return b

    def rt_for(self, is_load, x, avoid=()):
        if is_load:
            return self.wreg(avoid)
        while True:
            r = self.rreg()
            if r not in avoid:
                return r

    def g_ldst(self):
        mn, size, x, ld = self.ldst_op()
        form = self.rng.choice(['uimm', 'unscaled', 'pre', 'post', 'reg', 'unpriv'])
        if form == 'uimm':
            off = self.rng.randrange(SCRATCH_HALF // size) * size
            self.emit('%s %s, [x%d, #%d]' % (mn, self.name(self.rt_for(ld, x), x), BASE, off))
        elif form == 'unscaled':
            off = self.rng.randrange(-256 // size, 256 // size) * size
            self.emit('%s %s, [x%d, #%d]' % (mn.replace('ldr', 'ldur').replace('str', 'stur'),
                                             self.name(self.rt_for(ld, x), x), BASE, off))
        elif form == 'unpriv':
            off = self.rng.randrange(-256 // size, 256 // size) * size
            self.emit('%s %s, [x%d, #%d]' % (mn.replace('ldr', 'ldtr').replace('str', 'sttr'),
                                             self.name(self.rt_for(ld, x), x), BASE, off))
        elif form in ('pre', 'post'):
            b = self.set_base()
            off = self.rng.randrange(-256 // size, 256 // size) * size
            rt = self.name(self.rt_for(ld, x, avoid=(b,)), x)
            if form == 'pre':
                self.emit('%s %s, [x%d, #%d]!' % (mn, rt, b, off))
            else:
                self.emit('%s %s, [x%d], #%d' % (mn, rt, b, off))
        else:
            m = self.wreg_nozr()
            off = self.rng.randrange(-SCRATCH_HALF // size, SCRATCH_HALF // size)
            shift = self.rng.random() < 0.5
            idx = off if shift else off * size
            ext = self.rng.choice(['lsl', 'sxtw', 'sxtx', 'uxtw'] if idx >= 0
                                  else ['lsl', 'sxtw', 'sxtx'])
            self.emit('mov x%d, #%d' % (m, idx))
            amount = ' #%d' % (size.bit_length() - 1) if shift else ''
            if ext == 'lsl' and not shift:
                extstr = ''
            else:
                extstr = ', %s%s' % (ext, amount)
            mreg = ('w%d' if ext in ('sxtw', 'uxtw') else 'x%d') % m
            self.emit('%s %s, [x%d, %s%s]' % (mn, self.name(self.rt_for(ld, x), x), BASE,
                                              mreg, extstr))

    def g_literal(self):
        mn = self.rng.choice(['ldr w%d', 'ldrsw x%d'])
        self.emit('%s, . + %d' % (mn % self.wreg_nozr(), self.rng.randrange(-32, 32) * 4))

    def g_pair(self):
        kind = self.rng.choice(['ldp', 'stp', 'ldpsw', 'ldnp', 'stnp'])
        x = kind == 'ldpsw' or self.rng.random() < 0.6
        size = 4 if (kind == 'ldpsw' or not x) else 8
        ld = kind.startswith('ld')
        form = 'off' if kind in ('ldnp', 'stnp') else self.rng.choice(['off', 'pre', 'post'])
        off = self.rng.randrange(-64, 64) * size
        rx = x and kind != 'ldpsw'
        if form == 'off':
            b = BASE
            avoid = ()
        else:
            b = self.set_base()
            avoid = (b,)
        r1 = self.rt_for(ld, x, avoid)
        r2 = self.rt_for(ld, x, avoid + ((r1,) if ld else ()))
        regs = '%s, %s' % (self.name(r1, rx or kind == 'ldpsw'), self.name(r2, rx or kind == 'ldpsw'))
        if form == 'off':
            self.emit('%s %s, [x%d, #%d]' % (kind, regs, b, off))
        elif form == 'pre':
            self.emit('%s %s, [x%d, #%d]!' % (kind, regs, b, off))
        else:
            self.emit('%s %s, [x%d], #%d' % (kind, regs, b, off))

    def g_acqrel(self):
        b = self.set_base()
        sz = self.rng.choice(['b', 'h', '', 'x'])
        x = sz == 'x'
        suffix = '' if sz == 'x' else sz
        if self.rng.random() < 0.5:
            self.emit('ldar%s %s, [x%d]' % (suffix, self.name(self.wreg(), x), b))
        else:
            self.emit('stlr%s %s, [x%d]' % (suffix, self.name(self.rreg(), x), b))

    def g_exclusive(self):
        """LDXR; up to two register-only insns; STXR (to the same place)."""
        b = self.set_base()
        pair = self.rng.random() < 0.3
        sz = self.rng.choice(['', 'x'] if pair else ['b', 'h', '', 'x'])
        x = sz == 'x'
        suffix = '' if sz == 'x' else sz
        acq = self.rng.choice(['', 'a'])
        rel = self.rng.choice(['', 'l'])
        rt = self.wreg_nozr((b,))
        if pair:
            rt2 = self.wreg_nozr((b, rt))
            self.emit('ld%sxp %s, %s, [x%d]' % (acq, self.name(rt, x), self.name(rt2, x), b))
        else:
            self.emit('ld%sxr%s %s, [x%d]' % (acq, suffix, self.name(rt, x), b))
        for _ in range(self.rng.randrange(3)):
            # Register-only work that leaves the base alone.
            sf = self.rng.random() < 0.5
            self.emit('add %s, %s, #%d' % (self.name(self.wreg_nozr((b,)), sf),
                                           self.name(self.wreg_nozr(), sf),
                                           self.rng.randrange(4096)))
        if self.rng.random() < 0.1:
            self.emit('clrex')
        s = self.wreg_nozr((b,))
        v1 = self.rreg()
        while v1 == s:
            v1 = self.rreg()
        if pair:
            v2 = self.rreg()
            while v2 == s:
                v2 = self.rreg()
            self.emit('st%sxp w%d, %s, %s, [x%d]' % (rel, s, self.name(v1, x),
                                                     self.name(v2, x), b))
        else:
            self.emit('st%sxr%s w%d, %s, [x%d]' % (rel, suffix, s, self.name(v1, x), b))

    def g_lse(self):
        b = self.set_base()
        sz = self.rng.choice(['b', 'h', '', 'x'])
        x = sz == 'x'
        suffix = '' if sz == 'x' else sz
        order = self.rng.choice(['', 'a', 'l', 'al'])
        y = self.rng.random()
        if y < 0.6:
            op = self.rng.choice(['ldadd', 'ldclr', 'ldeor', 'ldset', 'ldsmax',
                                  'ldsmin', 'ldumax', 'ldumin', 'swp'])
            self.emit('%s%s%s %s, %s, [x%d]' % (op, order, suffix, self.name(self.rreg(), x),
                                                self.name(self.wreg((b,)), x), b))
        elif y < 0.85:
            # Compare-and-swap: half the time compare against the value that
            # is there (after a load), so both outcomes occur.
            rs = self.wreg_nozr((b,))
            if self.rng.random() < 0.5:
                self.emit('ldr%s %s, [x%d]' % (suffix, self.name(rs, x), b))
            self.emit('cas%s%s %s, %s, [x%d]' % (order, suffix, self.name(rs, x),
                                                 self.name(self.rreg(), x), b))
        else:
            x = self.rng.random() < 0.5
            rs = self.rng.randrange(0, NWRITABLE, 2)
            while rs in (b, b - 1) or rs in self.reserved or rs + 1 in self.reserved:
                rs = self.rng.randrange(0, NWRITABLE, 2)
            rt = self.rng.randrange(0, NWRITABLE, 2)
            if self.rng.random() < 0.5:
                self.emit('ldp %s, %s, [x%d]' % (self.name(rs, x), self.name(rs + 1, x), b))
            self.emit('casp%s %s, %s, %s, %s, [x%d]' % (order, self.name(rs, x),
                                                        self.name(rs + 1, x),
                                                        self.name(rt, x), self.name(rt + 1, x), b))

    def g_prfm(self):
        self.emit('prfm pldl1keep, [x%d, #%d]' % (BASE, self.rng.randrange(512) * 8))

    def g_departure(self):
        """A known QEMU 7.2 departure (see DEPARTURES in the compare script).
        Either a misaligned load (Device memory with the MMU off, so the
        Arm ARM requires an Alignment fault; QEMU performs the access), its
        destination overwritten next; or DC ZVA (an Alignment fault on any
        Device memory; QEMU zeroes the block), the block then zeroed by
        stores so that memory compares."""
        if self.rng.random() < 0.3:
            b = self.wreg_nozr()
            off = self.rng.randrange(-32, 32) * 64
            if off >= 0:
                self.emit('add x%d, x%d, #%d' % (b, BASE, off))
            else:
                self.emit('sub x%d, x%d, #%d' % (b, BASE, -off))
            self.departures.append((len(self.lines), 'dc-zva-device-mmu-off'))
            self.emit('dc zva, x%d' % b)
            for k in range(4):
                self.emit('stp xzr, xzr, [x%d, #%d]' % (b, 16 * k))
            return
        mn, size, x = self.rng.choice([('ldrh', 2, False), ('ldr', 4, False),
                                       ('ldr', 8, True)])
        off = self.rng.randrange(-32, 31) * 8 + self.rng.randrange(1, size)
        rt = self.wreg_nozr()
        self.departures.append((len(self.lines), 'unaligned-device-mmu-off'))
        self.emit('%s %s, [x%d, #%d]' % (mn.replace('ldr', 'ldur'), self.name(rt, x),
                                         BASE, off))
        self.emit('movz x%d, #0x%x' % (rt, self.rng.getrandbits(16)))

    def g_loop(self):
        """A counted loop (2..4 times) around a few groups: translated code
        runs again, through chaining and the TB caches. The counter is
        reserved inside; every base register is set up again each time."""
        if self.reserved:
            return self.g_addsub_imm()
        c = self.wreg_nozr()
        self.emit('mov x%d, #%d' % (c, self.rng.randrange(2, 5)))
        start = len(self.lines)
        self.reserved = (c,)
        inner = [(g, w) for g, w in self.GENS if g not in ('loop', 'branch', 'indirect')]
        names = [g for g, _ in inner]
        weights = [w for _, w in inner]
        for _ in range(self.rng.randrange(2, 6)):
            getattr(self, 'g_' + self.rng.choices(names, weights)[0])()
        self.reserved = ()
        self.emit('sub x%d, x%d, #1' % (c, c))
        self.emit('cbnz x%d, d_b%d_i%d' % (c, self.index, start))

    GENS = [('addsub_imm', 6), ('logic_imm', 5), ('movewide', 4), ('bitfield', 5),
            ('extr', 2), ('addsub_shift', 6), ('addsub_ext', 4), ('logic_shift', 6),
            ('adc', 4), ('ccmp', 4), ('csel', 4), ('dp1', 4), ('dp2', 5), ('dp3', 5),
            ('adr', 1), ('flags', 2), ('branch', 3), ('ldst', 14), ('literal', 1),
            ('pair', 6), ('acqrel', 2), ('exclusive', 3), ('lse', 4), ('prfm', 1), ('loop', 2),
            ('indirect', 2), ('trap', 1), ('badaddr', 1)]

    def generate(self):
        names = [g for g, _ in self.GENS]
        weights = [w for _, w in self.GENS]
        departure_at = (self.rng.randrange(self.ninsns - 2)
                        if self.rng.random() < self.p_departure else -1)
        groups = []         # index of the first line of each group
        while len(self.lines) < self.ninsns:
            groups.append(len(self.lines))
            if departure_at >= 0 and len(self.lines) >= departure_at:
                departure_at = -1
                self.g_departure()
                continue
            getattr(self, 'g_' + self.rng.choices(names, weights)[0])()
        # Setup lines may overshoot by a few: the count is what it is.
        self.ninsns = len(self.lines)
        groups.append(self.ninsns)
        # Branch targets: the start of the group d groups after the branch's.
        fixed = []
        for k, line in enumerate(self.lines):
            if '@BR' in line:
                d = int(line.split('@BR')[1].split('@')[0])
                g = max(i for i, start in enumerate(groups) if start <= k)
                target = groups[min(g + 1 + d, len(groups) - 1)]
                line = line.replace('@BR%d@' % d, 'd_b%d_i%d' % (self.index, target))
            fixed.append(line)
        self.lines = fixed


def gens_for(classes, only):
    """The integer groups, plus the FP/SIMD classes asked for (weighted so
    that they make about half the instructions, or all with --only)."""
    base = [] if only else list(Block.GENS)
    if only:
        base = [('branch', 2), ('loop', 2), ('addsub_imm', 2), ('csel', 1)]
    total = sum(w for _, w in Block.GENS)
    extra = [fpsimd.CLASSES[c] for c in classes]
    if not extra:
        return base
    scale = max(1, total // sum(w for _, w in extra)) if not only else 4
    return base + [(g, w * scale) for g, w in extra]


def init_state(rng):
    regs = []
    for _ in range(NWRITABLE):
        v = rng.choice(INTERESTING) if rng.random() < 0.5 else rng.getrandbits(64)
        regs.append(v)
    return regs, rng.getrandbits(4) << 28


# Offsets of the saved state in the harness's out[] array (8-byte words):
# x0-x28, NZCV; with --fpsimd, V0-V31 from word 32 and FPSR, FPCR after.
OUT_NZCV = 29
OUT_V = 32
OUT_FPSR = OUT_V + 64
# and of the initial state in d_init<N>: x0-x27, x28, NZCV, FPCR, pad, V0-V31
INIT_FPCR = 30
INIT_V = 32


def emit_block(out, blk, regs, nzcv, fp):
    i = blk.index
    out.append('    .balign 4')
    out.append('d_blk%d:' % i)
    # Prologue: save callee-saved x19-x30, keep out pointer at [sp, #96].
    out.append('    sub sp, sp, #112')
    for r in range(19, 31, 2):
        out.append('    stp x%d, x%d, [sp, #%d]' % (r, r + 1, (r - 19) * 8))
    out.append('    str x0, [sp, #96]')
    out.append('    adrp x30, d_init%d' % i)
    out.append('    add x30, x30, :lo12:d_init%d' % i)
    out.append('    ldr x0, [x30, #%d]' % (8 * OUT_NZCV))
    out.append('    msr nzcv, x0')
    if fp:
        out.append('    ldr x0, [x30, #%d]' % (8 * INIT_FPCR))
        out.append('    msr fpcr, x0')
        out.append('    msr fpsr, xzr')
        for r in range(32):
            out.append('    ldr q%d, [x30, #%d]' % (r, 8 * INIT_V + 16 * r))
    out.append('    clrex')
    for r in range(0, 28, 2):
        out.append('    ldp x%d, x%d, [x30, #%d]' % (r, r + 1, 8 * r))
    out.append('    ldr x28, [x30, #%d]' % (8 * 28))
    out.append('d_body%d:' % i)
    for k, line in enumerate(blk.lines):
        out.append('d_b%d_i%d:' % (i, k))
        out.append('    ' + line)
    out.append('d_b%d_i%d:' % (i, blk.ninsns))
    out.append('d_end%d:' % i)
    out.append('    str x0, [sp, #104]')
    out.append('    ldr x0, [sp, #96]')
    for r in range(1, 29):
        out.append('    str x%d, [x0, #%d]' % (r, 8 * r))
    out.append('    mrs x1, nzcv')
    out.append('    str x1, [x0, #%d]' % (8 * OUT_NZCV))
    if fp:
        for r in range(32):
            out.append('    str q%d, [x0, #%d]' % (r, 8 * OUT_V + 16 * r))
        out.append('    mrs x1, fpsr')
        out.append('    str x1, [x0, #%d]' % (8 * OUT_FPSR))
        out.append('    mrs x1, fpcr')
        out.append('    str x1, [x0, #%d]' % (8 * OUT_FPSR + 8))
    out.append('    ldr x1, [sp, #104]')
    out.append('    str x1, [x0]')
    for r in range(19, 31, 2):
        out.append('    ldp x%d, x%d, [sp, #%d]' % (r, r + 1, (r - 19) * 8))
    out.append('    add sp, sp, #112')
    out.append('    ret')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--blocks', type=int, default=25)
    ap.add_argument('--insns', type=int, default=40)
    ap.add_argument('--departures', type=float, default=0.1,
                    help='chance that a block holds one known QEMU departure')
    ap.add_argument('--fpsimd', default='',
                    help='FP/SIMD classes to mix in, comma-separated, or "all": %s'
                    % ','.join(sorted(fpsimd.CLASSES)))
    ap.add_argument('--only', action='store_true',
                    help='with --fpsimd: blocks of mostly FP/SIMD instructions')
    ap.add_argument('-o', '--output', required=True)
    ap.add_argument('--meta')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    classes = sorted(fpsimd.CLASSES) if args.fpsimd == 'all' else \
        [c for c in args.fpsimd.split(',') if c]
    for c in classes:
        if c not in fpsimd.CLASSES:
            ap.error('unknown FP/SIMD class %r (have: %s)' % (c, ', '.join(sorted(fpsimd.CLASSES))))
    fp = bool(classes)
    gens = gens_for(classes, args.only) if fp else None

    out = ['/* Generated by scripts/a64-difftest-gen.py --seed %d --blocks %d '
           '--insns %d --departures %g; do not edit. */'
           % (args.seed, args.blocks, args.insns, args.departures),
           # armv8.6-a and the optional extensions: the assembler then
           # knows every encoding the FP/SIMD classes emit.
           ('    .arch armv8.6-a+crc+fp+simd+sha3+sm4+fp16+fp16fml+rcpc'
            if fp else '    .arch armv8.1-a+crc'), '    .text']
    data = ['    .section .rodata', '    .balign 16']
    meta = {'seed': args.seed, 'fpsimd': classes, 'blocks': []}
    for i in range(args.blocks):
        blk = Block(rng, i, args.insns, args.departures, gens)
        blk.generate()
        regs, nzcv = init_state(rng)
        emit_block(out, blk, regs, nzcv, fp)
        data.append('    .balign 16')
        data.append('d_init%d:' % i)
        for v in regs:
            data.append('    .quad 0x%x' % v)
        data.append('    .quad scratch + %d' % SCRATCH_HALF)
        data.append('    .quad 0x%x' % nzcv)
        if fp:
            data.append('    .quad 0x%x, 0' % fpsimd.fpcr_init(rng))
            for _ in range(32):
                data.append('    .quad 0x%x, 0x%x' % fpsimd.vinit(rng))
        meta['blocks'].append({'insns': blk.lines, 'departures': blk.departures,
                               'init': ['0x%x' % v for v in regs], 'nzcv': nzcv >> 28,
                               'fill_seed': rng.getrandbits(32)})
    # The table harness.c walks: { code, body, end, fill seed } per block.
    data.append('    .balign 8')
    data.append('    .global difftest_blocks')
    data.append('difftest_blocks:')
    for i, b in enumerate(meta['blocks']):
        data.append('    .quad d_blk%d, d_body%d, d_end%d, 0x%x'
                    % (i, i, i, b['fill_seed']))
    data.append('    .global difftest_fpsimd')
    data.append('difftest_fpsimd:')
    data.append('    .quad %d' % (1 if fp else 0))
    data.append('    .global difftest_nblocks')
    data.append('difftest_nblocks:')
    data.append('    .quad %d' % args.blocks)
    with open(args.output, 'w') as f:
        f.write('\n'.join(out + data) + '\n')
    if args.meta:
        with open(args.meta, 'w') as f:
            json.dump(meta, f, indent=0)


main()
