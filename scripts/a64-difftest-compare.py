#!/usr/bin/env python3
#
# a64-difftest-compare.py - run one differential-test image (built from
# scripts/a64-difftest-gen.py's blocks and tests/guest/aarch64-diff/
# harness.c) under plumb and qemu-system-aarch64, compare the state each
# block left, and print TAP: one test per block. For a block that differs,
# narrow it to the first instruction whose effect differs (the image is
# patched to stop the block after K instructions, bisecting K) and name it
# with its disassembly (aarch64-linux-gnu-objdump).
#
# Known departures of QEMU 7.2 from the Arm ARM are tagged by the
# generator; a block that differs only by such a departure passes if plumb
# follows the manual, and the TAP line names the departure
# (docs/devel/a64-difftest.md lists them).
#
# Usage: a64-difftest-compare.py --elf IMG --meta IMG.json --plumb BIN
#            [--accel tcg,OPTS] [--qemu BIN] [--name PREFIX] [--bisect N]

import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

FIELDS = ['x%d' % i for i in range(29)] + ['nzcv', 'memsum', 'exc', 'esr', 'far',
                                           'afc', 'afar']
# The V line of --fpsimd images: V0-V31 as two halves each, FPSR, FPCR.
VFIELDS = [f for r in range(32) for f in ('v%dlo' % r, 'v%dhi' % r)] + ['fpsr', 'fpcr']
ALIGN_FIELDS = ('afc', 'afar')
MAGIC = b'A64DIFFTEST-CTL\0'

DEPARTURES = {
    'unaligned-device-mmu-off':
        'QEMU 7.2 performs a misaligned access to Device memory (MMU off) '
        'that the Arm ARM makes an Alignment fault; plumb faults',
    'dc-zva-device-mmu-off':
        'QEMU 7.2 zeroes the block for a DC ZVA to Device memory (MMU off) '
        'where the Arm ARM requires an Alignment fault; plumb faults',
}


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return p.stdout.decode('latin-1'), p.returncode, p.stderr.decode('latin-1')
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode('latin-1') if e.stdout else ''
        return out, 'timeout', ''
    except OSError as e:
        return '', 'not run', str(e)


def parse(out):
    blocks = {}
    end = None
    for line in out.replace('\r', '').splitlines():
        m = re.match(r'^B (\d+) (.*)$', line)
        if m:
            vals = [int(v, 16) for v in m.group(2).split()]
            if len(vals) == len(FIELDS):
                blocks[int(m.group(1))] = dict(zip(FIELDS, vals))
        m = re.match(r'^V (\d+) (.*)$', line)
        if m and int(m.group(1)) in blocks:
            vals = [int(v, 16) for v in m.group(2).split()]
            if len(vals) == len(VFIELDS):
                blocks[int(m.group(1))].update(zip(VFIELDS, vals))
        m = re.match(r'^E (\d+)', line)
        if m:
            end = int(m.group(1))
    return blocks, end


class Runner:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix='a64diff-')
        common = ['-M', 'virt', '-cpu', 'max', '-m', '128M', '-nographic',
                  '-semihosting']
        self.plumb = [args.plumb] + common + (['-accel', args.accel] if args.accel else [])
        self.qemu = ([args.qemu] + common + ['-display', 'none']) if args.qemu else None
        with open(args.elf, 'rb') as f:
            self.image = f.read()
        self.ctl = self.image.find(MAGIC)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def image_for(self, block, stop):
        if block is None:
            return self.args.elf
        data = bytearray(self.image)
        struct.pack_into('<QQ', data, self.ctl + 16, block, stop)
        path = os.path.join(self.tmp, 'b%d_s%d.elf' % (block, stop))
        with open(path, 'wb') as f:
            f.write(data)
        return path

    def both(self, block=None, stop=None):
        img = self.image_for(block, stop)
        p = run(self.plumb + ['-kernel', img], self.args.timeout)
        if not self.qemu:
            return p, None
        cache = self.args.qemu_cache if block is None else None
        if cache and os.path.exists(cache) and \
                os.path.getmtime(cache) > os.path.getmtime(img):
            with open(cache) as f:
                return p, (f.read(), 0, '')
        q = run(self.qemu + ['-kernel', img], self.args.timeout)
        if cache and q[1] == 0:
            with open(cache + '.tmp', 'w') as f:
                f.write(q[0])
            os.replace(cache + '.tmp', cache)
        return p, q


def differing(pb, qb, departures):
    """Fields that differ, and the departure that explains the rest (if any)."""
    fields = FIELDS + [f for f in VFIELDS if f in pb or f in qb]
    diff = [f for f in fields if pb.get(f) != qb.get(f)]
    if not diff:
        return [], None
    if departures and all(f in ALIGN_FIELDS for f in diff):
        # The manual's Alignment faults happened under plumb, not QEMU.
        if pb['afc'] >= 1 and qb['afc'] == 0:
            return [], ','.join(sorted(set(d[1] for d in departures)))
    return diff, None


