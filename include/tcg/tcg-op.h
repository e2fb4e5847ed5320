/*
 * tcg-op.h - the frontend API of the TCG IR: typed values (TCGv_i32,
 * TCGv_i64, TCGv_ptr, TCGv_i128), temps, constants, labels, and one
 * tcg_gen_* function per operation, with QEMU 8's names and meanings so a
 * guest frontend written against QEMU reads the same.
 *
 *     TCGv_i64 t = tcg_temp_new_i64();           -- dies at the end of the TB
 *     tcg_gen_addi_i64(t, cpu_x[1], 16);
 *     tcg_gen_qemu_ld_i64(cpu_x[0], t, mmu_idx, MO_LEUQ | MO_ALIGN);
 *     gen_helper_foo(cpu_env_result, tcg_env, t); -- exec/helper-gen.h
 *
 * Shift/rotate counts of the register forms are taken modulo the width;
 * the immediate forms require 0 <= count < width. div/rem by zero or
 * INT_MIN / -1 are undefined here: frontends implement the guest's rule.
 * Not for: building ops directly (tcg.h) or the backends.
 */
#ifndef TCG_TCG_OP_H
#define TCG_TCG_OP_H

#include "tcg/tcg.h"

typedef struct TCGv_i32_d *TCGv_i32;
typedef struct TCGv_i64_d *TCGv_i64;
typedef struct TCGv_ptr_d *TCGv_ptr;
typedef struct TCGv_i128_d *TCGv_i128;
/* Guests are 64-bit: the target-long type is i64. */
typedef TCGv_i64 TCGv;

/* A TCGv_* value is the address of its TCGTemp in tcg_ctx->temps. */
static inline TCGTemp *tcgv_i32_temp(TCGv_i32 v) { return (TCGTemp *)v; }
static inline TCGTemp *tcgv_i64_temp(TCGv_i64 v) { return (TCGTemp *)v; }
static inline TCGTemp *tcgv_ptr_temp(TCGv_ptr v) { return (TCGTemp *)v; }
/* An i128 is two consecutive I64 temps: low, then high. */
static inline TCGTemp *tcgv_i128_temp(TCGv_i128 v) { return (TCGTemp *)v; }
static inline TCGArg tcgv_i32_arg(TCGv_i32 v) { return temp_arg(tcgv_i32_temp(v)); }
static inline TCGArg tcgv_i64_arg(TCGv_i64 v) { return temp_arg(tcgv_i64_temp(v)); }
static inline TCGArg tcgv_ptr_arg(TCGv_ptr v) { return temp_arg(tcgv_ptr_temp(v)); }
static inline TCGv_i32 temp_tcgv_i32(TCGTemp *t) { return (TCGv_i32)t; }
static inline TCGv_i64 temp_tcgv_i64(TCGTemp *t) { return (TCGv_i64)t; }
static inline TCGv_ptr temp_tcgv_ptr(TCGTemp *t) { return (TCGv_ptr)t; }
static inline TCGv_i128 temp_tcgv_i128(TCGTemp *t) { return (TCGv_i128)t; }

/* Temps: TB-lived (tcg_temp_new_*) or EBB-lived; freeing is a no-op. */
TCGv_i32 tcg_temp_new_i32(void);
TCGv_i64 tcg_temp_new_i64(void);
TCGv_ptr tcg_temp_new_ptr(void);
TCGv_i128 tcg_temp_new_i128(void);
TCGv_i32 tcg_temp_ebb_new_i32(void);
TCGv_i64 tcg_temp_ebb_new_i64(void);
static inline void tcg_temp_free_i32(TCGv_i32 v) { (void)v; }
static inline void tcg_temp_free_i64(TCGv_i64 v) { (void)v; }
static inline void tcg_temp_free_ptr(TCGv_ptr v) { (void)v; }
static inline void tcg_temp_free_i128(TCGv_i128 v) { (void)v; }
#define tcg_temp_new() tcg_temp_new_i64()
#define tcg_temp_free(v) tcg_temp_free_i64(v)

