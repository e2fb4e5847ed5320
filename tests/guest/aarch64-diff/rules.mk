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

# simd-ldst-widths.c (the SIMD&FP forms) needs the same device.
$(BUILD)/tests/guest/aarch64/aarch64-simd-ldst-widths: $(BUILD)/tests/guest/aarch64/simd-ldst-widths.elf $(A64D_SRC)/run-widths.sh
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

# ---- the differential tester's fixed set ---------------------------------
# Each seed is one image of A64D_BLOCKS blocks of A64D_INSNS instructions;
# it runs under plumb (and each slow twin) and QEMU, one TAP test per block.
# QEMU's output is cached next to the image so the twins do not rerun it.
# fpN seeds mix in every FP/SIMD class (--fpsimd all): V0-V31, FPSR and
# FPCR are compared too. extN seeds are made of the optional extensions
# of -cpu max only (classes iext, vext, fpext, with --only).
A64D_SEEDS := 1 2 fp3 fp4 ext5
A64D_EXT_CLASSES := iext,vext,fpext
A64D_BLOCKS := 50
A64D_INSNS := 40
A64D_GEN := scripts/a64-difftest-gen.py
A64D_CMP := scripts/a64-difftest-compare.py
A64D_HARNESS_DEPS := $(A64D_SRC)/harness.c tests/guest/aarch64/crt0.S \
	tests/guest/aarch64/testlib.c tests/guest/aarch64/testlib.h tests/guest/aarch64/link.ld

$(A64D_OUT)/seed%.S $(A64D_OUT)/seed%.json: $(A64D_GEN) scripts/a64difftest_fpsimd.py
	@mkdir -p $(@D)
	@echo "  GEN     $(A64D_OUT)/seed$*.S"
	$(QUIET)$(DECODETREE_PYTHON) $(A64D_GEN) --seed $(patsubst ext%,%,$(patsubst fp%,%,$*)) \
		$(if $(filter fp%,$*),--fpsimd all) $(if $(filter ext%,$*),--fpsimd $(A64D_EXT_CLASSES) --only) \
		--blocks $(A64D_BLOCKS) --insns $(A64D_INSNS) \
		-o $(A64D_OUT)/seed$*.S --meta $(A64D_OUT)/seed$*.json

$(A64D_OUT)/seed%.elf: $(A64D_OUT)/seed%.S $(A64D_HARNESS_DEPS)
	@echo "  GUESTCC $@"
	$(QUIET)$(CROSS_AARCH64)gcc $(A64_GUEST_CFLAGS) -o $@ $(A64_GUEST_COMMON) $(A64D_SRC)/harness.c $<

A64D_VARIANTS := $(foreach s,$(A64D_SEEDS),aarch64-diff-seed$(s) \
	$(foreach t,$(A64D_TWINS),aarch64-diff-seed$(s)-$(firstword $(subst :, ,$(t)))))
GUEST_TESTS += $(addprefix $(A64D_OUT)/,$(A64D_VARIANTS))

ifneq ($(CROSS_AARCH64),)
# $(call a64d_runner,SEED,TWIN-NAME,ACCEL-OPTIONS): the runner script of one
# seed under plumb's default or one slow twin.
define a64d_runner
$(A64D_OUT)/aarch64-diff-seed$(1)$(if $(2),-$(2)): $(A64D_OUT)/seed$(1).elf $(A64D_CMP)
	@printf '#!/bin/sh\nexec $(DECODETREE_PYTHON) %s --elf %s --meta %s --plumb %s --qemu-cache %s %s "$$$$@"\n' \
		"$(abspath $(A64D_CMP))" "$(abspath $(A64D_OUT)/seed$(1).elf)" \
		"$(abspath $(A64D_OUT)/seed$(1).json)" "$(abspath $(BUILD)/plumb-system-aarch64)" \
		"$(abspath $(A64D_OUT)/seed$(1).qemu-out)" \
		"$(if $(2),--accel tcg$(A64D_COMMA)$(3) --name 'seed $(1) $(2)')" > $$@
	@chmod +x $$@
endef
A64D_COMMA := ,
$(foreach s,$(A64D_SEEDS),$(eval $(call a64d_runner,$(s),,)))
$(foreach s,$(A64D_SEEDS),$(foreach t,$(A64D_TWINS),$(eval $(call a64d_runner,$(s),$(firstword $(subst :, ,$(t))),$(lastword $(subst :, ,$(t)))))))
else
$(A64D_OUT)/aarch64-diff-%:
	@mkdir -p $(@D)
	@printf '#!/bin/sh\necho "1..0 # SKIP no aarch64 cross compiler (aarch64-linux-gnu-gcc)"\n' > $@
	@chmod +x $@
endif

# A larger run than check-guest's (not part of make check):
#   make fuzz-a64 [FUZZ_SEEDS=100-199] [FUZZ_ACCEL=tcg,tlb=off]
#                 [FUZZ_FPSIMD=all|fp,fpconv,vfp,vint,vmove,vldst] [FUZZ_ONLY=1]
.PHONY: fuzz-a64
fuzz-a64: all
	@scripts/a64-difftest.sh --build $(BUILD) --seeds $(or $(FUZZ_SEEDS),1000-1049) \
		$(if $(FUZZ_ACCEL),--accel $(FUZZ_ACCEL)) \
		$(if $(FUZZ_FPSIMD),--fpsimd $(FUZZ_FPSIMD)) $(if $(FUZZ_ONLY),--only)
