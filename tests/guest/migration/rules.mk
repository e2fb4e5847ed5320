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

# make check-boot: a Linux guest with virtio-blk-pci and virtio-net-pci
# migrated while it reads its disk (run-linux-migration.sh), MSI-X through
# the ITS (gicv3) and through GICv2m (gicv2). Debian's kernel, as the boot tier.
MIGRATION_LINUX_CONFIGS := gicv3 gicv2
BOOT_TESTS += $(addprefix $(BUILD)/tests/boot/migrate-linux-pci-,$(MIGRATION_LINUX_CONFIGS))

$(BUILD)/tests/boot/migrate-linux-pci-%: tests/guest/migration/run-linux-migration.sh \
		tests/guest/migration/linux-init.sh tests/guest/migration/rules.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s %s "$$@"\n' \
		"$(abspath tests/guest/migration/run-linux-migration.sh)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" "$(abspath $(BUILD)/boot-cache)" \
		"$(patsubst gicv%,%,$*)" > $@
	@chmod +x $@