/* Read-only constants, shared within the TB. */
TCGv_i32 tcg_constant_i32(int32_t val);
TCGv_i64 tcg_constant_i64(int64_t val);
TCGv_ptr tcg_constant_ptr_int(intptr_t val);
#define tcg_constant_ptr(x) tcg_constant_ptr_int((intptr_t)(x))
#define tcg_constant_tl tcg_constant_i64
/* A new writable temp holding @val (old QEMU API). */
TCGv_i32 tcg_const_i32(int32_t val);
TCGv_i64 tcg_const_i64(int64_t val);

/* Globals: values living in memory at @base + @offset (base is tcg_env). */
TCGv_i32 tcg_global_mem_new_i32(TCGv_ptr base, intptr_t offset, const char *name);
TCGv_i64 tcg_global_mem_new_i64(TCGv_ptr base, intptr_t offset, const char *name);
TCGv_ptr tcg_global_mem_new_ptr(TCGv_ptr base, intptr_t offset, const char *name);
#define tcg_global_mem_new tcg_global_mem_new_i64

/* Labels. */
TCGLabel *gen_new_label(void);
void gen_set_label(TCGLabel *l);
void tcg_gen_br(TCGLabel *l);

/* Structure. */
void tcg_gen_mb(TCGBar type);
void tcg_gen_insn_start(uint64_t a0, uint64_t a1, uint64_t a2);
/* Leave the TB returning (tb | idx); tb NULL and idx 0 returns 0. */
void tcg_gen_exit_tb(const TranslationBlock *tb, unsigned idx);
/* Patchable direct jump n (0 or 1); falls through to the next op until chained. */
void tcg_gen_goto_tb(unsigned idx);
/* Jump to the TB for env's current pc (helper_lookup_tb_ptr) or exit. */
void tcg_gen_lookup_and_goto_ptr(void);
void tcg_gen_discard_i32(TCGv_i32 arg);
void tcg_gen_discard_i64(TCGv_i64 arg);

