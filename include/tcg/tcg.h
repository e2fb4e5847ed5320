/*
 * tcg.h - the TCG translator core: IR data structures (temps, ops, labels),
 * the translation context, code buffer management, and the entry points
 * the exec layer drives (tcg_init, tcg_func_start, tcg_gen_code,
 * tcg_qemu_tb_exec, tb_target_set_jmp_target).
 *
 * One TB's life:
 *     tcg_func_start(tcg_ctx);               -- empty op list, TB temps reset
 *     ... frontend emits ops via tcg-op.h ...
 *     tb->tc.ptr = tcg_ctx->code_gen_ptr;
 *     n = tcg_gen_code(tcg_ctx, tb, pc);     -- optimize, liveness, emit
 *     n == -1: code buffer full (flush all TBs, tcg_region_reset_all, retry)
 *     n == -2: TB too big (retry with fewer insns)
 *     else: n bytes of host code at tb->tc.ptr; advance code_gen_ptr past
 *           them (ROUND_UP(n, TCG_CODE_ALIGN)); chaining offsets and the
 *           per-insn unwind data are in tb / tcg_ctx->gen_insn_*.
 *
 * Frontends use tcg-op.h, not this header's internals. Not for: the TB
 * cache (exec/exec-all.h) or the TLB layout (exec/cpu-tlb.h).
 */
#ifndef TCG_TCG_H
#define TCG_TCG_H

#include "util/osdep.h"
#include "exec/translation-block.h"
#include "tcg/tcg-cond.h"

#if __has_include("exec/memop.h")
#include "exec/memop.h"
#define TCG_HAVE_MEMOP_H 1
#else
/* FIXME: stand-in until include/exec/memop.h lands (QEMU's values). */
typedef enum MemOp {
    MO_8 = 0, MO_16 = 1, MO_32 = 2, MO_64 = 3, MO_128 = 4, MO_SIZE = 7,
    MO_SIGN = 8, MO_BSWAP = 16,
    MO_LE = 0, MO_BE = MO_BSWAP, MO_TE = MO_LE,
    MO_ASHIFT = 5, MO_AMASK = 7 << 5, MO_UNALN = 0, MO_ALIGN = MO_AMASK,
    MO_ALIGN_2 = 1 << 5, MO_ALIGN_4 = 2 << 5, MO_ALIGN_8 = 3 << 5,
    MO_ALIGN_16 = 4 << 5, MO_ALIGN_32 = 5 << 5, MO_ALIGN_64 = 6 << 5,
    MO_UB = MO_8, MO_UW = MO_16, MO_UL = MO_32, MO_UQ = MO_64,
    MO_SB = MO_SIGN | MO_8, MO_SW = MO_SIGN | MO_16, MO_SL = MO_SIGN | MO_32,
    MO_SQ = MO_SIGN | MO_64,
    MO_LEUW = MO_LE | MO_UW, MO_LEUL = MO_LE | MO_UL, MO_LEUQ = MO_LE | MO_UQ,
    MO_BEUW = MO_BE | MO_UW, MO_BEUL = MO_BE | MO_UL, MO_BEUQ = MO_BE | MO_UQ,
    MO_TEUW = MO_TE | MO_UW, MO_TEUL = MO_TE | MO_UL, MO_TEUQ = MO_TE | MO_UQ,
    MO_TESW = MO_TE | MO_SW, MO_TESL = MO_TE | MO_SL, MO_TESQ = MO_TE | MO_SQ,
    MO_ATOM_SHIFT = 8, MO_ATOM_MASK = 7 << 8,
} MemOp;
static inline unsigned memop_size(MemOp op)
{
    return 1u << (op & MO_SIZE);
}
#endif

/*
 * MemOpIdx: a MemOp and an mmu index in one word, as the slow-path helpers
 * (helper_ld*_mmu / helper_st*_mmu) receive it. Layout (memop << 4) | idx.
 */
