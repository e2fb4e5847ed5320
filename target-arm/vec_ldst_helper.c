/*
 * vec_ldst_helper.c - out-of-line helpers of translate-simd-ldst.c: the
 * LD1-LD4/ST1-ST4 multiple-structure transfers, the permutes (ZIP, UZP,
 * TRN) and the table lookups (TBL, TBX).
 *
 * Multiple structures: the Arm ARM makes each element access single-copy
 * atomic, and Device-nG memory (all data memory with the MMU off) must see
 * the accesses the program specifies, so a device gets one access of the
 * element size per element, in element order. On RAM nobody can tell the
 * difference, so every page of the transfer is probed first (faults come
 * before any access: a load that faults changes no register) and the
 * bytes are copied with the host pointer.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "target-arm/vec_internal.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* ---- LD1-LD4 / ST1-ST4 (multiple structures) ---- */

static uint64_t ld_elem(CPUARMState *env, uint64_t addr, unsigned esz,
                        int mmu_idx, uintptr_t ra)
{
    switch (esz) {
    case 0: return cpu_ldub_mmuidx_ra(env, addr, mmu_idx, ra);
    case 1: return cpu_lduw_le_mmuidx_ra(env, addr, mmu_idx, ra);
    case 2: return cpu_ldl_le_mmuidx_ra(env, addr, mmu_idx, ra);
    default: return cpu_ldq_le_mmuidx_ra(env, addr, mmu_idx, ra);
    }
}

static void st_elem(CPUARMState *env, uint64_t addr, uint64_t v, unsigned esz,
                    int mmu_idx, uintptr_t ra)
{
    switch (esz) {
    case 0: cpu_stb_mmuidx_ra(env, addr, v, mmu_idx, ra); break;
    case 1: cpu_stw_le_mmuidx_ra(env, addr, v, mmu_idx, ra); break;
    case 2: cpu_stl_le_mmuidx_ra(env, addr, v, mmu_idx, ra); break;
    default: cpu_stq_le_mmuidx_ra(env, addr, v, mmu_idx, ra); break;
    }
}

/*
 * Host pointers to the @len bytes at @addr (at most two pages), or false
 * when some part is not plain RAM (MMIO, watchpoint, discarded write).
 * Both pages are looked up before either is touched.
 */
static bool probe_range(CPUARMState *env, uint64_t addr, unsigned len,
                        MMUAccessType type, int mmu_idx, uintptr_t ra,
                        void **h1, void **h2, unsigned *len1)
{
    unsigned in_page = TARGET_PAGE_SIZE - (addr & ~TARGET_PAGE_MASK);
    unsigned l1 = len < in_page ? len : in_page;

    *len1 = l1;
    *h1 = probe_access(env, addr, l1, type, mmu_idx, ra);
    *h2 = NULL;
    if (l1 < len) {
        *h2 = probe_access(env, addr + l1, len - l1, type, mmu_idx, ra);
        return *h1 && *h2;
    }
    return *h1 != NULL;
}

/*
 * Memory order of the elements: for each of @rpt register groups, for
 * each element index, @selem consecutive registers (the Arm ARM's loop).
 * With selem 1 that is just the registers' low bytes one after another.
 * (Host little-endian: element i of a register is at byte i << esz.)
 */
#define DO_INTERLEAVE(NAME, TYPE)                                          \
static void NAME(TYPE *m, ARMVectorReg *regs, unsigned selem,              \
                 unsigned elements, bool to_mem)                           \
{                                                                          \
    for (unsigned e = 0; e < elements; e++) {                              \
        for (unsigned s = 0; s < selem; s++) {                             \
            TYPE *r = (TYPE *)&regs[s] + e;                                \
            if (to_mem) {                                                  \
                m[e * selem + s] = *r;                                     \
            } else {                                                       \
                *r = m[e * selem + s];                                     \
            }                                                              \
        }                                                                  \
    }                                                                      \
}

DO_INTERLEAVE(interleave8, uint8_t)
DO_INTERLEAVE(interleave16, uint16_t)
DO_INTERLEAVE(interleave32, uint32_t)
DO_INTERLEAVE(interleave64, uint64_t)

static void interleave(uint8_t *mem, ARMVectorReg *regs, unsigned esz,
                       unsigned selem, unsigned rpt, unsigned elements,
                       bool to_mem)
{
    unsigned rbytes = elements << esz;

    if (selem == 1) {
        for (unsigned r = 0; r < rpt; r++) {
            if (to_mem) {
                memcpy(mem + r * rbytes, &regs[r], rbytes);
            } else {
                memcpy(&regs[r], mem + r * rbytes, rbytes);
            }
        }
        return;
    }
    switch (esz) {
    case 0: interleave8(mem, regs, selem, elements, to_mem); break;
    case 1: interleave16((uint16_t *)mem, regs, selem, elements, to_mem); break;
    case 2: interleave32((uint32_t *)mem, regs, selem, elements, to_mem); break;
    default: interleave64((uint64_t *)mem, regs, selem, elements, to_mem); break;
    }
}

static void gather(uint8_t *mem, ARMVectorReg *regs, unsigned esz,
                   unsigned selem, unsigned rpt, unsigned elements)
{
    interleave(mem, regs, esz, selem, rpt, elements, true);
}

static void scatter(ARMVectorReg *regs, uint8_t *mem, unsigned esz,
                    unsigned selem, unsigned rpt, unsigned elements)
{
    interleave(mem, regs, esz, selem, rpt, elements, false);
}

/*
 * desc: see simd_ldst_desc() in translate-simd-ldst.c.
 */
void HELPER(simd_ldst_multi)(CPUARMState *env, uint64_t addr, uint32_t desc)
{
    uintptr_t ra = GETPC();
    unsigned rt = desc & 0x1f;
    unsigned esz = (desc >> 5) & 3;
    unsigned q = (desc >> 7) & 1;
    unsigned selem = (desc >> 8) & 7;
    unsigned rpt = (desc >> 11) & 7;
    bool is_load = (desc >> 14) & 1;
    bool align = (desc >> 15) & 1;
    int mmu_idx = (desc >> 16) & 0xf;
    unsigned ebytes = 1u << esz;
    unsigned elements = (q ? 16 : 8) >> esz;
    unsigned nregs = rpt * selem;
    unsigned total = nregs * elements * ebytes;
    MMUAccessType type = is_load ? MMU_DATA_LOAD : MMU_DATA_STORE;
    uint8_t mem[64] __attribute__((aligned(16)));
    ARMVectorReg regs[4];
    void *h1, *h2;
    unsigned len1;

    if (align && (addr & (ebytes - 1))) {
        CPUState *cs = env_cpu(env);
        cs->tcg_ops->do_unaligned_access(cs, addr, type, mmu_idx, ra);
    }
    if (!is_load) {
        for (unsigned i = 0; i < nregs; i++) {
            regs[i] = env->vregs[(rt + i) & 31];
        }
        gather(mem, regs, esz, selem, rpt, elements);
    }

    if (probe_range(env, addr, total, type, mmu_idx, ra, &h1, &h2, &len1)) {
        if (selem == 1 && !h2 && is_load) {
            /* LD1 within one RAM page: nothing can fault any more. */
            const uint8_t *h = h1;
            for (unsigned i = 0; i < nregs; i++) {
                ARMVectorReg *v = &env->vregs[(rt + i) & 31];
                if (q) {
                    memcpy(v, h + 16 * i, 16);
                } else {
                    memcpy(&v->d[0], h + 8 * i, 8);
                    v->d[1] = 0;
                }
            }
            return;
        }
        if (is_load) {
            memcpy(mem, h1, len1);
            if (h2) {
                memcpy(mem + len1, h2, total - len1);
            }
        } else {
            memcpy(h1, mem, len1);
            if (h2) {
                memcpy(h2, mem + len1, total - len1);
            }
        }
    } else {
        for (unsigned off = 0; off < total; off += ebytes) {
            uint64_t v = 0;
            if (is_load) {
                v = ld_elem(env, addr + off, esz, mmu_idx, ra);
                memcpy(mem + off, &v, ebytes);      /* host little-endian */
            } else {
                memcpy(&v, mem + off, ebytes);
                st_elem(env, addr + off, v, esz, mmu_idx, ra);
            }
        }
    }

    if (is_load) {
        scatter(regs, mem, esz, selem, rpt, elements);
        for (unsigned i = 0; i < nregs; i++) {
            if (!q) {
                regs[i].d[1] = 0;
            }
            env->vregs[(rt + i) & 31] = regs[i];
        }
    }
}

