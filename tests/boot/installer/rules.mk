# tests/boot/installer/rules.mk - Debian 12's arm64 netboot installer to its
# second question on the serial console (make check-boot).
# fetch-installer.sh downloads the package with apt into
# $(BUILD)/boot-cache/installer once; installer-test.py drives the console.

INSTALLER_TEST := $(BUILD)/tests/boot/aarch64-debian-installer
BOOT_TESTS += $(INSTALLER_TEST)

$(INSTALLER_TEST): tests/boot/installer/installer-test.py tests/boot/installer/fetch-installer.sh tests/boot/installer/rules.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' \
		"$(abspath tests/boot/installer/installer-test.py)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" \
		"$(abspath $(BUILD)/boot-cache)" > $@
	@chmod +x $@
