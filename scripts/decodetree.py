#!/usr/bin/env python3
#
# decodetree.py - generate an instruction decoder in C from a pattern file.
#
# A pattern file describes instruction encodings the way an architecture
# manual draws them: a row of fixed bits ('0'/'1'), field bits and ignored
# bits, MSB first. The generator turns those rows into one C function
#
#     static bool decode_<name>(DisasContext *ctx, uint32_t insn);
#
# that tests the fixed bits (through a tree of switches on the bits the
# candidates have in common), extracts the fields into an argument struct
# and calls `trans_<PATTERN>(ctx, arg_<set> *a)`. A trans_ function returns
# false when the encoding is not one it accepts (unallocated, reserved
# field values); the decoder then tries the next candidate of an overlap
# group, or returns false so that the caller raises UNDEFINED.
#
# What this file is not: a disassembler, or a checker of the semantics.
# It only guarantees that every encoding reaches at most one pattern outside
# of explicit overlap groups, which it proves at generation time.
#
# Syntax (one definition per line, '\' continues a line, '#' comments):
#
#   %field   pos:len [pos:len ...] [!function=fn]   field from bit segments,
#            len may be 'sN' for a signed segment; the first segment is the
#            most significant. With only !function=fn, the value is fn(ctx).
#   &set     member[:ctype] ... [!extern]          argument struct arg_set
#   @format  bits... [args]                         a reusable row
#   NAME     bits... [args]                         a pattern -> trans_NAME
#   {  ...  }   overlap group: members tried in order until one accepts
#   [  ...  ]   no-overlap group (inside an overlap group)
#
#   bits:    a run of 0 1 . - characters ('.' bits belong to fields, '-' bits
#            are ignored), or name:len / name:sN for a field placed here.
#   args:    &set  @format  %field (= field=%field)  name=%field  name=const
#
# Usage: decodetree.py [--decode NAME] [--insnwidth 16|32|64]
#                      [--static-decode] [-o OUT] FILE...

import argparse
import re
import sys

IDENT = r'[a-zA-Z][a-zA-Z0-9_]*'
RE_IDENT = re.compile('^' + IDENT + '$')
RE_BITS = re.compile(r'^[01.\-]+$')
RE_INLINE_FIELD = re.compile('^(' + IDENT + r'):(s?)([0-9]+)$')
RE_SEGMENT = re.compile(r'^([0-9]+):(s?)([0-9]+)$')
RE_ASSIGN = re.compile('^(' + IDENT + r')=(.+)$')


class DecodeError(Exception):
    pass


class Where:
    def __init__(self, fname, line):
        self.fname = fname
        self.line = line

    def __str__(self):
        return '%s:%d' % (self.fname, self.line)


def fail(where, msg):
    raise DecodeError('%s: error: %s' % (where, msg))


def parse_int(where, s):
    try:
        return int(s, 0)
    except ValueError:
        fail(where, 'invalid integer constant "%s"' % s)


class Field:
    """A named %field: bit segments (MSB first) and an optional function."""

    def __init__(self, name, segments, func, where):
        self.name = name
        self.segments = segments    # list of (pos, len, signed)
        self.func = func
        self.where = where

    def mask(self):
        m = 0
        for pos, ln, _ in self.segments:
            m |= ((1 << ln) - 1) << pos
        return m


class Const:
    def __init__(self, value):
        self.value = value


class ArgSet:
    def __init__(self, name, members, extern, where):
        self.name = name
        self.members = members      # list of (name, ctype)
        self.extern = extern
        self.where = where

    def member_names(self):
        return [m for m, _ in self.members]


class Row:
    """Common to formats and patterns: the bits and the argument bindings."""

    def __init__(self, name, where):
        self.name = name
        self.where = where
        self.fixedmask = 0
        self.fixedbits = 0
        self.fieldmask = 0          # bits covered by '.', '-' or inline fields
        self.argset = None          # ArgSet
        self.format = None          # Row (for patterns)
        self.bindings = {}          # arg name -> Field | Const


class Group:
    def __init__(self, overlap, where, parent):
        self.overlap = overlap
        self.where = where
        self.parent = parent
        self.items = []             # Row (patterns) and Group
        self.fixedmask = 0
        self.fixedbits = 0


