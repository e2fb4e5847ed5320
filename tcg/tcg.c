/*
 * tcg.c - the translation context: temps, constants, labels, the op list,
 * helper calls, the code buffer and prologue, the tcg_gen_code driver
 * (optimize -> liveness -> one of the two code generators), logging of
 * ops, and the search of per-insn unwind data.
 *
 * Single-threaded by design: one translation thread and one tcg_ctx.
 * Not for: IR emission helpers (tcg-op.c), passes (optimize.c,
 * liveness.c), code generators (interp.c, x86_64/).
 */
#include "util/osdep.h"
#include "util/log.h"
#include "tcg/tcg.h"
#include "tcg/tcg-op.h"
#include "tcg/tcg-internal.h"

#include <sys/mman.h>

static TCGContext tcg_init_ctx;
TCGContext *tcg_ctx = &tcg_init_ctx;
TCGv_ptr tcg_env;
bool tcg_use_interp;
bool tcg_disable_optimizer;

const TCGOpDef tcg_op_defs[NB_OPS] = {
#define DEF(n, o, i, c, f) [INDEX_op_##n] = { #n, o, i, c, f },
#include "tcg/tcg-opc.h"
};

/* Constants of this TB, one temp per (type, value). */
static GHashTable *const_table[TCG_TYPE_COUNT];

/* Host register holding env in generated x86-64 code (r14). */
#define TCG_AREG0 14

/* ---- temps ---- */

static TCGTemp *tcg_temp_alloc(TCGContext *s)
{
    /* Keep two spare temps as a landing place after an overflow. */
    if (s->nb_temps >= TCG_MAX_TEMPS - 2) {
        s->tb_overflow = true;
        TCGTemp *ts = &s->temps[TCG_MAX_TEMPS - 2];
        memset(ts, 0, 2 * sizeof(*ts));
        return ts;
    }
    TCGTemp *ts = &s->temps[s->nb_temps++];
    memset(ts, 0, sizeof(*ts));
    return ts;
}

TCGTemp *tcg_global_mem_new_internal(TCGType type, TCGTemp *base,
                                     intptr_t offset, const char *name)
{
    TCGContext *s = tcg_ctx;

    /*
     * Globals sit below every TB temp. A CPU created after some TB was
     * translated (its temps still counted) simply drops that finished
     * TB's temps; creating globals while translating is a bug.
     */
    if (s->nb_temps != s->nb_globals) {
        s->nb_temps = s->nb_globals;
        s->first_op = s->last_op = NULL;
        s->nb_ops = 0;
        s->op_pool_used = 0;
        for (int i = 0; i < TCG_TYPE_COUNT; i++) {
            g_hash_table_remove_all(const_table[i]);
        }
    }
    g_assert(base == tcgv_ptr_temp(tcg_env));
    TCGTemp *ts = tcg_temp_alloc(s);
    ts->base_type = ts->type = type;
    ts->kind = TEMP_GLOBAL;
    ts->mem_base = base;
    ts->mem_offset = offset;
    ts->mem_allocated = true;
    ts->name = name;
    s->nb_globals++;
    return ts;
}

TCGTemp *tcg_temp_new_internal(TCGType type, TCGTempKind kind)
{
    TCGTemp *ts = tcg_temp_alloc(tcg_ctx);
    ts->base_type = ts->type = type;
    ts->kind = kind;
    ts->val_type = TEMP_VAL_DEAD;
    ts->mem_offset = -1;
    return ts;
}

TCGTemp *tcg_constant_internal(TCGType type, int64_t val)
{
    if (type == TCG_TYPE_I32) {
        val = (int32_t)val;
    }
    TCGTemp *ts = g_hash_table_lookup(const_table[type], &val);
    if (ts) {
        return ts;
    }
    ts = tcg_temp_alloc(tcg_ctx);
    ts->base_type = ts->type = type;
    ts->kind = TEMP_CONST;
    ts->val_type = TEMP_VAL_CONST;
    ts->val = val;
    if (!tcg_ctx->tb_overflow) {
        g_hash_table_insert(const_table[type], &ts->val, ts);
    }
    return ts;
}

TCGv_i32 tcg_temp_new_i32(void)
{
    return temp_tcgv_i32(tcg_temp_new_internal(TCG_TYPE_I32, TEMP_TB));
}

TCGv_i64 tcg_temp_new_i64(void)
{
    return temp_tcgv_i64(tcg_temp_new_internal(TCG_TYPE_I64, TEMP_TB));
}

TCGv_ptr tcg_temp_new_ptr(void)
{
    return temp_tcgv_ptr(tcg_temp_new_internal(TCG_TYPE_PTR, TEMP_TB));
}

TCGv_i128 tcg_temp_new_i128(void)
{
    TCGTemp *lo = tcg_temp_new_internal(TCG_TYPE_I64, TEMP_TB);
    TCGTemp *hi = tcg_temp_new_internal(TCG_TYPE_I64, TEMP_TB);
    g_assert(hi == lo + 1 || tcg_ctx->tb_overflow);
    return temp_tcgv_i128(lo);
}

TCGv_i32 tcg_temp_ebb_new_i32(void)
{
    return temp_tcgv_i32(tcg_temp_new_internal(TCG_TYPE_I32, TEMP_EBB));
}

TCGv_i64 tcg_temp_ebb_new_i64(void)
{
    return temp_tcgv_i64(tcg_temp_new_internal(TCG_TYPE_I64, TEMP_EBB));
}

TCGv_i32 tcg_constant_i32(int32_t val)
{
    return temp_tcgv_i32(tcg_constant_internal(TCG_TYPE_I32, val));
}

TCGv_i64 tcg_constant_i64(int64_t val)
{
    return temp_tcgv_i64(tcg_constant_internal(TCG_TYPE_I64, val));
}

TCGv_ptr tcg_constant_ptr_int(intptr_t val)
{
    return temp_tcgv_ptr(tcg_constant_internal(TCG_TYPE_PTR, val));
}

TCGv_i32 tcg_global_mem_new_i32(TCGv_ptr base, intptr_t offset, const char *name)
{
    return temp_tcgv_i32(tcg_global_mem_new_internal(TCG_TYPE_I32,
                         tcgv_ptr_temp(base), offset, name));
}

TCGv_i64 tcg_global_mem_new_i64(TCGv_ptr base, intptr_t offset, const char *name)
{
    return temp_tcgv_i64(tcg_global_mem_new_internal(TCG_TYPE_I64,
                         tcgv_ptr_temp(base), offset, name));
}

TCGv_ptr tcg_global_mem_new_ptr(TCGv_ptr base, intptr_t offset, const char *name)
{
    return temp_tcgv_ptr(tcg_global_mem_new_internal(TCG_TYPE_PTR,
                         tcgv_ptr_temp(base), offset, name));
}

/* ---- labels and ops ---- */

TCGLabel *gen_new_label(void)
{
    TCGContext *s = tcg_ctx;
    if (s->nb_labels >= TCG_MAX_LABELS - 1) {
        s->tb_overflow = true;
        TCGLabel *l = &s->labels[TCG_MAX_LABELS - 1];
        memset(l, 0, sizeof(*l));
        return l;
    }
    TCGLabel *l = &s->labels[s->nb_labels];
    memset(l, 0, sizeof(*l));
    l->id = s->nb_labels++;
    return l;
}

static TCGOp *tcg_op_alloc(TCGContext *s, TCGOpcode opc, TCGType type,
                           unsigned nargs)
{
    TCGOp *op;

    g_assert(nargs <= MAX_OPC_PARAM);
    if (s->op_pool_used < s->op_pool->len) {
        op = g_ptr_array_index(s->op_pool, s->op_pool_used);
    } else {
        op = g_new(TCGOp, 1);
        g_ptr_array_add(s->op_pool, op);
    }
    s->op_pool_used++;
    memset(op, 0, offsetof(TCGOp, args));
    op->opc = opc;
    op->type = type;
    op->nargs = nargs;
    s->nb_ops++;
    if (s->nb_ops > TCG_MAX_OPS) {
        s->tb_overflow = true;
    }
    return op;
}

