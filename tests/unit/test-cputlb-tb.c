/*
 * test-cputlb-tb.c - the TB cache and the exec loop end to end, with a toy
 * target (a few 32-bit instructions translated through translator_loop)
 * running on the real code generator over a real memory map: lookup and
 * reuse, chaining on and off, one-insn-per-tb, TBs stopping at page ends,
 * invalidation by guest stores (including a store into the running TB),
 * by DMA-style writes and by tb_flush, code executed from MMIO, halting and
 * waking on an interrupt, and the unwind of a faulting load.
 *
 * Toy ISA (little-endian words, op in bits 31..24, imm in 23..0):
 *   01 ADDI imm     acc += imm            06 SETADDR imm  addr = imm << 2
 *   02 B off        pc += sext(off) * 4   07 LIT          val = next word
 *   03 STOP         leave cpu_exec        08 BDEC off     if (--cnt) B off
 *   04 STW          [addr] = val (32 bit) 09 SETCNT imm   cnt = imm
 *   05 LDI imm      acc = imm             0a LDW          acc = [addr]
 */
#include "util/osdep.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "exec/translator.h"
#include "exec/memory.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "util/log.h"
#include "sysemu/accel.h"
#include "sysemu/main-loop.h"
#include "sysemu/runstate.h"

struct CPUArchState {
    uint64_t pc, acc, val, addr, cnt;
    uint64_t irq_taken;
};

typedef struct ToyCPU {
    CPUState parent_obj;
    CPUNegativeOffsetState neg;
    CPUArchState env;
} ToyCPU;
CPU_ARCH_LAYOUT_CHECK(ToyCPU);

#define EXIT_REQ_OFS ((int)offsetof(CPUState, exit_request) - \
                      (int)(sizeof(CPUState) + sizeof(CPUNegativeOffsetState)))

enum { OP_ADDI = 1, OP_B, OP_STOP, OP_STW, OP_LDI, OP_SETADDR, OP_LIT,
       OP_BDEC, OP_SETCNT, OP_LDW };

#define INSN(op, imm) (((uint32_t)(op) << 24) | ((uint32_t)(imm) & 0xffffff))

#define PA_RAM   0x0
#define RAM_SIZE (1 * MiB)
#define PA_MMIO  0x100000
#define VECTOR   0x3000

static TCGv_i64 cpu_pc, cpu_acc, cpu_val, cpu_addr, cpu_cnt;
static int faults;

typedef struct DisasContext {
    DisasContextBase base;
    CPUArchState *env;
} DisasContext;

static void toy_initialize(void)
{
    cpu_pc = tcg_global_mem_new_i64(tcg_env, offsetof(CPUArchState, pc), "pc");
    cpu_acc = tcg_global_mem_new_i64(tcg_env, offsetof(CPUArchState, acc), "acc");
    cpu_val = tcg_global_mem_new_i64(tcg_env, offsetof(CPUArchState, val), "val");
    cpu_addr = tcg_global_mem_new_i64(tcg_env, offsetof(CPUArchState, addr), "addr");
    cpu_cnt = tcg_global_mem_new_i64(tcg_env, offsetof(CPUArchState, cnt), "cnt");
}

static void gen_goto(DisasContext *dc, int n, vaddr dest)
{
    if (translator_use_goto_tb(&dc->base, dest)) {
        tcg_gen_goto_tb(n);
        tcg_gen_movi_i64(cpu_pc, dest);
        tcg_gen_exit_tb(dc->base.tb, n);
    } else {
        tcg_gen_movi_i64(cpu_pc, dest);
        if (tb_cflags(dc->base.tb) & CF_NO_GOTO_PTR) {
            tcg_gen_exit_tb(NULL, 0);
        } else {
            tcg_gen_lookup_and_goto_ptr();
        }
    }
}

static void toy_init_disas_context(DisasContextBase *db, CPUState *cs)
{
    DisasContext *dc = container_of(db, DisasContext, base);

    dc->env = cpu_env(cs);
}

