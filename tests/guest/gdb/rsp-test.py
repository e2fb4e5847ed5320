#!/usr/bin/env python3
"""rsp-test.py - talk raw GDB remote serial protocol to plumb's gdb stub.

    rsp-test.py PLUMB_BINARY

Starts plumb -M virt -smp 2 -S -gdb unix:SOCKET,server=on with a 12-byte
raw guest (a loop that increments x0 and stores it at [x1]), then checks
each packet kind the stub answers (acks, qSupported, target.xml, g/G/p/P,
m/M/X, Z/z of every type, s, c, vCont, ctrl-C, threads, qRcmd, no-ack
mode) and feeds it garbage: bad checksums, unknown and malformed packets,
a packet far over PacketSize, random bytes. After each kind of garbage the
stub must still answer '?'. Prints TAP.
"""
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

LOAD = 0x40080000
DATA = 0x40090000
# add x0, x0, #1 ; str x0, [x1] ; b .-8
IMAGE = bytes.fromhex("00040091" "200000f9" "feffff17")
# movz x1, #0x4009, lsl #16 ; then IMAGE: runs without help from gdb
IMAGE_FREE = bytes.fromhex("2101a8d2") + IMAGE

results = []


def check(name, cond, detail=""):
    results.append((bool(cond), name, detail))
    return cond


class Rsp:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(30)
        self.s.connect(path)
        self.path = path
        self.buf = b""
        self.ack = True

    def send_raw(self, data):
        self.s.sendall(data)

    def _fill(self):
        chunk = self.s.recv(65536)
        if not chunk:
            raise EOFError("stub closed the connection")
        self.buf += chunk

    def read_byte(self):
        while not self.buf:
            self._fill()
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    def read_packet(self):
        """One packet's payload (checksum verified); skips acks."""
        while True:
            b = self.read_byte()
            if b == b"$":
                break
            if b in (b"+", b"-"):
                continue
            raise ValueError("unexpected byte %r" % b)
        while b"#" not in self.buf or len(self.buf) < self.buf.index(b"#") + 3:
            self._fill()
        i = self.buf.index(b"#")
        payload, csum = self.buf[:i], self.buf[i + 1:i + 3]
        self.buf = self.buf[i + 3:]
        if int(csum, 16) != sum(payload) & 0xff:
            raise ValueError("bad checksum from the stub")
        if self.ack:
            self.send_raw(b"+")
        return payload

    @staticmethod
    def frame(payload):
        if isinstance(payload, str):
            payload = payload.encode()
        return b"$" + payload + b"#%02x" % (sum(payload) & 0xff)

    def cmd(self, payload, expect_ack=True):
        self.send_raw(self.frame(payload))
        if self.ack and expect_ack:
            b = self.read_byte()
            if b != b"+":
                raise ValueError("expected '+', got %r" % b)
        return self.read_packet()

    def read_ack(self, timeout=2):
        self.s.settimeout(timeout)
        try:
            return self.read_byte()
        finally:
            self.s.settimeout(30)


def hexle(v, n):
    return v.to_bytes(n, "little").hex()


