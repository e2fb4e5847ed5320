# tests/boot/rules.mk - the boot tier (make check-boot): Debian 12's arm64
# kernel and busybox-static, fetched with apt into $(BUILD)/boot-cache once
# (tests/boot/fetch-guest.sh), booted on -M virt -cpu max by boot-test.sh in
# each configuration below: $(BUILD)/tests/boot/aarch64-linux-smp<N>-gicv<V>.

BOOT_OUT := $(BUILD)/tests/boot
BOOT_CACHE := $(BUILD)/boot-cache
BOOT_A64_CONFIGS := smp1-gicv3 smp2-gicv3 smp1-gicv2 smp2-gicv2
BOOT_TESTS += $(addprefix $(BOOT_OUT)/aarch64-linux-,$(BOOT_A64_CONFIGS))

$(BOOT_OUT)/aarch64-linux-%: tests/boot/boot-test.sh tests/boot/rules.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s %s %s "$$@"\n' \
		"$(abspath tests/boot/boot-test.sh)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" "$(abspath $(BOOT_CACHE))" \
		"$(patsubst smp%,%,$(word 1,$(subst -, ,$*)))" \
		"$(patsubst gicv%,%,$(word 2,$(subst -, ,$*)))" > $@
	@chmod +x $@
