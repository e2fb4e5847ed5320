# tests/guest/aarch64/rules.mk - images that need their own -cpu options
# (static pattern rules win over tests/guest/rules.mk's pattern rule; this
# file is read before that one, so it names its directories itself).
# pauth-impdef: pauth.c with the implementation-defined PAC algorithm.
ifneq ($(CROSS_AARCH64),)
$(BUILD)/tests/guest/aarch64/pauth-impdef.elf: tests/guest/aarch64/pauth.c

$(BUILD)/tests/guest/aarch64/aarch64-pauth-impdef: $(BUILD)/tests/guest/aarch64/aarch64-%: $(BUILD)/tests/guest/aarch64/%.elf tests/guest/aarch64/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s max,pauth-impdef=on "$$@"\n' \
		"$(abspath tests/guest/aarch64/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif

# mte, mte-check: FEAT_MTE3 needs tag storage, -machine virt,mte=on
# (merged with the runner's -M virt, as QEMU merges repeated -machine).
ifneq ($(CROSS_AARCH64),)
$(BUILD)/tests/guest/aarch64/mte.elf $(BUILD)/tests/guest/aarch64/mte-check.elf \
	$(BUILD)/tests/guest/aarch64/mte-migrate.elf: tests/guest/aarch64/mte-common.h
$(BUILD)/tests/guest/aarch64/aarch64-mte $(BUILD)/tests/guest/aarch64/aarch64-mte-check: $(BUILD)/tests/guest/aarch64/aarch64-%: $(BUILD)/tests/guest/aarch64/%.elf tests/guest/aarch64/run-test.sh
	@printf '#!/bin/sh\nexec %s %s %s max -machine mte=on "$$@"\n' \
		"$(abspath tests/guest/aarch64/run-test.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif

# mte-migrate: migrated half-way (tags, MTE registers) by run-migration.sh.
ifneq ($(CROSS_AARCH64),)
$(BUILD)/tests/guest/aarch64/aarch64-mte-migrate: $(BUILD)/tests/guest/aarch64/mte-migrate.elf \
		tests/guest/migration/run-migration.sh
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s -machine mte=on "$$@"\n' \
		"$(abspath tests/guest/migration/run-migration.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif
