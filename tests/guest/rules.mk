# tests/guest/rules.mk - build the bare-metal guest test images and the
# TAP runner scripts that make check-guest runs (appended to GUEST_TESTS).
#
# AArch64: tests/guest/aarch64/<name>.c + crt0.S + testlib.c, linked at
# 0x40080000 for the virt machine; each becomes
# $(BUILD)/tests/guest/aarch64/<name>.elf and a runner
# $(BUILD)/tests/guest/aarch64/aarch64-<name> (run-test.sh on that image).
# Images named a57-* run with -cpu cortex-a57, the others with -cpu max;
# smp-* images run with -smp 4. fp-* and simd-* images may use FP/SIMD
# registers (crt0.S sets CPACR_EL1.FPEN for every image; the others are
# built with -mgeneral-regs-only so the compiler never emits FP/SIMD).
# aarch64-raw-ldst runs ldst as a raw binary (-kernel of a non-ELF file is
# loaded at 0x40080000, where the images are linked).

A64_GUEST_SRC := tests/guest/aarch64
A64_GUEST_OUT := $(BUILD)/tests/guest/aarch64
A64_GUEST_NAMES := $(sort $(basename $(notdir $(filter-out $(A64_GUEST_SRC)/testlib.c,$(wildcard $(A64_GUEST_SRC)/*.c)))))
A64_GUEST_CC := $(CROSS_AARCH64)gcc
A64_GUEST_CFLAGS := -O2 -g -ffreestanding -nostdlib -static -fno-pic -no-pie \
	-fno-stack-protector -mgeneral-regs-only -mstrict-align \
	-march=armv8.1-a+crc -Wall -Werror -I$(A64_GUEST_SRC) -I$(A64_GUEST_OUT) \
	-T $(A64_GUEST_SRC)/link.ld -Wl,--build-id=none -Wl,--no-warn-rwx-segments
A64_GUEST_COMMON := $(A64_GUEST_SRC)/crt0.S $(A64_GUEST_SRC)/testlib.c
A64_GUEST_DEPS := $(A64_GUEST_COMMON) $(A64_GUEST_SRC)/testlib.h $(A64_GUEST_SRC)/link.ld \
	$(A64_GUEST_OUT)/alu-cases.h $(A64_GUEST_OUT)/random-cases.h \
	$(A64_GUEST_OUT)/fp-cases.h

GUEST_TESTS += $(addprefix $(A64_GUEST_OUT)/aarch64-,$(A64_GUEST_NAMES))
GUEST_TESTS += $(A64_GUEST_OUT)/aarch64-raw-ldst
# aarch64-gz-ldst: the same raw image gzip-compressed (-kernel inflates it).
GUEST_TESTS += $(A64_GUEST_OUT)/aarch64-gz-ldst
# Some images again under plumb's slow twins (STYLE.md 8), image:options.
A64_GUEST_TWINS := exc:backend=interp atomic:one-insn-per-tb=on \
	branch:chaining=off ldst:tlb=off simd-fp-arith:backend=interp simd-ldst-struct:tlb=off
GUEST_TESTS += $(foreach t,$(A64_GUEST_TWINS),$(A64_GUEST_OUT)/aarch64-twin-$(firstword $(subst :, ,$(t))))

A64_GUEST_FP_ELFS := $(patsubst %,$(A64_GUEST_OUT)/%.elf,$(filter fp-% simd-%,$(A64_GUEST_NAMES)))
$(A64_GUEST_FP_ELFS): A64_GUEST_CFLAGS := $(filter-out -mgeneral-regs-only,$(A64_GUEST_CFLAGS))
# ext-*: the optional features of -cpu max need the assembler to know them.
$(A64_GUEST_OUT)/ext-int.elf: A64_GUEST_CFLAGS := $(subst -march=armv8.1-a+crc,-march=armv8.5-a+crc,$(A64_GUEST_CFLAGS))
$(A64_GUEST_OUT)/simd-ext.elf: A64_GUEST_CFLAGS := $(subst -march=armv8.1-a+crc,-march=armv8.6-a+crc+sha3,$(filter-out -mgeneral-regs-only,$(A64_GUEST_CFLAGS)))
$(A64_GUEST_OUT)/simd-ext.elf: $(A64_GUEST_OUT)/sha512-k.h
$(A64_GUEST_OUT)/fp-ext.elf: A64_GUEST_CFLAGS := $(subst -march=armv8.1-a+crc,-march=armv8.5-a+crc,$(filter-out -mgeneral-regs-only,$(A64_GUEST_CFLAGS)))
$(A64_GUEST_OUT)/sha512-k.h: $(A64_GUEST_SRC)/gen-sha512-k.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< > $@.tmp && mv $@.tmp $@

$(A64_GUEST_OUT)/alu-cases.h: $(A64_GUEST_SRC)/gen-alu.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< > $@.tmp && mv $@.tmp $@

$(A64_GUEST_OUT)/fp-cases.h: $(A64_GUEST_SRC)/gen-fp.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< > $@.tmp && mv $@.tmp $@

$(A64_GUEST_OUT)/random-cases.h: $(A64_GUEST_SRC)/gen-random.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< > $@.tmp && mv $@.tmp $@

$(A64_GUEST_OUT)/simd-fp-arith.elf: $(A64_GUEST_OUT)/simd-fp-cases.h
$(A64_GUEST_OUT)/simd-fp-cases.h: $(A64_GUEST_SRC)/gen-simd-fp.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< > $@.tmp && mv $@.tmp $@

# simd-int-GROUP.c includes simd-int-GROUP-cases.h (gen-simd-int.py GROUP).
A64_SIMD_INT_ELFS := $(patsubst %,$(A64_GUEST_OUT)/%.elf,$(filter simd-int-%,$(A64_GUEST_NAMES)))
$(A64_SIMD_INT_ELFS): $(A64_GUEST_OUT)/%.elf: $(A64_GUEST_OUT)/%-cases.h $(A64_GUEST_SRC)/simd-int-common.h

$(A64_GUEST_OUT)/simd-int-%-cases.h: $(A64_GUEST_SRC)/gen-simd-int.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) $< $* > $@.tmp && mv $@.tmp $@

$(A64_GUEST_OUT)/%.elf: $(A64_GUEST_SRC)/%.c $(A64_GUEST_DEPS)
	@mkdir -p $(@D)
	@echo "  GUESTCC $@"
	$(QUIET)$(A64_GUEST_CC) $(A64_GUEST_CFLAGS) -o $@ $(A64_GUEST_COMMON) $<

$(A64_GUEST_OUT)/%.bin: $(A64_GUEST_OUT)/%.elf
	@echo "  OBJCOPY $@"
	$(QUIET)$(CROSS_AARCH64)objcopy -O binary $< $@

$(A64_GUEST_OUT)/%.bin.gz: $(A64_GUEST_OUT)/%.bin
	@echo "  GZIP    $@"
	$(QUIET)gzip -9 -n -c $< > $@

ifneq ($(CROSS_AARCH64),)
$(A64_GUEST_OUT)/aarch64-raw-%: $(A64_GUEST_OUT)/%.bin $(A64_GUEST_SRC)/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s max "$$@"\n' "$(abspath $(A64_GUEST_SRC)/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

$(A64_GUEST_OUT)/aarch64-gz-%: $(A64_GUEST_OUT)/%.bin.gz $(A64_GUEST_SRC)/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s max "$$@"\n' "$(abspath $(A64_GUEST_SRC)/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

$(A64_GUEST_OUT)/aarch64-twin-%: $(A64_GUEST_OUT)/%.elf $(A64_GUEST_SRC)/run-test.sh
	@printf '#!/bin/sh\nPLUMB_ARGS="-accel tcg,%s" exec %s %s %s max "$$@"\n' \
		"$(lastword $(subst :, ,$(filter $*:%,$(A64_GUEST_TWINS))))" \
		"$(abspath $(A64_GUEST_SRC)/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

$(A64_GUEST_OUT)/aarch64-%: $(A64_GUEST_OUT)/%.elf $(A64_GUEST_SRC)/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s %s %s "$$@"\n' "$(abspath $(A64_GUEST_SRC)/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" \
		$(if $(filter a57-%,$*),cortex-a57,max) "$(if $(filter smp-%,$*),-smp 4)" > $@
	@chmod +x $@
else
$(A64_GUEST_OUT)/aarch64-raw-%:
	@mkdir -p $(@D)
	@printf '#!/bin/sh\necho "1..0 # SKIP no aarch64 cross compiler (aarch64-linux-gnu-gcc)"\n' > $@
	@chmod +x $@

$(A64_GUEST_OUT)/aarch64-%:
	@mkdir -p $(@D)
	@printf '#!/bin/sh\necho "1..0 # SKIP no aarch64 cross compiler (aarch64-linux-gnu-gcc)"\n' > $@
	@chmod +x $@
endif

# These need the GICv3 board; a static pattern rule wins over the pattern
# rule above, and a repeated -machine merges (as in QEMU) on both emulators.
A64_GICV3_IMAGES := timer-gicv3 its-lpi
ifneq ($(CROSS_AARCH64),)
$(addprefix $(A64_GUEST_OUT)/aarch64-,$(A64_GICV3_IMAGES)): $(A64_GUEST_OUT)/aarch64-%: $(A64_GUEST_OUT)/%.elf $(A64_GUEST_SRC)/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s max -machine gic-version=3 "$$@"\n' \
		"$(abspath $(A64_GUEST_SRC)/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif
