/*
 * translate-a64.h - what the A64 translator's files share.
 *
 * translate-a64.c owns the translator loop, the integer instructions and
 * the general registers. Each FP/SIMD group has its own pattern file and
 * translate file (one TU each, so their decodetree argument structs do not
 * collide), tried in turn when decode_a64() does not match:
 *
 *   a64-fp.decode        translate-fp.c         scalar floating point
 *   a64-simd-ldst.decode translate-simd-ldst.c  SIMD&FP loads/stores, moves,
 *                                               permutes, table lookups
 *   a64-simd-int.decode  translate-simd-int.c   AdvSIMD integer arithmetic
 *   a64-simd-fp.decode   translate-simd-fp.c    AdvSIMD floating point
 *
 * Vector register V<n> lives in env->vregs[n] (host little-endian, so
 * element i of 1<<size bytes is at byte offset i<<size). A 64-bit (Q=0)
 * vector operation zeroes bits [127:64] of its destination, as does every
 * scalar FP/SIMD write.
 */
#ifndef TARGET_ARM_TRANSLATE_A64_H
#define TARGET_ARM_TRANSLATE_A64_H

#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/exec-all.h"
#include "exec/translator.h"
#include "exec/memop.h"
#include "tcg/tcg-op.h"

/* How an insn ends its TB beyond the generic DISAS_* values. */
#define DISAS_JUMP          DISAS_TARGET_0  /* cpu_pc set: look up and jump */
#define DISAS_EXIT          DISAS_TARGET_1  /* cpu_pc set: back to the loop */
#define DISAS_UPDATE_EXIT   DISAS_TARGET_2  /* pc = next insn, to the loop */

typedef struct DisasContext {
    DisasContextBase base;
    CPUARMState *env;
    uint64_t pc_curr;
    uint32_t insn;
    int el;
    int mmu_idx;
    bool align;         /* all data accesses must be naturally aligned */
    bool uma;           /* SCTLR_EL1.UMA */
    bool lse;           /* the model has FEAT_LSE */
    bool il;            /* PSTATE.IL: every insn is an Illegal State fault */
    bool fp_trap;       /* FP/SIMD accesses trap (CPACR_EL1.FPEN) */
    bool fp_access_checked; /* fp_access_check() ran for this insn */
    bool mte;           /* the CPU has FEAT_MTE (tag instructions exist) */
    bool mte_active;    /* accesses at this EL are tag checked (TBFLAG_MTE) */
    bool mte_active0;   /* unprivileged (LDTR/STTR) ones are (TBFLAG_MTE0) */
} DisasContext;

/* ---- general registers, exceptions, memory (translate-a64.c) ---- */

TCGv_i64 read_x(DisasContext *s, int r);        /* 31 = XZR */
TCGv_i64 read_xsp(DisasContext *s, int r);      /* 31 = SP */
void write_x(DisasContext *s, int r, TCGv_i64 val, bool sf);   /* 31 = XZR */
void write_xsp(DisasContext *s, int r, TCGv_i64 val, bool sf); /* 31 = SP */
void gen_update_pc(DisasContext *s, uint64_t pc);
void gen_exception_insn(DisasContext *s, uint64_t pc, int excp,
                        uint32_t syndrome);
void unallocated_encoding(DisasContext *s);
/* MemOp of a data access of 1 << size bytes (LE, alignment per SCTLR). */
MemOp ldst_memop(DisasContext *s, int size, bool sign);
/* A new temp holding Xn|SP + offset. */
TCGv_i64 gen_addr(DisasContext *s, int rn, int64_t offset);
/*
 * MTE: check the allocation tags of [addr, addr + size) (size <= 64)
 * before an access from @mmu_idx; @checked false for the accesses the
 * Arm ARM makes Tag Unchecked (SP base with an immediate offset and no
 * writeback, literals). Emits nothing unless the TB has checks on.
 */
void gen_mte_check(DisasContext *s, TCGv_i64 addr, bool is_write,
                   bool checked, unsigned size, int mmu_idx);
bool disas_a64_mte(DisasContext *s, uint32_t insn);

/* A condition as "value <cond> 0". */
typedef struct DisasCompare {
    TCGCond cond;
    TCGv_i64 value;
} DisasCompare;

/* The A64 condition @cc (0-15) on the current NZCV. */
void arm_test_cc(DisasCompare *c, int cc);
/* dest = t0 - t1 with NZCV set as by a 64-bit SUBS. */
void gen_subs_i64(TCGv_i64 dest, TCGv_i64 t0, TCGv_i64 t1);
/* Set NZCV from bits [3:0] of @nzcv (N is bit 3), other bits zero. */
void gen_set_nzcv(TCGv_i64 nzcv);

/* PMU event counting at the start of each insn (pmu.c). */
void arm_pmu_gen_insn(DisasContext *s);
/* Self-hosted debug (debug_helper.c): step and breakpoint checks. */
bool arm_debug_gen_pending_step(DisasContext *s);
void arm_debug_gen_insn(DisasContext *s);
void arm_debug_gen_step_end(DisasContext *s);

/* ---- FP/SIMD (translate-a64.c) ---- */

/*
 * Every FP/SIMD insn calls this once it knows the encoding is allocated,
 * before touching any FP/SIMD state: false means it raised the CPACR trap
 * (the trans_ function then returns true: the insn is handled).
 */
bool fp_access_check(DisasContext *s);

static inline int vec_full_reg_offset(int regno)
{
    return offsetof(CPUARMState, vregs[regno]);
}

/* Byte offset of element @element of size 1 << (@size & MO_SIZE). */
static inline int vec_reg_offset(int regno, int element, MemOp size)
{
    return vec_full_reg_offset(regno) + (element << (size & MO_SIZE));
}

/* A pointer temp to V<regno>, for out-of-line vector helpers. */
TCGv_ptr vec_full_reg_ptr(DisasContext *s, int regno);

/* Element load/store with zero- or sign-extension per @memop (MO_SIGN). */
void read_vec_element(DisasContext *s, TCGv_i64 dst, int regno, int element,
                      MemOp memop);
void read_vec_element_i32(DisasContext *s, TCGv_i32 dst, int regno,
                          int element, MemOp memop);
void write_vec_element(DisasContext *s, TCGv_i64 src, int regno, int element,
                       MemOp size);
void write_vec_element_i32(DisasContext *s, TCGv_i32 src, int regno,
                           int element, MemOp size);

/* Zero bits [127:64] of V<rd> when !is_q (the 64-bit vector forms). */
void clear_vec_high(DisasContext *s, bool is_q, int rd);
/* Zero all of V<rd>. */
void clear_vec(DisasContext *s, int rd);

/* Scalar FP registers: the low 16/32/64 bits of V<n>. */
TCGv_i64 read_fp_dreg(DisasContext *s, int reg);
TCGv_i32 read_fp_sreg(DisasContext *s, int reg);
TCGv_i32 read_fp_hreg(DisasContext *s, int reg);    /* zero-extended */
/* Write the low 64/32/16 bits and zero the rest of the 128-bit register. */
void write_fp_dreg(DisasContext *s, int reg, TCGv_i64 v);
void write_fp_sreg(DisasContext *s, int reg, TCGv_i32 v);
void write_fp_hreg(DisasContext *s, int reg, TCGv_i32 v);

/* Which float_status an FP helper uses. */
typedef enum ARMFPStatusFlavour {
    FPST_FPCR,          /* single and double precision under FPCR */
    FPST_FPCR_F16,      /* half precision under FPCR (FZ16) */
    FPST_STD,           /* StandardFPSCRValue */
} ARMFPStatusFlavour;

TCGv_ptr fpstatus_ptr(ARMFPStatusFlavour flavour);

/*
 * The "desc" argument of vector helpers: operation size in bytes (8 for
 * Q=0, 16 for Q=1) and an insn-specific immediate. Helpers decode it with
 * the functions of target-arm/vec_internal.h.
 */
static inline int32_t simd_desc(unsigned oprsz, int32_t data)
{
    return (int32_t)(oprsz | ((uint32_t)data << 8));
}

/*
 * A 4-bit field of one of this CPU model's ID registers, for the optional
 * features the translator checks: e.g. a64_id(s, id_aa64isar1, 20) is
 * ID_AA64ISAR1_EL1.LRCPC.
 */
#define a64_id(s, reg, shift) \
    ((unsigned)((env_archcpu((s)->env)->isar.reg >> (shift)) & 0xf))

/* ---- the FP/SIMD decoders, tried after decode_a64() ---- */

bool disas_a64_fp(DisasContext *s, uint32_t insn);
bool disas_a64_simd_ldst(DisasContext *s, uint32_t insn);
bool disas_a64_simd_int(DisasContext *s, uint32_t insn);
bool disas_a64_simd_fp(DisasContext *s, uint32_t insn);

#endif