#ifndef TCG_MEMOPIDX_DEFINED
#define TCG_MEMOPIDX_DEFINED
typedef uint32_t MemOpIdx;
static inline MemOpIdx make_memop_idx(MemOp op, unsigned idx)
{
    return ((unsigned)op << 4) | idx;
}
static inline MemOp get_memop(MemOpIdx oi)
{
    return (MemOp)(oi >> 4);
}
static inline unsigned get_mmuidx(MemOpIdx oi)
{
    return oi & 15;
}
#endif

/* The CPU state generated code works on; each target defines the struct. */
typedef struct CPUArchState CPUArchState;

typedef uint64_t TCGArg;
typedef uint64_t tcg_target_ulong;
typedef int64_t tcg_target_long;

typedef enum TCGType {
    TCG_TYPE_I32,
    TCG_TYPE_I64,
    TCG_TYPE_I128,          /* only as a pair of I64 temps, see TCGv_i128 */
    TCG_TYPE_COUNT,
    TCG_TYPE_PTR = TCG_TYPE_I64,
    TCG_TYPE_REG = TCG_TYPE_I64,
} TCGType;

typedef enum TCGOpcode {
#define DEF(name, oargs, iargs, cargs, flags) INDEX_op_##name,
#include "tcg/tcg-opc.h"
    NB_OPS,
} TCGOpcode;

/* TCGOpDef.flags */
enum {
    TCG_OPF_BB_EXIT      = 0x01,   /* leaves the TB */
    TCG_OPF_BB_END       = 0x02,   /* ends a basic block */
    TCG_OPF_CALL_CLOBBER = 0x04,   /* clobbers call-clobbered host regs */
    TCG_OPF_SIDE_EFFECTS = 0x08,   /* never removed; may read/fault globals */
    TCG_OPF_NOT_PRESENT  = 0x10,   /* no direct backend emission */
    TCG_OPF_COND_BRANCH  = 0x20,
};

typedef struct TCGOpDef {
    const char *name;
    uint8_t nb_oargs, nb_iargs, nb_cargs;
    uint8_t flags;
} TCGOpDef;

extern const TCGOpDef tcg_op_defs[NB_OPS];

/* TCG_BSWAP_* flags of bswap16/32/64 (QEMU's meaning). */
enum {
    TCG_BSWAP_IZ = 1,   /* input is zero-extended already */
    TCG_BSWAP_OZ = 2,   /* zero-extend the result */
    TCG_BSWAP_OS = 4,   /* sign-extend the result */
};

/* Memory barrier kinds for tcg_gen_mb (TCG_MO_* | TCG_BAR_*). */
typedef enum {
    TCG_MO_LD_LD = 0x01, TCG_MO_ST_LD = 0x02, TCG_MO_LD_ST = 0x04,
    TCG_MO_ST_ST = 0x08, TCG_MO_ALL = 0x0f,
    TCG_BAR_LDAQ = 0x10, TCG_BAR_STRL = 0x20, TCG_BAR_SC = 0x30,
} TCGBar;

/* Helper call flags (DEF_HELPER_FLAGS_n). */
#define TCG_CALL_NO_READ_GLOBALS  0x0001   /* implies NO_WRITE_GLOBALS */
#define TCG_CALL_NO_WRITE_GLOBALS 0x0002
#define TCG_CALL_NO_SIDE_EFFECTS  0x0004   /* may be removed if result unused */
#define TCG_CALL_NO_RETURN        0x0008   /* never returns (longjmps out) */
#define TCG_CALL_NO_RWG     TCG_CALL_NO_READ_GLOBALS
#define TCG_CALL_NO_WG      TCG_CALL_NO_WRITE_GLOBALS
#define TCG_CALL_NO_SE      TCG_CALL_NO_SIDE_EFFECTS
#define TCG_CALL_NO_RWG_SE  (TCG_CALL_NO_RWG | TCG_CALL_NO_SE)
#define TCG_CALL_NO_WG_SE   (TCG_CALL_NO_WG | TCG_CALL_NO_SE)

