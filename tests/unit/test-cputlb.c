/*
 * test-cputlb.c - the softmmu TLB and its slow path with a fake CPU (its
 * tlb_fill maps virtual pages through a small table) over a real memory
 * map: how each kind of page is entered in the TLB (RAM direct, ROM
 * discard-write, io / ram_device / sub-page always MMIO), that every MMIO
 * access reaches the device once at the guest's width, page-crossing
 * splits, alignment faults before any fill, flushes by page and MMU index,
 * tlb=off, bus errors and dynamic resizing.
 */
#include "util/osdep.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "exec/memory.h"
#include "util/log.h"

/* ---- the fake target ---- */

struct CPUArchState {
    uint64_t pc;
    uint64_t pad;
};

typedef struct FakeCPU {
    CPUState parent_obj;
    CPUNegativeOffsetState neg;
    CPUArchState env;
} FakeCPU;
CPU_ARCH_LAYOUT_CHECK(FakeCPU);

#define N_MAP 64
typedef struct FakeMapping {
    vaddr va;
    hwaddr pa;
    int prot;
} FakeMapping;

/* Every page of [LIN_BASE, +LIN_SIZE) maps read-only to PA_RAM. */
#define LIN_BASE 0x10000000
#define LIN_SIZE 0x10000000
#define PA_RAM   0x10000

static FakeMapping fake_map[N_MAP];
static int fake_map_n;
static int fills, faults, unaligned_calls, txfail_calls;
static MemTxResult txfail_last;
static hwaddr txfail_addr;
static vaddr fault_addr;

static void fake_map_page(vaddr va, hwaddr pa, int prot)
{
    g_assert_cmpint(fake_map_n, <, N_MAP);
    fake_map[fake_map_n++] = (FakeMapping){ va, pa, prot };
}

static bool fake_tlb_fill(CPUState *cs, vaddr addr, int size,
                          MMUAccessType type, int mmu_idx, bool probe,
                          uintptr_t ra)
{
    static const int need[] = { PAGE_READ, PAGE_WRITE, PAGE_EXEC };

    fills++;
    if (addr >= LIN_BASE && addr < LIN_BASE + LIN_SIZE) {
        tlb_set_page(cs, addr & TARGET_PAGE_MASK, PA_RAM, PAGE_READ, mmu_idx,
                     TARGET_PAGE_SIZE);
        return true;
    }
    for (int i = 0; i < fake_map_n; i++) {
        if (fake_map[i].va == (addr & TARGET_PAGE_MASK) &&
            (fake_map[i].prot & need[type])) {
            tlb_set_page(cs, addr & TARGET_PAGE_MASK, fake_map[i].pa,
                         fake_map[i].prot, mmu_idx, TARGET_PAGE_SIZE);
            return true;
        }
    }
    if (probe) {
        return false;
    }
    faults++;
    fault_addr = addr;
    cpu_loop_exit_restore(cs, ra);
}

static NORETURN void fake_unaligned(CPUState *cs, vaddr addr,
                                    MMUAccessType type, int mmu_idx,
                                    uintptr_t ra)
{
    unaligned_calls++;
    fault_addr = addr;
    cpu_loop_exit_restore(cs, ra);
}

static void fake_txfail(CPUState *cs, hwaddr physaddr, vaddr addr,
                        unsigned size, MMUAccessType type, int mmu_idx,
                        MemTxAttrs attrs, MemTxResult response, uintptr_t ra)
{
    txfail_calls++;
    txfail_last = response;
    txfail_addr = physaddr;
}

static void fake_translate(CPUState *cs, TranslationBlock *tb, int *max_insns,
                           vaddr pc, void *host_pc)
{
    g_assert_not_reached();
}

static void fake_restore(CPUState *cs, const TranslationBlock *tb,
                         const uint64_t *data)
{
}

static void fake_get_tb_cpu_state(CPUArchState *env, vaddr *pc,
                                  uint64_t *cs_base, uint32_t *flags)
{
    *pc = env->pc;
    *cs_base = 0;
    *flags = 0;
}

static bool fake_exec_interrupt(CPUState *cs, int req)
{
    return false;
}

static void fake_do_interrupt(CPUState *cs)
{
}

static bool fake_has_work(CPUState *cs)
{
    return false;
}

static int fake_mmu_index(CPUState *cs, bool ifetch)
{
    return ifetch ? 1 : 0;
}

static const TCGCPUOps fake_ops = {
    .name = "fake",
    .nb_mmu_modes = 3,
    .insn_start_words = 1,
    .translate_code = fake_translate,
    .restore_state_to_opc = fake_restore,
    .get_tb_cpu_state = fake_get_tb_cpu_state,
    .cpu_exec_interrupt = fake_exec_interrupt,
    .do_interrupt = fake_do_interrupt,
    .has_work = fake_has_work,
    .mmu_index = fake_mmu_index,
    .tlb_fill = fake_tlb_fill,
    .do_unaligned_access = fake_unaligned,
    .do_transaction_failed = fake_txfail,
};

