# tests/guest/aarch64-diff/rules.mk - the A64 differential tester's fixed
# set (scripts/a64-difftest-gen.py), and the runner of
# tests/guest/aarch64/widths.c, which needs a device on the command line.
#
# widths: tests/guest/rules.mk builds widths.elf like every image there and
# would give it the plain run-test.sh runner; the explicit rule below (an
# explicit rule wins over that pattern rule) runs it with run-widths.sh,
# which adds -device ram-device-testdev. Runners widths-<twin> run the same
# image under plumb's slow twins.

A64D_SRC := tests/guest/aarch64-diff
A64D_OUT := $(BUILD)/tests/guest/aarch64-diff
A64D_WIDTHS_ELF := $(BUILD)/tests/guest/aarch64/widths.elf

# name:accel-options of the slow twins (DESIGN: every fast path has one)
A64D_TWINS := interp:backend=interp oneinsn:one-insn-per-tb=on \
	nochain:chaining=off notlb:tlb=off

ifneq ($(CROSS_AARCH64),)
$(BUILD)/tests/guest/aarch64/aarch64-widths: $(A64D_WIDTHS_ELF) $(A64D_SRC)/run-widths.sh
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' "$(abspath $(A64D_SRC)/run-widths.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

A64D_WIDTHS_TWINS := $(foreach t,$(A64D_TWINS),$(A64D_OUT)/aarch64-widths-$(firstword $(subst :, ,$(t))))
GUEST_TESTS += $(A64D_WIDTHS_TWINS)

$(A64D_OUT)/aarch64-widths-%: $(A64D_WIDTHS_ELF) $(A64D_SRC)/run-widths.sh
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s -accel tcg,%s "$$@"\n' "$(abspath $(A64D_SRC)/run-widths.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" \
		"$(lastword $(subst :, ,$(filter $*:%,$(A64D_TWINS))))" > $@
	@chmod +x $@
endif
