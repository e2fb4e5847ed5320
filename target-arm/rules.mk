# target-arm/rules.mk - generate the A64 decoders from their pattern files.
# decode-a64.c.inc is #included by target-arm/translate-a64.c; each
# target-arm/a64-NAME.decode becomes decode-a64-NAME.c.inc with a static
# decode_a64_NAME() (dashes as underscores), #included by its own
# translate-NAME.c (see target-arm/translate-a64.h).

# Debian's python3 when present (a pyenv shim costs seconds per start).
DECODETREE_PYTHON := $(firstword $(wildcard /usr/bin/python3) python3)
A64_DECODE := $(BUILD)/gen/target-arm/decode-a64.c.inc
A64_SUB_DECODE := $(patsubst target-arm/%.decode,$(BUILD)/gen/target-arm/decode-%.c.inc,$(wildcard target-arm/a64-*.decode))
GENERATED += $(A64_DECODE) $(A64_SUB_DECODE)

$(A64_DECODE): target-arm/a64.decode scripts/decodetree.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) scripts/decodetree.py --decode decode_a64 --static-decode -o $@ $<

$(BUILD)/gen/target-arm/decode-a64-%.c.inc: target-arm/a64-%.decode scripts/decodetree.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) scripts/decodetree.py --decode decode_a64_$(subst -,_,$*) --static-decode -o $@ $<