static void toy_tb_start(DisasContextBase *db, CPUState *cs)
{
}

static void toy_insn_start(DisasContextBase *db, CPUState *cs)
{
    tcg_gen_insn_start(db->pc_next, 0, 0);
}

static void toy_translate_insn(DisasContextBase *db, CPUState *cs)
{
    DisasContext *dc = container_of(db, DisasContext, base);
    vaddr pc = db->pc_next;
    uint32_t insn = translator_ldl(dc->env, db, pc);
    int32_t simm = (int32_t)(insn << 8) >> 8;
    uint32_t imm = insn & 0xffffff;
    TCGLabel *l;

    db->pc_next += 4;
    switch (insn >> 24) {
    case OP_ADDI:
        tcg_gen_addi_i64(cpu_acc, cpu_acc, imm);
        break;
    case OP_B:
        gen_goto(dc, 0, pc + (int64_t)simm * 4);
        db->is_jmp = DISAS_NORETURN;
        break;
    case OP_STOP:
        tcg_gen_movi_i64(cpu_pc, pc + 4);
        tcg_gen_st_i32(tcg_constant_i32(1), tcg_env, EXIT_REQ_OFS);
        tcg_gen_exit_tb(NULL, 0);
        db->is_jmp = DISAS_NORETURN;
        break;
    case OP_STW:
        tcg_gen_qemu_st_i64(cpu_val, cpu_addr, 0, MO_LEUL);
        break;
    case OP_LDI:
        tcg_gen_movi_i64(cpu_acc, imm);
        break;
    case OP_SETADDR:
        tcg_gen_movi_i64(cpu_addr, (uint64_t)imm << 2);
        break;
    case OP_LIT:
        tcg_gen_movi_i64(cpu_val, translator_ldl(dc->env, db, pc + 4));
        db->pc_next += 4;
        break;
    case OP_BDEC:
        l = gen_new_label();
        tcg_gen_subi_i64(cpu_cnt, cpu_cnt, 1);
        tcg_gen_brcondi_i64(TCG_COND_EQ, cpu_cnt, 0, l);
        gen_goto(dc, 0, pc + (int64_t)simm * 4);
        gen_set_label(l);
        gen_goto(dc, 1, pc + 4);
        db->is_jmp = DISAS_NORETURN;
        break;
    case OP_SETCNT:
        tcg_gen_movi_i64(cpu_cnt, imm);
        break;
    case OP_LDW:
        tcg_gen_qemu_ld_i64(cpu_acc, cpu_addr, 0, MO_LEUL);
        break;
    default:
        break;
    }
}

static void toy_tb_stop(DisasContextBase *db, CPUState *cs)
{
    DisasContext *dc = container_of(db, DisasContext, base);

    if (db->is_jmp == DISAS_TOO_MANY) {
        gen_goto(dc, 0, db->pc_next);
    }
}

static const TranslatorOps toy_tr_ops = {
    .init_disas_context = toy_init_disas_context,
    .tb_start = toy_tb_start,
    .insn_start = toy_insn_start,
    .translate_insn = toy_translate_insn,
    .tb_stop = toy_tb_stop,
};

static void toy_translate_code(CPUState *cs, TranslationBlock *tb,
                               int *max_insns, vaddr pc, void *host_pc)
{
    DisasContext dc;

    translator_loop(cs, tb, max_insns, pc, host_pc, &toy_tr_ops, &dc.base);
}

static void toy_restore(CPUState *cs, const TranslationBlock *tb,
                        const uint64_t *data)
{
    cpu_env(cs)->pc = data[0];
}

static void toy_sync_from_tb(CPUState *cs, const TranslationBlock *tb)
{
    cpu_env(cs)->pc = tb->pc;
}

static void toy_get_tb_cpu_state(CPUArchState *env, vaddr *pc,
                                 uint64_t *cs_base, uint32_t *flags)
{
    *pc = env->pc;
    *cs_base = 0;
    *flags = 0;
}

static bool toy_exec_interrupt(CPUState *cs, int req)
{
    if (req & CPU_INTERRUPT_HARD) {
        cpu_env(cs)->irq_taken++;
        cpu_env(cs)->pc = VECTOR;
        cpu_reset_interrupt(cs, CPU_INTERRUPT_HARD);
        return true;
    }
    return false;
}

static void toy_do_interrupt(CPUState *cs)
{
}

static bool toy_has_work(CPUState *cs)
{
    return cs->interrupt_request & CPU_INTERRUPT_HARD;
}

static bool toy_tlb_fill(CPUState *cs, vaddr addr, int size,
                         MMUAccessType type, int mmu_idx, bool probe,
                         uintptr_t ra)
{
    if (addr < PA_MMIO + TARGET_PAGE_SIZE) {
        tlb_set_page(cs, addr & TARGET_PAGE_MASK, addr & TARGET_PAGE_MASK,
                     PAGE_RWX, mmu_idx, TARGET_PAGE_SIZE);
        return true;
    }
    if (probe) {
        return false;
    }
    faults++;
    cs->exception_index = EXCP_DEBUG;   /* leave cpu_exec, pc restored */
    cpu_loop_exit_restore(cs, ra);
}

static const TCGCPUOps toy_ops = {
    .name = "toy",
    .nb_mmu_modes = 1,
    .insn_start_words = 1,
    .initialize = toy_initialize,
    .translate_code = toy_translate_code,
    .synchronize_from_tb = toy_sync_from_tb,
    .restore_state_to_opc = toy_restore,
    .get_tb_cpu_state = toy_get_tb_cpu_state,
    .cpu_exec_interrupt = toy_exec_interrupt,
    .do_interrupt = toy_do_interrupt,
    .has_work = toy_has_work,
    .tlb_fill = toy_tlb_fill,
};

/* ---- machine ---- */

static MemoryRegion root, ram, mmio;
static AddressSpace as;
static uint32_t mmio_code[1024];
static int mmio_reads;
static ToyCPU *toy;

static uint64_t mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    mmio_reads++;
    return mmio_code[addr / 4];
}

static void mmio_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps mmio_ops = {
    .read = mmio_read,
    .write = mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 4, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

static CPUState *cs(void)
{
    return &toy->parent_obj;
}

static CPUArchState *env(void)
{
    return &toy->env;
}

static uint32_t *code(vaddr pa)
{
    return (uint32_t *)((uint8_t *)memory_region_get_ram_ptr(&ram) + pa);
}

/* Write a program at @pa from the host side (like a loader would). */
static void load(vaddr pa, const uint32_t *insns, size_t n)
{
    g_assert(address_space_write(&as, pa, MEMTXATTRS_UNSPECIFIED, insns,
                                 n * 4) == MEMTX_OK);
}

static int run_at(vaddr pc)
{
    env()->pc = pc;
    return cpu_exec(cs());
}

static void reset_machine(void)
{
    tcg_accel_config.chaining = true;
    tcg_accel_config.one_insn_per_tb = false;
    tcg_accel_config.tlb_enabled = true;
    tb_flush(cs());
    tlb_flush(cs());
    memset(env(), 0, sizeof(*env()));
    cs()->halted = 0;
    cs()->interrupt_request = 0;
    faults = 0;
}

static void setup_once(void)
{
    GError *err = NULL;

    tcg_exec_init(16 * MiB);
    memory_region_init(&root, NULL, "root", UINT64_MAX);
    g_assert_true(memory_region_init_ram(&ram, NULL, "ram", RAM_SIZE, &err));
    memory_region_add_subregion(&root, PA_RAM, &ram);
    memory_region_init_io(&mmio, NULL, &mmio_ops, NULL, "mmio-code", 4 * KiB);
    memory_region_add_subregion(&root, PA_MMIO, &mmio);
    address_space_init(&as, &root, "toy");

    toy = g_new0(ToyCPU, 1);
    toy->parent_obj.tcg_ops = &toy_ops;
    toy->parent_obj.as = &as;
    g_assert_true(cpu_exec_realizefn(cs(), &err));
    g_assert_no_error(err);
}

/* ---- tests ---- */

static void test_run_and_reuse(void)
{
    static const uint32_t prog[] = {
        INSN(OP_LDI, 0), INSN(OP_ADDI, 5), INSN(OP_ADDI, 7), INSN(OP_STOP, 0),
    };
    uint64_t translated;

    reset_machine();
    load(0x1000, prog, ARRAY_SIZE(prog));
    translated = tb_stats.translated;
    g_assert_cmpint(run_at(0x1000), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 12);
    g_assert_cmphex(env()->pc, ==, 0x1010);
    g_assert_cmpuint(tb_stats.translated, ==, translated + 1);
    g_assert_cmpuint(tb_count(), ==, 1);
    /* The second run finds the TB again. */
    g_assert_cmpint(run_at(0x1000), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 12);
    g_assert_cmpuint(tb_stats.translated, ==, translated + 1);
}

/* A counted loop: 3 TBs (setup, body, exit) that chain when allowed. */
static uint64_t run_loop(unsigned n)
{
    const uint32_t prog[] = {
        INSN(OP_LDI, 0), INSN(OP_SETCNT, n), INSN(OP_B, 1),
        INSN(OP_ADDI, 3), INSN(OP_BDEC, -1) /* back to the ADDI */,
        INSN(OP_STOP, 0),
    };

    load(0x2000, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run_at(0x2000), ==, EXCP_INTERRUPT);
    return env()->acc;
}

static void test_chaining_on_off(void)
{
    uint64_t chained;

    reset_machine();
    chained = tb_stats.chained;
    g_assert_cmpuint(run_loop(100), ==, 300);
    g_assert_cmpuint(tb_stats.chained, >, chained);

    reset_machine();
    tcg_accel_config.chaining = false;
    chained = tb_stats.chained;
    g_assert_cmpuint(run_loop(100), ==, 300);
    g_assert_cmpuint(tb_stats.chained, ==, chained);

    reset_machine();
    tcg_accel_config.one_insn_per_tb = true;
    g_assert_cmpuint(run_loop(10), ==, 30);
    /* Every insn in its own TB. */
    g_assert_cmpuint(tb_count(), ==, 6);
    reset_machine();
}

static void test_tb_stops_at_page_end(void)
{
    static const uint32_t prog[] = {
        INSN(OP_LDI, 1), INSN(OP_ADDI, 1), INSN(OP_ADDI, 1), INSN(OP_STOP, 0),
    };

    reset_machine();
    load(0x4ff8, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run_at(0x4ff8), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 3);
    g_assert_cmpuint(tb_count(), ==, 2);
}

static void test_store_invalidates_other_tb(void)
{
    /* Program A patches program B (another page), then B is run. */
    static const uint32_t a[] = {
        INSN(OP_SETADDR, 0x6004 >> 2), INSN(OP_LIT, 0), INSN(OP_ADDI, 50),
        INSN(OP_STW, 0), INSN(OP_STOP, 0),
    };
    static const uint32_t b[] = {
        INSN(OP_LDI, 0), INSN(OP_ADDI, 1), INSN(OP_STOP, 0),
    };
    uint64_t inval;

    reset_machine();
    load(0x5000, a, ARRAY_SIZE(a));
    load(0x6000, b, ARRAY_SIZE(b));
    run_at(0x6000);
    g_assert_cmpuint(env()->acc, ==, 1);
    inval = tb_stats.invalidated;
    run_at(0x5000);
    g_assert_cmpuint(tb_stats.invalidated, ==, inval + 1);
    g_assert_cmphex(*code(0x6004), ==, INSN(OP_ADDI, 50));
    run_at(0x6000);
    g_assert_cmpuint(env()->acc, ==, 50);
}

static void test_self_modifying_tb(void)
{
    /* The STW rewrites the ADDI 3 a few insns further in the same TB. */
    static const uint32_t prog[] = {
        INSN(OP_SETADDR, 0x701c >> 2),  /* 0x7000 */
        INSN(OP_LIT, 0),                /* 0x7004 */
        INSN(OP_ADDI, 100),             /* 0x7008: the literal */
        INSN(OP_LDI, 0),                /* 0x700c */
        INSN(OP_STW, 0),                /* 0x7010 */
        INSN(OP_ADDI, 1),               /* 0x7014 */
        INSN(OP_ADDI, 1),               /* 0x7018 */
        INSN(OP_ADDI, 3),               /* 0x701c: becomes ADDI 100 */
        INSN(OP_STOP, 0),
    };

    reset_machine();
    load(0x7000, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run_at(0x7000), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 102);
    /* Once more: the patched code is what runs now. */
    g_assert_cmpint(run_at(0x7000), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 102);
}

static void test_dma_write_and_flush(void)
{
    static const uint32_t prog[] = { INSN(OP_LDI, 7), INSN(OP_STOP, 0) };
    static const uint32_t patch[] = { INSN(OP_LDI, 9) };

    reset_machine();
    load(0x8000, prog, ARRAY_SIZE(prog));
    run_at(0x8000);
    g_assert_cmpuint(env()->acc, ==, 7);
    g_assert_true(tb_page_is_code(memory_region_get_ram_addr(&ram) + 0x8000));
    /* A write by something other than the CPU (loader, DMA). */
    load(0x8000, patch, 1);
    g_assert_cmpuint(tb_count(), ==, 0);
    run_at(0x8000);
    g_assert_cmpuint(env()->acc, ==, 9);
    tb_flush(cs());
    g_assert_cmpuint(tb_count(), ==, 0);
    g_assert_false(tb_page_is_code(memory_region_get_ram_addr(&ram) + 0x8000));
    run_at(0x8000);
    g_assert_cmpuint(env()->acc, ==, 9);
    g_assert_cmpuint(tb_count(), ==, 1);
}

static void test_code_page_write_entry_notdirty(void)
{
    static const uint32_t prog[] = { INSN(OP_LDI, 1), INSN(OP_STOP, 0) };
    CPUTLBDescFast *f;
    CPUTLBEntry *e;

    reset_machine();
    load(0x9000, prog, ARRAY_SIZE(prog));
    /* A data write entry for the page exists before it becomes code. */
    cpu_stl_le_mmuidx_ra(env(), 0x9100, 0, 0, 0);
    run_at(0x9000);
    f = cpu_tlb_fast(cs(), 0);
    e = &f->table[(0x9000 >> TARGET_PAGE_BITS) & (f->mask >> CPU_TLB_ENTRY_BITS)];
    g_assert_true(e->addr_write & TLB_NOTDIRTY);
    /* A write that misses the code keeps the TB but goes through the slow path. */
    cpu_stl_le_mmuidx_ra(env(), 0x9100, 5, 0, 0);
    g_assert_cmpuint(tb_count(), ==, 1);
    cpu_stl_le_mmuidx_ra(env(), 0x9000, INSN(OP_LDI, 2), 0, 0);
    g_assert_cmpuint(tb_count(), ==, 0);
    /* No code left on the page: writes go direct again. */
    g_assert_false(e->addr_write & TLB_NOTDIRTY);
    run_at(0x9000);
    g_assert_cmpuint(env()->acc, ==, 2);
}

static void test_code_in_mmio(void)
{
    uint64_t translated;

    reset_machine();
    mmio_code[0] = INSN(OP_LDI, 4);
    mmio_code[1] = INSN(OP_ADDI, 4);
    mmio_code[2] = INSN(OP_STOP, 0);
    mmio_reads = 0;
    translated = tb_stats.translated;
    g_assert_cmpint(run_at(PA_MMIO), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 8);
    /* One insn per TB, each fetched with one 4-byte device read, uncached. */
    g_assert_cmpuint(tb_stats.translated, ==, translated + 3);
    g_assert_cmpint(mmio_reads, ==, 3);
    g_assert_cmpuint(tb_count(), ==, 0);
    mmio_code[1] = INSN(OP_ADDI, 40);
    run_at(PA_MMIO);
    g_assert_cmpuint(env()->acc, ==, 44);
}

static void test_halt_and_interrupt(void)
{
    static const uint32_t handler[] = { INSN(OP_LDI, 77), INSN(OP_STOP, 0) };

    reset_machine();
    load(VECTOR, handler, ARRAY_SIZE(handler));
    cs()->halted = 1;
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_HALTED);
    cpu_interrupt(cs(), CPU_INTERRUPT_HARD);
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(cs()->halted, ==, 0);
    g_assert_cmpuint(env()->irq_taken, ==, 1);
    g_assert_cmpuint(env()->acc, ==, 77);
}