/* ---- the memory map ---- */

/*
 * Physical map:
 *   0x10000  RAM, 64 KiB
 *   0x40000  io "dev", 4 KiB: records every callback
 *   0x50000  ram_device, 4 KiB over dev_mem[]
 *   0x60000  ROM, 4 KiB
 *   0x70000  a page shared by io "sub" (0x000-0x0ff) and RAM (alias, rest)
 *   0x80000  nothing (hole)
 */
#define PA_IO    0x40000
#define PA_RAMD  0x50000
#define PA_ROM   0x60000
#define PA_SUB   0x70000
#define PA_HOLE  0x80000

static MemoryRegion root, ram, io, ramd, rom, sub_io, sub_ram;
static AddressSpace as;
static uint8_t *ramd_mem;

typedef struct DevAccess {
    hwaddr addr;
    unsigned size;
    uint64_t val;
    bool write;
} DevAccess;

static DevAccess dev_log[64];
static int dev_n;
static uint8_t dev_regs[4096];

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    uint64_t v = 0;

    for (unsigned i = 0; i < size; i++) {
        v |= (uint64_t)dev_regs[addr + i] << (8 * i);
    }
    if (dev_n < 64) {
        dev_log[dev_n++] = (DevAccess){ addr, size, v, false };
    }
    return v;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    for (unsigned i = 0; i < size; i++) {
        dev_regs[addr + i] = (uint8_t)(val >> (8 * i));
    }
    if (dev_n < 64) {
        dev_log[dev_n++] = (DevAccess){ addr, size, val, true };
    }
}

static const MemoryRegionOps dev_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
    .impl = { .min_access_size = 1, .max_access_size = 8, .unaligned = true },
};

static int trace_n;
static unsigned trace_size[16];

static void trace_fn(MemoryRegion *mr, hwaddr addr, unsigned size,
                     uint64_t value, bool is_write)
{
    if (trace_n < 16) {
        trace_size[trace_n] = size;
    }
    trace_n++;
}

static FakeCPU *fcpu;

static CPUState *cs(void)
{
    return &fcpu->parent_obj;
}

static CPUArchState *env(void)
{
    return &fcpu->env;
}