static void tcg_op_link_after(TCGContext *s, TCGOp *prev, TCGOp *op)
{
    op->prev = prev;
    op->next = prev ? prev->next : s->first_op;
    if (op->next) {
        op->next->prev = op;
    } else {
        s->last_op = op;
    }
    if (prev) {
        prev->next = op;
    } else {
        s->first_op = op;
    }
}

TCGOp *tcg_emit_op(TCGOpcode opc, TCGType type, unsigned nargs)
{
    TCGContext *s = tcg_ctx;
    TCGOp *op = tcg_op_alloc(s, opc, type, nargs);
    tcg_op_link_after(s, s->last_op, op);
    return op;
}

TCGOp *tcg_op_insert_before(TCGContext *s, TCGOp *old, TCGOpcode opc,
                            TCGType type, unsigned nargs)
{
    TCGOp *op = tcg_op_alloc(s, opc, type, nargs);
    tcg_op_link_after(s, old->prev, op);
    return op;
}

TCGOp *tcg_op_insert_after(TCGContext *s, TCGOp *old, TCGOpcode opc,
                           TCGType type, unsigned nargs)
{
    TCGOp *op = tcg_op_alloc(s, opc, type, nargs);
    tcg_op_link_after(s, old, op);
    return op;
}

void tcg_op_remove(TCGContext *s, TCGOp *op)
{
    if (op->prev) {
        op->prev->next = op->next;
    } else {
        s->first_op = op->next;
    }
    if (op->next) {
        op->next->prev = op->prev;
    } else {
        s->last_op = op->prev;
    }
    s->nb_ops--;
}

bool tcg_op_buf_full(void)
{
    /* Leave room for the longest expansion of one guest insn. */
    return tcg_ctx->tb_overflow || tcg_ctx->nb_ops >= TCG_MAX_OPS - 800 ||
           tcg_ctx->nb_temps >= TCG_MAX_TEMPS - 300 ||
           tcg_ctx->nb_labels >= TCG_MAX_LABELS - 100;
}

TCGOp *tcg_last_op(void)
{
    return tcg_ctx->last_op;
}

void tcg_set_insn_start_param(TCGOp *op, int arg, uint64_t v)
{
    g_assert(op->opc == INDEX_op_insn_start && arg < 3);
    op->args[arg] = v;
}

int tcg_helper_nargs(unsigned typemask)
{
    int n = 0;
    while (n < TCG_MAX_HELPER_ARGS && ((typemask >> (3 * (n + 1))) & 7)) {
        n++;
    }
    return n;
}

void tcg_gen_callN(const TCGHelperInfo *info, TCGTemp *ret, TCGTemp **args)
{
    int nargs = tcg_helper_nargs(info->typemask);
    int nout = ret ? 1 : 0;
    TCGOp *op = tcg_emit_op(INDEX_op_call, TCG_TYPE_I64, nout + nargs + 2);

    op->callo = nout;
    op->calli = nargs;
    if (ret) {
        op->args[0] = temp_arg(ret);
    }
    for (int i = 0; i < nargs; i++) {
        op->args[nout + i] = temp_arg(args[i]);
    }
    op->args[nout + nargs] = (uintptr_t)info->func;
    op->args[nout + nargs + 1] = (uintptr_t)info;
}

/* ---- context, code buffer, prologue ---- */

