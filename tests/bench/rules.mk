# tests/bench/rules.mk - benchmarks that `make bench` runs (BENCHES), each a
# small script scripts/run-bench.sh executes.
#
# aarch64-cpu-int: tests/bench/aarch64/cpu-int.c (sieve, CRC-32, quicksort,
# matrix multiply, switch interpreter), built like the guest tests, run
# under plumb and qemu-system-aarch64 interleaved by bench-vs-qemu.sh.
# aarch64-cpu-fp: tests/bench/aarch64/cpu-fp.c (n-body in double, SAXPY and
# a convolution in single-precision vectors, integer SIMD, conversions),
# built with FP/SIMD allowed and -O3 so that GCC vectorizes.
# BENCH_ROUNDS sets the amount of work (rebuild after changing it).

BENCH_OUT := $(BUILD)/tests/bench
BENCH_ROUNDS ?= 24
BENCH_A64_DEPS := tests/guest/aarch64/crt0.S tests/guest/aarch64/testlib.c \
	tests/guest/aarch64/testlib.h tests/guest/aarch64/link.ld

ifneq ($(CROSS_AARCH64),)
BENCHES += $(BENCH_OUT)/aarch64-cpu-int $(BENCH_OUT)/aarch64-cpu-fp

# FP/SIMD code generation for the cpu-fp images.
BENCH_FP_ELFS := $(BENCH_OUT)/aarch64/cpu-fp.elf $(BENCH_OUT)/aarch64/cpu-fp-empty.elf
# (recursive: tests/guest/rules.mk, which sets A64_GUEST_CFLAGS, may be read later)
BENCH_CFLAGS = $(A64_GUEST_CFLAGS)
$(BENCH_FP_ELFS): BENCH_CFLAGS = $(filter-out -mgeneral-regs-only -O2,$(A64_GUEST_CFLAGS)) -O3 -fno-math-errno

$(BENCH_OUT)/aarch64/%.elf: tests/bench/aarch64/%.c $(BENCH_A64_DEPS)
	@mkdir -p $(@D)
	@echo "  GUESTCC $@"
	$(QUIET)$(CROSS_AARCH64)gcc $(BENCH_CFLAGS) -DBENCH_ROUNDS=$(BENCH_ROUNDS) -o $@ \
		$(A64_GUEST_COMMON) $<

# The same program with no rounds: start-up alone, subtracted by the runner.
$(BENCH_OUT)/aarch64/%-empty.elf: tests/bench/aarch64/%.c $(BENCH_A64_DEPS)
	@mkdir -p $(@D)
	@echo "  GUESTCC $@"
	$(QUIET)$(CROSS_AARCH64)gcc $(BENCH_CFLAGS) -DBENCH_ROUNDS=0 -o $@ \
		$(A64_GUEST_COMMON) $<

# aarch64-mmio-write / -read: tests/bench/aarch64/mmio.c, byte writes or
# reads to pci-testdev's BAR0, 131072 per round; ns per access printed.
BENCHES += $(BENCH_OUT)/aarch64-mmio-write $(BENCH_OUT)/aarch64-mmio-read
BENCH_MMIO_ARGS := -M virt,highmem=off -device pci-testdev
$(BENCH_OUT)/aarch64/mmio-write.elf $(BENCH_OUT)/aarch64/mmio-read.elf \
$(BENCH_OUT)/aarch64/mmio-empty.elf: tests/bench/aarch64/mmio.c $(BENCH_A64_DEPS)
	@mkdir -p $(@D)
	@echo "  GUESTCC $@"
	$(QUIET)$(CROSS_AARCH64)gcc $(BENCH_CFLAGS) -o $@ $(A64_GUEST_COMMON) $< \
		-DBENCH_ROUNDS=$(if $(findstring empty,$(notdir $@)),0,$(BENCH_ROUNDS)) \
		-DMMIO_KERNEL=$(if $(findstring read,$(notdir $@)),1,0)
$(BENCH_OUT)/aarch64-mmio-%: $(BENCH_OUT)/aarch64/mmio-%.elf $(BENCH_OUT)/aarch64/mmio-empty.elf \
		tests/bench/aarch64/bench-vs-qemu.sh
	@printf '#!/bin/sh\nBENCH_ARGS="%s" BENCH_OPS=%s BENCH_BASELINE=%s exec %s %s %s %s "$$@"\n' \
		"$(BENCH_MMIO_ARGS)" "$$(($(BENCH_ROUNDS) * 131072))" \
		"$(abspath $(BENCH_OUT)/aarch64/mmio-empty.elf)" \
		"$(abspath tests/bench/aarch64/bench-vs-qemu.sh)" \
		"aarch64-mmio-$*" "$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@

$(BENCH_OUT)/aarch64-%: $(BENCH_OUT)/aarch64/%.elf $(BENCH_OUT)/aarch64/%-empty.elf \
		tests/bench/aarch64/bench-vs-qemu.sh
	@printf '#!/bin/sh\nBENCH_BASELINE=%s exec %s %s %s %s "$$@"\n' \
		"$(abspath $(BENCH_OUT)/aarch64/$*-empty.elf)" \
		"$(abspath tests/bench/aarch64/bench-vs-qemu.sh)" \
		"aarch64-$*" "$(abspath $<)" "$(abspath $(BUILD)/plumb-system-aarch64)" > $@
	@chmod +x $@
endif
