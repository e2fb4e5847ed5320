#!/usr/bin/env python3
"""edk2-test.py PLUMB CACHE - Debian 12's EDK2 (qemu-efi-aarch64) booting
Debian's arm64 kernel on -M virt the two ways users do it; print TAP.

The kernel and the busybox initrd are the ones of tests/boot/fetch-guest.sh
(CACHE/Image, CACHE/initrd.gz, CACHE/expected.txt), the firmware comes from
fetch-edk2.sh (CACHE/edk2).

Boot 1, "pflash + ESP": the 64 MiB AAVMF_CODE.fd (read-only) and a copy of
AAVMF_VARS.fd as the two -drive if=pflash banks, and a FAT ESP built here
with mtools on virtio-blk-pci. The ESP holds the kernel as an EFI
application (its EFI stub), the initrd and a startup.nsh. There is no
\\EFI\\BOOT\\BOOTAA64.EFI, so EDK2's boot manager falls through to the UEFI
shell, which runs startup.nsh (a key skips its 5 s countdown): the kernel
loads the initrd through the firmware's FAT driver (initrd=), exits boot
services and boots to the busybox marker; rtc-efi shows that EFI runtime
services work after SetVirtualAddressMap. EDK2 formats the variable
store and writes BootOrder into the flash image on the way.

Boot 2, "-bios + -kernel": QEMU_EFI.fd with -kernel/-initrd/-append, which
EDK2 reads over fw_cfg and hands to the stub (initrd through the
LINUX_EFI_INITRD_MEDIA device path, command line from -append).

Boot 3, "GRUB": the ESP's \\EFI\\BOOT\\BOOTAA64.EFI is the installer's GRUB
(grubaa64.efi of debian-installer-12-netboot-arm64, fetched by
../installer/fetch-installer.sh), which the boot manager starts from the
removable-media path with no shell; its grub.cfg, where this netboot
GRUB's prefix points (/debian-installer/arm64/grub/), loads the
kernel and the initrd from the ESP, and GRUB starts the kernel's EFI stub.

No network device (-net none): with one, EDK2 tries PXE and HTTP boot first.
Env: EDK2_TIMEOUT (s per wait, default 150); EDK2_QEMU=1 runs both boots
under qemu-system-aarch64 too and prints its times (not checked).
"""
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("EDK2_TIMEOUT", "150"))


class Session:
    """One emulator run with its serial console on stdin/stdout."""

    def __init__(self, argv):
        self.out = ""
        self.log = ""
        self.dead = False       # a wait timed out: fail the rest at once
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)

    def expect(self, text, timeout=TIMEOUT):
        """Read until @text appears after what was consumed; return what
        came before it, or None on timeout or end of output."""
        deadline = time.monotonic() + timeout
        while not self.dead:
            i = self.out.find(text)
            if i >= 0:
                before = self.out[:i]
                self.out = self.out[i + len(text):]
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

    def finish(self, timeout=TIMEOUT):
        """Read to the end of output; return the exit status (None if the
        emulator had to be killed)."""
        self.expect("\0\0never\0\0", timeout)
        try:
            return self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            return None

    def elapsed(self):
        return time.monotonic() - self.t0


def make_esp(path, cache, tmp):
    """A 64 MiB FAT32 ESP: kernel, initrd, startup.nsh."""
    nsh = os.path.join(tmp, "startup.nsh")
    with open(nsh, "w", newline="") as f:
        f.write("echo PLUMB-EFI-SHELL\r\n"
                "\\EFI\\debian\\linux.efi console=ttyAMA0 panic=-1 "
                "initrd=\\initrd.gz\r\n")
    with open(path, "wb") as f:
        f.truncate(64 << 20)
    img = ["-i", path]
    for cmd in (["mformat"] + img + ["-F", "-v", "PLUMBESP", "::"],
                ["mmd"] + img + ["::/EFI", "::/EFI/debian"],
                ["mcopy"] + img + [os.path.join(cache, "Image"),
                                   "::/EFI/debian/linux.efi"],
                ["mcopy"] + img + [os.path.join(cache, "initrd.gz"),
                                   "::/initrd.gz"],
                ["mcopy"] + img + [nsh, "::/startup.nsh"]):
        subprocess.run(cmd, check=True, capture_output=True)


def make_grub_esp(path, cache, grub, tmp):
    """A FAT32 ESP laid out as d-i's netboot tree: GRUB as the
    removable-media boot file, its grub.cfg, kernel and initrd."""
    cfg = os.path.join(tmp, "grub.cfg")
    with open(cfg, "w") as f:
        f.write("set timeout=0\nset default=0\n"
                "menuentry 'plumb' {\n"
                "  echo PLUMB-GRUB-ENTRY\n"
                "  linux /vmlinuz console=ttyAMA0 panic=-1\n"
                "  initrd /initrd.gz\n}\n")
    with open(path, "wb") as f:
        f.truncate(64 << 20)
    img = ["-i", path]
    for cmd in (["mformat"] + img + ["-F", "-v", "PLUMBGRUB", "::"],
                ["mmd"] + img + ["::/EFI", "::/EFI/BOOT", "::/debian-installer",
                                 "::/debian-installer/arm64",
                                 "::/debian-installer/arm64/grub"],
                ["mcopy"] + img + [grub, "::/EFI/BOOT/BOOTAA64.EFI"],
                ["mcopy"] + img + [cfg, "::/debian-installer/arm64/grub/"
                                   "grub.cfg"],
                ["mcopy"] + img + [os.path.join(cache, "Image"),
                                   "::/vmlinuz"],
                ["mcopy"] + img + [os.path.join(cache, "initrd.gz"),
                                   "::/initrd.gz"]):
        subprocess.run(cmd, check=True, capture_output=True)


def boot_grub(emu, cache, fw, grub, tmp, res):
    def check(name, ok, ans=""):
        res.append((name, bool(ok), ans))

    esp = os.path.join(tmp, "grub.img")
    make_grub_esp(esp, cache, grub, tmp)
    vars_img = os.path.join(tmp, "gvars.fd")
    shutil.copyfile(os.path.join(fw, "AAVMF_VARS.fd"), vars_img)
    s = Session([emu, "-M", "virt", "-cpu", "max", "-m", "1G", "-nographic",
                 "-no-reboot", "-net", "none",
                 "-drive", "if=pflash,format=raw,readonly=on,file=" +
                 os.path.join(fw, "AAVMF_CODE.fd"),
                 "-drive", "if=pflash,format=raw,file=" + vars_img,
                 "-drive", "if=virtio,format=raw,file=" + esp])
    got = s.expect("PLUMB-GRUB-ENTRY")
    check("GRUB: the boot manager starts \\EFI\\BOOT\\BOOTAA64.EFI (GRUB) "
          "and GRUB runs its grub.cfg", got is not None,
          (got or s.out)[-400:])
    got = s.expect("EFI stub: Exiting boot services")
    check("GRUB: the kernel's EFI stub runs and exits boot services",
          got is not None, (got or s.out)[-400:])
    guest_checks(s, check, expected_of(cache))
    return (s.elapsed(),)


def guest_checks(s, check, expected):
    """The busybox half shared by both boots, after the EFI stub."""
    got = s.expect("Run /init as init process")
    check("the kernel runs /init", got is not None, (got or s.out)[-400:])
    got = s.expect("PLUMB-DONE")
    ok = got is not None and "PLUMB-BOOT-OK" in got
    check("init prints the marker", ok, (got or s.out)[-400:])
    want = "PLUMB-MD5 %s\nPLUMB-LOOP %s" % (expected["md5"], expected["loop"])
    check("md5 of /bin/busybox and the shell loop equal the host's",
          got is not None and want in got,
          "want " + want.replace("\n", ", "))
    rc = s.finish()
    check("poweroff -f powers down (PSCI SYSTEM_OFF)",
          "reboot: Power down" in s.log, s.log[-300:])
    check("the emulator exits 0", rc == 0, "exit status %s" % rc)


def boot_pflash(emu, cache, fw, tmp, res):
    def check(name, ok, ans=""):
        res.append((name, bool(ok), ans))

    esp = os.path.join(tmp, "esp.img")
    make_esp(esp, cache, tmp)
    vars_img = os.path.join(tmp, "vars.fd")
    shutil.copyfile(os.path.join(fw, "AAVMF_VARS.fd"), vars_img)
    argv = [emu, "-M", "virt", "-cpu", "max", "-m", "1G", "-nographic",
            "-no-reboot", "-net", "none",
            "-drive", "if=pflash,format=raw,readonly=on,file=" +
            os.path.join(fw, "AAVMF_CODE.fd"),
            "-drive", "if=pflash,format=raw,file=" + vars_img,
            "-drive", "if=none,id=esp,format=raw,file=" + esp,
            "-device", "virtio-blk-pci,drive=esp"]
    s = Session(argv)
    got = s.expect(" seconds to skip ")
    check("EDK2 boots from pflash and starts the UEFI shell",
          got is not None and "EFI Internal Shell" in got,
          (got or s.out)[-400:])
    t_shell = s.elapsed()
    s.send(" ")
    got = s.expect("\nPLUMB-EFI-SHELL\n")
    check("the shell runs startup.nsh from the ESP on virtio-blk-pci",
          got is not None, s.out[-400:])
    got = s.expect("EFI stub: Exiting boot services")
    check("the EFI stub loads the initrd from the ESP (initrd=)",
          got is not None and
          "EFI stub: Loaded initrd from command line option" in got,
          (got or s.out)[-400:])
    got = s.expect("efi: EFI v")
    check("Linux finds the EFI system table", got is not None, s.out[-300:])
    t_linux = s.elapsed()
    got = s.expect("rtc-efi rtc-efi.0: registered as rtc0")
    check("EFI runtime services after SetVirtualAddressMap (rtc-efi)",
          got is not None, (got or s.out)[-400:])
    guest_checks(s, check, expected_of(cache))
    with open(vars_img, "rb") as f:
        store = f.read()
    check("EDK2 wrote its variables to pflash unit 1 (BootOrder)",
          "BootOrder".encode("utf-16-le") in store)
    return t_shell, t_linux, s.elapsed()