void tcg_context_init(TCGContext *s)
{
    memset(s, 0, sizeof(*s));
    tcg_ctx = s;
    s->op_pool = g_ptr_array_new_with_free_func(g_free);
    s->labels = g_new0(TCGLabel, TCG_MAX_LABELS);
    s->relocs = g_array_new(false, false, sizeof(TCGReloc));
    for (int i = 0; i < TCG_TYPE_COUNT; i++) {
        if (!const_table[i]) {
            const_table[i] = g_hash_table_new(g_int64_hash, g_int64_equal);
        }
        g_hash_table_remove_all(const_table[i]);
    }

    TCGTemp *env = tcg_temp_alloc(s);
    env->base_type = env->type = TCG_TYPE_PTR;
    env->kind = TEMP_FIXED;
    env->val_type = TEMP_VAL_REG;
    env->reg = TCG_AREG0;
    env->name = "env";
    s->nb_globals = 1;
    tcg_env = temp_tcgv_ptr(env);
    tcg_ldst_helpers_init();
}

void tcg_prologue_init(TCGContext *s)
{
    s->code_gen_ptr = s->code_gen_buffer;
    s->code_gen_prologue = s->code_gen_buffer;
    if (!tcg_use_interp) {
        tcg_x86_gen_prologue(s);
    } else {
        s->code_gen_epilogue = NULL;
        s->tb_ret_addr = NULL;
    }
    s->code_gen_ptr = (void *)ROUND_UP((uintptr_t)s->code_gen_ptr, TCG_CODE_ALIGN);
    s->code_gen_first_tb = s->code_gen_ptr;
    /* Keep room so one TB can never run past the end of the buffer. */
    s->code_gen_highwater = (char *)s->code_gen_buffer + s->code_gen_buffer_size
                            - 256 * KiB;
}

void tcg_init(size_t tb_size)
{
    TCGContext *s = &tcg_init_ctx;

    if (tb_size == 0) {
        tb_size = 64 * MiB;
    }
    tcg_context_init(s);
    /*
     * Ask for a spot within +-2 GiB of our own code so generated code
     * reaches helpers with a direct call; anywhere else still works.
     */
    uintptr_t hint = ((uintptr_t)&tcg_init & ~(uintptr_t)(GiB - 1)) + GiB;
    void *buf = mmap((void *)hint, tb_size, PROT_READ | PROT_WRITE | PROT_EXEC,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        fprintf(stderr, "plumb: cannot allocate %zu bytes of code buffer: %s\n",
                tb_size, strerror(errno));
        exit(1);
    }
    s->code_gen_buffer = buf;
    s->code_gen_buffer_size = tb_size;
    tcg_prologue_init(s);
}

void tcg_region_reset_all(void)
{
    tcg_ctx->code_gen_ptr = tcg_ctx->code_gen_first_tb;
}

size_t tcg_code_size(void)
{
    return (char *)tcg_ctx->code_gen_ptr - (char *)tcg_ctx->code_gen_buffer;
}

size_t tcg_code_capacity(void)
{
    return (char *)tcg_ctx->code_gen_highwater - (char *)tcg_ctx->code_gen_buffer;
}

void tcg_func_start(TCGContext *s)
{
    s->nb_temps = s->nb_globals;
    s->first_op = s->last_op = NULL;
    s->nb_ops = 0;
    s->op_pool_used = 0;
    s->nb_labels = 0;
    s->tb_overflow = false;
    s->nb_insns = 0;
    for (int i = 0; i < TCG_TYPE_COUNT; i++) {
        g_hash_table_remove_all(const_table[i]);
    }
    s->exitreq_label = gen_new_label();
}

/* ---- unwind data ---- */

void tcg_record_insn_start(TCGContext *s, const TCGOp *op, uintptr_t code_off)
{
    if (s->nb_insns > 0) {
        s->gen_insn_end_off[s->nb_insns - 1] = code_off;
    }
    if (s->nb_insns >= TCG_MAX_INSNS) {
        s->tb_overflow = true;
        return;
    }
    for (int k = 0; k < TARGET_INSN_START_WORDS_MAX; k++) {
        s->gen_insn_data[s->nb_insns * TARGET_INSN_START_WORDS_MAX + k] = op->args[k];
    }
    s->nb_insns++;
}

void tcg_record_insn_end(TCGContext *s, uintptr_t code_off)
{
    if (s->nb_insns > 0 && s->nb_insns <= TCG_MAX_INSNS) {
        s->gen_insn_end_off[s->nb_insns - 1] = code_off;
    }
}