/*
 * Helper signatures: 3 bits per type in TCGHelperInfo.typemask, bits 0-2
 * the return type, bits 3(n+1).. argument n; 0 ends the argument list.
 * Codes (dh_typecode_* in exec/helper-head.h): 0 void, 2 i32, 3 s32,
 * 4 i64, 5 s64, 6 ptr.
 */
#define TCG_MAX_HELPER_ARGS 7

typedef struct TCGHelperInfo {
    void *func;
    const char *name;
    unsigned flags;
    unsigned typemask;
} TCGHelperInfo;

typedef enum TCGTempKind {
    TEMP_EBB,       /* dies at the end of its extended basic block */
    TEMP_TB,        /* lives until the end of the TB (tcg_temp_new_*) */
    TEMP_GLOBAL,    /* backed by memory at mem_base + mem_offset */
    TEMP_FIXED,     /* a fixed host register (env) */
    TEMP_CONST,     /* a constant, shared per (type, value) in one TB */
} TCGTempKind;

/* Where the register allocator has a temp's value right now. */
typedef enum TCGTempVal {
    TEMP_VAL_DEAD,
    TEMP_VAL_REG,
    TEMP_VAL_MEM,
    TEMP_VAL_CONST,
} TCGTempVal;

typedef struct TCGTemp {
    TCGType base_type;
    TCGType type;
    TCGTempKind kind;
    TCGTempVal val_type;
    int8_t reg;
    bool mem_coherent;
    bool mem_allocated;
    bool in_one_block;          /* TB/EBB temp used within one basic block (liveness) */
    int64_t val;                /* constant value (TEMP_CONST) */
    struct TCGTemp *mem_base;   /* globals: pointer temp (env) */
    intptr_t mem_offset;        /* globals: offset; TB temps: frame slot */
    const char *name;
    uintptr_t state;            /* pass-private (liveness) */
    void *state_ptr;            /* pass-private (optimizer) */
} TCGTemp;

typedef struct TCGLabel {
    int id;
    bool present;               /* set_label emitted */
    bool has_value;
    uintptr_t value;            /* code offset once emitted */
    int refs;                   /* branches to it (optimizer) */
} TCGLabel;

#define MAX_OPC_PARAM 16

typedef struct TCGOp {
    TCGOpcode opc : 8;
    TCGType type : 4;
    unsigned callo : 2;         /* call: output count */
    unsigned calli : 6;         /* call: input count */
    unsigned nargs : 8;
    uint32_t life;              /* DEAD_ARG / SYNC_ARG bits, set by liveness */
    struct TCGOp *prev, *next;
    TCGArg args[MAX_OPC_PARAM];
} TCGOp;

#define TCGOP_CALLO(op) ((op)->callo)
#define TCGOP_CALLI(op) ((op)->calli)
#define DEAD_ARG  (1u << 0)     /* DEAD_ARG << n: arg n dies here */
#define SYNC_ARG  (1u << 16)    /* SYNC_ARG << n: output n must reach memory */
#define IS_DEAD_ARG(n) (life & (DEAD_ARG << (n)))
#define NEED_SYNC_ARG(n) (life & (SYNC_ARG << (n)))

#define TCG_MAX_TEMPS 4096
#define TCG_MAX_LABELS 4096
#define TCG_MAX_OPS 8000
/* Bytes of spill space in the generated prologue's stack frame. */
#define TCG_STATIC_FRAME_SIZE (16 * 1024)
/* Alignment of each TB's host code in the buffer. */
#define TCG_CODE_ALIGN 16

/* A deferred slow path or relocation, resolved at the end of tcg_gen_code. */
typedef struct TCGReloc {
    TCGLabel *label;
    uint32_t offset;            /* of the 4-byte field to patch */
    int kind;                   /* backend-specific */
} TCGReloc;