/* ---- i32 ---- */
void tcg_gen_movi_i32(TCGv_i32 ret, int32_t arg);
void tcg_gen_mov_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_neg_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_not_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_abs_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ctpop_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_clrsb_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext8s_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext8u_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext16s_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ext16u_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_add_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_sub_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_mul_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_div_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_divu_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_rem_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_remu_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_and_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_or_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_xor_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_andc_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_orc_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_eqv_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_nand_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_nor_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_shl_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_shr_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_sar_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_rotl_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_rotr_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_smin_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_smax_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_umin_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_umax_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_muluh_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_mulsh_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_addi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_subi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_muli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_andi_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_ori_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_xori_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_shli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_shri_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_sari_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_rotli_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_rotri_i32(TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_subfi_i32(TCGv_i32 ret, int32_t arg1, TCGv_i32 arg2);
void tcg_gen_clz_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_ctz_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_clzi_i32(TCGv_i32 ret, TCGv_i32 arg1, uint32_t arg2);
void tcg_gen_ctzi_i32(TCGv_i32 ret, TCGv_i32 arg1, uint32_t arg2);
void tcg_gen_mulu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_muls2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_mulsu2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_add2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah, TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_sub2_i32(TCGv_i32 rl, TCGv_i32 rh, TCGv_i32 al, TCGv_i32 ah, TCGv_i32 bl, TCGv_i32 bh);
void tcg_gen_setcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_setcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_negsetcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2);
void tcg_gen_negsetcondi_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 arg1, int32_t arg2);
void tcg_gen_movcond_i32(TCGCond cond, TCGv_i32 ret, TCGv_i32 c1, TCGv_i32 c2, TCGv_i32 v1, TCGv_i32 v2);
void tcg_gen_brcond_i32(TCGCond cond, TCGv_i32 arg1, TCGv_i32 arg2, TCGLabel *l);
void tcg_gen_brcondi_i32(TCGCond cond, TCGv_i32 arg1, int32_t arg2, TCGLabel *l);
void tcg_gen_deposit_i32(TCGv_i32 ret, TCGv_i32 arg1, TCGv_i32 arg2, unsigned ofs, unsigned len);
void tcg_gen_deposit_z_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len);
void tcg_gen_extract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len);
void tcg_gen_sextract_i32(TCGv_i32 ret, TCGv_i32 arg, unsigned ofs, unsigned len);
void tcg_gen_extract2_i32(TCGv_i32 ret, TCGv_i32 al, TCGv_i32 ah, unsigned ofs);
void tcg_gen_hswap_i32(TCGv_i32 ret, TCGv_i32 arg);
void tcg_gen_ld8u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld8s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld16u_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld16s_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld_i32(TCGv_i32 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_st8_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_st16_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_st_i32(TCGv_i32 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_qemu_ld_i32(TCGv_i32 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
void tcg_gen_qemu_st_i32(TCGv_i32 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
void tcg_gen_atomic_cmpxchg_i32(TCGv_i32 retv, TCGv_i64 addr, TCGv_i32 cmpv, TCGv_i32 newv, TCGArg idx, MemOp memop);
void tcg_gen_atomic_xchg_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_add_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_and_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_or_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_xor_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_smin_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_smax_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_umin_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_umax_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_add_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_and_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_or_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_xor_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_smin_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_smax_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_umin_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_umax_fetch_i32(TCGv_i32 ret, TCGv_i64 addr, TCGv_i32 val, TCGArg idx, MemOp memop);

/* ---- i64 ---- */
void tcg_gen_movi_i64(TCGv_i64 ret, int64_t arg);
void tcg_gen_mov_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_neg_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_not_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_abs_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ctpop_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_clrsb_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext8s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext8u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext16s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext16u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_add_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_sub_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_mul_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_div_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_divu_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_rem_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_remu_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_and_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_or_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_xor_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_andc_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_orc_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_eqv_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_nand_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_nor_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_shl_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_shr_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_sar_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_rotl_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_rotr_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_smin_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_smax_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_umin_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_umax_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_muluh_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_mulsh_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_addi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_subi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_muli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_andi_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_ori_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_xori_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_shli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_shri_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_sari_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_rotli_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_rotri_i64(TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_subfi_i64(TCGv_i64 ret, int64_t arg1, TCGv_i64 arg2);
void tcg_gen_clz_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_ctz_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_clzi_i64(TCGv_i64 ret, TCGv_i64 arg1, uint64_t arg2);
void tcg_gen_ctzi_i64(TCGv_i64 ret, TCGv_i64 arg1, uint64_t arg2);
void tcg_gen_mulu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_muls2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_mulsu2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_add2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah, TCGv_i64 bl, TCGv_i64 bh);
void tcg_gen_sub2_i64(TCGv_i64 rl, TCGv_i64 rh, TCGv_i64 al, TCGv_i64 ah, TCGv_i64 bl, TCGv_i64 bh);
void tcg_gen_setcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_setcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_negsetcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2);
void tcg_gen_negsetcondi_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 arg1, int64_t arg2);
void tcg_gen_movcond_i64(TCGCond cond, TCGv_i64 ret, TCGv_i64 c1, TCGv_i64 c2, TCGv_i64 v1, TCGv_i64 v2);
void tcg_gen_brcond_i64(TCGCond cond, TCGv_i64 arg1, TCGv_i64 arg2, TCGLabel *l);
void tcg_gen_brcondi_i64(TCGCond cond, TCGv_i64 arg1, int64_t arg2, TCGLabel *l);
void tcg_gen_deposit_i64(TCGv_i64 ret, TCGv_i64 arg1, TCGv_i64 arg2, unsigned ofs, unsigned len);
void tcg_gen_deposit_z_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len);
void tcg_gen_extract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len);
void tcg_gen_sextract_i64(TCGv_i64 ret, TCGv_i64 arg, unsigned ofs, unsigned len);
void tcg_gen_extract2_i64(TCGv_i64 ret, TCGv_i64 al, TCGv_i64 ah, unsigned ofs);
void tcg_gen_hswap_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ld8u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld8s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld16u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld16s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld32u_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld32s_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_ld_i64(TCGv_i64 ret, TCGv_ptr base, intptr_t offset);
void tcg_gen_st8_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_st16_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_st32_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_st_i64(TCGv_i64 arg, TCGv_ptr base, intptr_t offset);
void tcg_gen_qemu_ld_i64(TCGv_i64 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
void tcg_gen_qemu_st_i64(TCGv_i64 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
void tcg_gen_atomic_cmpxchg_i64(TCGv_i64 retv, TCGv_i64 addr, TCGv_i64 cmpv, TCGv_i64 newv, TCGArg idx, MemOp memop);
void tcg_gen_atomic_xchg_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_add_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_and_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_or_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_xor_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_smin_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_smax_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_umin_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_fetch_umax_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_add_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_and_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_or_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_xor_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_smin_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_smax_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_umin_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);
void tcg_gen_atomic_umax_fetch_i64(TCGv_i64 ret, TCGv_i64 addr, TCGv_i64 val, TCGArg idx, MemOp memop);

/* i32 only. */
void tcg_gen_bswap16_i32(TCGv_i32 ret, TCGv_i32 arg, int flags);
void tcg_gen_bswap32_i32(TCGv_i32 ret, TCGv_i32 arg);

/* i64 only. */
void tcg_gen_ext32s_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_ext32u_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_bswap16_i64(TCGv_i64 ret, TCGv_i64 arg, int flags);
void tcg_gen_bswap32_i64(TCGv_i64 ret, TCGv_i64 arg, int flags);
void tcg_gen_bswap64_i64(TCGv_i64 ret, TCGv_i64 arg);
void tcg_gen_wswap_i64(TCGv_i64 ret, TCGv_i64 arg);
/* Sign/zero-extend by a MemOp size (MO_8..MO_64, MO_SIGN). */
void tcg_gen_ext_i64(TCGv_i64 ret, TCGv_i64 val, MemOp opc);
void tcg_gen_ext_i32(TCGv_i32 ret, TCGv_i32 val, MemOp opc);

/* Between widths. */
void tcg_gen_extu_i32_i64(TCGv_i64 ret, TCGv_i32 arg);
void tcg_gen_ext_i32_i64(TCGv_i64 ret, TCGv_i32 arg);
void tcg_gen_extrl_i64_i32(TCGv_i32 ret, TCGv_i64 arg);
void tcg_gen_extrh_i64_i32(TCGv_i32 ret, TCGv_i64 arg);
void tcg_gen_extr_i64_i32(TCGv_i32 lo, TCGv_i32 hi, TCGv_i64 arg);
/* dest = (high << 32) | low, from i32 halves / from the low halves of i64s. */
void tcg_gen_concat_i32_i64(TCGv_i64 dest, TCGv_i32 low, TCGv_i32 high);
void tcg_gen_concat32_i64(TCGv_i64 dest, TCGv_i64 low, TCGv_i64 high);
void tcg_gen_extr32_i64(TCGv_i64 lo, TCGv_i64 hi, TCGv_i64 arg);
#define tcg_gen_trunc_i64_i32 tcg_gen_extrl_i64_i32

/* i128 (a pair of i64 temps). */
void tcg_gen_extr_i128_i64(TCGv_i64 lo, TCGv_i64 hi, TCGv_i128 arg);
void tcg_gen_concat_i64_i128(TCGv_i128 ret, TCGv_i64 lo, TCGv_i64 hi);
void tcg_gen_mov_i128(TCGv_i128 dst, TCGv_i128 src);
/* 16-byte guest access as two 8-byte ones; MO_ALIGN checks 16-byte alignment. */
void tcg_gen_qemu_ld_i128(TCGv_i128 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
void tcg_gen_qemu_st_i128(TCGv_i128 val, TCGv_i64 addr, TCGArg idx, MemOp memop);
/* Compare both halves; store newv if equal; retv = the old 16 bytes. */
void tcg_gen_atomic_cmpxchg_i128(TCGv_i128 retv, TCGv_i64 addr, TCGv_i128 cmpv,
                                 TCGv_i128 newv, TCGArg idx, MemOp memop);

/* Pointers (host-sized = i64). */
static inline void tcg_gen_mov_ptr(TCGv_ptr r, TCGv_ptr a)
{ tcg_gen_mov_i64((TCGv_i64)r, (TCGv_i64)a); }
static inline void tcg_gen_movi_ptr(TCGv_ptr r, intptr_t a)
{ tcg_gen_movi_i64((TCGv_i64)r, a); }
static inline void tcg_gen_add_ptr(TCGv_ptr r, TCGv_ptr a, TCGv_ptr b)
{ tcg_gen_add_i64((TCGv_i64)r, (TCGv_i64)a, (TCGv_i64)b); }
static inline void tcg_gen_addi_ptr(TCGv_ptr r, TCGv_ptr a, intptr_t b)
{ tcg_gen_addi_i64((TCGv_i64)r, (TCGv_i64)a, b); }
static inline void tcg_gen_ld_ptr(TCGv_ptr r, TCGv_ptr a, intptr_t o)
{ tcg_gen_ld_i64((TCGv_i64)r, a, o); }
static inline void tcg_gen_st_ptr(TCGv_ptr r, TCGv_ptr a, intptr_t o)
{ tcg_gen_st_i64((TCGv_i64)r, a, o); }
static inline void tcg_gen_ext_i32_ptr(TCGv_ptr r, TCGv_i32 a)
{ tcg_gen_ext_i32_i64((TCGv_i64)r, a); }
static inline void tcg_gen_extu_i32_ptr(TCGv_ptr r, TCGv_i32 a)
{ tcg_gen_extu_i32_i64((TCGv_i64)r, a); }
static inline void tcg_gen_trunc_i64_ptr(TCGv_ptr r, TCGv_i64 a)
{ tcg_gen_mov_i64((TCGv_i64)r, a); }
static inline void tcg_gen_extu_ptr_i64(TCGv_i64 r, TCGv_ptr a)
{ tcg_gen_mov_i64(r, (TCGv_i64)a); }

/* Target-long (= i64) spellings used by frontends. */
#define tcg_gen_mov_tl tcg_gen_mov_i64
#define tcg_gen_movi_tl tcg_gen_movi_i64
#define tcg_gen_add_tl tcg_gen_add_i64
#define tcg_gen_addi_tl tcg_gen_addi_i64
#define tcg_gen_sub_tl tcg_gen_sub_i64
#define tcg_gen_subi_tl tcg_gen_subi_i64
#define tcg_gen_and_tl tcg_gen_and_i64
#define tcg_gen_andi_tl tcg_gen_andi_i64
#define tcg_gen_or_tl tcg_gen_or_i64
#define tcg_gen_ori_tl tcg_gen_ori_i64
#define tcg_gen_xor_tl tcg_gen_xor_i64
#define tcg_gen_xori_tl tcg_gen_xori_i64
#define tcg_gen_shli_tl tcg_gen_shli_i64
#define tcg_gen_shri_tl tcg_gen_shri_i64
#define tcg_gen_ld_tl tcg_gen_ld_i64
#define tcg_gen_st_tl tcg_gen_st_i64
#define tcg_gen_brcond_tl tcg_gen_brcond_i64
#define tcg_gen_brcondi_tl tcg_gen_brcondi_i64
#define tcg_gen_setcond_tl tcg_gen_setcond_i64
#define tcg_gen_movcond_tl tcg_gen_movcond_i64
#define tcg_gen_qemu_ld_tl tcg_gen_qemu_ld_i64
#define tcg_gen_qemu_st_tl tcg_gen_qemu_st_i64

#endif
