/*
 * translator.c - the generic part of translating one TB: the per-insn loop
 * around a target's TranslatorOps, the exit check every TB starts with,
 * code fetch (translator_ld*) that records which pages a TB covers, and
 * -d in_asm through capstone.
 *
 * A TB ends when the target says so (is_jmp), at the insn limit, when the
 * op buffer is full, or before an insn that would start on a page other
 * than the TB's first: so a TB covers at most its first page plus the tail
 * of one insn that straddles into the next (x86), and every page it covers
 * is known (tb->page_addr[]) for invalidation.
 *
 * Not for: the TB cache (translate-all.c) or code generation (tcg/).
 */
#include "util/osdep.h"
#include "exec/translator.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "util/log.h"
#include <capstone/capstone.h>

/* Guest code bytes of the TB being translated, for -d in_asm. */
#define TRANSLATOR_SAVE_MAX 4096
static uint8_t save_bytes[TRANSLATOR_SAVE_MAX];
static size_t save_len;

static void gen_tb_start(DisasContextBase *db)
{
    if (!(tb_cflags(db->tb) & CF_NOIRQ)) {
        TCGv_i32 count = tcg_temp_new_i32();

        /* Negative when cpu_exit/cpu_interrupt asked us to leave. */
        tcg_gen_ld_i32(count, tcg_env, CPU_NEG_ICOUNT_DECR_OFS);
        tcg_gen_brcondi_i32(TCG_COND_LT, count, 0, tcg_ctx->exitreq_label);
    }
}

static void gen_tb_end(DisasContextBase *db)
{
    if (!(tb_cflags(db->tb) & CF_NOIRQ)) {
        gen_set_label(tcg_ctx->exitreq_label);
        tcg_gen_exit_tb(db->tb, TB_EXIT_REQUESTED);
    }
}

bool translator_use_goto_tb(DisasContextBase *db, vaddr dest)
{
    if (tb_cflags(db->tb) & (CF_NO_GOTO_TB | CF_SINGLE_STEP)) {
        return false;
    }
    if (!tcg_accel_config.chaining) {
        return false;
    }
    /* The jump is patched once; only the TB's own page is known to stay. */
    return ((db->pc_first ^ dest) & TARGET_PAGE_MASK) == 0;
}

static void translator_log_in_asm(DisasContextBase *db, CPUState *cpu,
                                  const TranslatorOps *ops)
{
    const TCGCPUOps *cops = cpu->tcg_ops;
    FILE *f = log_file();
    csh handle;
    cs_insn *insn;
    size_t count, len = MIN((size_t)db->tb->size, save_len);

    log_printf("----------------\nIN: \n");
    if (ops->disas_log && ops->disas_log(db, cpu, f)) {
        log_printf("\n");
        return;
    }
    if (cops->disas_cs_arch == 0 ||
        cs_open((cs_arch)cops->disas_cs_arch, (cs_mode)cops->disas_cs_mode,
                &handle) != CS_ERR_OK) {
        for (size_t i = 0; i < len; i += 4) {
            log_printf("0x%016" VADDR_PRIx ":  ", db->pc_first + i);
            for (size_t k = i; k < MIN(len, i + 4); k++) {
                log_printf("%02x", save_bytes[k]);
            }
            log_printf("\n");
        }
        log_printf("\n");
        return;
    }
    count = cs_disasm(handle, save_bytes, len, db->pc_first, 0, &insn);
    for (size_t i = 0; i < count; i++) {
        log_printf("0x%016" PRIx64 ":  %-12s %s\n", insn[i].address,
                   insn[i].mnemonic, insn[i].op_str);
    }
    if (count) {
        cs_free(insn, count);
    }
    cs_close(&handle);
    log_printf("\n");
}

void translator_loop(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                     vaddr pc, void *host_pc, const TranslatorOps *ops,
                     DisasContextBase *db)
{
    uint32_t cflags = tb_cflags(tb);

    db->tb = tb;
    db->pc_first = pc;
    db->pc_next = pc;
    db->is_jmp = DISAS_NEXT;
    db->num_insns = 0;
    db->max_insns = *max_insns;
    db->singlestep_enabled = cflags & CF_SINGLE_STEP;
    db->plugin_enabled = false;
    db->host_addr[0] = host_pc;
    db->host_addr[1] = NULL;
    db->save_base = pc;
    save_len = 0;

    ops->init_disas_context(db, cpu);
    g_assert(db->is_jmp == DISAS_NEXT);

    gen_tb_start(db);
    if (ops->tb_start) {
        ops->tb_start(db, cpu);
    }
    for (;;) {
        db->num_insns++;
        ops->insn_start(db, cpu);
        ops->translate_insn(db, cpu);
        if (db->is_jmp != DISAS_NEXT) {
            break;
        }
        if (db->num_insns >= db->max_insns || tcg_op_buf_full()) {
            db->is_jmp = DISAS_TOO_MANY;
            break;
        }
        if ((db->pc_next ^ db->pc_first) & TARGET_PAGE_MASK) {
            db->is_jmp = DISAS_TOO_MANY;
            break;
        }
    }
    ops->tb_stop(db, cpu);
    gen_tb_end(db);

    tb->size = db->pc_next - db->pc_first;
    tb->icount = db->num_insns;
    *max_insns = db->num_insns;

    if (log_enabled(LOG_IN_ASM)) {
        translator_log_in_asm(db, cpu, ops);
    }
}

