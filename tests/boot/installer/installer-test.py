#!/usr/bin/env python3
"""installer-test.py PLUMB CACHE - Debian 12's arm64 netboot installer (d-i)
on -M virt -cpu max -m 1G -nographic, as users start it; print TAP.

fetch-installer.sh puts the installer's kernel and its initrd (the
package's initrd.gz, decompressed once on the host) in CACHE/installer.
Checks: the kernel runs /init, d-i's first question ("Select a language")
is drawn on the serial console, the Enter key typed there (English)
brings the next question ("Select your location"), and the console shows
no kernel oops, BUG or segfault. The run is then ended (d-i has no
power-off of its own at that point). About a minute of CPU: the slowest
boot test. Env: INSTALLER_TIMEOUT (s per wait, default 400).
"""
import os
import re
import select
import subprocess
import sys
import time

TIMEOUT = float(os.environ.get("INSTALLER_TIMEOUT", "400"))


class Session:
    def __init__(self, argv):
        self.out = ""
        self.log = ""
        self.dead = False
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)

    def expect(self, text, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while not self.dead:
            i = self.out.find(text)
            if i >= 0:
                before, self.out = self.out[:i], self.out[i + len(text):]
                return before
            left = deadline - time.monotonic()
            r = []
            if left > 0:
                r, _, _ = select.select([self.p.stdout], [], [], left)
            chunk = os.read(self.p.stdout.fileno(), 65536) if r else b""
            if not chunk:
                self.dead = True
                break
            s = chunk.decode("latin-1").replace("\r", "")
            self.out += s
            self.log += s
        return None

    def send(self, text):
        try:
            self.p.stdin.write(text.encode())
            self.p.stdin.flush()
        except BrokenPipeError:
            pass

    def stop(self):
        self.p.kill()
        self.p.wait()


def plain(text):
    """Screen text without escape sequences, blanks squeezed."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]", "", text)
    return re.sub(r"\s+", " ", text)


def main():
    plumb, cache = sys.argv[1], os.path.abspath(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    plan = 5
    print("1..%d" % plan)
    dest = os.path.join(cache, "installer")
    os.makedirs(cache, exist_ok=True)
    f = subprocess.run(["flock", os.path.join(cache, ".installer.lock"),
                        os.path.join(here, "fetch-installer.sh"), dest],
                       capture_output=True, text=True)
    if f.returncode != 0:
        for line in f.stderr.splitlines()[-10:]:
            print("# " + line)
        skip = f.returncode == 2
        for i in range(1, plan + 1):
            print("%s %d - check %d # %s" %
                  ("ok" if skip else "not ok", i, i,
                   "SKIP the Debian mirror is unreachable" if skip else
                   "the installer could not be fetched"))
        return 0 if skip else 1
    with open(os.path.join(dest, "version")) as v:
        print("ok 1 - debian-installer-12-netboot-arm64 %s fetched"
              % v.read().strip())

    s = Session([plumb, "-M", "virt", "-cpu", "max", "-m", "1G", "-nographic",
                 "-no-reboot", "-kernel", os.path.join(dest, "linux"),
                 "-initrd", os.path.join(dest, "initrd.cpio")])
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

    got = s.expect("Run /init as init process")
    check("the kernel runs /init", got is not None, s.log[-500:])
    t_init = time.monotonic() - s.t0
    got = s.expect("Select a language")
    t_lang = time.monotonic() - s.t0
    check("d-i asks the first question (Select a language)",
          got is not None, plain(s.log[-800:]))
    # The list's default is English; let the dialog settle, then Enter.
    s.expect("activates buttons", 60)
    time.sleep(1)
    s.send("\r")
    got = s.expect("Select your location")
    check("Enter on the serial console answers it (Select your location)",
          got is not None, plain(s.log[-800:]))
    s.expect("activates buttons", 60)
    bad = [ln for ln in s.log.splitlines()
           if re.search(r"Oops|BUG:|Unable to handle|segfault|Kernel panic",
                        ln)]
    check("no kernel oops, BUG or segfault on the console", not bad,
          "\n".join(bad[:8]))
    s.stop()
    print("# /init after %.1f s, Select a language after %.1f s, wall"
          % (t_init, t_lang))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