def main():
    plumb = sys.argv[1]
    tmp = tempfile.mkdtemp()
    img = os.path.join(tmp, "loop.bin")
    sock = os.path.join(tmp, "gdb.sock")
    trace = os.path.join(tmp, "trace.log")
    with open(img, "wb") as f:
        f.write(IMAGE)
    proc = subprocess.Popen(
        [plumb, "-M", "virt", "-cpu", "max", "-m", "128M", "-smp", "2",
         "-nographic", "-kernel", img, "-S", "-gdb", "unix:%s,server=on" % sock,
         "-trace", "enable=memory_region_ops_*,file=%s" % trace],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if os.path.exists(sock) or proc.poll() is not None:
                break
            time.sleep(0.05)
        r = Rsp(sock)
        run(r)
    except Exception as e:  # a crash or hang shows up here
        check("conversation completed", False, repr(e))
    finally:
        try:
            rc = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = "hung"
        err = proc.stderr.read().decode(errors="replace")
        check("plumb exited with status 0 after 'k'", rc == 0, "rc %s" % rc)
        # Device accesses the stub made: only the one read asked for with
        # mmio on, at exactly the width asked (the refused ones made none).
        try:
            with open(trace) as f:
                dev = [l.split() for l in f if "pl011" in l]
        except OSError as e:
            dev = [str(e)]
        got = [(l[0], l[6], l[10]) for l in dev if len(l) > 10]
        check("device accesses: one 4-byte read of UARTFR, nothing refused "
              "reached the device",
              got == [("memory_region_ops_read", "0x9000018", "4")], dev)
        check("no sanitizer report or abort",
              not re.search(r"Sanitizer|runtime error|Assertion|Aborted", err),
              err[-300:])
    try:
        run_attach(plumb, tmp)
    except Exception as e:
        check("attach scenario completed", False, repr(e))
    print("1..%d" % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        line = "%s %d - %s" % ("ok" if ok else "not ok", i, name)
        if not ok and detail:
            line += " # " + str(detail).replace("\n", " ")[:300]
        print(line)


def alive(r):
    return r.cmd("?").startswith(b"T05")


def run(r):
    # -- handshake --
    sup = r.cmd("qSupported:multiprocess+;swbreak+;hwbreak+;xmlRegisters=aarch64")
    feats = dict((f.split(b"=")[0], f) for f in sup.split(b";"))
    for f in (b"qXfer:features:read+", b"vContSupported+", b"QStartNoAckMode+",
              b"swbreak+", b"hwbreak+"):
        check("qSupported offers %s" % f.decode(), f in feats.values(), sup)
    m = re.search(rb"PacketSize=([0-9a-f]+)", sup)
    check("qSupported gives PacketSize", m, sup)
    psize = int(m.group(1), 16) if m else 4096
    check("vMustReplyEmpty is answered empty", r.cmd("vMustReplyEmpty") == b"")
    check("unknown packet answered empty", r.cmd("qPlumbNoSuchThing") == b"")
    check("unknown letter answered empty", r.cmd("j") == b"")
    stop = r.cmd("?")
    check("'?' reports SIGTRAP with a thread", re.match(rb"T05thread:0*1;", stop), stop)

    # -- target description --
    xml = b""
    off = 0
    while True:
        part = r.cmd("qXfer:features:read:target.xml:%x,200" % off)
        if not part or part[:1] not in b"ml":
            check("qXfer reply is m/l", False, part[:40])
            break
        xml += part[1:]
        off += len(part) - 1
        if part[:1] == b"l":
            break
    try:
        root = ET.fromstring(xml)
        feats = [f.get("name") for f in root.iter("feature")]
        regs = [reg.get("name") for reg in root.iter("reg")]
        check("target.xml parses, architecture aarch64",
              root.findtext("architecture") == "aarch64")
        check("target.xml has the core, fpu and sysregs features",
              "org.gnu.gdb.aarch64.core" in feats and
              "org.gnu.gdb.aarch64.fpu" in feats and
              any("sysregs" in f for f in feats), feats)
        check("core registers in gdb's order",
              regs[:34] == ["x%d" % i for i in range(31)] + ["sp", "pc", "cpsr"],
              regs[:34])
        check("fpu registers v0-v31, fpsr, fpcr",
              regs[34:68] == ["v%d" % i for i in range(32)] + ["fpsr", "fpcr"])
        check("system registers present",
              all(n in regs for n in ("SCTLR_EL1", "VBAR_EL1", "ESR_EL1",
                                      "FAR_EL1", "ELR_EL1", "SPSR_EL1",
                                      "CurrentEL")))
        nregs = len(regs)
        sctlr = regs.index("SCTLR_EL1")
        cur_el = regs.index("CurrentEL")
    except ET.ParseError as e:
        check("target.xml parses", False, e)
        nregs, sctlr, cur_el = 68, None, None
    check("qXfer of an unknown annex is an error",
          r.cmd("qXfer:features:read:nosuch.xml:0,100").startswith(b"E"))
    check("qXfer past the end is 'l'",
          r.cmd("qXfer:features:read:target.xml:%x,100" % (len(xml) + 10)) == b"l")

    # -- registers --
    g = r.cmd("g")
    check("'g' carries x0-x30, sp, pc (8 bytes) and cpsr (4)", len(g) == 2 * (33 * 8 + 4),
          len(g))
    pc = int.from_bytes(bytes.fromhex(g[32 * 16:33 * 16].decode()), "little")
    check("pc is the load address after -S", pc == LOAD, hex(pc))
    check("p 20 (pc) agrees with 'g'", r.cmd("p20") == g[32 * 16:33 * 16])
    check("P writes x5", r.cmd("P5=%s" % hexle(0x1122334455667788, 8)) == b"OK")
    check("p reads x5 back", r.cmd("p5") == hexle(0x1122334455667788, 8).encode())
    g2 = bytearray(r.cmd("g"))
    g2[6 * 16:7 * 16] = hexle(0xabcdef, 8).encode()
    check("G writes all core registers", r.cmd(b"G" + bytes(g2)) == b"OK")
    check("G's x6 reads back", r.cmd("p6") == hexle(0xabcdef, 8).encode())
    check("p of a v register is 16 bytes", len(r.cmd("p22")) == 32)
    if cur_el is not None:
        check("CurrentEL reads EL1", r.cmd("p%x" % cur_el) == hexle(4, 8).encode())
        check("SCTLR_EL1 is readable", len(r.cmd("p%x" % sctlr)) == 16)
    check("p beyond the last register is an error", r.cmd("p%x" % (nregs + 5)).startswith(b"E"))
    check("p with junk is an error", r.cmd("pzz").startswith(b"E"))
    check("P with odd hex is an error", r.cmd("P5=123").startswith(b"E"))
    check("P without '=' is an error", r.cmd("P5").startswith(b"E"))
    check("G with junk is an error", r.cmd("Gxyz").startswith(b"E"))

    # -- memory --
    m = r.cmd("m%x,c" % LOAD)
    check("m reads the loaded image", m == IMAGE.hex().encode(), m)
    check("M writes RAM", r.cmd("M%x,4:deadbeef" % DATA) == b"OK")
    check("m reads the write back", r.cmd("m%x,4" % DATA) == b"deadbeef")
    binary = bytes([0x23, 0x24, 0x7d, 0x2a, 0x00, 0xff])   # '#', '$', '}', '*'
    esc = b"".join(b"}" + bytes([c ^ 0x20]) if c in b"#$}*" else bytes([c])
                   for c in binary)
    check("X writes escaped binary", r.cmd(b"X%x,6:" % DATA + esc) == b"OK")
    check("m reads the binary back", r.cmd("m%x,6" % DATA) == binary.hex().encode())
    check("m of unmapped space is an error", r.cmd("m%x,4" % 0x7f0000000000).startswith(b"E"))
    check("m of a device is refused by default", r.cmd("m9000018,4").startswith(b"E"))
    check("m with junk is an error", r.cmd("mxyz").startswith(b"E"))
    check("M with a short payload is an error", r.cmd("M%x,8:00" % DATA).startswith(b"E"))
    check("X with a wrong length is an error", r.cmd(b"X%x,8:ab" % DATA).startswith(b"E"))
    big = r.cmd("m%x,100000" % LOAD)
    check("m of a huge length is clipped to PacketSize",
          0 < len(big) <= psize and not big.startswith(b"E"), len(big))

    # -- monitor --
    out = []
    r.send_raw(Rsp.frame("qRcmd," + b"mmio on".hex()))
    if r.ack:
        r.read_byte()
    while True:
        p = r.read_packet()
        if p.startswith(b"O") and p != b"OK":
            out.append(bytes.fromhex(p[1:].decode()).decode())
            continue
        break
    check("qRcmd mmio on: console output then OK", p == b"OK" and out, (p, out))
    fr = r.cmd("m9000018,4")
    check("mmio on: PL011 UARTFR reads 0x90", fr == hexle(0x90, 4).encode(), fr)
    check("mmio on: a device read wider than asked is not made (3 bytes refused)",
          r.cmd("m9000018,3").startswith(b"E"))
    r.send_raw(Rsp.frame("qRcmd," + b"mmio off".hex()))
    if r.ack:
        r.read_byte()
    while r.read_packet() != b"OK":
        pass
    check("mmio off: refused again", r.cmd("m9000018,4").startswith(b"E"))
    r.send_raw(Rsp.frame("qRcmd," + b"info mtree".hex()))
    if r.ack:
        r.read_byte()
    text = ""
    while True:
        p = r.read_packet()
        if p == b"OK" or p.startswith(b"E"):
            break
        text += bytes.fromhex(p[1:].decode()).decode(errors="replace")
    check("qRcmd passes HMP commands (info mtree)", p == b"OK" and "pl011" in text, text[:100])
    check("qRcmd with bad hex is an error", r.cmd("qRcmd,zz").startswith(b"E"))
    r.send_raw(Rsp.frame("qRcmd," + b"gdbserver none".hex()))
    if r.ack:
        r.read_byte()
    while r.read_packet() != b"OK":
        pass
    check("monitor gdbserver from gdb is refused, the stub stays", alive(r))

    # -- threads --
    check("qfThreadInfo lists both vCPUs", r.cmd("qfThreadInfo") == b"m01,02")
    check("qsThreadInfo ends the list", r.cmd("qsThreadInfo") == b"l")
    check("qC names thread 1", r.cmd("qC") == b"QC01")
    check("T 2 is alive", r.cmd("T2") == b"OK")
    check("T 9 is not", r.cmd("T9").startswith(b"E"))
    extra = r.cmd("qThreadExtraInfo,2")
    check("qThreadExtraInfo names the CPU",
          bytes.fromhex(extra.decode()).startswith(b"CPU#1"), extra)
    check("Hg2 selects the second vCPU", r.cmd("Hg2") == b"OK")
    check("'p' then reads the second vCPU (powered off, not at the image)",
          r.cmd("p20") != hexle(LOAD, 8).encode())
    check("Hg9 is an error", r.cmd("Hg9").startswith(b"E"))
    check("Hx1 is an error", r.cmd("Hx1").startswith(b"E"))
    check("Hg1 selects the first again", r.cmd("Hg1") == b"OK")
    check("Hc1", r.cmd("Hc1") == b"OK")

    # -- malformed breakpoints --
    for bad in ("Z0", "Z0,", "Z0,zz,4", "Z0,40080000", "Z0,40080000,", "Z",
                "Zq,0,4", "Z0,40080000,4junk", "Z2,40090000,0",
                "Z2,ffffffffffffffff,10", "Z0,11112222333344445555,4",
                "z1,zz,4"):
        rep = r.cmd(bad)
        check("malformed %r is an error" % bad, rep.startswith(b"E"), rep)
    check("unsupported Z type is empty", r.cmd("Z7,40080000,4") == b"")
    check("removing an absent breakpoint is an error",
          r.cmd("z0,40081234,4").startswith(b"E"))
    check("stub alive after malformed Z", alive(r))

    # -- run control: set up the loop (x0 = 0, x1 = DATA) --
    r.cmd("P0=%s" % hexle(0, 8))
    r.cmd("P1=%s" % hexle(DATA, 8))
    rep = r.cmd("s")
    check("s stops with SIGTRAP", rep.startswith(b"T05thread:01;"), rep)
    check("s moved pc by one insn", r.cmd("p20") == hexle(LOAD + 4, 8).encode())
    check("s ran the insn (x0 = 1)", r.cmd("p0") == hexle(1, 8).encode())
    rep = r.cmd("vCont;s:1")
    check("vCont;s:1 steps thread 1", rep.startswith(b"T05thread:01;"), rep)
    check("vCont step stored x0", r.cmd("m%x,8" % DATA) == hexle(1, 8).encode())
    check("vCont? lists c, s, t", r.cmd("vCont?").startswith(b"vCont;c;C;s;S"))

    check("Z0 at the store", r.cmd("Z0,%x,4" % (LOAD + 4)) == b"OK")
    rep = r.cmd("c")
    check("c stops at the Z0 breakpoint, reported as swbreak",
          rep.startswith(b"T05thread:01;") and b"swbreak" in rep, rep)
    check("pc is the breakpoint", r.cmd("p20") == hexle(LOAD + 4, 8).encode())
    check("z0 removes it", r.cmd("z0,%x,4" % (LOAD + 4)) == b"OK")
    check("Z1 (hardware breakpoint)", r.cmd("Z1,%x,4" % (LOAD + 8)) == b"OK")
    rep = r.cmd("vCont;c")
    check("vCont;c stops at the Z1 breakpoint, reported as hwbreak",
          rep.startswith(b"T05") and b"hwbreak" in rep, rep)
    check("z1 removes it", r.cmd("z1,%x,4" % (LOAD + 8)) == b"OK")

    for ztype, key in ((2, b"watch:"), (4, b"awatch:")):
        check("Z%d watchpoint" % ztype, r.cmd("Z%d,%x,8" % (ztype, DATA)) == b"OK")
        rep = r.cmd("c")
        check("c stops on the watchpoint (%s)" % key.decode(),
              rep.startswith(b"T05") and (b";" + key + b"%x;" % DATA) in rep, rep)
        check("z%d removes it" % ztype, r.cmd("z%d,%x,8" % (ztype, DATA)) == b"OK")
    check("Z3 read watchpoint on a location nobody reads",
          r.cmd("Z3,%x,8" % DATA) == b"OK")

    # ctrl-C while running
    r.send_raw(Rsp.frame("c"))
    if r.ack:
        r.read_ack()
    time.sleep(0.3)
    r.send_raw(b"\x03")
    rep = r.read_packet()
    check("ctrl-C stops the VM with SIGINT (read watchpoint not hit)",
          rep.startswith(b"T02thread:"), rep)
    check("z3 removes it", r.cmd("z3,%x,8" % DATA) == b"OK")
    x0 = int.from_bytes(bytes.fromhex(r.cmd("p0").decode()), "little")
    check("the loop ran while continued", x0 > 100, x0)
    time.sleep(0.1)
    x0b = int.from_bytes(bytes.fromhex(r.cmd("p0").decode()), "little")
    check("and is stopped now", x0 == x0b, (x0, x0b))

    # -- garbage --
    r.send_raw(b"$g#00")
    check("bad checksum is nak'ed", r.read_ack() == b"-")
    check("stub alive after a bad checksum", alive(r))
    r.send_raw(b"$g#zz")
    check("non-hex checksum is nak'ed", r.read_ack() == b"-")
    r.send_raw(b"$*a#" + b"%02x" % ((ord("*") + ord("a")) & 0xff))
    check("RLE with nothing to repeat is nak'ed", r.read_ack() == b"-")
    check("stub alive after bad RLE", alive(r))
    # "m4008" + "0*" + chr(29 + 3): '0' three more times -> "m40080000,4".
    rep = r.cmd(b"m4008" + b"0*" + bytes([29 + 3]) + b",4")
    check("RLE-encoded packet decoded", rep == IMAGE[:4].hex().encode(), rep)
    huge = b"M%x,1:" % DATA + b"00" * (psize * 4)
    r.send_raw(Rsp.frame(huge))
    if r.ack:
        r.read_ack()
    rep = r.read_packet()
    check("a packet 4x over PacketSize gets an error", rep.startswith(b"E"), rep[:20])
    check("stub alive after a huge packet", alive(r))
    r.send_raw(b"$m%x,4" % LOAD + b"$m%x,4#" % LOAD +
               b"%02x" % (sum(b"m%x,4" % LOAD) & 0xff))
    if r.ack:
        r.read_ack()
    check("a '$' restarts a packet", r.read_packet() == IMAGE[:4].hex().encode())
    rnd = random.Random(1234)
    for _ in range(20):
        n = rnd.randrange(1, 300)
        blob = bytes(rnd.randrange(256) for _ in range(n)).replace(b"\x03", b"")
        r.send_raw(blob + b"#00")
    # Drain whatever the garbage produced, then resynchronise.
    time.sleep(0.3)
    r.s.settimeout(0.3)
    try:
        while r.s.recv(65536):
            pass
    except socket.timeout:
        pass
    r.s.settimeout(30)
    r.buf = b""
    r.send_raw(b"#00")     # end any packet the garbage left open
    time.sleep(0.1)
    r.s.settimeout(0.3)
    try:
        r.s.recv(65536)
    except socket.timeout:
        pass
    r.s.settimeout(30)
    check("stub alive after random bytes", alive(r))

    # -- no-ack mode --
    check("QStartNoAckMode", r.cmd("QStartNoAckMode") == b"OK")
    r.ack = False
    r.send_raw(Rsp.frame("qC"))
    b = r.read_byte()
    check("no '+' in no-ack mode", b == b"$", b)
    r.buf = b + r.buf
    check("and the reply still comes", r.read_packet() == b"QC01")

    # -- detach and reattach, then kill --
    check("D detaches", r.cmd("D") == b"OK")
    r.s.close()
    time.sleep(0.2)
    r2 = Rsp(r.path)
    stop = r2.cmd("?")
    check("a new connection is served after detach", stop.startswith(b"T05"), stop)
    r2.send_raw(Rsp.frame("k"))
    try:
        r2.read_ack()
    except (socket.timeout, EOFError, ConnectionError):
        pass


class Hmp:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(30)
        for _ in range(200):
            try:
                self.s.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                time.sleep(0.05)
        self.read_prompt()

    def read_prompt(self):
        out = b""
        while not out.endswith(b"(qemu) "):
            chunk = self.s.recv(65536)
            if not chunk:
                break
            out += chunk
        return out.decode(errors="replace")

    def cmd(self, line):
        self.s.sendall(line.encode() + b"\n")
        return self.read_prompt()


def x0_of(r):
    return int.from_bytes(bytes.fromhex(r.cmd("p0").decode()), "little")


def run_attach(plumb, tmp):
    """A running VM: HMP gdbserver, attach stops it, monitor stop/cont."""
    img = os.path.join(tmp, "free.bin")
    mon = os.path.join(tmp, "mon.sock")
    sock = os.path.join(tmp, "gdb2.sock")
    with open(img, "wb") as f:
        f.write(IMAGE_FREE)
    proc = subprocess.Popen(
        [plumb, "-M", "virt", "-cpu", "max", "-m", "128M", "-nographic",
         "-kernel", img, "-monitor", "unix:%s,server=on,wait=off" % mon],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            if os.path.exists(mon):
                break
            time.sleep(0.05)
        h = Hmp(mon)
        out = h.cmd("gdbserver unix:%s,server=on" % sock)
        check("HMP gdbserver starts the stub", "Waiting for gdb" in out, out)
        time.sleep(0.2)
        r = Rsp(sock)
        stop = r.cmd("?")
        check("attaching to a running VM: '?' answers", stop.startswith(b"T05"), stop)
        a = x0_of(r)
        time.sleep(0.2)
        b = x0_of(r)
        check("attaching stopped the running VM", a == b and a > 0, (a, b))
        check("HMP sees the VM stopped", "paused" in h.cmd("info status"))
        r.send_raw(Rsp.frame("c"))
        r.read_ack()
        time.sleep(0.2)
        h.cmd("stop")
        rep = r.read_packet()
        check("monitor 'stop' while gdb waits is reported as SIGINT",
              rep.startswith(b"T02"), rep)
        c = x0_of(r)
        check("the VM ran between 'c' and 'stop'", c > b, (b, c))
        h.cmd("cont")
        time.sleep(0.1)
        d = x0_of(r)
        time.sleep(0.2)
        check("a packet while the monitor let the VM run stops it first",
              x0_of(r) == d and d > c, (c, d))
        check("D detaches", r.cmd("D") == b"OK")
        time.sleep(0.2)
        check("after D the VM runs", "running" in h.cmd("info status"))
        out = h.cmd("gdbserver none")
        check("HMP gdbserver none stops the stub", "Disabled" in out, out)
        check("and the socket is gone", not os.path.exists(sock) or
              not _connects(sock))
        h.cmd("quit")
        rc = proc.wait(timeout=30)
        check("quit after the stub was stopped: status 0", rc == 0, rc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _connects(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
        return True
    except OSError:
        return False
    finally:
        s.close()


if __name__ == "__main__":
    main()