/* ---- code fetch ---- */

static void translator_save(DisasContextBase *db, vaddr pc, const uint8_t *p,
                            size_t n)
{
    vaddr off = pc - db->pc_first;

    if (off + n <= TRANSLATOR_SAVE_MAX) {
        memcpy(save_bytes + off, p, n);
        save_len = MAX(save_len, (size_t)(off + n));
    }
}

/* The host address of code byte @pc, or NULL if it must be read as MMIO. */
static uint8_t *translator_host(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    vaddr page0 = db->pc_first & TARGET_PAGE_MASK;
    vaddr page = pc & TARGET_PAGE_MASK;

    if (page == page0) {
        return db->host_addr[0] ? (uint8_t *)db->host_addr[0] + (pc - db->pc_first)
                                : NULL;
    }
    if (page != page0 + TARGET_PAGE_SIZE) {
        /* Only insns that straddle into the next page fetch beyond it. */
        return NULL;
    }
    if (!db->host_addr[1] && db->tb->page_addr[1] == (tb_page_addr_t)-1) {
        void *h = NULL;
        tb_page_addr_t p2 = get_page_addr_code_hostp(env, page, &h);
        if (p2 != (tb_page_addr_t)-1 && db->tb->page_addr[0] != (tb_page_addr_t)-1) {
            db->tb->page_addr[1] = p2 & TARGET_PAGE_MASK;
            db->host_addr[1] = h;
        } else if (p2 == (tb_page_addr_t)-1) {
            /*
             * The insn continues into MMIO: read it from the device now
             * and never reuse this TB, since the device may answer
             * differently next time.
             */
            db->tb->cflags |= CF_NOCACHE;
        }
    }
    return db->host_addr[1] ? (uint8_t *)db->host_addr[1] + (pc - page) : NULL;
}

static uint64_t translator_ld(CPUArchState *env, DisasContextBase *db, vaddr pc,
                              unsigned size)
{
    bool be = env_cpu(env)->tcg_ops->big_endian;
    uint8_t buf[8];
    uint64_t v = 0;

    if (((pc ^ (pc + size - 1)) & TARGET_PAGE_MASK) == 0) {
        uint8_t *h = translator_host(env, db, pc);
        if (h) {
            memcpy(buf, h, size);
        } else {
            /* MMIO code: one read of the insn's width, target endian. */
            uint64_t x;
            switch (size) {
            case 1:
                x = cpu_ldub_code(env, pc);
                break;
            case 2:
                x = cpu_lduw_code(env, pc);
                break;
            case 4:
                x = cpu_ldl_code(env, pc);
                break;
            default:
                x = cpu_ldq_code(env, pc);
                break;
            }
            for (unsigned i = 0; i < size; i++) {
                buf[i] = be ? (uint8_t)(x >> (8 * (size - 1 - i)))
                            : (uint8_t)(x >> (8 * i));
            }
        }
    } else {
        for (unsigned i = 0; i < size; i++) {
            uint8_t *h = translator_host(env, db, pc + i);
            buf[i] = h ? *h : (uint8_t)cpu_ldub_code(env, pc + i);
        }
    }
    translator_save(db, pc, buf, size);
    for (unsigned i = 0; i < size; i++) {
        unsigned sh = be ? 8 * (size - 1 - i) : 8 * i;
        v |= (uint64_t)buf[i] << sh;
    }
    return v;
}

uint8_t translator_ldub(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return (uint8_t)translator_ld(env, db, pc, 1);
}

uint16_t translator_lduw(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return (uint16_t)translator_ld(env, db, pc, 2);
}

uint32_t translator_ldl(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return (uint32_t)translator_ld(env, db, pc, 4);
}

uint64_t translator_ldq(CPUArchState *env, DisasContextBase *db, vaddr pc)
{
    return translator_ld(env, db, pc, 8);
}
