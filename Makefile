# plumb - GNU Makefile. Objects go to build/ (or BUILD=dir).
#
#   make            build build/plumb and its plumb-system-* links
#   make run        install what is missing, build, boot the default guest
#   make check      install what is missing, build, run every test tier
#   make check-unit | check-qtest | check-guest | check-boot
#   make bench      benchmarks side by side with qemu-system-*
#
# Sources are found by folder: any .c under util/ softmmu/ tcg/ hw/ target-*/
# fpu/ is part of the emulator (softmmu/main.c holds main()). A folder may add
# rules (generated files, guest tests) in a rules.mk of its own.

BUILD ?= build
SHELL := /bin/bash
.DEFAULT_GOAL := all
.SUFFIXES:
# Keep test objects: they are intermediates of the test programs.
.SECONDARY:

# Configure on first use (installing missing packages first), and again when
# configure changes, keeping the options the tree was configured with.
$(BUILD)/config.mak: configure VERSION
	@scripts/install-deps.sh
	./configure --builddir=$(BUILD) $(CONFIGURE_ARGS)

include $(BUILD)/config.mak

QUIET := $(if $(V),,@)
INCLUDES := -Iinclude -I$(BUILD) -I$(BUILD)/gen -I.
ALL_CFLAGS = $(CFLAGS) $(INCLUDES) $(CFLAGS_DEPS) -MMD -MP

SRC_DIRS := util softmmu tcg hw fpu $(wildcard target-*)
LIB_SRCS := $(filter-out softmmu/main.c,$(shell find $(SRC_DIRS) -name '*.c' 2>/dev/null | sort))
LIB_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS))
MAIN_OBJ := $(BUILD)/obj/softmmu/main.o
TARGET_LINKS := plumb-system-aarch64 plumb-system-ppc64 plumb-system-x86_64

# Generated sources; rules.mk files add to this and to GUEST_TESTS/BOOT_TESTS.
GENERATED :=
GUEST_TESTS :=
BOOT_TESTS :=
BENCHES :=
include $(sort $(shell find . -path ./$(BUILD) -prune -o -name rules.mk -print))

UNIT_SRCS := $(sort $(wildcard tests/unit/test-*.c))
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,$(UNIT_SRCS)) $(sort $(wildcard tests/unit/test-*.sh))
QTEST_SRCS := $(sort $(wildcard tests/qtest/*-test.c))
QTEST_TESTS := $(patsubst tests/qtest/%.c,$(BUILD)/tests/qtest/%,$(QTEST_SRCS)) $(sort $(wildcard tests/qtest/*-test.sh))
QTEST_LIB_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(filter-out $(QTEST_SRCS),$(wildcard tests/qtest/*.c)))

.PHONY: all deps run check check-unit check-qtest check-guest check-boot bench clean distclean tests
all: $(BUILD)/plumb $(addprefix $(BUILD)/,$(TARGET_LINKS))

# Every test program of the unit and qtest tiers, built without running.
tests: $(UNIT_TESTS) $(QTEST_TESTS)

deps:
	@scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c $(BUILD)/config.mak | $(GENERATED)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(QUIET)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/plumb: $(MAIN_OBJ) $(LIB_OBJS)
	@echo "  LINK    $@"
	$(QUIET)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_DEPS)

$(addprefix $(BUILD)/,$(TARGET_LINKS)): $(BUILD)/plumb
	$(QUIET)ln -sf plumb $@

$(BUILD)/tests/unit/%: $(BUILD)/obj/tests/unit/%.o $(LIB_OBJS)
	@mkdir -p $(@D)
	@echo "  LINK    $@"
	$(QUIET)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_DEPS)

$(BUILD)/tests/qtest/%: $(BUILD)/obj/tests/qtest/%.o $(QTEST_LIB_OBJS) $(BUILD)/obj/util/error.o
	@mkdir -p $(@D)
	@echo "  LINK    $@"
	$(QUIET)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_DEPS)

RUN_TESTS := TEST_LOGDIR=$(BUILD)/test-logs QTEST_QEMU_BINARY=$(abspath $(BUILD)/plumb-system-aarch64) \
	PLUMB_BUILD=$(abspath $(BUILD)) scripts/run-tests.sh

check-unit: deps all $(UNIT_TESTS)
	@$(RUN_TESTS) --tier unit $(UNIT_TESTS)
check-qtest: deps all $(QTEST_TESTS)
	@$(RUN_TESTS) --tier qtest $(QTEST_TESTS)
check-guest: deps all $(GUEST_TESTS)
	@$(RUN_TESTS) --tier guest $(GUEST_TESTS)
check-boot: deps all $(BOOT_TESTS)
	@$(RUN_TESTS) --tier boot $(BOOT_TESTS)
# One run over all tiers, so that the last line is the total.
check: deps all $(UNIT_TESTS) $(QTEST_TESTS) $(GUEST_TESTS) $(BOOT_TESTS)
	@$(RUN_TESTS) --tier unit $(UNIT_TESTS) --tier qtest $(QTEST_TESTS) \
		--tier guest $(GUEST_TESTS) --tier boot $(BOOT_TESTS)

run: deps all $(GUEST_TESTS)
	@scripts/run-default-guest.sh $(BUILD)

bench: deps all $(BENCHES)
	@scripts/run-bench.sh $(BUILD) $(BENCHES)

clean:
	rm -rf $(BUILD)/obj $(BUILD)/tests $(BUILD)/gen $(BUILD)/plumb $(addprefix $(BUILD)/,$(TARGET_LINKS))
distclean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