static void setup_once(void)
{
    GError *err = NULL;

    memory_region_init(&root, NULL, "root", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", 64 * KiB, &err));
    memory_region_add_subregion(&root, PA_RAM, &ram);
    memory_region_init_io(&io, NULL, &dev_ops, NULL, "dev", 4 * KiB);
    memory_region_add_subregion(&root, PA_IO, &io);
    ramd_mem = g_malloc0(4 * KiB);
    memory_region_init_ram_device_ptr(&ramd, NULL, "ramd", 4 * KiB, ramd_mem);
    memory_region_add_subregion(&root, PA_RAMD, &ramd);
    g_assert_true(memory_region_init_rom(&rom, NULL, "rom", 4 * KiB, &err));
    memory_region_add_subregion(&root, PA_ROM, &rom);
    memory_region_init_io(&sub_io, NULL, &dev_ops, NULL, "sub", 0x100);
    memory_region_add_subregion(&root, PA_SUB, &sub_io);
    /* The rest of that page: the last 0xf00 bytes of RAM, via an alias. */
    memory_region_init_alias(&sub_ram, NULL, "sub-ram", &ram, 60 * KiB + 0x100,
                             0xf00);
    memory_region_add_subregion(&root, PA_SUB + 0x100, &sub_ram);
    address_space_init(&as, &root, "test");

    fcpu = g_new0(FakeCPU, 1);
    fcpu->parent_obj.tcg_ops = &fake_ops;
    fcpu->parent_obj.as = &as;
    g_assert_true(cpu_exec_realizefn(&fcpu->parent_obj, &err));
    g_assert_no_error(err);
}

/* Fresh state for each test: identity map of every region, empty TLB. */
static void reset(void)
{
    fake_map_n = 0;
    for (int i = 0; i < 16; i++) {
        fake_map_page(PA_RAM + i * TARGET_PAGE_SIZE, PA_RAM + i * TARGET_PAGE_SIZE,
                      PAGE_RWX);
    }
    fake_map_page(PA_IO, PA_IO, PAGE_RWX);
    fake_map_page(PA_RAMD, PA_RAMD, PAGE_RWX);
    fake_map_page(PA_ROM, PA_ROM, PAGE_RWX);
    fake_map_page(PA_SUB, PA_SUB, PAGE_RWX);
    fake_map_page(PA_HOLE, PA_HOLE, PAGE_RWX);
    tcg_accel_config.tlb_enabled = true;
    tlb_flush(cs());
    fills = faults = unaligned_calls = txfail_calls = 0;
    dev_n = 0;
    trace_n = 0;
    memset(dev_regs, 0, sizeof(dev_regs));
    memory_region_set_access_trace(NULL);
}

static uint8_t *ram_host(hwaddr pa)
{
    return (uint8_t *)memory_region_get_ram_ptr(&ram) + (pa - PA_RAM);
}

/* Run @fn; return true if it completed, false if it raised a guest fault. */
static bool run_guarded(void (*fn)(void *), void *opaque)
{
    if (sigsetjmp(cs()->jmp_env, 0) != 0) {
        return false;
    }
    fn(opaque);
    return true;
}

static uint64_t ld(vaddr addr, MemOp op)
{
    MemOpIdx oi = make_memop_idx(op, 0);

    switch (op & MO_SSIZE) {
    case MO_8:
        return helper_ldub_mmu(env(), addr, oi, 0);
    case MO_16:
        return helper_lduw_mmu(env(), addr, oi, 0);
    case MO_32:
        return helper_ldul_mmu(env(), addr, oi, 0);
    case MO_SB:
        return helper_ldsb_mmu(env(), addr, oi, 0);
    case MO_SW:
        return helper_ldsw_mmu(env(), addr, oi, 0);
    case MO_SL:
        return helper_ldsl_mmu(env(), addr, oi, 0);
    default:
        return helper_ldq_mmu(env(), addr, oi, 0);
    }
}

static void st(vaddr addr, uint64_t val, MemOp op)
{
    MemOpIdx oi = make_memop_idx(op, 0);

    switch (op & MO_SIZE) {
    case MO_8:
        helper_stb_mmu(env(), addr, val, oi, 0);
        break;
    case MO_16:
        helper_stw_mmu(env(), addr, val, oi, 0);
        break;
    case MO_32:
        helper_stl_mmu(env(), addr, val, oi, 0);
        break;
    default:
        helper_stq_mmu(env(), addr, val, oi, 0);
        break;
    }
}

static CPUTLBEntry *entry_for(vaddr addr, int mmu_idx)
{
    CPUTLBDescFast *f = cpu_tlb_fast(cs(), mmu_idx);
    uintptr_t idx = (addr >> TARGET_PAGE_BITS) & (f->mask >> CPU_TLB_ENTRY_BITS);

    return &f->table[idx];
}

/* ---- tests ---- */

static void test_ram_roundtrip_and_endianness(void)
{
    reset();
    st(PA_RAM + 0x100, 0x11223344, MO_LEUL);
    g_assert_cmphex(ram_host(PA_RAM + 0x100)[0], ==, 0x44);
    st(PA_RAM + 0x200, 0x11223344, MO_BEUL);
    g_assert_cmphex(ram_host(PA_RAM + 0x200)[0], ==, 0x11);
    g_assert_cmphex(ld(PA_RAM + 0x200, MO_BEUL), ==, 0x11223344);
    g_assert_cmphex(ld(PA_RAM + 0x200, MO_LEUL), ==, 0x44332211);
    st(PA_RAM + 0x300, 0x8899aabbccddeeffull, MO_LEUQ);
    g_assert_cmphex(ld(PA_RAM + 0x300, MO_LEUQ), ==, 0x8899aabbccddeeffull);
    g_assert_cmphex(ld(PA_RAM + 0x300, MO_BEUW), ==, 0xffee);
    /* Sign extension of the ldsX helpers. */
    g_assert_cmphex(ld(PA_RAM + 0x307, MO_SB), ==, 0xffffffffffffff88ull);
    g_assert_cmphex(ld(PA_RAM + 0x306, MO_LESW), ==, 0xffffffffffff8899ull);
    g_assert_cmphex(ld(PA_RAM + 0x304, MO_LESL), ==, 0xffffffff8899aabbull);
    /* The same page was filled once for write and is now a hit for read. */
    g_assert_cmpint(fills, ==, 1);
    /* Plain RAM is direct: no flag in the comparators. */
    CPUTLBEntry *e = entry_for(PA_RAM, 0);
    g_assert_cmphex(e->addr_read, ==, PA_RAM);
    g_assert_cmphex(e->addr_write, ==, PA_RAM);
    g_assert_true((uint8_t *)(uintptr_t)(PA_RAM + 0x100 + e->addend) ==
                  ram_host(PA_RAM + 0x100));
}

static void test_io_exact_width(void)
{
    static const MemOp ops[] = { MO_8, MO_LEUW, MO_LEUL, MO_LEUQ };

    reset();
    memcpy(dev_regs + 0x10, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    for (int i = 0; i < 4; i++) {
        dev_n = 0;
        uint64_t v = ld(PA_IO + 0x10, ops[i]);
        g_assert_cmpint(dev_n, ==, 1);
        g_assert_cmpuint(dev_log[0].size, ==, 1u << i);
        g_assert_cmphex(dev_log[0].addr, ==, 0x10);
        g_assert_false(dev_log[0].write);
        g_assert_cmphex(v, ==, 0x0807060504030201ull & (~0ull >> (64 - (8 << i))));
    }
    dev_n = 0;
    st(PA_IO + 0x21, 0xa1b2c3d4, MO_LEUL);          /* unaligned, not split */
    g_assert_cmpint(dev_n, ==, 1);
    g_assert_cmpuint(dev_log[0].size, ==, 4);
    g_assert_cmphex(dev_log[0].addr, ==, 0x21);
    g_assert_cmphex(dev_log[0].val, ==, 0xa1b2c3d4);
    /* Big-endian guest access to a little-endian device: value swapped. */
    dev_n = 0;
    g_assert_cmphex(ld(PA_IO + 0x10, MO_BEUL), ==, 0x01020304);
    g_assert_cmpint(dev_n, ==, 1);
    CPUTLBEntry *e = entry_for(PA_IO, 0);
    g_assert_true(e->addr_read & TLB_MMIO);
    g_assert_true(e->addr_write & TLB_MMIO);
}

static void test_ram_device_is_mmio(void)
{
    reset();
    memory_region_set_access_trace(trace_fn);
    ramd_mem[0x40] = 0x5a;
    ramd_mem[0x41] = 0xa5;
    g_assert_cmphex(ld(PA_RAMD + 0x40, MO_LEUW), ==, 0xa55a);
    g_assert_cmpint(trace_n, ==, 1);
    g_assert_cmpuint(trace_size[0], ==, 2);
    st(PA_RAMD + 0x43, 0x01020304, MO_LEUL);        /* misaligned, one access */
    g_assert_cmpint(trace_n, ==, 2);
    g_assert_cmpuint(trace_size[1], ==, 4);
    g_assert_cmphex(ramd_mem[0x43], ==, 0x04);
    g_assert_cmphex(ramd_mem[0x46], ==, 0x01);
    CPUTLBEntry *e = entry_for(PA_RAMD, 0);
    g_assert_true(e->addr_read & TLB_MMIO);
    g_assert_true(e->addr_write & TLB_MMIO);
    memory_region_set_access_trace(NULL);
}

static void test_rom_discards_writes(void)
{
    uint8_t *rom_host = memory_region_get_ram_ptr(&rom);

    reset();
    rom_host[8] = 0x77;
    st(PA_ROM + 8, 0x12, MO_8);
    g_assert_cmphex(rom_host[8], ==, 0x77);
    g_assert_cmphex(ld(PA_ROM + 8, MO_8), ==, 0x77);
    CPUTLBEntry *e = entry_for(PA_ROM, 0);
    g_assert_true(e->addr_write & TLB_DISCARD_WRITE);
    g_assert_cmphex(e->addr_read, ==, PA_ROM);      /* reads are direct */
}

static void test_subpage_is_mmio_per_access(void)
{
    reset();
    /* RAM behind the sub-page alias: the last 0xf00 bytes of "ram". */
    uint8_t *alias_host = ram_host(PA_RAM + 60 * KiB + 0x100);

    alias_host[0x10] = 0x99;
    g_assert_cmphex(ld(PA_SUB + 0x110, MO_8), ==, 0x99);
    dev_n = 0;
    st(PA_SUB + 0x8, 0xbeef, MO_LEUW);
    g_assert_cmpint(dev_n, ==, 1);
    g_assert_cmphex(dev_log[0].addr, ==, 0x8);
    g_assert_cmpuint(dev_log[0].size, ==, 2);
    st(PA_SUB + 0x120, 0x4242, MO_LEUW);
    g_assert_cmphex(alias_host[0x20], ==, 0x42);
    CPUTLBEntry *e = entry_for(PA_SUB, 0);
    g_assert_true(e->addr_read & TLB_MMIO);
}

static void test_page_cross_ram_split(void)
{
    vaddr va = 0x200000;

    reset();
    /* Two adjacent virtual pages on non-adjacent physical pages. */
    fake_map_page(va, PA_RAM + 5 * TARGET_PAGE_SIZE, PAGE_RWX);
    fake_map_page(va + TARGET_PAGE_SIZE, PA_RAM + 2 * TARGET_PAGE_SIZE, PAGE_RWX);
    st(va + TARGET_PAGE_SIZE - 3, 0x0102030405060708ull, MO_LEUQ);
    g_assert_cmphex(ram_host(PA_RAM + 6 * TARGET_PAGE_SIZE - 3)[0], ==, 0x08);
    g_assert_cmphex(ram_host(PA_RAM + 6 * TARGET_PAGE_SIZE - 1)[0], ==, 0x06);
    g_assert_cmphex(ram_host(PA_RAM + 2 * TARGET_PAGE_SIZE)[0], ==, 0x05);
    g_assert_cmphex(ram_host(PA_RAM + 2 * TARGET_PAGE_SIZE + 4)[0], ==, 0x01);
    g_assert_cmphex(ld(va + TARGET_PAGE_SIZE - 3, MO_LEUQ), ==, 0x0102030405060708ull);
    g_assert_cmphex(ld(va + TARGET_PAGE_SIZE - 2, MO_BEUL), ==, 0x07060504);
    g_assert_cmpint(fills, ==, 2);
}

static void test_page_cross_into_mmio(void)
{
    vaddr va = 0x300000;

    reset();
    fake_map_page(va, PA_RAM + 3 * TARGET_PAGE_SIZE, PAGE_RWX);
    fake_map_page(va + TARGET_PAGE_SIZE, PA_IO, PAGE_RWX);
    memset(ram_host(PA_RAM + 4 * TARGET_PAGE_SIZE - 8), 0, 8);
    dev_regs[0] = 0xaa;
    dev_regs[1] = 0xbb;
    dev_regs[2] = 0xcc;
    /* 8 bytes at page end - 5: 5 from RAM, 3 from the device (2 + 1). */
    ram_host(PA_RAM + 4 * TARGET_PAGE_SIZE - 5)[0] = 0x11;
    uint64_t v = ld(va + TARGET_PAGE_SIZE - 5, MO_LEUQ);
    g_assert_cmphex(v, ==, 0xccbbaa0000000011ull);
    g_assert_cmpint(dev_n, ==, 2);
    g_assert_cmpuint(dev_log[0].size, ==, 2);
    g_assert_cmphex(dev_log[0].addr, ==, 0);
    g_assert_cmpuint(dev_log[1].size, ==, 1);
    g_assert_cmphex(dev_log[1].addr, ==, 2);
}

static void cross_store_fn(void *opaque)
{
    st(*(vaddr *)opaque, 0xffffffffu, MO_LEUL);
}

static void test_page_cross_fault_before_write(void)
{
    vaddr va = 0x400000;
    vaddr addr = va + TARGET_PAGE_SIZE - 2;

    reset();
    fake_map_page(va, PA_RAM + 7 * TARGET_PAGE_SIZE, PAGE_RWX);
    /* va + PAGE is not mapped. */
    memset(ram_host(PA_RAM + 8 * TARGET_PAGE_SIZE - 2), 0, 2);
    g_assert_false(run_guarded(cross_store_fn, &addr));
    g_assert_cmpint(faults, ==, 1);
    g_assert_cmphex(fault_addr, ==, va + TARGET_PAGE_SIZE);
    /* Nothing was written to the first page. */
    g_assert_cmphex(ram_host(PA_RAM + 8 * TARGET_PAGE_SIZE - 2)[0], ==, 0);
    g_assert_cmphex(ram_host(PA_RAM + 8 * TARGET_PAGE_SIZE - 1)[0], ==, 0);
}

static void aligned_load_fn(void *opaque)
{
    ld(*(vaddr *)opaque, MO_LEUL | MO_ALIGN);
}

static void test_alignment_checked_first(void)
{
    vaddr addr = PA_HOLE + 0x1002;     /* unmapped AND misaligned */

    reset();
    g_assert_false(run_guarded(aligned_load_fn, &addr));
    g_assert_cmpint(unaligned_calls, ==, 1);
    g_assert_cmpint(fills, ==, 0);          /* before any TLB lookup */
    g_assert_cmphex(fault_addr, ==, addr);
    addr = PA_RAM + 0x104;
    g_assert_true(run_guarded(aligned_load_fn, &addr));
    g_assert_cmpint(unaligned_calls, ==, 1);
}

static void test_flush_page_and_mmuidx(void)
{
    reset();
    ld(PA_RAM, MO_8);
    ld(PA_RAM + TARGET_PAGE_SIZE, MO_8);
    helper_ldub_mmu(env(), PA_RAM, make_memop_idx(MO_8, 2), 0);
    g_assert_cmpint(fills, ==, 3);
    tlb_flush_page(cs(), PA_RAM + 0x123);
    ld(PA_RAM + TARGET_PAGE_SIZE, MO_8);
    g_assert_cmpint(fills, ==, 3);          /* other page kept */
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 4);          /* flushed page refilled */
    tlb_flush_by_mmuidx(cs(), 1 << 2);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 4);          /* idx 0 untouched */
    helper_ldub_mmu(env(), PA_RAM, make_memop_idx(MO_8, 2), 0);
    g_assert_cmpint(fills, ==, 5);
    tlb_flush_page_by_mmuidx(cs(), PA_RAM, 1 << 0);
    helper_ldub_mmu(env(), PA_RAM, make_memop_idx(MO_8, 2), 0);
    g_assert_cmpint(fills, ==, 5);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 6);
    tlb_flush_all_cpus_synced(cs());
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 7);
}

static void test_victim_tlb(void)
{
    size_t n;
    vaddr a, b;

    reset();
    n = tlb_n_entries(cs(), 0);
    /* Two pages that collide in the direct-mapped table. */
    a = 0x1000000;
    b = a + n * TARGET_PAGE_SIZE;
    fake_map_page(a, PA_RAM, PAGE_RWX);
    fake_map_page(b, PA_RAM + TARGET_PAGE_SIZE, PAGE_RWX);
    ld(a, MO_8);
    ld(b, MO_8);
    g_assert_cmpint(fills, ==, 2);
    uint64_t vh = tlb_stats.victim_hits;
    ld(a, MO_8);                        /* evicted to the victim TLB */
    g_assert_cmpint(fills, ==, 2);
    g_assert_cmpuint(tlb_stats.victim_hits, ==, vh + 1);
}

static void test_tlb_off_forces_slow(void)
{
    reset();
    tcg_accel_config.tlb_enabled = false;
    st(PA_RAM + 0x40, 0xcafe, MO_LEUW);
    g_assert_cmphex(ld(PA_RAM + 0x40, MO_LEUW), ==, 0xcafe);
    CPUTLBEntry *e = entry_for(PA_RAM, 0);
    g_assert_true(e->addr_read & TLB_FORCE_SLOW);
    g_assert_true(e->addr_write & TLB_FORCE_SLOW);
    g_assert_cmphex(ram_host(PA_RAM + 0x40)[1], ==, 0xca);
    tcg_accel_config.tlb_enabled = true;
}

