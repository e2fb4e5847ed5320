# target-arm/rules.mk - generate the A64 decoder from its pattern file.
# decode-a64.c.inc is #included by target-arm/translate-a64.c.

# Debian's python3 when present (a pyenv shim costs seconds per start).
DECODETREE_PYTHON := $(firstword $(wildcard /usr/bin/python3) python3)
A64_DECODE := $(BUILD)/gen/target-arm/decode-a64.c.inc
GENERATED += $(A64_DECODE)

$(A64_DECODE): target-arm/a64.decode scripts/decodetree.py
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	$(QUIET)$(DECODETREE_PYTHON) scripts/decodetree.py --decode decode_a64 --static-decode -o $@ $<
