#!/usr/bin/env python3
"""serial-input-test.py PLUMB CACHE - keyboard input on the PL011 console,
as in `make run` (-nographic, stdin and stdout a terminal); print TAP.

plumb runs on a pseudo-terminal with fetch-guest.sh's kernel and busybox
initrd and `plumbshell=1` (init.sh starts an interactive shell). Checks:
  - 12 lines typed one character every 30 ms from the kernel's "Run /init"
    on, before the shell exists, all reach the shell and run, in order
    (Linux's tty keeps what arrives once /init has the console open; what
    is typed while the kernel itself boots is dropped by the kernel's
    PL011 driver, under QEMU too, so the test does not type then);
  - 40 lines pasted at once at the prompt (receive FIFO full, the chardev
    must hold the rest until the guest reads, not drop it) all run;
  - `exit` powers the machine off and plumb exits 0.
Env: SERIAL_TIMEOUT (s per wait, default 150).
"""
import os
import pty
import select
import subprocess
import sys
import time

TIMEOUT = float(os.environ.get("SERIAL_TIMEOUT", "150"))
PROMPT = "plumb-guest:/# "


class Pty:
    def __init__(self, argv):
        self.m, s = pty.openpty()
        self.p = subprocess.Popen(argv, stdin=s, stdout=s, stderr=s,
                                  close_fds=True)
        os.close(s)
        self.out = ""
        self.log = ""

    def pump(self, wait):
        r, _, _ = select.select([self.m], [], [], wait)
        if not r:
            return True
        try:
            c = os.read(self.m, 65536)
        except OSError:
            return False
        if not c:
            return False
        s = c.decode("latin-1").replace("\r", "")
        self.out += s
        self.log += s
        return True

    def expect(self, text, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while text not in self.out:
            if time.monotonic() > deadline or not self.pump(0.2):
                return None
        i = self.out.find(text)
        before, self.out = self.out[:i], self.out[i + len(text):]
        return before

    def type(self, text, gap):
        for ch in text:
            os.write(self.m, ch.encode())
            end = time.monotonic() + gap
            while time.monotonic() < end:
                self.pump(max(0.0, end - time.monotonic()))

    def wait(self):
        deadline = time.monotonic() + 30
        while self.p.poll() is None and time.monotonic() < deadline:
            self.pump(0.2)
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()
            return None
        return self.p.returncode


def main():
    plumb, cache = sys.argv[1], os.path.abspath(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    plan = 5
    print("1..%d" % plan)
    f = subprocess.run(["flock", os.path.join(cache, ".lock"),
                        os.path.join(here, "fetch-guest.sh"), cache],
                       capture_output=True, text=True)
    if f.returncode != 0:
        for line in f.stderr.splitlines()[-10:]:
            print("# " + line)
        skip = f.returncode == 2
        for i in range(1, plan + 1):
            print("%s %d - check %d # %s" %
                  ("ok" if skip else "not ok", i, i,
                   "SKIP the Debian mirror is unreachable" if skip else
                   "the guest could not be fetched"))
        return 0 if skip else 1
    print("ok 1 - guest fetched: kernel %s" %
          open(os.path.join(cache, "abi")).read().strip())

    t = Pty([plumb, "-M", "virt", "-cpu", "max", "-m", "1G", "-nographic",
             "-no-reboot", "-kernel", os.path.join(cache, "Image"),
             "-initrd", os.path.join(cache, "initrd.gz"),
             "-append", "console=ttyAMA0 panic=-1 plumbshell=1"])
    fails = 0
    n = 1

    def check(name, ok, detail=""):
        nonlocal fails, n
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
        if not ok:
            fails += 1
            for line in detail.splitlines()[-8:]:
                print("#   " + line)

    early = ["T%02d-%s" % (k, "abcdefghijklmnopqrstuvwxyz") for k in range(12)]
    got = t.expect("Run /init as init process")
    if got is not None:
        t.type("".join("echo %s\n" % s for s in early), 0.03)
    ok = got is not None and t.expect(PROMPT) is not None
    for s in early:
        ok = ok and t.expect("\n%s\n" % s, 60) is not None
    check("12 lines typed from /init on, before the shell starts, all run "
          "in order", ok, t.log[-600:])

    t.expect(PROMPT, 30)
    paste = ["P%02d-%s" % (k, "0123456789") for k in range(40)]
    os.write(t.m, "".join("echo %s\n" % s for s in paste).encode())
    ok = True
    for s in paste:
        ok = ok and t.expect("\n%s\n" % s, 60) is not None
    check("40 lines pasted at once all run in order", ok, t.log[-600:])

    t.expect(PROMPT, 30)
    t.type("exit\n", 0)
    rc = t.wait()
    check("exit in the shell powers off (PSCI SYSTEM_OFF)",
          "reboot: Power down" in t.log, t.log[-300:])
    check("plumb exits 0", rc == 0, "exit status %s" % rc)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