static void test_fault_unwinds_to_insn(void)
{
    static const uint32_t prog[] = {
        INSN(OP_LDI, 1), INSN(OP_SETADDR, 0x200000 >> 2), INSN(OP_ADDI, 1),
        INSN(OP_LDW, 0) /* faults */, INSN(OP_STOP, 0),
    };

    reset_machine();
    load(0xa000, prog, ARRAY_SIZE(prog));
    g_assert_cmpint(run_at(0xa000), ==, EXCP_DEBUG);
    g_assert_cmpint(faults, ==, 1);
    g_assert_cmphex(env()->pc, ==, 0xa00c);
    g_assert_cmpuint(env()->acc, ==, 2);
}

static void test_exit_request(void)
{
    static const uint32_t prog[] = { INSN(OP_B, 0) };  /* spins forever */

    reset_machine();
    load(0xb000, prog, ARRAY_SIZE(prog));
    /* A request before entry: the TB-entry check leaves at once. */
    cpu_exit(cs());
    g_assert_cmpint(run_at(0xb000), ==, EXCP_INTERRUPT);
    g_assert_cmphex(env()->pc, ==, 0xb000);
}

static void test_breakpoint(void)
{
    static const uint32_t prog[] = {
        INSN(OP_LDI, 1), INSN(OP_ADDI, 1), INSN(OP_ADDI, 1), INSN(OP_STOP, 0),
    };

    reset_machine();
    load(0xc000, prog, ARRAY_SIZE(prog));
    run_at(0xc000);                         /* translated without breakpoints */
    g_assert_cmpint(cpu_breakpoint_insert(cs(), 0xc008, BP_GDB, NULL), ==, 0);
    g_assert_cmpint(run_at(0xc000), ==, EXCP_DEBUG);
    g_assert_cmphex(env()->pc, ==, 0xc008);
    g_assert_cmpuint(env()->acc, ==, 2);
    g_assert_cmpint(cpu_breakpoint_remove(cs(), 0xc008, BP_GDB), ==, 0);
    g_assert_cmpint(cpu_breakpoint_remove(cs(), 0xc008, BP_GDB), ==, -ENOENT);
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 3);
}