class Decoder:
    def __init__(self, insnwidth):
        self.insnwidth = insnwidth
        self.fullmask = (1 << insnwidth) - 1
        self.fields = {}
        self.argsets = {}
        self.formats = {}
        self.patterns = []          # every pattern, in file order
        self.root = Group(False, Where('<top>', 0), None)
        self.cur = self.root
        self.anon = 0

    # ---- parsing -------------------------------------------------------

    def parse_file(self, fname):
        with open(fname) as f:
            text = f.read()
        lineno = 0
        pending = ''
        start = 0
        for raw in text.split('\n'):
            lineno += 1
            line = raw.split('#', 1)[0].rstrip()
            if not pending:
                start = lineno
            if line.endswith('\\'):
                pending += line[:-1] + ' '
                continue
            line = pending + line
            pending = ''
            toks = line.split()
            if toks:
                self.parse_line(Where(fname, start), toks)
        if pending:
            fail(Where(fname, start), 'continuation at end of file')
        if self.cur is not self.root:
            fail(self.cur.where, 'group not closed')

    def parse_line(self, where, toks):
        t0 = toks[0]
        if t0 in ('{', '['):
            if len(toks) != 1:
                fail(where, '"%s" must be alone on its line' % t0)
            overlap = t0 == '{'
            if not overlap and not self.cur.overlap:
                fail(where, 'a [ no-overlap ] group must be inside '
                     'a { overlap } group')
            g = Group(overlap, where, self.cur)
            self.cur.items.append(g)
            self.cur = g
            return
        if t0 in ('}', ']'):
            if len(toks) != 1:
                fail(where, '"%s" must be alone on its line' % t0)
            if self.cur is self.root:
                fail(where, 'unmatched "%s"' % t0)
            if (t0 == '}') != self.cur.overlap:
                fail(where, 'mismatched group close "%s"' % t0)
            if not self.cur.items:
                fail(where, 'empty group')
            self.cur = self.cur.parent
            return
        if t0.startswith('%'):
            self.parse_field(where, t0[1:], toks[1:])
        elif t0.startswith('&'):
            self.parse_argset(where, t0[1:], toks[1:])
        elif t0.startswith('@'):
            if self.cur is not self.root:
                fail(where, 'formats must be defined outside groups')
            self.parse_row(where, t0[1:], toks[1:], True)
        else:
            self.parse_row(where, t0, toks[1:], False)

    def check_ident(self, where, name, what):
        if not RE_IDENT.match(name):
            fail(where, 'invalid %s name "%s"' % (what, name))

    def parse_field(self, where, name, toks):
        self.check_ident(where, name, 'field')
        if name in self.fields:
            fail(where, 'duplicate field "%s"' % name)
        segs = []
        func = None
        for t in toks:
            if t.startswith('!function='):
                func = t[len('!function='):]
                self.check_ident(where, func, 'function')
                continue
            m = RE_SEGMENT.match(t)
            if not m:
                fail(where, 'invalid field segment "%s"' % t)
            pos, sgn, ln = int(m.group(1)), m.group(2) == 's', int(m.group(3))
            if ln == 0:
                fail(where, 'zero-length segment "%s"' % t)
            if pos + ln > self.insnwidth:
                fail(where, 'segment "%s" beyond the %d-bit instruction'
                     % (t, self.insnwidth))
            segs.append((pos, ln, sgn))
        if not segs and func is None:
            fail(where, 'field "%s" has neither segments nor !function' % name)
        mask = 0
        for pos, ln, _ in segs:
            m = ((1 << ln) - 1) << pos
            if mask & m:
                fail(where, 'field "%s" segments overlap' % name)
            mask |= m
        for _, _, sgn in segs[1:]:
            if sgn:
                fail(where, 'only the first (most significant) segment '
                     'of "%s" may be signed' % name)
        self.fields[name] = Field(name, segs, func, where)

    def parse_argset(self, where, name, toks):
        self.check_ident(where, name, 'argument set')
        if name in self.argsets:
            fail(where, 'duplicate argument set "%s"' % name)
        members = []
        extern = False
        for t in toks:
            if t == '!extern':
                extern = True
                continue
            if ':' in t:
                mname, ctype = t.split(':', 1)
            else:
                mname, ctype = t, 'int'
            self.check_ident(where, mname, 'argument')
            if mname in [m for m, _ in members]:
                fail(where, 'duplicate argument "%s"' % mname)
            members.append((mname, ctype))
        self.argsets[name] = ArgSet(name, members, extern, where)

    def parse_row(self, where, name, toks, is_format):
        self.check_ident(where, name, 'format' if is_format else 'pattern')
        if is_format and name in self.formats:
            fail(where, 'duplicate format "%s"' % name)
        row = Row(name, where)
        width = 0
        bits = []       # (char, field-name-or-None) MSB first
        inline = {}     # name -> (pos, len, signed), resolved after width
        explicit_set = None
        fmt = None
        for t in toks:
            if RE_BITS.match(t):
                for c in t:
                    bits.append((c, None))
                continue
            m = RE_INLINE_FIELD.match(t)
            if m:
                fname, sgn, ln = m.group(1), m.group(2) == 's', int(m.group(3))
                if ln == 0:
                    fail(where, 'zero-length field "%s"' % t)
                if fname in inline or fname in row.bindings:
                    fail(where, 'duplicate argument "%s"' % fname)
                inline[fname] = (len(bits), ln, sgn)
                for _ in range(ln):
                    bits.append(('f', fname))
                continue
            if t.startswith('&'):
                if explicit_set is not None:
                    fail(where, 'more than one argument set')
                s = t[1:]
                if s not in self.argsets:
                    fail(where, 'undefined argument set "%s"' % s)
                explicit_set = self.argsets[s]
                continue
            if t.startswith('@'):
                if is_format:
                    fail(where, 'a format cannot use a format')
                if fmt is not None:
                    fail(where, 'more than one format')
                f = t[1:]
                if f not in self.formats:
                    fail(where, 'undefined format "%s"' % f)
                fmt = self.formats[f]
                continue
            if t.startswith('%'):
                f = t[1:]
                if f not in self.fields:
                    fail(where, 'undefined field "%%%s"' % f)
                if f in row.bindings or f in inline:
                    fail(where, 'duplicate argument "%s"' % f)
                row.bindings[f] = self.fields[f]
                continue
            m = RE_ASSIGN.match(t)
            if m:
                aname, val = m.group(1), m.group(2)
                if aname in row.bindings or aname in inline:
                    fail(where, 'duplicate argument "%s"' % aname)
                if val.startswith('%'):
                    if val[1:] not in self.fields:
                        fail(where, 'undefined field "%s"' % val)
                    row.bindings[aname] = self.fields[val[1:]]
                else:
                    row.bindings[aname] = Const(parse_int(where, val))
                continue
            fail(where, 'unrecognized token "%s"' % t)

        width = len(bits)
        if fmt is not None and width == 0:
            pass        # bits come from the format alone
        elif width != self.insnwidth:
            fail(where, '%d bits given, the instruction has %d'
                 % (width, self.insnwidth))
        for i, (c, _) in enumerate(bits):
            b = 1 << (width - 1 - i)
            if c == '1':
                row.fixedmask |= b
                row.fixedbits |= b
            elif c == '0':
                row.fixedmask |= b
            else:
                row.fieldmask |= b
        for fname, (start, ln, sgn) in inline.items():
            pos = width - start - ln
            row.bindings[fname] = Field(fname, [(pos, ln, sgn)], None, where)

        if fmt is not None:
            if width == 0:
                row.fixedmask, row.fixedbits = fmt.fixedmask, fmt.fixedbits
                row.fieldmask = fmt.fieldmask
            else:
                # The pattern's own bits refine the format's '.' bits; the
                # format's fixed bits must still hold.
                clash = fmt.fixedmask & row.fixedmask & \
                    (fmt.fixedbits ^ row.fixedbits)
                if clash:
                    fail(where, 'fixed bits 0x%x contradict format "%s"'
                         % (clash, fmt.name))
                row.fixedmask |= fmt.fixedmask
                row.fixedbits |= fmt.fixedbits
                row.fieldmask &= ~row.fixedmask
            merged = dict(fmt.bindings)
            merged.update(row.bindings)
            row.bindings = merged
            row.format = fmt

        self.resolve_argset(row, explicit_set, fmt, is_format)
        if is_format:
            self.formats[name] = row
        else:
            self.patterns.append(row)
            self.cur.items.append(row)

    def resolve_argset(self, row, explicit_set, fmt, is_format):
        where = row.where
        if explicit_set is not None:
            aset = explicit_set
        elif fmt is not None and fmt.argset is not None:
            aset = fmt.argset
        else:
            # Implicit set, named after the format or the pattern.
            members = [(n, 'int') for n in sorted(row.bindings)]
            sname = row.name
            if sname in self.argsets and not is_format:
                other = self.argsets[sname]
                if other.member_names() != [n for n, _ in members]:
                    fail(where, 'pattern "%s" redefined with other arguments'
                         % row.name)
                aset = other
            else:
                if is_format:
                    sname = 'fmt_' + sname
                if sname in self.argsets:
                    fail(where, 'argument set "%s" already defined' % sname)
                aset = ArgSet(sname, members, False, where)
                self.argsets[sname] = aset
        names = set(aset.member_names())
        for b in row.bindings:
            if b not in names:
                fail(where, 'argument "%s" is not a member of &%s'
                     % (b, aset.name))
        if not is_format:
            for n in aset.member_names():
                if n not in row.bindings:
                    fail(where, 'argument "%s" of &%s is never set'
                         % (n, aset.name))
        row.argset = aset

    # ---- checking ------------------------------------------------------

    def check(self):
        names = {}
        for p in self.patterns:
            if p.name in names and names[p.name].argset is not p.argset:
                fail(p.where, 'pattern "%s" redefined with argument set &%s '
                     '(was &%s at %s)' % (p.name, p.argset.name,
                                          names[p.name].argset.name,
                                          names[p.name].where))
            names.setdefault(p.name, p)
            # Every bit must be fixed, a field bit, or explicitly ignored.
            undefined = self.fullmask & ~(p.fixedmask | p.fieldmask)
            if undefined:
                fail(p.where, 'bits 0x%x of "%s" are neither fixed nor '
                     'part of a field' % (undefined, p.name))
        self.compute_group_masks(self.root)
        self.check_group(self.root)

    def compute_group_masks(self, g):
        mask = self.fullmask
        bits = None
        for it in g.items:
            if isinstance(it, Group):
                self.compute_group_masks(it)
            if bits is None:
                bits = it.fixedbits
            # Keep only bits fixed to the same value in every member.
            mask &= it.fixedmask & ~(it.fixedbits ^ bits)
        g.fixedmask = mask
        g.fixedbits = (bits or 0) & mask

    def check_group(self, g):
        for it in g.items:
            if isinstance(it, Group):
                self.check_group(it)
        if g.overlap:
            return
        items = g.items
        for i in range(len(items)):
            a = items[i]
            for j in range(i + 1, len(items)):
                b = items[j]
                if overlaps(a, b):
                    fail(b.where, '%s overlaps %s (at %s); put them in '
                         'an overlap group { } if that is meant'
                         % (describe(b), describe(a), a.where))