static void test_hole_transaction_failed(void)
{
    reset();
    g_assert_cmphex(ld(PA_HOLE + 0x10, MO_LEUL), ==, 0);
    g_assert_cmpint(txfail_calls, ==, 1);
    g_assert_cmphex(txfail_addr, ==, PA_HOLE + 0x10);
    g_assert_cmpuint(txfail_last, !=, MEMTX_OK);
    /* A device access that works reports nothing. */
    ld(PA_IO, MO_8);
    g_assert_cmpint(txfail_calls, ==, 1);
}

static void test_probe_and_vaddr_to_host(void)
{
    void *h;
    int flags;

    reset();
    g_assert_true(probe_access(env(), PA_RAM + 8, 4, MMU_DATA_STORE, 0, 0) ==
                  ram_host(PA_RAM + 8));
    g_assert_null(probe_access(env(), PA_IO, 4, MMU_DATA_LOAD, 0, 0));
    flags = probe_access_flags(env(), 0x7770000, 1, MMU_DATA_LOAD, 0, true, &h, 0);
    g_assert_true(flags & TLB_INVALID_MASK);
    g_assert_null(h);
    g_assert_cmpint(faults, ==, 0);
    g_assert_true(tlb_vaddr_to_host(env(), PA_RAM + 0x10, MMU_DATA_LOAD, 0) ==
                  ram_host(PA_RAM + 0x10));
    g_assert_null(tlb_vaddr_to_host(env(), PA_IO, MMU_DATA_LOAD, 0));
}

static void test_code_fetch_helpers(void)
{
    reset();
    st(PA_RAM + 0x500, 0xd503201f, MO_LEUL);        /* an Arm nop */
    g_assert_cmphex(cpu_ldl_code(env(), PA_RAM + 0x500), ==, 0xd503201f);
    /* Code fetch uses the ifetch MMU index (1 in the fake target). */
    g_assert_cmphex(entry_for(PA_RAM, 1)->addr_code, ==, PA_RAM);
    g_assert_cmphex(get_page_addr_code(env(), PA_RAM + 0x500), ==,
                    memory_region_get_ram_addr(&ram) + 0x500);
    g_assert_cmphex(get_page_addr_code(env(), PA_IO), ==, (tb_page_addr_t)-1);
}

static void test_dynamic_resize(void)
{
    size_t before, after;

    reset();
    tlb_flush(cs());
    before = tlb_n_entries(cs(), 0);
    /* Use 90% of the table: the next flush must grow it. */
    for (size_t i = 0; i < before * 9 / 10; i++) {
        ld(LIN_BASE + i * TARGET_PAGE_SIZE, MO_8);
    }
    tlb_flush(cs());
    after = tlb_n_entries(cs(), 0);
    g_assert_cmpuint(after, ==, before * 2);
    reset();
}

