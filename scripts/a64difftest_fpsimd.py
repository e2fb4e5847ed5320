#
# a64difftest_fpsimd.py - the FP/SIMD instruction groups of the A64
# differential tester (scripts/a64-difftest-gen.py --fpsimd CLASSES).
#
# Each group emits one or a few instructions in GNU as syntax with operands
# chosen at random among V0-V31 (and general registers where the form has
# them), element arrangements that the encoding allows, and immediates in
# range. Blocks generated with --fpsimd start from random V registers
# (lanes of interesting FP bit patterns: NaNs, infinities, zeros,
# denormals, the edges of the integer conversions) and a random FPCR
# (rounding mode, FZ, DN, AHP); the harness prints V0-V31, FPSR and FPCR
# after the block, so every lane and every cumulative flag is compared.
#
# Classes (docs/devel/a64-difftest.md): fp (scalar FP), fpconv (FP/integer
# and FP/FP conversions, scalar and vector), vfp (AdvSIMD FP arithmetic),
# vint (AdvSIMD integer), vmove (copies, immediates, permutes, tables),
# vldst (SIMD&FP loads and stores), iext (the optional integer extensions
# of ARMv8.1-8.5: FlagM, FlagM2, LRCPC, LRCPC2, SB, DIT, SSBS), vext (the
# optional AdvSIMD extensions: RDM, DotProd, I8MM, SHA512, SHA3), fpext
# (FEAT_JSCVT's FJCVTZS, FEAT_FRINTTS, FEAT_FCMA).

F32 = [0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
       0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0xff812345, 0x00000001,
       0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x4f000000, 0xcf000000,
       0x5f000000, 0xdf000000, 0x3f000000, 0x3fc00000, 0x40490fdb, 0x4effffff,
       0x4f800000, 0xbf000000, 0x3effffff, 0x4b000001, 0x34000000, 0x3f7fffff]
F64 = [0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000,
       0xbff0000000000000, 0x7ff0000000000000, 0xfff0000000000000,
       0x7ff8000000000000, 0xfff8000000000000, 0x7ff0000000000001,
       0x7ff4000000000000, 0x0000000000000001, 0x800fffffffffffff,
       0x0010000000000000, 0x7fefffffffffffff, 0x43e0000000000000,
       0xc3e0000000000000, 0x41e0000000000000, 0xc1e0000000000000,
       0x41dfffffffc00000, 0x3fe0000000000000, 0x3ff8000000000000,
       0x400921fb54442d18, 0x47efffffe0000000, 0x3810000000000000,
       0x36a0000000000000, 0x3fefffffffffffff, 0x4330000000000001]
F16 = [0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x7d00, 0x0001,
       0x03ff, 0x0400, 0x7bff, 0x3800, 0x3e00, 0xfe01]
INTS = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
        0xffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffffffffffff]


