# tests/guest/gdb/rules.mk - the gdb stub tests (appended to GUEST_TESTS):
#
#   gdb-aarch64   gdb-multiarch drives gdb-target.elf through the stub
#                 (gdb-test.sh): breakpoints, steps, registers, memory,
#                 watchpoint, threads, monitor, continue to exit.
#   gdb-aarch64-interp  the same under -accel tcg,backend=interp (the slow
#                 twin must debug the same way).
#   gdb-rsp       raw remote-protocol conversation (rsp-test.py): every
#                 packet kind, and garbage the stub must survive.
#
# gdb-target.elf is built at -O0 so that gdb's line stepping is exact.

GDB_TEST_SRC := tests/guest/gdb
GDB_TEST_OUT := $(BUILD)/tests/guest/gdb
GDB_A64_SRC := tests/guest/aarch64
GDB_A64_CFLAGS := -O0 -g -ffreestanding -nostdlib -static -fno-pic -no-pie \
	-fno-stack-protector -mgeneral-regs-only -mstrict-align \
	-march=armv8.1-a+crc -Wall -Werror -I$(GDB_A64_SRC) \
	-T $(GDB_A64_SRC)/link.ld -Wl,--build-id=none -Wl,--no-warn-rwx-segments

GUEST_TESTS += $(GDB_TEST_OUT)/gdb-aarch64 $(GDB_TEST_OUT)/gdb-aarch64-interp \
	$(GDB_TEST_OUT)/gdb-rsp

$(GDB_TEST_OUT)/gdb-rsp: $(GDB_TEST_SRC)/rsp-test.py
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec python3 %s %s "$$@"\n' "$(abspath $<)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

ifneq ($(CROSS_AARCH64),)
$(GDB_TEST_OUT)/gdb-target.elf: $(GDB_TEST_SRC)/gdb-target.c $(GDB_A64_SRC)/crt0.S \
		$(GDB_A64_SRC)/testlib.c $(GDB_A64_SRC)/testlib.h $(GDB_A64_SRC)/link.ld
	@mkdir -p $(@D)
	@echo "  GUESTCC $@"
	$(QUIET)$(CROSS_AARCH64)gcc $(GDB_A64_CFLAGS) -o $@ $(GDB_A64_SRC)/crt0.S \
		$(GDB_A64_SRC)/testlib.c $<

$(GDB_TEST_OUT)/gdb-aarch64-interp: $(GDB_TEST_OUT)/gdb-target.elf $(GDB_TEST_SRC)/gdb-test.sh
	@printf '#!/bin/sh\nexec %s %s %s -accel tcg,backend=interp "$$@"\n' \
		"$(abspath $(GDB_TEST_SRC)/gdb-test.sh)" "$(abspath $<)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

$(GDB_TEST_OUT)/gdb-aarch64: $(GDB_TEST_OUT)/gdb-target.elf $(GDB_TEST_SRC)/gdb-test.sh
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' "$(abspath $(GDB_TEST_SRC)/gdb-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
else
$(GDB_TEST_OUT)/gdb-aarch64 $(GDB_TEST_OUT)/gdb-aarch64-interp:
	@mkdir -p $(@D)
	@printf '#!/bin/sh\necho "1..0 # SKIP no aarch64 cross compiler (aarch64-linux-gnu-gcc)"\n' > $@
	@chmod +x $@
endif