bool cpu_unwind_state_data(TranslationBlock *tb, uintptr_t host_pc, uint64_t *data)
{
    uintptr_t start = (uintptr_t)tb->tc.ptr;

    if (!tb->insn_end_off || host_pc <= start) {
        return false;
    }
    /* A return address points just past the call: look at the byte before. */
    uintptr_t off = host_pc - 1 - start;
    for (unsigned i = 0; i < tb->icount; i++) {
        if (off < tb->insn_end_off[i]) {
            memcpy(data, &tb->insn_data[i * TARGET_INSN_START_WORDS_MAX],
                   TARGET_INSN_START_WORDS_MAX * sizeof(uint64_t));
            return true;
        }
    }
    return false;
}

/* ---- code generation driver ---- */

int tcg_gen_code(TCGContext *s, TranslationBlock *tb, uint64_t pc_start)
{
    if (s->tb_overflow) {
        return -2;
    }
    if (unlikely(log_enabled(LOG_OP))) {
        log_printf("OP:  [pc %" PRIx64 "]\n", pc_start);
        tcg_dump_ops(s, log_file(), false);
        log_printf("\n");
    }
    if (!tcg_disable_optimizer) {
        tcg_optimize(s);
    }
    tcg_liveness_analysis(s);
    if (unlikely(log_enabled(LOG_OP_OPT))) {
        log_printf("OP after optimization and liveness analysis:\n");
        tcg_dump_ops(s, log_file(), true);
        log_printf("\n");
    }

    s->gen_tb = tb;
    tb->jmp_reset_offset[0] = tb->jmp_reset_offset[1] = TB_JMP_OFFSET_INVALID;
    tb->jmp_insn_offset[0] = tb->jmp_insn_offset[1] = TB_JMP_OFFSET_INVALID;
    s->code_buf = (uint8_t *)tb->tc.ptr;
    s->code_ptr = s->code_buf;
    if ((void *)s->code_buf >= s->code_gen_highwater) {
        return -1;
    }
    s->code_end = (uint8_t *)s->code_gen_buffer + s->code_gen_buffer_size - 64;
    s->nb_insns = 0;

    int n = tcg_use_interp ? tcg_interp_gen_code(s, tb) : tcg_x86_gen_code(s, tb);
    if (n < 0) {
        return n;
    }
    if (s->tb_overflow || n > UINT16_MAX - 16) {
        return -2;
    }
    if ((char *)s->code_buf + n > (char *)s->code_gen_highwater) {
        return -1;
    }
    __builtin___clear_cache((char *)s->code_buf, (char *)s->code_buf + n);
    s->tb_count++;
    s->code_bytes += n;
    if (unlikely(log_enabled(LOG_OUT_ASM))) {
        log_printf("OUT: [size=%d]\n", n);
        if (tcg_use_interp) {
            tcg_interp_disas(log_file(), s->code_buf, n);
        } else {
            tcg_x86_disas(log_file(), s->code_buf, n);
        }
        log_printf("\n");
    }
    return n;
}

uintptr_t tcg_native_exec(CPUArchState *env, const void *tb_ptr)
{
    uintptr_t (*prologue)(CPUArchState *, const void *) =
        (uintptr_t (*)(CPUArchState *, const void *))tcg_ctx->code_gen_prologue;
    return prologue(env, tb_ptr);
}

uintptr_t tcg_qemu_tb_exec(CPUArchState *env, const void *tb_ptr)
{
    if (tcg_use_interp) {
        return tcg_interp_exec(env, tb_ptr);
    }
    return tcg_native_exec(env, tb_ptr);
}

void tb_target_set_jmp_target(const TranslationBlock *tb, int n,
                              uintptr_t jmp_rx, uintptr_t jmp_rw)
{
    if (tcg_use_interp) {
        tcg_interp_set_jmp_target(tb, n, jmp_rw);
    } else {
        tcg_x86_set_jmp_target(tb, n, jmp_rx, jmp_rw);
    }
}