static void test_single_step(void)
{
    static const uint32_t prog[] = {
        INSN(OP_LDI, 1), INSN(OP_ADDI, 2), INSN(OP_B, 2), INSN(OP_ADDI, 100),
        INSN(OP_ADDI, 4), INSN(OP_STOP, 0),
    };
    static const vaddr pcs[] = { 0xc104, 0xc108, 0xc110, 0xc114 };

    reset_machine();
    load(0xc100, prog, ARRAY_SIZE(prog));
    cpu_single_step(cs(), SSTEP_ENABLE | SSTEP_NOIRQ);
    env()->pc = 0xc100;
    for (size_t i = 0; i < ARRAY_SIZE(pcs); i++) {
        g_assert_cmpint(cpu_exec(cs()), ==, EXCP_DEBUG);
        g_assert_cmphex(env()->pc, ==, pcs[i]);
    }
    g_assert_cmpuint(env()->acc, ==, 7);
    cpu_single_step(cs(), 0);
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_INTERRUPT);
}

static void test_watchpoint_write_stops_after(void)
{
    static const uint32_t prog[] = {
        INSN(OP_SETADDR, 0xd100 >> 2), INSN(OP_LIT, 0), 0x55,
        INSN(OP_LDI, 1), INSN(OP_STW, 0), INSN(OP_ADDI, 1), INSN(OP_STOP, 0),
    };
    CPUWatchpoint *wp;

    reset_machine();
    load(0xd000, prog, ARRAY_SIZE(prog));
    *code(0xd100) = 0;
    g_assert_cmpint(cpu_watchpoint_insert(cs(), 0xd100, 4, BP_GDB | BP_MEM_WRITE,
                                          &wp), ==, 0);
    g_assert_cmpint(run_at(0xd000), ==, EXCP_DEBUG);
    g_assert_true(cs()->watchpoint_hit == wp);
    g_assert_true(wp->flags & BP_WATCHPOINT_HIT_WRITE);
    g_assert_cmphex(wp->hitaddr, ==, 0xd100);
    g_assert_cmphex(*code(0xd100), ==, 0x55);   /* the store completed */
    g_assert_cmphex(env()->pc, ==, 0xd014);     /* just after the STW */
    g_assert_cmpuint(env()->acc, ==, 1);
    cs()->watchpoint_hit = NULL;
    wp->flags &= ~BP_WATCHPOINT_HIT;
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 2);
    g_assert_cmpint(cpu_watchpoint_remove(cs(), 0xd100, 4, BP_GDB | BP_MEM_WRITE),
                    ==, 0);
    g_assert_cmpint(run_at(0xd000), ==, EXCP_INTERRUPT);
}