typedef struct TCGContext {
    /* Temps: globals first (never freed), then this TB's temps. */
    int nb_globals;
    int nb_temps;
    TCGTemp temps[TCG_MAX_TEMPS];

    /* The op list of the TB being built. */
    TCGOp *first_op, *last_op;
    int nb_ops;
    GPtrArray *op_pool;         /* all allocated ops, reused per TB */
    int op_pool_used;

    TCGLabel *labels;
    int nb_labels;
    TCGLabel *exitreq_label;    /* frontends may use it for the entry check */

    /* Set when a per-TB limit (temps, labels, ops) overflowed: gen -> -2. */
    bool tb_overflow;

    /* Code buffer: [code_gen_buffer, +code_gen_buffer_size). */
    void *code_gen_buffer;
    size_t code_gen_buffer_size;
    void *code_gen_ptr;             /* where the next TB goes */
    void *code_gen_highwater;       /* beyond this, tcg_gen_code returns -1 */
    void *code_gen_prologue;        /* entry: prologue(env, tb_ptr) */
    const void *code_gen_epilogue;  /* return path with rax = 0 */
    const void *tb_ret_addr;        /* return path keeping rax */
    void *code_gen_first_tb;        /* start of the TB area (after prologue) */

    /* Current TB emission. */
    TranslationBlock *gen_tb;
    uint8_t *code_buf;
    uint8_t *code_ptr;
    uint8_t *code_end;              /* hard end for this TB */
    int nb_insns;                   /* insn_start ops seen (emission) */
    uint32_t gen_insn_end_off[TCG_MAX_INSNS];
    /* insn_start words of insn i: gen_insn_data[i * TARGET_INSN_START_WORDS_MAX + k] */
    uint64_t gen_insn_data[TCG_MAX_INSNS * TARGET_INSN_START_WORDS_MAX];

    /* Backend scratch: relocations and slow paths of this TB. */
    GArray *relocs;                 /* of TCGReloc */
    GArray *ldst_slow;              /* backend-private records */

    /* Register allocator. */
    TCGTemp *reg_to_temp[32];
    intptr_t frame_start, frame_end, frame_offset;   /* spill slots */

    /* Counters. */
    uint64_t tb_count, code_bytes;
} TCGContext;

extern TCGContext *tcg_ctx;
/* The env pointer as a TCG value (a fixed host register in generated code). */
extern struct TCGv_ptr_d *tcg_env;

/*
 * Run generated code through the bytecode interpreter instead of native
 * x86-64 code (the slow twin; -accel tcg,backend=interp). Must be set
 * before tcg_init and not changed afterwards.
 */
extern bool tcg_use_interp;

/*
 * A helper's return address (GETPC()) lies inside its TB under both
 * generators: the interpreter calls helpers through a small native thunk
 * embedded in the TB's bytecode. tcg_interp_retaddr repeats that address
 * for debugging; TCG_GETPC() is plain GETPC() kept for old callers.
 */
extern __thread uintptr_t tcg_interp_retaddr;
#define TCG_GETPC() ((uintptr_t)__builtin_return_address(0))

/* Skip the optimizer pass (debug knob). */
extern bool tcg_disable_optimizer;

/* Set up tcg_ctx, the code buffer of @tb_size bytes (0: default 64 MiB) and the prologue. */
void tcg_init(size_t tb_size);
/* Pieces of tcg_init, for tests that want their own buffer. */
void tcg_context_init(TCGContext *s);
void tcg_prologue_init(TCGContext *s);
/* Forget every TB: the next TB goes right after the prologue. */
void tcg_region_reset_all(void);
/* Bytes of code buffer in use / in total. */
size_t tcg_code_size(void);
size_t tcg_code_capacity(void);

/* Start a new TB: empty op list, drop TB temps and labels. */
void tcg_func_start(TCGContext *s);

/*
 * Translate the ops to host code at tb->tc.ptr. Fills tb->jmp_reset_offset,
 * jmp_insn_offset, and tcg_ctx->gen_insn_end_off/gen_insn_data for the
 * insn_starts emitted. Returns the code size, -1 if the code buffer is
 * full, -2 if the TB is too big (retry with fewer insns).
 */
int tcg_gen_code(TCGContext *s, TranslationBlock *tb, uint64_t pc_start);

/*
 * Run a TB. Returns the last TB executed with the exit index in the low 2
 * bits (TB_EXIT_*), or 0 after goto_ptr to the epilogue.
 */
uintptr_t tcg_qemu_tb_exec(CPUArchState *env, const void *tb_ptr);

/*
 * Point goto_tb jump @n of @tb at tb->jmp_target_addr[n]. @jmp_rx is the
 * address of the patchable field (tb->tc.ptr + jmp_insn_offset[n]), @jmp_rw
 * its writable alias (same address here). Atomic w.r.t. running code.
 */
void tb_target_set_jmp_target(const TranslationBlock *tb, int n,
                              uintptr_t jmp_rx, uintptr_t jmp_rw);

/*
 * From a host return address inside @tb's code, find the guest insn it
 * belongs to and copy its insn_start words (TARGET_INSN_START_WORDS_MAX) to
 * @data. Uses tb->icount, tb->insn_end_off and tb->insn_data. Returns false
 * if @host_pc is not inside the TB.
 */
bool cpu_unwind_state_data(TranslationBlock *tb, uintptr_t host_pc, uint64_t *data);

/* Logging: print the op list (-d op / op_opt). */
void tcg_dump_ops(TCGContext *s, FILE *f, bool have_prefs);

/* Temps and ops, for tcg-op.c, the passes and unit tests. */
TCGTemp *tcg_global_mem_new_internal(TCGType type, TCGTemp *base,
                                     intptr_t offset, const char *name);
TCGTemp *tcg_temp_new_internal(TCGType type, TCGTempKind kind);
TCGTemp *tcg_constant_internal(TCGType type, int64_t val);
TCGOp *tcg_emit_op(TCGOpcode opc, TCGType type, unsigned nargs);
TCGOp *tcg_op_insert_before(TCGContext *s, TCGOp *old, TCGOpcode opc,
                            TCGType type, unsigned nargs);
TCGOp *tcg_op_insert_after(TCGContext *s, TCGOp *old, TCGOpcode opc,
                           TCGType type, unsigned nargs);
void tcg_op_remove(TCGContext *s, TCGOp *op);
TCGLabel *gen_new_label(void);
void tcg_gen_callN(const TCGHelperInfo *info, TCGTemp *ret, TCGTemp **args);
/* Number of helper arguments encoded in @typemask. */
int tcg_helper_nargs(unsigned typemask);

/* Passes (tcg/optimize.c, tcg/liveness.c). */
void tcg_optimize(TCGContext *s);
void tcg_liveness_analysis(TCGContext *s);

/* True when the frontend should stop adding insns to this TB. */
bool tcg_op_buf_full(void);
/* The last op emitted (e.g. an insn_start to patch later). */
TCGOp *tcg_last_op(void);
void tcg_set_insn_start_param(TCGOp *op, int arg, uint64_t v);

static inline size_t temp_idx(const TCGTemp *ts)
{
    return ts - tcg_ctx->temps;
}

static inline TCGTemp *arg_temp(TCGArg a)
{
    return (TCGTemp *)(uintptr_t)a;
}

static inline TCGArg temp_arg(TCGTemp *ts)
{
    return (TCGArg)(uintptr_t)ts;
}

static inline TCGLabel *arg_label(TCGArg a)
{
    return (TCGLabel *)(uintptr_t)a;
}

static inline TCGArg label_arg(TCGLabel *l)
{
    return (TCGArg)(uintptr_t)l;
}

static inline bool temp_readonly(const TCGTemp *ts)
{
    return ts->kind >= TEMP_FIXED;
}

#endif