/* ---- softmmu helpers, resolved weakly ---- */

uint64_t helper_ldub_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
uint64_t helper_lduw_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
uint64_t helper_ldul_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
uint64_t helper_ldq_mmu(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
void helper_stb_mmu(CPUArchState *env, uint64_t addr, uint32_t val, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
void helper_stw_mmu(CPUArchState *env, uint64_t addr, uint32_t val, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
void helper_stl_mmu(CPUArchState *env, uint64_t addr, uint32_t val, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
void helper_stq_mmu(CPUArchState *env, uint64_t addr, uint64_t val, MemOpIdx oi, uintptr_t ra) __attribute__((weak));
const void *helper_lookup_tb_ptr(CPUArchState *env) __attribute__((weak));

TCGLdstHelpers tcg_ldst_helpers;

static uint64_t missing_ld_helper(CPUArchState *env, uint64_t addr, MemOpIdx oi, uintptr_t ra)
{
    fprintf(stderr, "plumb: guest load with no softmmu slow path linked\n");
    abort();
}

static void missing_st_helper(CPUArchState *env, uint64_t addr, uint64_t val,
                              MemOpIdx oi, uintptr_t ra)
{
    fprintf(stderr, "plumb: guest store with no softmmu slow path linked\n");
    abort();
}

static const void *missing_lookup_tb_ptr(CPUArchState *env)
{
    return NULL;    /* NULL: return to the exec loop */
}

void tcg_ldst_helpers_init(void)
{
    TCGLdstHelpers *h = &tcg_ldst_helpers;
    h->ld[0] = helper_ldub_mmu ? helper_ldub_mmu : missing_ld_helper;
    h->ld[1] = helper_lduw_mmu ? helper_lduw_mmu : missing_ld_helper;
    h->ld[2] = helper_ldul_mmu ? helper_ldul_mmu : missing_ld_helper;
    h->ld[3] = helper_ldq_mmu ? helper_ldq_mmu : missing_ld_helper;
    /* The 8/16/32-bit stores take a uint32_t: same registers on x86-64. */
    h->st[0] = helper_stb_mmu ? (TCGStHelper)(void *)helper_stb_mmu : missing_st_helper;
    h->st[1] = helper_stw_mmu ? (TCGStHelper)(void *)helper_stw_mmu : missing_st_helper;
    h->st[2] = helper_stl_mmu ? (TCGStHelper)(void *)helper_stl_mmu : missing_st_helper;
    h->st[3] = helper_stq_mmu ? helper_stq_mmu : missing_st_helper;
    h->lookup_tb_ptr = helper_lookup_tb_ptr ? helper_lookup_tb_ptr : missing_lookup_tb_ptr;
}

/* ---- dumping ---- */

static const char *const cond_name[16] = {
    [TCG_COND_NEVER] = "never", [TCG_COND_ALWAYS] = "always",
    [TCG_COND_EQ] = "eq", [TCG_COND_NE] = "ne",
    [TCG_COND_TSTEQ] = "tsteq", [TCG_COND_TSTNE] = "tstne",
    [TCG_COND_LT] = "lt", [TCG_COND_GE] = "ge",
    [TCG_COND_LE] = "le", [TCG_COND_GT] = "gt",
    [TCG_COND_LTU] = "ltu", [TCG_COND_GEU] = "geu",
    [TCG_COND_LEU] = "leu", [TCG_COND_GTU] = "gtu",
};

static void temp_name(TCGContext *s, TCGTemp *ts, char *buf, size_t n)
{
    switch (ts->kind) {
    case TEMP_FIXED:
    case TEMP_GLOBAL:
        snprintf(buf, n, "%s", ts->name ? ts->name : "glob");
        break;
    case TEMP_CONST:
        snprintf(buf, n, "$0x%" PRIx64, (uint64_t)ts->val);
        break;
    case TEMP_EBB:
        snprintf(buf, n, "ebb%d", (int)(temp_idx(ts) - s->nb_globals));
        break;
    case TEMP_TB:
        snprintf(buf, n, "tmp%d", (int)(temp_idx(ts) - s->nb_globals));
        break;
    }
}

void tcg_dump_ops(TCGContext *s, FILE *f, bool have_prefs)
{
    char buf[64];

    for (TCGOp *op = s->first_op; op; op = op->next) {
        const TCGOpDef *def = &tcg_op_defs[op->opc];
        int nb_o, nb_i, nb_c, k = 0;
        int col;

        if (op->opc == INDEX_op_insn_start) {
            fprintf(f, "\n ---- %016" PRIx64 " %016" PRIx64 " %016" PRIx64 "\n",
                    (uint64_t)op->args[0], (uint64_t)op->args[1],
                    (uint64_t)op->args[2]);
            continue;
        }
        if (op->opc == INDEX_op_call) {
            const TCGHelperInfo *info = (const TCGHelperInfo *)(uintptr_t)
                op->args[op->callo + op->calli + 1];
            nb_o = op->callo;
            nb_i = op->calli;
            col = fprintf(f, " call %s,$0x%x", info->name, info->flags);
            for (int i = 0; i < nb_o + nb_i; i++) {
                temp_name(s, arg_temp(op->args[i]), buf, sizeof(buf));
                col += fprintf(f, ",%s", buf);
            }
        } else {
            nb_o = def->nb_oargs;
            nb_i = def->nb_iargs;
            nb_c = def->nb_cargs;
            const char *sfx = "";
            /* Ops that name their widths (ext_i32_i64, ...) need no suffix. */
            if ((!(def->flags & (TCG_OPF_BB_END | TCG_OPF_NOT_PRESENT)) ||
                 op->opc == INDEX_op_mov || op->opc == INDEX_op_brcond) &&
                !strstr(def->name, "_i32") && !strstr(def->name, "_i64")) {
                sfx = op->type == TCG_TYPE_I32 ? "_i32" : "_i64";
            }
            col = fprintf(f, " %s%s ", def->name, sfx);
            for (int i = 0; i < nb_o + nb_i; i++, k++) {
                temp_name(s, arg_temp(op->args[k]), buf, sizeof(buf));
                col += fprintf(f, "%s%s", k ? "," : "", buf);
            }
            for (int i = 0; i < nb_c; i++, k++) {
                TCGArg a = op->args[k];
                const char *sep = k ? "," : "";
                if ((op->opc == INDEX_op_brcond || op->opc == INDEX_op_setcond ||
                     op->opc == INDEX_op_negsetcond || op->opc == INDEX_op_movcond)
                    && i == 0 && a < 16 && cond_name[a]) {
                    col += fprintf(f, "%s%s", sep, cond_name[a]);
                } else if ((op->opc == INDEX_op_brcond && i == 1) ||
                           op->opc == INDEX_op_br || op->opc == INDEX_op_set_label) {
                    col += fprintf(f, "%s$L%d", sep, arg_label(a)->id);
                } else if (op->opc == INDEX_op_qemu_ld || op->opc == INDEX_op_qemu_st) {
                    col += fprintf(f, "%smemop 0x%x mmu %u", sep,
                                   get_memop(a), get_mmuidx(a));
                } else {
                    col += fprintf(f, "%s$0x%" PRIx64, sep, (uint64_t)a);
                }
            }
        }
        if (have_prefs && op->life) {
            fprintf(f, "%*s", MAX(1, 40 - col), "");
            bool any = false;
            for (int i = 0; i < nb_o + nb_i; i++) {
                if (op->life & (SYNC_ARG << i)) {
                    fprintf(f, "%s%d", any ? "," : " sync: ", i);
                    any = true;
                }
            }
            any = false;
            for (int i = 0; i < nb_o + nb_i; i++) {
                if (op->life & (DEAD_ARG << i)) {
                    fprintf(f, "%s%d", any ? "," : " dead: ", i);
                    any = true;
                }
            }
        }
        fputc('\n', f);
    }
}
