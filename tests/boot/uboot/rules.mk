# tests/boot/uboot/rules.mk - Debian 12's u-boot-qemu booted from -bios on
# -M virt (make check-boot). fetch-uboot.sh downloads the package with apt
# into $(BUILD)/boot-cache/uboot once; uboot-test.py drives the serial line.

UBOOT_TEST := $(BUILD)/tests/boot/aarch64-uboot
BOOT_TESTS += $(UBOOT_TEST)

$(UBOOT_TEST): tests/boot/uboot/uboot-test.py tests/boot/uboot/fetch-uboot.sh tests/boot/uboot/rules.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' \
		"$(abspath tests/boot/uboot/uboot-test.py)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" \
		"$(abspath $(BUILD)/boot-cache)" > $@
	@chmod +x $@