static void test_debug_access(void)
{
    vaddr va = 0x500000;
    uint8_t buf[8];

    reset();
    fake_map_page(va, PA_RAM + 9 * TARGET_PAGE_SIZE, PAGE_READ);
    fake_map_page(va + TARGET_PAGE_SIZE, PA_RAM + 3 * TARGET_PAGE_SIZE,
                  PAGE_READ | PAGE_WRITE);
    memcpy(ram_host(PA_RAM + 10 * TARGET_PAGE_SIZE - 4), "abcd", 4);
    memcpy(ram_host(PA_RAM + 3 * TARGET_PAGE_SIZE), "efgh", 4);
    g_assert_cmphex(cpu_get_phys_page_debug(cs(), va + 0x123), ==,
                    PA_RAM + 9 * TARGET_PAGE_SIZE + 0x123);
    /* A read spanning both pages, translated page by page. */
    g_assert_cmpint(cpu_memory_rw_debug(cs(), va + TARGET_PAGE_SIZE - 4, buf, 8,
                                        false), ==, 0);
    g_assert_cmpmem(buf, 8, "abcdefgh", 8);
    /* The debugger may write where the guest may not (read-only page). */
    char xy[2] = { 'X', 'Y' };
    g_assert_cmpint(cpu_memory_rw_debug(cs(), va + 8, xy, 2, true), ==, 0);
    g_assert_cmpmem(ram_host(PA_RAM + 9 * TARGET_PAGE_SIZE + 8), 2, "XY", 2);
    /* Unmapped: an error, and no guest fault. */
    g_assert_cmphex(cpu_get_phys_page_debug(cs(), 0x7770000), ==, (hwaddr)-1);
    g_assert_cmpint(cpu_memory_rw_debug(cs(), 0x7770000, buf, 4, false), ==, -1);
    g_assert_cmpint(faults, ==, 0);
}

static void test_dynamic_shrink(void)
{
    size_t big;

    reset();
    /* Grow first: 90% use, flush. */
    for (size_t i = 0; i < tlb_n_entries(cs(), 0) * 9 / 10; i++) {
        ld(LIN_BASE + i * TARGET_PAGE_SIZE, MO_8);
    }
    tlb_flush(cs());
    big = tlb_n_entries(cs(), 0);
    /* Then a quiet window (under 30% use for over 100 ms): it shrinks. */
    g_usleep(120 * 1000);
    tlb_flush(cs());
    ld(PA_RAM, MO_8);
    g_usleep(120 * 1000);
    tlb_flush(cs());
    g_assert_cmpuint(tlb_n_entries(cs(), 0), <, big);
    g_assert_cmpuint(tlb_n_entries(cs(), 0), >=, 1u << CPU_TLB_DYN_MIN_BITS);
    /* Still correct afterwards. */
    st(PA_RAM + 0x10, 0x5a, MO_8);
    g_assert_cmphex(ld(PA_RAM + 0x10, MO_8), ==, 0x5a);
}

static void test_large_page_flush(void)
{
    vaddr base = 0x40000000;

    reset();
    /* A 2 MiB page: flushing any 4K of it must drop every entry of it. */
    tlb_set_page_with_attrs(cs(), base + 0x3000, PA_RAM, MEMTXATTRS_UNSPECIFIED,
                            PAGE_READ, 0, 2 * MiB);
    g_assert_cmphex(entry_for(base + 0x3000, 0)->addr_read, ==, base + 0x3000);
    tlb_flush_page(cs(), base + 0x1ff000);
    g_assert_cmphex(entry_for(base + 0x3000, 0)->addr_read, ==, (uint64_t)-1);
    /* Outside the large page, a page flush stays a page flush. */
    ld(PA_RAM, MO_8);
    tlb_set_page_with_attrs(cs(), base + 0x3000, PA_RAM, MEMTXATTRS_UNSPECIFIED,
                            PAGE_READ, 0, 2 * MiB);
    tlb_flush_page(cs(), base + 2 * MiB);
    g_assert_cmphex(entry_for(base + 0x3000, 0)->addr_read, ==, base + 0x3000);
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_read, ==, PA_RAM);
}

static gpointer flush_from_other_thread(gpointer opaque)
{
    tlb_flush_page(cs(), PA_RAM);
    return NULL;
}

static void test_cross_thread_flush_is_queued(void)
{
    GThread *t;

    reset();
    ld(PA_RAM, MO_8);
    cs()->exit_request = 0;
    /* Pretend this thread runs the vCPUs; another one asks for a flush. */
    tcg_vcpu_thread = g_thread_self();
    t = g_thread_new("flusher", flush_from_other_thread, NULL);
    g_thread_join(t);
    /* Not done behind the vCPU's back: queued, and the CPU told to leave. */
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_read, ==, PA_RAM);
    g_assert_cmpint(cs()->exit_request, ==, 1);
    tlb_run_pending_flushes(cs());
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_read, ==, (uint64_t)-1);
    tcg_vcpu_thread = NULL;
    cs()->exit_request = 0;
}

