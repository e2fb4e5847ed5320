# tests/guest/migration/rules.mk - the migration test: tests/guest/aarch64/
# migrate.c (built like every image there) is run by run-migration.sh,
# which migrates it between two plumb processes as kvm-unit-tests does.
# The explicit rule wins over tests/guest/rules.mk's pattern runner (the
# plain runner would wait forever for the key the guest asks for).

ifneq ($(CROSS_AARCH64),)
$(BUILD)/tests/guest/aarch64/aarch64-migrate: $(BUILD)/tests/guest/aarch64/migrate.elf \
		tests/guest/migration/run-migration.sh
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' "$(abspath tests/guest/migration/run-migration.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

GUEST_TESTS += $(BUILD)/tests/guest/aarch64/aarch64-migrate-gicv3
$(BUILD)/tests/guest/aarch64/aarch64-migrate-gicv3: $(BUILD)/tests/guest/aarch64/migrate.elf \
		tests/guest/migration/run-migration.sh
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s -machine gic-version=3 "$$@"\n' \
		"$(abspath tests/guest/migration/run-migration.sh)" \
		"$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif
