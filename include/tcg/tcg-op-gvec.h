/*
 * tcg-op-gvec.h - vector operations on registers stored in the CPU state
 * (QEMU 8's tcg_gen_gvec_* names and meanings). Offsets are from env;
 * @oprsz bytes are operated on and the destination's bytes [oprsz, maxsz)
 * are zeroed; @vece is the element size as MO_8..MO_64.
 *
 *     tcg_gen_gvec_add(MO_32, vreg_ofs(rd), vreg_ofs(rn), vreg_ofs(rm), 16, 16);
 *     tcg_gen_gvec_3_ool(d, n, m, 16, 16, 0, gen_helper_foo);
 *
 * There are no host vector registers: inline forms expand to 64-bit ops
 * (per lane for bitwise ops, per element otherwise). Overlapping operands
 * are fine as long as they are the same register (d == a), like QEMU.
 */
#ifndef TCG_TCG_OP_GVEC_H
#define TCG_TCG_OP_GVEC_H

#include "tcg/tcg-op.h"
#include "tcg/tcg-gvec-desc.h"

typedef void gen_helper_gvec_2(TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_2i(TCGv_ptr, TCGv_ptr, TCGv_i64, TCGv_i32);
typedef void gen_helper_gvec_3(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_4(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_5(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_2_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_3_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);
typedef void gen_helper_gvec_4_ptr(TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_ptr, TCGv_i32);

/* Out-of-line: call @fn with pointers to the operands and simd_desc(). */
void tcg_gen_gvec_2_ool(uint32_t dofs, uint32_t aofs, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_2 *fn);
void tcg_gen_gvec_2i_ool(uint32_t dofs, uint32_t aofs, TCGv_i64 c, uint32_t oprsz,
                         uint32_t maxsz, int32_t data, gen_helper_gvec_2i *fn);
void tcg_gen_gvec_3_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_3 *fn);
void tcg_gen_gvec_4_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_4 *fn);
void tcg_gen_gvec_5_ool(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        uint32_t xofs, uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_5 *fn);
void tcg_gen_gvec_2_ptr(uint32_t dofs, uint32_t aofs, TCGv_ptr ptr, uint32_t oprsz,
                        uint32_t maxsz, int32_t data, gen_helper_gvec_2_ptr *fn);
void tcg_gen_gvec_3_ptr(uint32_t dofs, uint32_t aofs, uint32_t bofs, TCGv_ptr ptr,
                        uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_3_ptr *fn);
void tcg_gen_gvec_4_ptr(uint32_t dofs, uint32_t aofs, uint32_t bofs, uint32_t cofs,
                        TCGv_ptr ptr, uint32_t oprsz, uint32_t maxsz, int32_t data,
                        gen_helper_gvec_4_ptr *fn);

/* Moves and duplicates. */
void tcg_gen_gvec_mov(unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t oprsz, uint32_t maxsz);
void tcg_gen_gvec_dup_imm(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, uint64_t imm);
void tcg_gen_gvec_dup_i32(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, TCGv_i32 in);
void tcg_gen_gvec_dup_i64(unsigned vece, uint32_t dofs, uint32_t oprsz,
                          uint32_t maxsz, TCGv_i64 in);
/* Duplicate the element at env + aofs. */
void tcg_gen_gvec_dup_mem(unsigned vece, uint32_t dofs, uint32_t aofs,
                          uint32_t oprsz, uint32_t maxsz);

#define GVEC_3(name) \
    void tcg_gen_gvec_##name(unsigned vece, uint32_t dofs, uint32_t aofs, \
                             uint32_t bofs, uint32_t oprsz, uint32_t maxsz);
GVEC_3(add) GVEC_3(sub) GVEC_3(mul)
GVEC_3(and) GVEC_3(or) GVEC_3(xor) GVEC_3(andc) GVEC_3(orc)
GVEC_3(nand) GVEC_3(nor) GVEC_3(eqv)
GVEC_3(smin) GVEC_3(smax) GVEC_3(umin) GVEC_3(umax)
GVEC_3(ssadd) GVEC_3(sssub) GVEC_3(usadd) GVEC_3(ussub)
GVEC_3(shlv) GVEC_3(shrv) GVEC_3(sarv)
#undef GVEC_3

#define GVEC_2(name) \
    void tcg_gen_gvec_##name(unsigned vece, uint32_t dofs, uint32_t aofs, \
                             uint32_t oprsz, uint32_t maxsz);
GVEC_2(not) GVEC_2(neg) GVEC_2(abs)
#undef GVEC_2

#define GVEC_2I(name) \
    void tcg_gen_gvec_##name(unsigned vece, uint32_t dofs, uint32_t aofs, \
                             int64_t c, uint32_t oprsz, uint32_t maxsz);
GVEC_2I(addi) GVEC_2I(subi) GVEC_2I(muli) GVEC_2I(andi) GVEC_2I(ori) GVEC_2I(xori)
GVEC_2I(shli) GVEC_2I(shri) GVEC_2I(sari) GVEC_2I(rotli) GVEC_2I(rotri)
#undef GVEC_2I

/* Each element of d = -(a cond b): all ones or zero. */
void tcg_gen_gvec_cmp(TCGCond cond, unsigned vece, uint32_t dofs, uint32_t aofs,
                      uint32_t bofs, uint32_t oprsz, uint32_t maxsz);
/* d = (b & a) | (c & ~a) */
void tcg_gen_gvec_bitsel(unsigned vece, uint32_t dofs, uint32_t aofs, uint32_t bofs,
                         uint32_t cofs, uint32_t oprsz, uint32_t maxsz);

#endif
