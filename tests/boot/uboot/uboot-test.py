#!/usr/bin/env python3
"""uboot-test.py PLUMB CACHE - boot Debian's u-boot on -M virt with -bios and
talk to it on the serial line; print TAP.

Two boots share one 64 MiB flash image on bank 1 (-drive if=pflash,unit=1),
where u-boot keeps its environment (CONFIG_ENV_IS_IN_FLASH at 0x04000000):

  boot 1: banner and "Flash: 64 MiB" (CFI probe of the banks), a key stops
          autoboot and the "=>" prompt answers; `version`, the device tree
          u-boot was given (`fdt print /chosen` has our stdout-path), `pci`
          (ECAM: the gpex host bridge and a virtio-blk-pci disk), `virtio
          read` of the disk's first block, `setenv` + `saveenv` (erase and
          buffered program of the flash), `poweroff` (PSCI SYSTEM_OFF) with
          exit status 0;
  boot 2: the saved variable is back (`printenv`), read from the image file.

When qemu-system-aarch64 is installed the first boot runs under it too,
without saveenv (QEMU 7.2's buffered program makes u-boot's saveenv time out
on most runs), and must pass and fail the same checks. Env: UBOOT_TIMEOUT (s per wait, default 60).
"""
import os
import random
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("UBOOT_TIMEOUT", "60"))
PROMPT = "=> "


class Session:
    """One emulator run with its serial console on stdin/stdout."""

    def __init__(self, argv):
        self.argv = argv
        self.out = ""
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)

    def expect(self, text, timeout=TIMEOUT):
        """Read until @text appears after what was consumed; return what
        came before it (or None on timeout or exit)."""
        deadline = time.monotonic() + timeout
        while True:
            i = self.out.find(text)
            if i >= 0:
                before = self.out[:i]
                self.out = self.out[i + len(text):]
                return before
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.p.stdout.fileno(), 4096)
            if not chunk:
                return None
            self.out += chunk.decode("latin-1").replace("\r", "")

    def send(self, text):
        try:
            self.p.stdin.write(text.encode())
            self.p.stdin.flush()
        except BrokenPipeError:
            pass

    def command(self, line):
        """Type @line at the prompt; return its output (None on timeout)."""
        self.send(line + "\n")
        # The echo of the line, then the output up to the next prompt.
        if self.expect(line + "\n") is None:
            return None
        return self.expect(PROMPT)

    def wait(self, timeout=TIMEOUT):
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return None

    def elapsed_ms(self):
        return int((time.monotonic() - self.t0) * 1000)


def run_session(emu, ubin, vars_img, disk_img, value, write_flash=True):
    """Both boots under @emu (only the first, without saveenv, when not
    @write_flash); returns a list of (name, ok, answer)."""
    base = [emu, "-M", "virt", "-cpu", "max", "-m", "256M", "-nographic",
            "-bios", ubin,
            "-drive", "if=pflash,format=raw,unit=1,file=" + vars_img]
    res = []

    def check(name, ok, answer=""):
        res.append((name, bool(ok), answer))

    s = Session(base + ["-device", "virtio-blk-pci,drive=" + disk_img]
                if "plumb" in os.path.basename(emu) else
                base + ["-drive", "if=none,id=d0,format=raw,file=" + disk_img,
                        "-device", "virtio-blk-pci,drive=d0"])
    banner = s.expect("Hit any key to stop autoboot")
    check("u-boot starts from flash bank 0 (banner)",
          banner is not None and "U-Boot 2023.01" in banner,
          (banner or "")[-300:])
    check("u-boot finds the CFI flash (Flash: 64 MiB)",
          banner is not None and "Flash: 64 MiB" in banner)
    s.send(" ")
    got = s.expect(PROMPT)
    check("a key stops autoboot and the prompt comes", got is not None)
    t_prompt = s.elapsed_ms()

    out = s.command("version")
    check("version", out is not None and "U-Boot 2023.01" in out,
          (out or "").strip().splitlines()[0] if out else "")
    out = s.command("fdt addr $fdtcontroladdr; fdt print /chosen")
    check("the device tree from the board (fdt print /chosen)",
          out is not None and 'stdout-path = "/pl011@9000000"' in out,
          (out or "").strip()[:200])
    out = s.command("pci")
    check("pci lists the host bridge and the virtio disk",
          out is not None and "0x1b36     0x0008" in out and
          "Mass storage controller" in out, (out or "").strip()[-200:])
    out = s.command("virtio scan; virtio read 0x40200000 0 1; "
                    "md.b 0x40200000 0x10")
    check("virtio-blk read of block 0",
          out is not None and "1 blocks read: OK" in out and
          "PLUMBUBOOTDISK" in out, (out or "").strip()[-120:])
    if write_flash:
        out = s.command("setenv plumbtest %s; saveenv" % value)
        check("saveenv erases and programs the flash",
              out is not None and "Writing to Flash... done" in out and
              out.rstrip().endswith("OK"), (out or "").strip()[-200:])
    s.send("poweroff\n")
    rc = s.wait()
    check("poweroff ends the emulator with status 0", rc == 0, "rc=%s" % rc)
    if not write_flash:
        return res, t_prompt

    s = Session(base)
    got = s.expect("Hit any key to stop autoboot")
    check("second boot loads the environment from flash",
          got is not None and "Loading Environment from Flash... OK" in got)
    s.send(" ")
    s.expect(PROMPT)
    out = s.command("printenv plumbtest")
    check("the saved variable is back",
          out is not None and ("plumbtest=%s" % value) in out,
          (out or "").strip())
    s.send("poweroff\n")
    rc = s.wait()
    check("second poweroff, status 0", rc == 0, "rc=%s" % rc)
    return res, t_prompt


