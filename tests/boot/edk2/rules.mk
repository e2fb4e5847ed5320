# tests/boot/edk2/rules.mk - Debian 12's EDK2 (qemu-efi-aarch64) booting
# Debian's arm64 kernel on -M virt, from pflash with an ESP on
# virtio-blk-pci and from -bios with -kernel (make check-boot).
# fetch-edk2.sh downloads the firmware package with apt into
# $(BUILD)/boot-cache/edk2 once; edk2-test.py drives the serial line.

EDK2_TEST := $(BUILD)/tests/boot/aarch64-edk2-linux
BOOT_TESTS += $(EDK2_TEST)

$(EDK2_TEST): tests/boot/edk2/edk2-test.py tests/boot/edk2/fetch-edk2.sh tests/boot/installer/fetch-installer.sh tests/boot/edk2/rules.mk
	@mkdir -p $(@D)
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' \
		"$(abspath tests/boot/edk2/edk2-test.py)" \
		"$(abspath $(BUILD)/plumb-system-aarch64)" \
		"$(abspath $(BUILD)/boot-cache)" > $@
	@chmod +x $@