def overlaps(a, b):
    """True when some instruction word can match both a and b."""
    if isinstance(a, Group):
        return any(overlaps(x, b) for x in a.items)
    if isinstance(b, Group):
        return any(overlaps(a, x) for x in b.items)
    both = a.fixedmask & b.fixedmask
    return (a.fixedbits ^ b.fixedbits) & both == 0


def describe(it):
    if isinstance(it, Group):
        return 'group'
    return 'pattern "%s"' % it.name


class Emitter:
    def __init__(self, dec, name, static):
        self.dec = dec
        self.name = name
        self.static = static
        self.out = []
        self.w = dec.insnwidth
        self.itype = 'uint%d_t' % max(16, self.w)

    def line(self, depth, text=''):
        self.out.append(('    ' * depth + text) if text else '')

    def hexc(self, v):
        return '0x%0*x' % ((self.w + 3) // 4, v)

    def field_expr(self, f):
        ex = '%s_ex' % self.name
        if not f.segments:
            return '%s(ctx)' % f.func
        parts = []
        total = 0
        for pos, ln, _ in reversed(f.segments):
            e = '%s(insn, %d, %d)' % (ex, pos, ln)
            if total:
                e = '(%s << %d)' % (e, total)
            parts.append(e)
            total += ln
        val = ' | '.join(reversed(parts))
        if f.segments[0][2]:
            val = '%s_sx(%s, %d)' % (self.name, val, total)
        else:
            val = '(int64_t)(%s)' % val
        if f.func:
            val = '%s(ctx, %s)' % (f.func, val)
        return val

    def emit(self):
        d = self.dec
        self.line(0, '/* Generated by scripts/decodetree.py; do not edit. */')
        self.line(0)
        used = []
        for p in d.patterns:
            if p.argset not in used:
                used.append(p.argset)
        for a in d.argsets.values():
            if a.extern or a.name.startswith('fmt_') and a not in used:
                continue
            self.line(0, 'typedef struct {')
            for m, ct in a.members:
                self.line(1, '%s %s;' % (ct, m))
            self.line(0, '} arg_%s;' % a.name)
            self.line(0)
        seen = set()
        for p in d.patterns:
            if p.name in seen:
                continue
            seen.add(p.name)
            if p.name != p.argset.name:
                self.line(0, 'typedef arg_%s arg_%s;' % (p.argset.name, p.name))
            self.line(0, 'static bool trans_%s(DisasContext *ctx, arg_%s *a);'
                      % (p.name, p.name))
        self.line(0)
        self.line(0, 'static inline uint64_t %s_ex(uint64_t insn, int pos, '
                  'int len)' % self.name)
        self.line(0, '{')
        self.line(1, 'return (insn >> pos) & (~(uint64_t)0 >> (64 - len));')
        self.line(0, '}')
        self.line(0)
        self.line(0, 'static inline int64_t %s_sx(uint64_t v, int len)'
                  % self.name)
        self.line(0, '{')
        self.line(1, 'return (int64_t)(v << (64 - len)) >> (64 - len);')
        self.line(0, '}')
        self.line(0)
        self.line(0, '%sbool %s(DisasContext *ctx, %s insn)'
                  % ('static ' if self.static else '', self.name, self.itype))
        self.line(0, '{')
        if used:
            self.line(1, 'union {')
            for a in used:
                self.line(2, 'arg_%s f_%s;' % (a.name, a.name))
            self.line(1, '} u;')
            self.line(0)
        self.gen_list(d.root, 0, 1)
        self.line(1, 'return false;')
        self.line(0, '}')
        return '\n'.join(self.out) + '\n'

    def gen_list(self, g, tested, depth):
        if g.overlap:
            for it in g.items:
                self.gen_item_checked(it, tested, depth)
        else:
            self.gen_tree(g.items, tested, depth)

    def gen_item_checked(self, it, tested, depth):
        m = it.fixedmask & ~tested
        if m:
            self.line(depth, 'if ((insn & %s) == %s) {'
                      % (self.hexc(m), self.hexc(it.fixedbits & m)))
            self.gen_item(it, tested | m, depth + 1)
            self.line(depth, '}')
        else:
            self.gen_item(it, tested, depth)

    def gen_item(self, it, tested, depth):
        if isinstance(it, Group):
            self.gen_list(it, tested, depth)
            return
        a = it.argset
        for m in a.member_names():
            b = it.bindings[m]
            if isinstance(b, Const):
                e = str(b.value)
            else:
                e = self.field_expr(b)
            self.line(depth, 'u.f_%s.%s = %s;' % (a.name, m, e))
        self.line(depth, 'if (trans_%s(ctx, &u.f_%s)) {' % (it.name, a.name))
        self.line(depth + 1, 'return true;')
        self.line(depth, '}')

    def gen_tree(self, items, tested, depth):
        if len(items) == 1:
            self.gen_item_checked(items[0], tested, depth)
            return
        common = self.dec.fullmask & ~tested
        for it in items:
            common &= it.fixedmask
        if not common:
            for it in items:
                self.gen_item_checked(it, tested, depth)
            return
        v0 = items[0].fixedbits & common
        agree = common
        for it in items:
            agree &= ~((it.fixedbits & common) ^ v0)
        if agree:
            self.line(depth, 'if ((insn & %s) == %s) {'
                      % (self.hexc(agree), self.hexc(v0 & agree)))
            self.gen_tree(items, tested | agree, depth + 1)
            self.line(depth, '}')
            return
        cases = {}
        for it in items:
            cases.setdefault(it.fixedbits & common, []).append(it)
        self.line(depth, 'switch (insn & %s) {' % self.hexc(common))
        for v in sorted(cases):
            self.line(depth, 'case %s:' % self.hexc(v))
            self.gen_tree(cases[v], tested | common, depth + 1)
            self.line(depth + 1, 'break;')
        self.line(depth, '}')


def main(argv):
    ap = argparse.ArgumentParser(description='generate a decoder from '
                                 'pattern files')
    ap.add_argument('--decode', default='decode')
    ap.add_argument('--insnwidth', type=int, default=32, choices=(16, 32, 64))
    ap.add_argument('--static-decode', action='store_true')
    ap.add_argument('-o', '--output')
    ap.add_argument('files', nargs='+')
    args = ap.parse_args(argv)
    if not RE_IDENT.match(args.decode):
        print('decodetree: invalid decoder name "%s"' % args.decode,
              file=sys.stderr)
        return 1
    dec = Decoder(args.insnwidth)
    try:
        for f in args.files:
            dec.parse_file(f)
        dec.check()
    except DecodeError as e:
        print(str(e), file=sys.stderr)
        return 1
    except OSError as e:
        print('decodetree: %s' % e, file=sys.stderr)
        return 1
    text = Emitter(dec, args.decode, args.static_decode).emit()
    if args.output:
        with open(args.output + '.tmp', 'w') as f:
            f.write(text)
        import os
        os.replace(args.output + '.tmp', args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