def boot_bios(emu, cache, fw, res):
    def check(name, ok, ans=""):
        res.append((name, bool(ok), ans))

    argv = [emu, "-M", "virt", "-cpu", "max", "-m", "1G", "-nographic",
            "-no-reboot", "-net", "none",
            "-bios", os.path.join(fw, "QEMU_EFI.fd"),
            "-kernel", os.path.join(cache, "Image"),
            "-initrd", os.path.join(cache, "initrd.gz"),
            "-append", "console=ttyAMA0 panic=-1 plumbefi=1"]
    s = Session(argv)
    got = s.expect("EFI stub: Exiting boot services")
    check("-bios: EDK2 boots the -kernel over fw_cfg, the stub gets the "
          "-initrd (LINUX_EFI_INITRD_MEDIA)",
          got is not None and "EFI stub: Loaded initrd from "
          "LINUX_EFI_INITRD_MEDIA_GUID device path" in got,
          (got or s.out)[-400:])
    t_linux = s.elapsed()
    got = s.expect("Kernel command line:")
    line = (s.expect("\n") or "") if got is not None else ""
    check("-bios: the kernel gets -append", "plumbefi=1" in line, line)
    guest_checks(s, check, expected_of(cache))
    return t_linux, s.elapsed()


def expected_of(cache):
    exp = {}
    with open(os.path.join(cache, "expected.txt")) as f:
        for line in f:
            k, _, v = line.strip().partition(" ")
            exp[k] = v
    return exp


def fetch(here, cache):
    """(status, messages): 0 ready, 2 mirror unreachable, 1 failure."""
    msgs = []
    for script, dest, lock in (
            (os.path.join(here, "..", "fetch-guest.sh"), cache, ".lock"),
            (os.path.join(here, "fetch-edk2.sh"),
             os.path.join(cache, "edk2"), ".edk2.lock"),
            (os.path.join(here, "..", "installer", "fetch-installer.sh"),
             os.path.join(cache, "installer"), ".installer.lock")):
        f = subprocess.run(["flock", os.path.join(cache, lock), script, dest],
                           capture_output=True, text=True)
        msgs += f.stderr.splitlines()
        if f.returncode != 0:
            return f.returncode, msgs
    return 0, msgs


def main():
    if len(sys.argv) != 3:
        print("usage: edk2-test.py PLUMB CACHE", file=sys.stderr)
        return 2
    plumb, cache = sys.argv[1], os.path.abspath(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    nchecks = 1 + 11 + 7 + 7
    print("1..%d" % nchecks)
    os.makedirs(cache, exist_ok=True)
    rc, msgs = fetch(here, cache)
    if rc != 0 or not shutil.which("mformat"):
        for line in msgs[-10:]:
            print("# " + line)
        why = ("the Debian mirror is unreachable" if rc == 2 else
               "the guest or qemu-efi-aarch64 could not be fetched" if rc else
               "mtools is not installed (scripts/install-deps.sh)")
        for i in range(1, nchecks + 1):
            print("%s %d - check %d # %s" % ("ok" if rc == 2 else "not ok",
                                             i, i, ("SKIP " if rc == 2 else "")
                                             + why))
        return 0 if rc == 2 else 1
    fw = os.path.join(cache, "edk2")
    with open(os.path.join(fw, "version")) as v:
        print("# qemu-efi-aarch64 %s, kernel %s" %
              (v.read().strip(), open(os.path.join(cache, "abi")).read().strip()))
    print("ok 1 - kernel, busybox, qemu-efi-aarch64 and the installer's "
          "GRUB fetched")
    grub = os.path.join(cache, "installer", "grubaa64.efi")

    emus = [plumb]
    if os.environ.get("EDK2_QEMU") == "1" and shutil.which("qemu-system-aarch64"):
        emus.append(shutil.which("qemu-system-aarch64"))
    fails = 0
    for emu in emus:
        res = []
        with tempfile.TemporaryDirectory() as tmp:
            t1 = boot_pflash(emu, cache, fw, tmp, res)
        t2 = boot_bios(emu, cache, fw, res)
        with tempfile.TemporaryDirectory() as tmp:
            t3 = boot_grub(emu, cache, fw, grub, tmp, res)
        name = os.path.basename(emu)
        print("# %s pflash+ESP: shell %.1f s, Linux %.1f s, off %.1f s; "
              "-bios -kernel: Linux %.1f s, off %.1f s; GRUB: off %.1f s"
              % ((name,) + t1 + t2 + t3))
        if emu != plumb:
            for cname, ok, _ in res:
                if not ok:
                    print("# %s fails: %s" % (name, cname))
            continue
        for n, (cname, ok, ans) in enumerate(res, 2):
            print("%s %d - %s" % ("ok" if ok else "not ok", n, cname))
            if not ok:
                fails += 1
                for line in ans.splitlines()[-8:]:
                    print("#   " + line)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