static void test_watchpoint_read_stop_before(void)
{
    static const uint32_t prog[] = {
        INSN(OP_SETADDR, 0xe100 >> 2), INSN(OP_LDI, 9), INSN(OP_LDW, 0),
        INSN(OP_STOP, 0),
    };

    reset_machine();
    load(0xe000, prog, ARRAY_SIZE(prog));
    *code(0xe100) = 1234;
    g_assert_cmpint(cpu_watchpoint_insert(cs(), 0xe102, 1,
                                          BP_GDB | BP_MEM_READ |
                                          BP_STOP_BEFORE_ACCESS, NULL), ==, 0);
    g_assert_cmpint(run_at(0xe000), ==, EXCP_DEBUG);
    g_assert_cmphex(env()->pc, ==, 0xe008);
    g_assert_cmpuint(env()->acc, ==, 9);
    g_assert_nonnull(cs()->watchpoint_hit);
    g_assert_cmphex(cs()->watchpoint_hit->hitaddr, ==, 0xe102);
    cs()->watchpoint_hit = NULL;
    cpu_watchpoint_remove_all(cs(), BP_GDB);
    g_assert_cmpint(cpu_exec(cs()), ==, EXCP_INTERRUPT);
    g_assert_cmpuint(env()->acc, ==, 1234);
}

/* Poll @p (read atomically) until it passes @pred or 5 s pass. */
static bool wait_for(const uint64_t *p, bool (*pred)(uint64_t, uint64_t),
                     uint64_t arg)
{
    for (int i = 0; i < 5000; i++) {
        if (pred(__atomic_load_n(p, __ATOMIC_ACQUIRE), arg)) {
            return true;
        }
        g_usleep(1000);
    }
    return false;
}

static bool pred_gt(uint64_t v, uint64_t arg)
{
    return v > arg;
}

static bool pred_eq(uint64_t v, uint64_t arg)
{
    return v == arg;
}

/*
 * Must run last: starts the real vCPU thread with a second CPU. CPU 0
 * spins counting; CPU 1 is halted until an interrupt, then spins too.
 * Both must make progress (time slicing), pause must freeze them.
 */