def main():
    if len(sys.argv) != 3:
        print("usage: uboot-test.py PLUMB CACHE", file=sys.stderr)
        return 2
    plumb, cache = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    nchecks = 12
    qemu = shutil.which("qemu-system-aarch64")
    plan = nchecks + (1 if qemu else 0)
    print("1..%d" % plan)

    os.makedirs(cache, exist_ok=True)
    f = subprocess.run(["flock", os.path.join(cache, ".uboot.lock"),
                        os.path.join(here, "fetch-uboot.sh"),
                        os.path.join(cache, "uboot")],
                       capture_output=True, text=True)
    if f.returncode == 2:
        for line in f.stderr.splitlines():
            print("# " + line)
        for i in range(1, plan + 1):
            print("ok %d - check %d # SKIP the Debian mirror is unreachable"
                  % (i, i))
        return 0
    if f.returncode != 0:
        for line in f.stderr.splitlines():
            print("# " + line)
        for i in range(1, plan + 1):
            print("not ok %d - check %d # u-boot-qemu could not be fetched"
                  % (i, i))
        return 1
    ubin = os.path.join(cache, "uboot", "u-boot.bin")
    with open(os.path.join(cache, "uboot", "version")) as v:
        print("# u-boot-qemu %s" % v.read().strip())

    fails = 0
    value = "v%08x" % random.getrandbits(32)
    answers = {}
    with tempfile.TemporaryDirectory() as tmp:
        for emu in [plumb] + ([qemu] if qemu else []):
            vars_img = os.path.join(tmp, "vars.img")
            disk_img = os.path.join(tmp, "disk.img")
            with open(vars_img, "wb") as fimg:
                fimg.truncate(64 << 20)
            with open(disk_img, "wb") as fimg:
                fimg.write(b"PLUMBUBOOTDISK")
                fimg.truncate(1 << 20)
            res, t_prompt = run_session(emu, ubin, vars_img, disk_img, value,
                                        emu == plumb)
            answers[emu] = res
            if emu == plumb:
                print("# %s: prompt after %d ms" % (os.path.basename(emu),
                                                     t_prompt))
                for n, (name, ok, ans) in enumerate(res, 1):
                    print("%s %d - %s" % ("ok" if ok else "not ok", n, name))
                    if not ok:
                        fails += 1
                        for line in ans.splitlines()[-8:]:
                            print("#   " + line)
            else:
                print("# %s: prompt after %d ms" % (os.path.basename(emu),
                                                     t_prompt))
    if qemu:
        # QEMU 7.2's buffered program ("Write to buffer emulation is
        # flawed", it logs) makes u-boot's saveenv time out on most runs,
        # after seconds of retries: QEMU runs the session without it.
        qres = {name: (qok, qans) for name, qok, qans in answers[qemu]}
        differ = [(name, qres[name][1]) for name, ok, _ in answers[plumb]
                  if name in qres and qres[name][0] != ok]
        ok = not differ
        print("%s %d - qemu-system-aarch64 passes and fails the same checks "
              "(those not writing flash)"
              % ("ok" if ok else "not ok", nchecks + 1))
        for name, qans in differ:
            print("#   differs: " + name)
            for line in qans.splitlines()[-6:]:
                print("#     qemu: " + line)
        fails += 0 if ok else 1
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