def vinit(rng):
    """One random 128-bit register value as (lo, hi)."""
    k = rng.random()
    if k < 0.25:
        lanes = [rng.choice(F32) if rng.random() < 0.7 else rng.getrandbits(32)
                 for _ in range(4)]
        v = sum(x << (32 * i) for i, x in enumerate(lanes))
    elif k < 0.5:
        lanes = [rng.choice(F64) if rng.random() < 0.7 else rng.getrandbits(64)
                 for _ in range(2)]
        v = sum(x << (64 * i) for i, x in enumerate(lanes))
    elif k < 0.6:
        lanes = [rng.choice(F16) for _ in range(8)]
        v = sum(x << (16 * i) for i, x in enumerate(lanes))
    elif k < 0.75:
        size = rng.choice([8, 16, 32, 64])
        mask = (1 << size) - 1
        lanes = [(rng.choice(INTS) & mask) if rng.random() < 0.6 else rng.getrandbits(size)
                 for _ in range(128 // size)]
        v = sum(x << (size * i) for i, x in enumerate(lanes))
    else:
        v = rng.getrandbits(128)
    return v & ((1 << 64) - 1), v >> 64


def fpcr_init(rng):
    if rng.random() < 0.4:
        return 0
    v = rng.randrange(4) << 22          # RMode
    if rng.random() < 0.3:
        v |= 1 << 24                    # FZ
    if rng.random() < 0.3:
        v |= 1 << 25                    # DN
    if rng.random() < 0.2:
        v |= 1 << 26                    # AHP
    return v


def fpimm(rng):
    """An FMOV immediate: +-(16..31)/16 * 2^(-3..4)."""
    m = rng.randrange(16, 32)
    e = rng.randrange(-3, 5)
    v = m / 16.0 * (2.0 ** e)
    return ('-' if rng.random() < 0.3 else '') + repr(v)


def V(r):
    return 'v%d' % r


class FPSIMDGroups:
    """Mixed into the generator's Block: self.rng, self.emit, self.wreg..."""

    def vreg(self):
        return self.rng.randrange(32)

    def vdn(self, arr, n=2):
        return ', '.join('v%d.%s' % (self.vreg(), arr) for _ in range(n))

    def sreg(self, t):
        return '%s%d' % (t, self.vreg())

    # ---- scalar FP ------------------------------------------------------
    def g_fp(self):
        rng = self.rng
        t = rng.choice('sd')
        k = rng.random()
        if k < 0.3:
            op = rng.choice(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin',
                             'fmaxnm', 'fminnm', 'fnmul'])
            self.emit('%s %s, %s, %s' % (op, self.sreg(t), self.sreg(t), self.sreg(t)))
        elif k < 0.45:
            op = rng.choice(['fmov', 'fabs', 'fneg', 'fsqrt', 'frintn', 'frintp',
                             'frintm', 'frintz', 'frinta', 'frintx', 'frinti'])
            self.emit('%s %s, %s' % (op, self.sreg(t), self.sreg(t)))
        elif k < 0.6:
            op = rng.choice(['fmadd', 'fmsub', 'fnmadd', 'fnmsub'])
            self.emit('%s %s, %s, %s, %s' % (op, self.sreg(t), self.sreg(t),
                                             self.sreg(t), self.sreg(t)))
        elif k < 0.72:
            op = rng.choice(['fcmp', 'fcmpe'])
            rhs = '#0.0' if rng.random() < 0.2 else self.sreg(t)
            self.emit('%s %s, %s' % (op, self.sreg(t), rhs))
        elif k < 0.82:
            op = rng.choice(['fccmp', 'fccmpe'])
            self.emit('%s %s, %s, #%d, %s' % (op, self.sreg(t), self.sreg(t),
                                              rng.randrange(16), rng.choice(CONDS)))
        elif k < 0.92:
            self.emit('fcsel %s, %s, %s, %s' % (self.sreg(t), self.sreg(t),
                                                self.sreg(t), rng.choice(CONDS)))
        else:
            self.emit('fmov %s, #%s' % (self.sreg(t), fpimm(rng)))

    # ---- conversions ------------------------------------------------------
    def g_fpconv(self):
        rng = self.rng
        k = rng.random()
        if k < 0.15:
            a, b = rng.choice([('s', 'd'), ('d', 's'), ('h', 's'), ('s', 'h'),
                               ('h', 'd'), ('d', 'h')])
            self.emit('fcvt %s, %s' % (self.sreg(a), self.sreg(b)))
        elif k < 0.35:
            t = rng.choice('sd')
            sf = rng.random() < 0.5
            op = rng.choice(['fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtnu', 'fcvtps',
                             'fcvtpu', 'fcvtms', 'fcvtmu', 'fcvtas', 'fcvtau'])
            fb = ''
            if op.startswith('fcvtz') and rng.random() < 0.3:
                fb = ', #%d' % rng.randrange(1, 65 if sf else 33)
            self.emit('%s %s, %s%s' % (op, self.name(self.wreg(), sf), self.sreg(t), fb))
        elif k < 0.5:
            t = rng.choice('sd')
            sf = rng.random() < 0.5
            op = rng.choice(['scvtf', 'ucvtf'])
            fb = ''
            if rng.random() < 0.3:
                fb = ', #%d' % rng.randrange(1, 65 if sf else 33)
            self.emit('%s %s, %s%s' % (op, self.sreg(t), self.name(self.rreg(), sf), fb))
        elif k < 0.58:
            form = rng.choice([('w', 's'), ('x', 'd')])
            if rng.random() < 0.5:
                self.emit('fmov %s%d, %s' % (form[0], self.wreg_nozr(), self.sreg(form[1])))
            else:
                r = self.rreg()
                self.emit('fmov %s, %s' % (self.sreg(form[1]), self.name(r, form[0] == 'x')))
        elif k < 0.66:
            op = rng.choice(['fcvtl', 'fcvtl2', 'fcvtn', 'fcvtn2'])
            wide, narrow = rng.choice([('4s', '4h'), ('2d', '2s')])
            if op.endswith('2'):
                narrow = {'4h': '8h', '2s': '4s'}[narrow]
            if op.startswith('fcvtl'):
                self.emit('%s v%d.%s, v%d.%s' % (op, self.vreg(), wide, self.vreg(), narrow))
            else:
                self.emit('%s v%d.%s, v%d.%s' % (op, self.vreg(), narrow, self.vreg(), wide))
        elif k < 0.7:
            op = rng.choice(['fcvtxn', 'fcvtxn2'])
            self.emit('%s v%d.%s, v%d.2d' % (op, self.vreg(), '4s' if op.endswith('2') else '2s',
                                             self.vreg()))
        elif k < 0.85:
            op = rng.choice(['frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx',
                             'frinti', 'fcvtzs', 'fcvtzu', 'fcvtns', 'fcvtnu', 'fcvtps',
                             'fcvtpu', 'fcvtms', 'fcvtmu', 'fcvtas', 'fcvtau', 'scvtf',
                             'ucvtf'])
            if rng.random() < 0.7:
                arr = rng.choice(['2s', '4s', '2d'])
                self.emit('%s %s' % (op, self.vdn(arr)))
            elif not op.startswith('frint'):
                t = rng.choice('sd')
                self.emit('%s %s, %s' % (op, self.sreg(t), self.sreg(t)))
            else:
                self.emit('%s %s' % (op, self.vdn('4s')))
        else:
            op = rng.choice(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])
            if rng.random() < 0.6:
                arr = rng.choice(['2s', '4s', '2d'])
                w = 64 if arr == '2d' else 32
                self.emit('%s %s, #%d' % (op, self.vdn(arr), rng.randrange(1, w + 1)))
            else:
                t = rng.choice('sd')
                w = 64 if t == 'd' else 32
                self.emit('%s %s, %s, #%d' % (op, self.sreg(t), self.sreg(t),
                                              rng.randrange(1, w + 1)))

    # ---- AdvSIMD floating point -------------------------------------------
    def g_vfp(self):
        rng = self.rng
        k = rng.random()
        arr = rng.choice(['2s', '4s', '2d'])
        if k < 0.4:
            op = rng.choice(['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm',
                             'fminnm', 'fmla', 'fmls', 'fabd', 'fmulx', 'frecps',
                             'frsqrts', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt',
                             'faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'])
            self.emit('%s %s' % (op, self.vdn(arr, 3)))
        elif k < 0.55:
            op = rng.choice(['fabs', 'fneg', 'fsqrt', 'frecpe', 'frsqrte'])
            self.emit('%s %s' % (op, self.vdn(arr)))
        elif k < 0.6:
            op = rng.choice(['urecpe', 'ursqrte'])
            self.emit('%s %s' % (op, self.vdn(rng.choice(['2s', '4s']))))
        elif k < 0.68:
            op = rng.choice(['fcmeq', 'fcmge', 'fcmgt', 'fcmle', 'fcmlt'])
            self.emit('%s %s, #0.0' % (op, self.vdn(arr)))
        elif k < 0.74:
            op = rng.choice(['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv'])
            self.emit('%s %s, v%d.4s' % (op, self.sreg('s'), self.vreg()))
        elif k < 0.84:
            op = rng.choice(['fmul', 'fmla', 'fmls', 'fmulx'])
            if rng.random() < 0.7:
                es = 's' if arr != '2d' else 'd'
                idx = rng.randrange(4 if es == 's' else 2)
                self.emit('%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, self.vreg(), arr, self.vreg(),
                                                             arr, self.vreg(), es, idx))
            else:
                t = rng.choice('sd')
                idx = rng.randrange(4 if t == 's' else 2)
                self.emit('%s %s, %s, v%d.%s[%d]' % (op, self.sreg(t), self.sreg(t),
                                                     self.vreg(), t, idx))
        elif k < 0.9:
            op = rng.choice(['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp'])
            t = rng.choice('sd')
            self.emit('%s %s, v%d.%s' % (op, self.sreg(t), self.vreg(), '2s' if t == 's' else '2d'))
        else:
            t = rng.choice('sd')
            if rng.random() < 0.5:
                op = rng.choice(['fabd', 'fmulx', 'frecps', 'frsqrts', 'fcmeq', 'fcmge',
                                 'fcmgt', 'facge', 'facgt'])
                self.emit('%s %s, %s, %s' % (op, self.sreg(t), self.sreg(t), self.sreg(t)))
            else:
                op = rng.choice(['frecpe', 'frsqrte', 'frecpx'])
                self.emit('%s %s, %s' % (op, self.sreg(t), self.sreg(t)))

    # ---- AdvSIMD integer ---------------------------------------------------
    def g_vint(self):
        rng = self.rng
        k = rng.random()
        arr = rng.choice(['8b', '16b', '4h', '8h', '2s', '4s', '2d'])
        no2d = arr if arr != '2d' else '4s'
        bytes_ = rng.choice(['8b', '16b'])
        if k < 0.3:
            op = rng.choice(['add', 'sub', 'cmeq', 'cmgt', 'cmge', 'cmhi', 'cmhs', 'cmtst',
                             'sqadd', 'uqadd', 'sqsub', 'uqsub', 'sshl', 'ushl', 'sqshl',
                             'uqshl', 'srshl', 'urshl', 'sqrshl', 'uqrshl', 'addp'])
            self.emit('%s %s' % (op, self.vdn(arr, 3)))
        elif k < 0.42:
            op = rng.choice(['mul', 'mla', 'mls', 'shadd', 'uhadd', 'srhadd', 'urhadd',
                             'shsub', 'uhsub', 'smax', 'umax', 'smin', 'umin', 'sabd',
                             'uabd', 'saba', 'uaba', 'smaxp', 'umaxp', 'sminp', 'uminp'])
            self.emit('%s %s' % (op, self.vdn(no2d, 3)))
        elif k < 0.46:
            op = rng.choice(['sqdmulh', 'sqrdmulh'])
            self.emit('%s %s' % (op, self.vdn(rng.choice(['4h', '8h', '2s', '4s']), 3)))
        elif k < 0.5:
            op = rng.choice(['and', 'bic', 'orr', 'orn', 'eor', 'bsl', 'bit', 'bif', 'pmul'])
            self.emit('%s %s' % (op, self.vdn(bytes_, 3)))
        elif k < 0.6:
            # three different: long, wide, narrow-high
            nar, wide = rng.choice([('8b', '8h'), ('4h', '4s'), ('2s', '2d')])
            two = rng.random() < 0.5
            if two:
                nar = {'8b': '16b', '4h': '8h', '2s': '4s'}[nar]
            kind = rng.random()
            sfx = '2' if two else ''
            if kind < 0.5:
                op = rng.choice(['saddl', 'uaddl', 'ssubl', 'usubl', 'sabal', 'uabal',
                                 'sabdl', 'uabdl', 'smlal', 'umlal', 'smlsl', 'umlsl',
                                 'smull', 'umull'])
                if wide != '2d' and nar not in ('8b', '16b') and rng.random() < 0.3:
                    op = rng.choice(['sqdmlal', 'sqdmlsl', 'sqdmull'])
                if nar in ('8b', '16b') and rng.random() < 0.2:
                    op = 'pmull'
                self.emit('%s%s v%d.%s, v%d.%s, v%d.%s' % (op, sfx, self.vreg(), wide,
                                                         self.vreg(), nar, self.vreg(), nar))
            elif kind < 0.75:
                op = rng.choice(['saddw', 'uaddw', 'ssubw', 'usubw'])
                self.emit('%s%s v%d.%s, v%d.%s, v%d.%s' % (op, sfx, self.vreg(), wide,
                                                         self.vreg(), wide, self.vreg(), nar))
            else:
                op = rng.choice(['addhn', 'raddhn', 'subhn', 'rsubhn'])
                self.emit('%s%s v%d.%s, v%d.%s, v%d.%s' % (op, sfx, self.vreg(), nar,
                                                         self.vreg(), wide, self.vreg(), wide))
        elif k < 0.72:
            x = rng.random()
            if x < 0.4:
                op = rng.choice(['abs', 'neg', 'sqabs', 'sqneg', 'suqadd', 'usqadd',
                                 'cmgt', 'cmeq', 'cmlt', 'cmge', 'cmle'])
                zero = ', #0' if op.startswith('cm') else ''
                self.emit('%s %s%s' % (op, self.vdn(arr), zero))
            elif x < 0.6:
                op = rng.choice(['cls', 'clz'])
                self.emit('%s %s' % (op, self.vdn(no2d)))
            elif x < 0.7:
                op = rng.choice(['cnt', 'not', 'rbit', 'rev16'])
                self.emit('%s %s' % (op, self.vdn(bytes_)))
            elif x < 0.8:
                op, arrs = rng.choice([('rev32', ['8b', '16b', '4h', '8h']),
                                       ('rev64', ['8b', '16b', '4h', '8h', '2s', '4s'])])
                self.emit('%s %s' % (op, self.vdn(rng.choice(arrs))))
            elif x < 0.9:
                op = rng.choice(['saddlp', 'uaddlp', 'sadalp', 'uadalp'])
                src, dst = rng.choice([('8b', '4h'), ('16b', '8h'), ('4h', '2s'),
                                       ('8h', '4s'), ('2s', '1d'), ('4s', '2d')])
                self.emit('%s v%d.%s, v%d.%s' % (op, self.vreg(), dst, self.vreg(), src))
            else:
                op = rng.choice(['xtn', 'sqxtn', 'uqxtn', 'sqxtun', 'shll'])
                nar, wide = rng.choice([('8b', '8h'), ('4h', '4s'), ('2s', '2d')])
                two = rng.random() < 0.5
                if two:
                    nar = {'8b': '16b', '4h': '8h', '2s': '4s'}[nar]
                if op == 'shll':
                    sh = {'8b': 8, '16b': 8, '4h': 16, '8h': 16, '2s': 32, '4s': 32}[nar]
                    self.emit('shll%s v%d.%s, v%d.%s, #%d' % ('2' if two else '', self.vreg(),
                                                             wide, self.vreg(), nar, sh))
                else:
                    self.emit('%s%s v%d.%s, v%d.%s' % (op, '2' if two else '', self.vreg(),
                                                     nar, self.vreg(), wide))
        elif k < 0.78:
            op = rng.choice(['addv', 'smaxv', 'umaxv', 'sminv', 'uminv', 'saddlv', 'uaddlv'])
            src, dst = rng.choice([('8b', 'b'), ('16b', 'b'), ('4h', 'h'), ('8h', 'h'),
                                   ('4s', 's')])
            if op.endswith('lv'):
                dst = {'b': 'h', 'h': 's', 's': 'd'}[dst]
            self.emit('%s %s, v%d.%s' % (op, self.sreg(dst), self.vreg(), src))
        elif k < 0.9:
            # shift by immediate
            esz = {'8b': 8, '16b': 8, '4h': 16, '8h': 16, '2s': 32, '4s': 32, '2d': 64}[arr]
            x = rng.random()
            if x < 0.5:
                op = rng.choice(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'srsra',
                                 'ursra', 'sri'])
                self.emit('%s %s, #%d' % (op, self.vdn(arr), rng.randrange(1, esz + 1)))
            elif x < 0.75:
                op = rng.choice(['shl', 'sli', 'sqshl', 'uqshl', 'sqshlu'])
                self.emit('%s %s, #%d' % (op, self.vdn(arr), rng.randrange(esz)))
            else:
                nar, wide = rng.choice([('8b', '8h'), ('4h', '4s'), ('2s', '2d')])
                two = rng.random() < 0.5
                w = {'8b': 8, '4h': 16, '2s': 32}[nar]
                if two:
                    nar = {'8b': '16b', '4h': '8h', '2s': '4s'}[nar]
                sfx = '2' if two else ''
                if rng.random() < 0.6:
                    op = rng.choice(['shrn', 'rshrn', 'sqshrn', 'sqrshrn', 'uqshrn', 'uqrshrn',
                                     'sqshrun', 'sqrshrun'])
                    self.emit('%s%s v%d.%s, v%d.%s, #%d' % (op, sfx, self.vreg(), nar, self.vreg(),
                                                          wide, rng.randrange(1, w + 1)))
                else:
                    op = rng.choice(['sshll', 'ushll'])
                    self.emit('%s%s v%d.%s, v%d.%s, #%d' % (op, sfx, self.vreg(), wide, self.vreg(),
                                                          nar, rng.randrange(w)))
        elif k < 0.95:
            # by element (Vm is v0-v15 for H elements)
            if rng.random() < 0.6:
                op = rng.choice(['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh'])
                a = rng.choice(['4h', '8h', '2s', '4s'])
                es = a[-1]
                m = rng.randrange(16) if es == 'h' else self.vreg()
                idx = rng.randrange(8 if es == 'h' else 4)
                self.emit('%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, self.vreg(), a, self.vreg(), a,
                                                             m, es, idx))
            else:
                op = rng.choice(['smull', 'umull', 'smlal', 'umlal', 'smlsl', 'umlsl',
                                 'sqdmull', 'sqdmlal', 'sqdmlsl'])
                nar, wide = rng.choice([('4h', '4s'), ('2s', '2d')])
                two = rng.random() < 0.5
                if two:
                    nar = {'4h': '8h', '2s': '4s'}[nar]
                es = nar[-1]
                m = rng.randrange(16) if es == 'h' else self.vreg()
                idx = rng.randrange(8 if es == 'h' else 4)
                self.emit('%s%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, '2' if two else '',
                                                              self.vreg(), wide, self.vreg(),
                                                              nar, m, es, idx))
        else:
            # scalar forms
            x = rng.random()
            t = rng.choice('bhsd')
            if x < 0.3:
                op = rng.choice(['sqadd', 'uqadd', 'sqsub', 'uqsub', 'sqshl', 'uqshl',
                                 'sqrshl', 'uqrshl'])
                self.emit('%s %s, %s, %s' % (op, self.sreg(t), self.sreg(t), self.sreg(t)))
            elif x < 0.5:
                op = rng.choice(['add', 'sub', 'cmeq', 'cmgt', 'cmge', 'cmhi', 'cmhs',
                                 'cmtst', 'sshl', 'ushl', 'srshl', 'urshl'])
                self.emit('%s %s, %s, %s' % (op, self.sreg('d'), self.sreg('d'), self.sreg('d')))
            elif x < 0.6:
                op = rng.choice(['abs', 'neg'])
                self.emit('%s %s, %s' % (op, self.sreg('d'), self.sreg('d')))
            elif x < 0.7:
                op = rng.choice(['sqabs', 'sqneg', 'suqadd', 'usqadd'])
                self.emit('%s %s, %s' % (op, self.sreg(t), self.sreg(t)))
            elif x < 0.8:
                self.emit('addp %s, v%d.2d' % (self.sreg('d'), self.vreg()))
            elif x < 0.9:
                op = rng.choice(['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'shl', 'sli',
                                 'sri'])
                n = rng.randrange(64) if op in ('shl', 'sli') else rng.randrange(1, 65)
                self.emit('%s %s, %s, #%d' % (op, self.sreg('d'), self.sreg('d'), n))
            else:
                op = rng.choice(['sqxtn', 'uqxtn', 'sqxtun'])
                nar, wide = rng.choice([('b', 'h'), ('h', 's'), ('s', 'd')])
                self.emit('%s %s, %s' % (op, self.sreg(nar), self.sreg(wide)))

    # ---- AdvSIMD data movement --------------------------------------------
    def g_vmove(self):
        rng = self.rng
        k = rng.random()
        es = rng.choice('bhsd')
        nel = {'b': 16, 'h': 8, 's': 4, 'd': 2}[es]
        if k < 0.15:
            arr = rng.choice({'b': ['8b', '16b'], 'h': ['4h', '8h'], 's': ['2s', '4s'],
                              'd': ['2d']}[es])
            if rng.random() < 0.5:
                self.emit('dup v%d.%s, v%d.%s[%d]' % (self.vreg(), arr, self.vreg(), es,
                                                      rng.randrange(nel)))
            else:
                self.emit('dup v%d.%s, %s' % (self.vreg(), arr,
                                              self.name(self.rreg(), es == 'd')))
        elif k < 0.3:
            if rng.random() < 0.5:
                self.emit('ins v%d.%s[%d], v%d.%s[%d]' % (self.vreg(), es, rng.randrange(nel),
                                                          self.vreg(), es, rng.randrange(nel)))
            else:
                self.emit('ins v%d.%s[%d], %s' % (self.vreg(), es, rng.randrange(nel),
                                                  self.name(self.rreg(), es == 'd')))
        elif k < 0.4:
            if es in 'bh' and rng.random() < 0.5:
                self.emit('smov %s, v%d.%s[%d]' % (self.name(self.wreg_nozr(), rng.random() < 0.5),
                                                   self.vreg(), es, rng.randrange(nel)))
            elif es == 's' and rng.random() < 0.5:
                self.emit('smov x%d, v%d.s[%d]' % (self.wreg_nozr(), self.vreg(),
                                                   rng.randrange(4)))
            else:
                self.emit('umov %s, v%d.%s[%d]' % (self.name(self.wreg_nozr(), es == 'd'),
                                                   self.vreg(), es, rng.randrange(nel)))
        elif k < 0.55:
            x = rng.random()
            if x < 0.3:
                arr = rng.choice(['8b', '16b'])
                self.emit('movi v%d.%s, #0x%x' % (self.vreg(), arr, rng.getrandbits(8)))
            elif x < 0.5:
                op = rng.choice(['movi', 'mvni', 'orr', 'bic'])
                arr = rng.choice(['4h', '8h', '2s', '4s'])
                sh = rng.choice([0, 8]) if arr[-1] == 'h' else rng.choice([0, 8, 16, 24])
                self.emit('%s v%d.%s, #0x%x, lsl #%d' % (op, self.vreg(), arr,
                                                         rng.getrandbits(8), sh))
            elif x < 0.6:
                op = rng.choice(['movi', 'mvni'])
                self.emit('%s v%d.%s, #0x%x, msl #%d' % (op, self.vreg(), rng.choice(['2s', '4s']),
                                                         rng.getrandbits(8), rng.choice([8, 16])))
            elif x < 0.75:
                v = 0
                for i in range(8):
                    if rng.random() < 0.5:
                        v |= 0xff << (8 * i)
                if rng.random() < 0.5:
                    self.emit('movi v%d.2d, #0x%x' % (self.vreg(), v))
                else:
                    self.emit('movi d%d, #0x%x' % (self.vreg(), v))
            else:
                arr = rng.choice(['2s', '4s', '2d'])
                self.emit('fmov v%d.%s, #%s' % (self.vreg(), arr, fpimm(rng)))
        elif k < 0.75:
            op = rng.choice(['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2'])
            arr = rng.choice(['8b', '16b', '4h', '8h', '2s', '4s', '2d'])
            self.emit('%s %s' % (op, self.vdn(arr, 3)))
        elif k < 0.85:
            q = rng.random() < 0.5
            self.emit('ext %s, #%d' % (self.vdn('16b' if q else '8b', 3),
                                       rng.randrange(16 if q else 8)))
        elif k < 0.95:
            op = rng.choice(['tbl', 'tbx'])
            n = rng.randrange(1, 5)
            first = self.vreg()
            regs = ', '.join('v%d.16b' % ((first + i) % 32) for i in range(n))
            arr = rng.choice(['8b', '16b'])
            self.emit('%s v%d.%s, {%s}, v%d.%s' % (op, self.vreg(), arr, regs, self.vreg(), arr))
        else:
            self.emit('mov %s, v%d.%s[%d]' % (self.sreg(es), self.vreg(), es, rng.randrange(nel)))

    # ---- SIMD&FP loads and stores -----------------------------------------
    def g_vldst(self):
        rng = self.rng
        k = rng.random()
        t = rng.choice('bhsdq')
        size = {'b': 1, 'h': 2, 's': 4, 'd': 8, 'q': 16}[t]
        load = rng.random() < 0.5
        if k < 0.35:
            op = 'ldr' if load else 'str'
            x = rng.random()
            if x < 0.4:
                self.emit('%s %s, [x%d, #%d]' % (op, self.sreg(t), BASE,
                                                 rng.randrange(0, 256) * size))
            elif x < 0.55:
                self.emit('%s %s, [x%d, #%d]' % (op.replace('r', 'ur', 1), self.sreg(t), BASE,
                                                 rng.randrange(-16, 16) * size))
            elif x < 0.8:
                b = self.set_base()
                wb = rng.choice(['[x%d, #%d]!', '[x%d], #%d'])
                self.emit('%s %s, %s' % (op, self.sreg(t), wb % (b, rng.randrange(-16, 16) * size)))
            else:
                b = self.wreg_nozr()
                ext = rng.choice(['lsl', 'sxtw', 'sxtx'])
                amt = rng.choice([0, {1: 0, 2: 1, 4: 2, 8: 3, 16: 4}[size]])
                # the scaled index keeps the access aligned (Device memory)
                self.emit('mov x%d, #%d' % (b, rng.randrange(-32, 32) * (size >> amt)))
                rm = self.name(b, ext != 'sxtw')
                self.emit('%s %s, [x%d, %s, %s #%d]' % (op, self.sreg(t), BASE, rm, ext, amt))
        elif k < 0.5:
            t = rng.choice('sdq')
            size = {'s': 4, 'd': 8, 'q': 16}[t]
            op = rng.choice(['ldp', 'ldnp'] if load else ['stp', 'stnp'])
            r1 = self.vreg()
            r2 = self.vreg()
            while load and r2 == r1:
                r2 = self.vreg()
            if op in ('ldp', 'stp') and rng.random() < 0.4:
                b = self.set_base()
                wb = rng.choice(['[x%d, #%d]!', '[x%d], #%d'])
                self.emit('%s %s%d, %s%d, %s' % (op, t, r1, t, r2,
                                                 wb % (b, rng.randrange(-16, 16) * size)))
            else:
                self.emit('%s %s%d, %s%d, [x%d, #%d]' % (op, t, r1, t, r2, BASE,
                                                         rng.randrange(-16, 16) * size))
        elif k < 0.75:
            n = rng.randrange(1, 5)
            op = ('ld%d' if load else 'st%d') % n
            if op in ('ld1', 'st1'):
                cnt = rng.randrange(1, 5)
            else:
                cnt = n
            arr = rng.choice(['8b', '16b', '4h', '8h', '2s', '4s', '2d'] if n > 1 or cnt > 0
                             else ['1d'])
            if n == 1 and rng.random() < 0.1:
                arr = '1d'
            first = self.vreg()
            regs = ', '.join('v%d.%s' % ((first + i) % 32, arr) for i in range(cnt))
            nbytes = cnt * (16 if arr in ('16b', '8h', '4s', '2d') else 8)
            esz = {'8b': 1, '16b': 1, '4h': 2, '8h': 2, '2s': 4, '4s': 4, '2d': 8, '1d': 8}[arr]
            b = self.set_base()
            if rng.random() < 0.5:
                self.emit('%s {%s}, [x%d]' % (op, regs, b))
            elif rng.random() < 0.5:
                self.emit('%s {%s}, [x%d], #%d' % (op, regs, b, nbytes))
            else:
                m = self.wreg_nozr((b,))
                self.emit('mov x%d, #%d' % (m, rng.randrange(-8, 8) * esz))
                self.emit('%s {%s}, [x%d], x%d' % (op, regs, b, m))
        else:
            n = rng.randrange(1, 5)
            es = rng.choice('bhsd')
            esz = {'b': 1, 'h': 2, 's': 4, 'd': 8}[es]
            nel = 16 // esz
            first = self.vreg()
            b = self.set_base()
            if load and rng.random() < 0.4:
                arr = rng.choice({'b': ['8b', '16b'], 'h': ['4h', '8h'], 's': ['2s', '4s'],
                                  'd': ['1d', '2d']}[es])
                regs = ', '.join('v%d.%s' % ((first + i) % 32, arr) for i in range(n))
                post = ', #%d' % (n * esz) if rng.random() < 0.4 else ''
                self.emit('ld%dr {%s}, [x%d]%s' % (n, regs, b, post))
            else:
                regs = ', '.join('v%d.%s' % ((first + i) % 32, es) for i in range(n))
                post = ', #%d' % (n * esz) if rng.random() < 0.4 else ''
                self.emit('%s%d {%s}[%d], [x%d]%s' % ('ld' if load else 'st', n, regs,
                                                      rng.randrange(nel), b, post))


    # ---- optional integer extensions (ARMv8.1-8.5) ------------------------
    def g_iext(self):
        """FEAT_FlagM/FlagM2, LRCPC/LRCPC2, SB, DIT, SSBS (PSTATE bits are
        read back with MRS so that the comparison sees them)."""
        rng = self.rng
        k = rng.random()
        if k < 0.15:
            self.emit(rng.choice(['cfinv', 'xaflag', 'axflag']))
        elif k < 0.3:
            self.emit('rmif x%d, #%d, #%d' % (self.rreg() % 31, rng.randrange(64),
                                              rng.randrange(16)))
        elif k < 0.4:
            self.emit('%s w%d' % (rng.choice(['setf8', 'setf16']), self.rreg() % 31))
        elif k < 0.55:
            b = self.set_base()
            sz = rng.choice(['b', 'h', '', 'x'])
            self.emit('ldapr%s %s' % ('' if sz == 'x' else sz,
                                      '%s, [x%d]' % (self.name(self.wreg(), sz == 'x'), b)))
        elif k < 0.8:
            size, mn, x = rng.choice([
                (1, 'ldapurb', False), (2, 'ldapurh', False), (4, 'ldapur', False),
                (8, 'ldapur', True), (1, 'ldapursb', False), (1, 'ldapursb', True),
                (2, 'ldapursh', False), (2, 'ldapursh', True), (4, 'ldapursw', True),
                (1, 'stlurb', False), (2, 'stlurh', False), (4, 'stlur', False),
                (8, 'stlur', True)])
            off = rng.randrange(-256 // size, 256 // size) * size
            rt = self.wreg() if mn.startswith('ld') else self.rreg() % 31
            self.emit('%s %s, [x%d, #%d]' % (mn, self.name(rt, x), BASE, off))
        elif k < 0.85:
            self.emit('sb')
        else:
            reg = rng.choice(['dit', 'ssbs'])
            if rng.random() < 0.5:
                self.emit('msr %s, #%d' % (reg, rng.randrange(2)))
            else:
                self.emit('msr %s, x%d' % (reg, self.rreg() % 31))
            self.emit('mrs x%d, %s' % (self.wreg_nozr(), reg))


    # ---- optional AdvSIMD extensions (ARMv8.1-8.6) --------------------------
    def g_vext(self):
        """FEAT_RDM, DotProd, I8MM, SHA512, SHA3."""
        rng = self.rng
        k = rng.random()
        v = self.vreg
        if k < 0.25:
            op = rng.choice(['sqrdmlah', 'sqrdmlsh'])
            t = rng.choice(['h', 's'])
            form = rng.random()
            if form < 0.4:
                arr = rng.choice(['4h', '8h'] if t == 'h' else ['2s', '4s'])
                self.emit('%s %s' % (op, self.vdn(arr, 3)))
            elif form < 0.55:
                self.emit('%s %s%d, %s%d, %s%d' % (op, t, v(), t, v(), t, v()))
            else:
                arr = rng.choice(['4h', '8h'] if t == 'h' else ['2s', '4s'])
                if t == 'h':
                    m, idx = rng.randrange(16), rng.randrange(8)
                else:
                    m, idx = v(), rng.randrange(4)
                if form < 0.8:
                    self.emit('%s v%d.%s, v%d.%s, v%d.%s[%d]' % (op, v(), arr, v(), arr,
                                                               m, t, idx))
                else:
                    self.emit('%s %s%d, %s%d, v%d.%s[%d]' % (op, t, v(), t, v(), m, t, idx))
        elif k < 0.5:
            op = rng.choice(['sdot', 'udot', 'usdot', 'sudot'])
            arr, src = rng.choice([('2s', '8b'), ('4s', '16b')])
            if op != 'sudot' and rng.random() < 0.5:
                self.emit('%s v%d.%s, v%d.%s, v%d.%s' % (op, v(), arr, v(), src, v(), src))
            else:
                self.emit('%s v%d.%s, v%d.%s, v%d.4b[%d]' % (op, v(), arr, v(), src, v(),
                                                            rng.randrange(4)))
        elif k < 0.6:
            op = rng.choice(['smmla', 'ummla', 'usmmla'])
            self.emit('%s v%d.4s, v%d.16b, v%d.16b' % (op, v(), v(), v()))
        elif k < 0.8:
            op = rng.choice(['sha512h', 'sha512h2', 'sha512su0', 'sha512su1'])
            if op == 'sha512su0':
                self.emit('sha512su0 v%d.2d, v%d.2d' % (v(), v()))
            elif op == 'sha512su1':
                self.emit('sha512su1 v%d.2d, v%d.2d, v%d.2d' % (v(), v(), v()))
            else:
                self.emit('%s q%d, q%d, v%d.2d' % (op, v(), v(), v()))
        else:
            op = rng.choice(['eor3', 'bcax', 'rax1', 'xar'])
            if op in ('eor3', 'bcax'):
                self.emit('%s v%d.16b, v%d.16b, v%d.16b, v%d.16b' % (op, v(), v(), v(), v()))
            elif op == 'rax1':
                self.emit('rax1 v%d.2d, v%d.2d, v%d.2d' % (v(), v(), v()))
            else:
                self.emit('xar v%d.2d, v%d.2d, v%d.2d, #%d' % (v(), v(), v(),
                                                               rng.randrange(64)))


    def g_fpext(self):
        """FEAT_JSCVT (FJCVTZS, NZCV compared too), FEAT_FRINTTS, FEAT_FCMA."""
        rng = self.rng
        k = rng.random()
        if k < 0.4:
            arr = rng.choice(['2s', '4s', '2d'])
            if rng.random() < 0.4:
                self.emit('fcadd %s, #%d' % (self.vdn(arr, 3), rng.choice([90, 270])))
            elif arr == '4s' and rng.random() < 0.4:
                self.emit('fcmla v%d.4s, v%d.4s, v%d.s[%d], #%d' % (
                    self.vreg(), self.vreg(), self.vreg(), rng.randrange(2),
                    rng.choice([0, 90, 180, 270])))
            else:
                self.emit('fcmla %s, #%d' % (self.vdn(arr, 3), rng.choice([0, 90, 180, 270])))
            return
        if k < 0.6:
            self.emit('fjcvtzs w%d, d%d' % (self.wreg_nozr(), self.vreg()))
            return
        op = rng.choice(['frint32z', 'frint32x', 'frint64z', 'frint64x'])
        if rng.random() < 0.5:
            t = rng.choice('sd')
            self.emit('%s %s, %s' % (op, self.sreg(t), self.sreg(t)))
        else:
            self.emit('%s %s' % (op, self.vdn(rng.choice(['2s', '4s', '2d']))))


CONDS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge',
         'lt', 'gt', 'le', 'al', 'nv']
BASE = 28

CLASSES = {
    'fp': ('fp', 6),
    'fpconv': ('fpconv', 5),
    'vfp': ('vfp', 6),
    'vint': ('vint', 8),
    'vmove': ('vmove', 5),
    'vldst': ('vldst', 5),
    'iext': ('iext', 4),
    'vext': ('vext', 5),
    'fpext': ('fpext', 4),
}
