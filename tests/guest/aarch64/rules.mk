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