def describe(diff, pb, qb):
    def hx(v):
        return 'none' if v is None else '0x%x' % v
    return ', '.join('%s plumb %s QEMU %s' % (f, hx(pb.get(f)), hx(qb.get(f)))
                     for f in diff[:4]) + \
        (' ...' if len(diff) > 4 else '')


def symbols(elf, nm):
    syms = {}
    try:
        out = subprocess.run([nm, elf], stdout=subprocess.PIPE, check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return syms
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].startswith('d_b'):
            syms[parts[2]] = int(parts[0], 16)
    return syms


def disassemble(elf, objdump, addr):
    try:
        out = subprocess.run([objdump, '-d', '--start-address=0x%x' % addr,
                              '--stop-address=0x%x' % (addr + 4), elf],
                             stdout=subprocess.PIPE, check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in out.splitlines():
        m = re.match(r'^\s*%x:\s+([0-9a-f]{8})\s+(.*)$' % addr, line)
        if m:
            return '%s %s' % (m.group(1), ' '.join(m.group(2).split()))
    return None


def bisect(r, meta_block, index, n, syms):
    """Smallest K such that running instructions 0..K-1 already differs."""
    lo, hi = 0, n      # state after lo insns equal, after hi differs
    while hi - lo > 1:
        mid = (lo + hi) // 2
        (pout, _, _), q = r.both(index, mid)
        pb = parse(pout)[0].get(index)
        qb = parse(q[0])[0].get(index) if q else None
        if pb is None or qb is None:
            hi = mid
            continue
        diff, _ = differing(pb, qb, meta_block['departures'])
        if diff:
            hi = mid
        else:
            lo = mid
    k = hi - 1
    (pout, _, _), q = r.both(index, hi)
    pb = parse(pout)[0].get(index)
    qb = parse(q[0])[0].get(index) if q else None
    what = meta_block['insns'][k] if k < len(meta_block['insns']) else '?'
    addr = syms.get('d_b%d_i%d' % (index, k))
    dis = disassemble(r.args.elf, r.args.objdump, addr) if addr is not None else None
    detail = ''
    if pb and qb:
        diff, _ = differing(pb, qb, meta_block['departures'])
        detail = '; after it: ' + describe(diff, pb, qb)
    return 'first difference at insn %d `%s`%s%s' % (
        k, what, ' [%s at 0x%x]' % (dis, addr) if dis else '', detail)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--elf', required=True)
    ap.add_argument('--meta', required=True)
    ap.add_argument('--plumb', required=True)
    ap.add_argument('--accel', default='')
    ap.add_argument('--qemu', default=shutil.which('qemu-system-aarch64'))
    ap.add_argument('--objdump', default='aarch64-linux-gnu-objdump')
    ap.add_argument('--nm', default='aarch64-linux-gnu-nm')
    ap.add_argument('--name', default='')
    ap.add_argument('--bisect', type=int, default=2,
                    help='narrow down at most this many differing blocks')
    ap.add_argument('--timeout', type=int, default=60)
    ap.add_argument('--qemu-cache', help='keep QEMU\'s output of the whole image here '
                    '(reused while newer than the image: the twins share it)')
    args = ap.parse_args()
    with open(args.meta) as f:
        meta = json.load(f)
    prefix = args.name or 'seed %d' % meta['seed']
    r = Runner(args)
    results = []
    try:
        (pout, prc, perr), q = r.both()
        pblocks, pend = parse(pout)
        qblocks, qend = parse(q[0]) if q else ({}, None)
        syms = symbols(args.elf, args.nm)
        bisected = 0
        nblocks = len(meta['blocks'])
        for i, mb in enumerate(meta['blocks']):
            name = '%s block %d (%d insns)' % (prefix, i, len(mb['insns']))
            pb = pblocks.get(i)
            if pb is None:
                results.append((False, '%s: plumb printed no state (rc %s%s)' %
                                (name, prc, ': ' + perr.strip().splitlines()[-1]
                                 if perr.strip() else '')))
                continue
            if not q:
                results.append((True, '%s # SKIP qemu-system-aarch64 not installed' % name))
                continue
            qb = qblocks.get(i)
            if qb is None:
                results.append((False, '%s: QEMU printed no state (rc %s)' % (name, q[1])))
                continue
            diff, dep = differing(pb, qb, mb['departures'])
            if not diff:
                note = ''
                if dep:
                    note = ' # departure ' + '; '.join(
                        '%s: %s' % (d, DEPARTURES.get(d, d)) for d in dep.split(','))
                results.append((True, name + note))
                continue
            text = '%s differs: %s' % (name, describe(diff, pb, qb))
            if bisected < args.bisect and r.ctl >= 0:
                bisected += 1
                text += '; ' + bisect(r, mb, i, len(mb['insns']), syms)
            results.append((False, text))
        results.append((pend == nblocks,
                        'plumb ran all %d blocks (saw %s)' % (nblocks, pend)))
        if q:
            results.append((qend == nblocks,
                            'QEMU ran all %d blocks (saw %s)' % (nblocks, qend)))
    finally:
        r.close()
    print('1..%d' % len(results))
    for n, (ok, text) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', n, text))
    sys.stdout.flush()


main()
