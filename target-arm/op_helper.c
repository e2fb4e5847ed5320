/*
 * op_helper.c - the A64 memory helpers whose access pattern must be exact:
 * store-exclusive and compare-and-swap.
 *
 * On RAM they are host atomic operations on the host page (compare with
 * what the load-exclusive saw; vCPUs share one host thread, so the 16-byte
 * forms need no host atomicity beyond that). On anything else (MMIO,
 * ram_device) the architecture's access pattern is what the device must
 * see: a successful store-exclusive is exactly one write per
 * single-copy-atomic piece and no read (a device with read side effects
 * must not see one), a failed one no access at all; a compare-and-swap is
 * one read, then one write only if the values matched.
 */
#include "util/osdep.h"
#include "target-arm/cpu.h"
#include "target-arm/internals.h"
#include "exec/exec-all.h"
#include "exec/cpu_ldst.h"

#define HELPER_H "target-arm/helper.h"
#include "exec/helper-proto.h"

/* desc fields shared with translate-a64.c (ARM_LDST_DESC) */
#define DESC_SIZE(d)    ((d) & 7)
#define DESC_PAIR(d)    (((d) >> 3) & 1)
#define DESC_MMU(d)     (((d) >> 4) & 0xf)
#define DESC_RS(d)      (((d) >> 8) & 0x1f)
#define DESC_RT(d)      (((d) >> 13) & 0x1f)

static void check_alignment(CPUARMState *env, uint64_t addr, unsigned bytes,
                            MMUAccessType type, int mmu_idx, uintptr_t ra)
{
    CPUState *cs = env_cpu(env);
    if (addr & (bytes - 1)) {
        cs->tcg_ops->do_unaligned_access(cs, addr, type, mmu_idx, ra);
    }
}

static uint64_t ld_sized(CPUARMState *env, uint64_t addr, unsigned bytes,
                         int mmu_idx, uintptr_t ra)
{
    switch (bytes) {
    case 1: return cpu_ldub_mmuidx_ra(env, addr, mmu_idx, ra);
    case 2: return cpu_lduw_le_mmuidx_ra(env, addr, mmu_idx, ra);
    case 4: return cpu_ldl_le_mmuidx_ra(env, addr, mmu_idx, ra);
    default: return cpu_ldq_le_mmuidx_ra(env, addr, mmu_idx, ra);
    }
}

static void st_sized(CPUARMState *env, uint64_t addr, uint64_t val,
                     unsigned bytes, int mmu_idx, uintptr_t ra)
{
    switch (bytes) {
    case 1: cpu_stb_mmuidx_ra(env, addr, val, mmu_idx, ra); break;
    case 2: cpu_stw_le_mmuidx_ra(env, addr, val, mmu_idx, ra); break;
    case 4: cpu_stl_le_mmuidx_ra(env, addr, val, mmu_idx, ra); break;
    default: cpu_stq_le_mmuidx_ra(env, addr, val, mmu_idx, ra); break;
    }
}