/*
 * ASID-tagged TLB (tlb_set_asid): another ASID starts empty, the old
 * ASID's entries come back with it, and every kind of flush reaches the
 * entries kept for an ASID that is not the current one.
 */
static void test_asid_contexts(void)
{
    ram_addr_t code_page = memory_region_get_ram_addr(&ram);

    reset();
    tlb_set_asid(cs(), 1 << 0, 1);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 1);
    tlb_set_asid(cs(), 1 << 0, 2);
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_read, ==, (uint64_t)-1);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 2);              /* ASID 2 starts empty */
    tlb_set_asid(cs(), 1 << 0, 1);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 2);              /* ASID 1's entry kept */

    /* TLBI by ASID of a kept ASID, and of the current one. */
    tlb_flush_asid(cs(), 2);
    tlb_set_asid(cs(), 1 << 0, 2);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 3);
    tlb_flush_asid(cs(), 2);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 4);

    /* A page flush reaches ASID 1's kept entry; the other page stays. */
    tlb_set_asid(cs(), 1 << 0, 1);
    ld(PA_RAM + TARGET_PAGE_SIZE, MO_8);
    g_assert_cmpint(fills, ==, 5);
    tlb_set_asid(cs(), 1 << 0, 2);
    tlb_flush_page(cs(), PA_RAM);
    tlb_set_asid(cs(), 1 << 0, 1);
    ld(PA_RAM + TARGET_PAGE_SIZE, MO_8);
    g_assert_cmpint(fills, ==, 5);
    ld(PA_RAM, MO_8);
    g_assert_cmpint(fills, ==, 6);

    /* Code protection reaches a kept ASID's write entries. */
    st(PA_RAM, 1, MO_8);
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_write, ==, PA_RAM);
    tlb_set_asid(cs(), 1 << 0, 2);
    tlb_protect_code(code_page);
    tlb_set_asid(cs(), 1 << 0, 1);
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_write & TLB_NOTDIRTY, ==,
                    TLB_NOTDIRTY);

    /* A full flush drops every ASID's entries. */
    tlb_set_asid(cs(), 1 << 0, 2);
    tlb_flush(cs());
    tlb_set_asid(cs(), 1 << 0, 1);
    g_assert_cmphex(entry_for(PA_RAM, 0)->addr_read, ==, (uint64_t)-1);

    /* More ASIDs than are kept: all still translate right. */
    for (uint32_t a = 10; a < 30; a++) {
        tlb_set_asid(cs(), 1 << 0, a);
        g_assert_cmphex(ld(PA_RAM + 0x10, MO_8), ==, ram_host(PA_RAM)[0x10]);
    }
    tlb_set_asid(cs(), 0, 0);                   /* back to untagged */
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup_once();
    g_test_add_func("/cputlb/ram-roundtrip-and-endianness",
                    test_ram_roundtrip_and_endianness);
    g_test_add_func("/cputlb/io-exact-width", test_io_exact_width);
    g_test_add_func("/cputlb/ram-device-is-mmio", test_ram_device_is_mmio);
    g_test_add_func("/cputlb/rom-discards-writes", test_rom_discards_writes);
    g_test_add_func("/cputlb/subpage-is-mmio-per-access",
                    test_subpage_is_mmio_per_access);
    g_test_add_func("/cputlb/page-cross-ram-split", test_page_cross_ram_split);
    g_test_add_func("/cputlb/page-cross-into-mmio", test_page_cross_into_mmio);
    g_test_add_func("/cputlb/page-cross-fault-before-write",
                    test_page_cross_fault_before_write);
    g_test_add_func("/cputlb/alignment-checked-first",
                    test_alignment_checked_first);
    g_test_add_func("/cputlb/flush-page-and-mmuidx", test_flush_page_and_mmuidx);
    g_test_add_func("/cputlb/victim-tlb", test_victim_tlb);
    g_test_add_func("/cputlb/tlb-off-forces-slow", test_tlb_off_forces_slow);
    g_test_add_func("/cputlb/hole-transaction-failed",
                    test_hole_transaction_failed);
    g_test_add_func("/cputlb/probe-and-vaddr-to-host",
                    test_probe_and_vaddr_to_host);
    g_test_add_func("/cputlb/code-fetch-helpers", test_code_fetch_helpers);
    g_test_add_func("/cputlb/dynamic-resize", test_dynamic_resize);
    g_test_add_func("/cputlb/debug-access", test_debug_access);
    g_test_add_func("/cputlb/dynamic-shrink", test_dynamic_shrink);
    g_test_add_func("/cputlb/large-page-flush", test_large_page_flush);
    g_test_add_func("/cputlb/cross-thread-flush-is-queued",
                    test_cross_thread_flush_is_queued);
    g_test_add_func("/cputlb/asid-contexts", test_asid_contexts);
    return g_test_run();
}