/* ---- permutes ---- */

/*
 * Result element i of a permute of n elements per register: UZP takes the
 * even (odd) elements of n:m concatenated, TRN the even (odd) lanes of n
 * and m alternately, ZIP interleaves the low (high) halves. @part is 0
 * for the "1" forms, 1 for the "2" forms.
 */
#define DO_PERM(NAME, TYPE)                                                \
static void NAME(TYPE *d, const TYPE *vn, const TYPE *vm, unsigned op,     \
                 unsigned n)                                               \
{                                                                          \
    unsigned part = op >> 2, h = n / 2;                                    \
    TYPE r[16 / sizeof(TYPE)] = { 0 };                                     \
                                                                           \
    switch (op & 3) {                                                      \
    case 1:                                                                \
        for (unsigned i = 0; i < h; i++) {                                 \
            r[i] = vn[2 * i + part];                                       \
            r[h + i] = vm[2 * i + part];                                   \
        }                                                                  \
        break;                                                             \
    case 2:                                                                \
        for (unsigned i = 0; i < n; i += 2) {                              \
            r[i] = vn[i + part];                                           \
            r[i + 1] = vm[i + part];                                       \
        }                                                                  \
        break;                                                             \
    default:                                                               \
        for (unsigned i = 0; i < h; i++) {                                 \
            r[2 * i] = vn[part * h + i];                                   \
            r[2 * i + 1] = vm[part * h + i];                               \
        }                                                                  \
        break;                                                             \
    }                                                                      \
    memcpy(d, r, sizeof(r));                                               \
}

DO_PERM(perm8, uint8_t)
DO_PERM(perm16, uint16_t)
DO_PERM(perm32, uint32_t)
DO_PERM(perm64, uint64_t)

/*
 * simd_data(desc): opcode (1 UZP1, 2 TRN1, 3 ZIP1, 5 UZP2, 6 TRN2,
 * 7 ZIP2) | esz << 3.
 */
void HELPER(simd_perm)(void *vd, void *vn, void *vm, uint32_t desc)
{
    unsigned oprsz = simd_oprsz(desc);
    unsigned op = simd_data(desc) & 7;
    unsigned esz = simd_data(desc) >> 3;
    unsigned n = oprsz >> esz;

    switch (esz) {
    case 0: perm8(vd, vn, vm, op, n); break;
    case 1: perm16(vd, vn, vm, op, n); break;
    case 2: perm32(vd, vn, vm, op, n); break;
    default: perm64(vd, vn, vm, op, n); break;
    }
    clear_tail(vd, oprsz);
}

/* ---- table lookups ---- */

/*
 * desc: rd | rn << 5 | rm << 10 | len << 15 | tbx << 17 | q << 18.
 * The table is V<rn>..V<rn+len> (numbers wrap at 32); an index past its
 * end gives 0 (TBL) or keeps the destination byte (TBX).
 */
void HELPER(simd_tbl)(CPUARMState *env, uint32_t desc)
{
    unsigned rd = desc & 0x1f, rn = (desc >> 5) & 0x1f, rm = (desc >> 10) & 0x1f;
    unsigned nt = ((desc >> 15) & 3) + 1;
    bool tbx = (desc >> 17) & 1;
    unsigned oprsz = (desc >> 18) & 1 ? 16 : 8;
    uint8_t idx[16], r[16];

    memcpy(idx, &env->vregs[rm], 16);
    memcpy(r, &env->vregs[rd], 16);
    for (unsigned i = 0; i < oprsz; i++) {
        unsigned k = idx[i];
        if (k < 16 * nt) {
            r[i] = ((uint8_t *)&env->vregs[(rn + k / 16) & 31])[k % 16];
        } else if (!tbx) {
            r[i] = 0;
        }
    }
    memcpy(&env->vregs[rd], r, 16);
    clear_tail(&env->vregs[rd], oprsz);
}