/* Host compare-and-swap of 1..8 bytes; returns the old value. */
static uint64_t host_cmpxchg(void *host, unsigned bytes, uint64_t cmp,
                             uint64_t newv)
{
    switch (bytes) {
    case 1: {
        uint8_t e = cmp;
        __atomic_compare_exchange_n((uint8_t *)host, &e, (uint8_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    case 2: {
        uint16_t e = cmp;
        __atomic_compare_exchange_n((uint16_t *)host, &e, (uint16_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    case 4: {
        uint32_t e = cmp;
        __atomic_compare_exchange_n((uint32_t *)host, &e, (uint32_t)newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    default: {
        uint64_t e = cmp;
        __atomic_compare_exchange_n((uint64_t *)host, &e, newv, false,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    }
}

static uint64_t size_mask(unsigned bytes)
{
    return bytes == 8 ? ~0ull : (1ull << (bytes * 8)) - 1;
}

/*
 * STXR/STXP: @lo (and @hi for pairs) to @addr; returns the status (0 =
 * stored). A pair of W registers is one doubleword (lo | hi << 32), a
 * pair of X registers two in address order.
 */
uint64_t helper_stxr(CPUARMState *env, uint64_t addr, uint64_t lo, uint64_t hi,
                     uint32_t desc)
{
    uintptr_t ra = GETPC();
    unsigned size = DESC_SIZE(desc);
    bool pair = DESC_PAIR(desc);
    int mmu_idx = DESC_MMU(desc);
    unsigned bytes = (pair ? 2 : 1) << size;
    void *host;

    if (addr != env->exclusive_addr) {
        env->exclusive_addr = -1;
        return 1;
    }
    env->exclusive_addr = -1;
    check_alignment(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    if (pair && size == 2) {
        lo = (uint32_t)lo | (hi << 32);
        size = 3;
        pair = false;
    }
    host = probe_access(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    if (host) {
        if (!pair) {
            uint64_t m = size_mask(1u << size);
            uint64_t old = host_cmpxchg(host, 1u << size, env->exclusive_val & m,
                                        lo & m);
            return old != (env->exclusive_val & m);
        } else {
            uint64_t cur[2];
            memcpy(cur, host, 16);
            if (cur[0] != env->exclusive_val || cur[1] != env->exclusive_high) {
                return 1;
            }
            cur[0] = lo;
            cur[1] = hi;
            memcpy(host, cur, 16);
            return 0;
        }
    }
    /* Not RAM: the monitor alone decides; one write per piece. */
    if (!pair) {
        st_sized(env, addr, lo, 1u << size, mmu_idx, ra);
    } else {
        st_sized(env, addr, lo, 8, mmu_idx, ra);
        st_sized(env, addr + 8, hi, 8, mmu_idx, ra);
    }
    return 0;
}

/* CAS: returns the old value (zero-extended from the access size). */
uint64_t helper_cas(CPUARMState *env, uint64_t addr, uint64_t cmp,
                    uint64_t newv, uint32_t desc)
{
    uintptr_t ra = GETPC();
    unsigned bytes = 1u << DESC_SIZE(desc);
    int mmu_idx = DESC_MMU(desc);
    uint64_t m = size_mask(bytes);
    uint64_t old;
    void *host;

    check_alignment(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    host = probe_access(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    if (host) {
        return host_cmpxchg(host, bytes, cmp & m, newv & m) & m;
    }
    old = ld_sized(env, addr, bytes, mmu_idx, ra) & m;
    if (old == (cmp & m)) {
        st_sized(env, addr, newv, bytes, mmu_idx, ra);
    }
    return old;
}

/*
 * CASP: Xs:Xs+1 compared with memory, Xt:Xt+1 stored on a match, the old
 * pair returned in Xs:Xs+1 (registers read and written in env). A pair of
 * W registers is one doubleword.
 */
void helper_casp(CPUARMState *env, uint64_t addr, uint32_t desc)
{
    uintptr_t ra = GETPC();
    bool is64 = DESC_SIZE(desc) == 3;
    int mmu_idx = DESC_MMU(desc);
    unsigned rs = DESC_RS(desc), rt = DESC_RT(desc);
    uint64_t s0 = rs == 31 ? 0 : env->xregs[rs];
    uint64_t s1 = rs + 1 >= 31 ? 0 : env->xregs[rs + 1];
    uint64_t t0 = rt == 31 ? 0 : env->xregs[rt];
    uint64_t t1 = rt + 1 >= 31 ? 0 : env->xregs[rt + 1];
    unsigned bytes = is64 ? 16 : 8;
    uint64_t o0, o1;
    void *host;

    check_alignment(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    host = probe_access(env, addr, bytes, MMU_DATA_STORE, mmu_idx, ra);
    if (!is64) {
        uint64_t cmp = (uint32_t)s0 | (s1 << 32);
        uint64_t newv = (uint32_t)t0 | (t1 << 32);
        uint64_t old;
        if (host) {
            old = host_cmpxchg(host, 8, cmp, newv);
        } else {
            old = ld_sized(env, addr, 8, mmu_idx, ra);
            if (old == cmp) {
                st_sized(env, addr, newv, 8, mmu_idx, ra);
            }
        }
        o0 = (uint32_t)old;
        o1 = old >> 32;
    } else if (host) {
        uint64_t cur[2];
        memcpy(cur, host, 16);
        o0 = cur[0];
        o1 = cur[1];
        if (o0 == s0 && o1 == s1) {
            cur[0] = t0;
            cur[1] = t1;
            memcpy(host, cur, 16);
        }
    } else {
        o0 = ld_sized(env, addr, 8, mmu_idx, ra);
        o1 = ld_sized(env, addr + 8, 8, mmu_idx, ra);
        if (o0 == s0 && o1 == s1) {
            st_sized(env, addr, t0, 8, mmu_idx, ra);
            st_sized(env, addr + 8, t1, 8, mmu_idx, ra);
        }
    }
    if (rs != 31) {
        env->xregs[rs] = o0;
    }
    if (rs + 1 < 31) {
        env->xregs[rs + 1] = o1;
    }
}