static void test_round_robin_two_cpus(void)
{
    static const uint32_t spin[] = { INSN(OP_ADDI, 1), INSN(OP_B, -1) };
    static const uint32_t handler[] = {
        INSN(OP_LDI, 77), INSN(OP_STOP, 0), INSN(OP_ADDI, 1), INSN(OP_B, -1),
    };
    const AccelOps *tcg = accel_find("tcg");
    GError *err = NULL;
    ToyCPU *t2;
    uint64_t a, b;

    g_assert_nonnull(tcg);
    reset_machine();
    load(0xf000, spin, ARRAY_SIZE(spin));
    load(VECTOR, handler, ARRAY_SIZE(handler));
    t2 = g_new0(ToyCPU, 1);
    t2->parent_obj.tcg_ops = &toy_ops;
    t2->parent_obj.as = &as;
    g_assert_true(cpu_exec_realizefn(&t2->parent_obj, &err));
    g_assert_no_error(err);
    t2->parent_obj.halted = 1;
    env()->pc = 0xf000;

    runstate_set(RUN_STATE_RUNNING);
    tcg->start_vcpus(NULL);
    g_assert_true(wait_for(&env()->acc, pred_gt, 1000));
    g_assert_cmpuint(__atomic_load_n(&t2->env.acc, __ATOMIC_ACQUIRE), ==, 0);

    bql_lock();
    cpu_interrupt(&t2->parent_obj, CPU_INTERRUPT_HARD);
    bql_unlock();
    g_assert_true(wait_for(&t2->env.irq_taken, pred_eq, 1));
    /* CPU 1 now spins too: both counters must keep moving. */
    a = __atomic_load_n(&env()->acc, __ATOMIC_ACQUIRE);
    b = __atomic_load_n(&t2->env.acc, __ATOMIC_ACQUIRE);
    g_assert_true(wait_for(&env()->acc, pred_gt, a + 1000));
    g_assert_true(wait_for(&t2->env.acc, pred_gt, b + 1000));

    bql_lock();
    pause_all_vcpus();
    bql_unlock();
    a = __atomic_load_n(&env()->acc, __ATOMIC_ACQUIRE);
    b = __atomic_load_n(&t2->env.acc, __ATOMIC_ACQUIRE);
    g_usleep(50 * 1000);
    g_assert_cmpuint(__atomic_load_n(&env()->acc, __ATOMIC_ACQUIRE), ==, a);
    g_assert_cmpuint(__atomic_load_n(&t2->env.acc, __ATOMIC_ACQUIRE), ==, b);

    bql_lock();
    resume_all_vcpus();
    bql_unlock();
    g_assert_true(wait_for(&env()->acc, pred_gt, a + 1000));
    bql_lock();
    pause_all_vcpus();
    bql_unlock();
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    setup_once();
    g_test_add_func("/tb/run-and-reuse", test_run_and_reuse);
    g_test_add_func("/tb/chaining-on-off-one-insn", test_chaining_on_off);
    g_test_add_func("/tb/stops-at-page-end", test_tb_stops_at_page_end);
    g_test_add_func("/tb/store-invalidates-other-tb",
                    test_store_invalidates_other_tb);
    g_test_add_func("/tb/self-modifying-tb", test_self_modifying_tb);
    g_test_add_func("/tb/dma-write-and-flush", test_dma_write_and_flush);
    g_test_add_func("/tb/code-page-write-entry-notdirty",
                    test_code_page_write_entry_notdirty);
    g_test_add_func("/tb/code-in-mmio", test_code_in_mmio);
    g_test_add_func("/tb/halt-and-interrupt", test_halt_and_interrupt);
    g_test_add_func("/tb/fault-unwinds-to-insn", test_fault_unwinds_to_insn);
    g_test_add_func("/tb/exit-request", test_exit_request);
    g_test_add_func("/tb/breakpoint", test_breakpoint);
    g_test_add_func("/tb/single-step", test_single_step);
    g_test_add_func("/tb/watchpoint-write-stops-after",
                    test_watchpoint_write_stops_after);
    g_test_add_func("/tb/watchpoint-read-stop-before",
                    test_watchpoint_read_stop_before);
    /* Last: it starts the vCPU thread. */
    g_test_add_func("/tb/round-robin-two-cpus", test_round_robin_two_cpus);
    return g_test_run();
}
