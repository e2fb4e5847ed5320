/*
 * cpu-int.c - a CPU-bound bare-metal AArch64 workload for `make bench`:
 * integer arithmetic, memory traffic and branches, the kinds of code a
 * translator spends its time on: a prime sieve, a table-driven CRC-32,
 * quicksort, an integer matrix multiply, and a bytecode interpreter whose
 * dispatch is a switch (indirect branches). Each kernel's result goes into
 * one checksum, printed at the end, so that a fast but wrong emulator does
 * not pass as a fast one: scripts/run-bench.sh's runner compares plumb's
 * line with QEMU's.
 *
 * Each kernel's time is also measured in the guest with the generic
 * timer's virtual count (CNTVCT_EL0, wall-clock based in both emulators,
 * so only the split between kernels means much on a loaded machine).
 *
 * Built like the guest tests (tests/guest/aarch64: crt0.S, testlib.c) and
 * run with -M virt -cpu max -semihosting; the number of rounds is fixed at
 * build time (BENCH_ROUNDS) so both emulators do the same work.
 */
#include "testlib.h"

#ifndef BENCH_ROUNDS
#define BENCH_ROUNDS 8
#endif

static u64 mix(u64 h, u64 v)
{
    h ^= v;
    h *= 0x100000001b3ul;
    return h ^ (h >> 29);
}

/* ---- sieve of Eratosthenes ----------------------------------------------- */
#define SIEVE_N 200000
static u8 sieve_buf[SIEVE_N];

static u64 sieve(void)
{
    u64 count = 0;
    for (u32 i = 0; i < SIEVE_N; i++) {
        sieve_buf[i] = 1;
    }
    sieve_buf[0] = sieve_buf[1] = 0;
    for (u32 i = 2; i * i < SIEVE_N; i++) {
        if (sieve_buf[i]) {
            for (u32 j = i * i; j < SIEVE_N; j += i) {
                sieve_buf[j] = 0;
            }
        }
    }
    for (u32 i = 0; i < SIEVE_N; i++) {
        count += sieve_buf[i];
    }
    return count;
}

/* ---- CRC-32 (reflected 0xedb88320), byte at a time through a table ------- */
static u32 crc_table[256];
#define CRC_LEN 65536
static u8 crc_data[CRC_LEN];

static void crc_init(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) {
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[i] = c;
    }
    u64 s = 12345;
    for (u32 i = 0; i < CRC_LEN; i++) {
        s = s * 6364136223846793005ul + 1;
        crc_data[i] = s >> 56;
    }
}

static u32 crc32_sw(const u8 *p, u32 n)
{
    u32 c = 0xffffffffu;
    while (n--) {
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    }
    return ~c;
}

/* ---- quicksort ------------------------------------------------------------ */
#define SORT_N 30000
static u32 sort_buf[SORT_N];

static void qsort_u32(u32 *a, long lo, long hi)
{
    while (lo < hi) {
        u32 pivot = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) {
                i++;
            }
            while (a[j] > pivot) {
                j--;
            }
            if (i <= j) {
                u32 t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        /* Recurse into the smaller half, loop on the larger. */
        if (j - lo < hi - i) {
            qsort_u32(a, lo, j);
            lo = i;
        } else {
            qsort_u32(a, i, hi);
            hi = j;
        }
    }
}

static u64 sort(u64 seed)
{
    u64 s = seed, h = 0;
    for (u32 i = 0; i < SORT_N; i++) {
        s = s * 6364136223846793005ul + 1442695040888963407ul;
        sort_buf[i] = s >> 33;
    }
    qsort_u32(sort_buf, 0, SORT_N - 1);
    for (u32 i = 1; i < SORT_N; i++) {
        if (sort_buf[i - 1] > sort_buf[i]) {
            return 0;       /* not sorted: the checksum will show it */
        }
    }
    for (u32 i = 0; i < SORT_N; i += 97) {
        h = mix(h, sort_buf[i]);
    }
    return h;
}

/* ---- integer matrix multiply ---------------------------------------------- */
#define MAT_N 96
static s32 mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N];
static s64 mat_c[MAT_N][MAT_N];

static u64 matmul(u32 round)
{
    u64 h = 0;
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (s32)((i * 31 + j * 17 + round) % 201) - 100;
            mat_b[i][j] = (s32)((i * 13 + j * 7 + 3 * round) % 199) - 99;
        }
    }
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            s64 acc = 0;
            for (int k = 0; k < MAT_N; k++) {
                acc += (s64)mat_a[i][k] * mat_b[k][j];
            }
            mat_c[i][j] = acc;
        }
    }
    for (int i = 0; i < MAT_N; i++) {
        h = mix(h, (u64)mat_c[i][(i * 5) % MAT_N]);
    }
    return h;
}

/* ---- a switch-dispatched bytecode interpreter ------------------------------ */
enum { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DUP, OP_SWAP, OP_DROP, OP_JNZ,
       OP_DEC, OP_XOR, OP_SHL, OP_LOAD, OP_STORE, OP_HALT };

struct vm_insn {
    u8 op;
    s32 arg;
};

/* r[0] = n; do { acc = acc * 3 ^ (acc << 1) + n; mem[n & 15] += acc; } while (--n) */
static const struct vm_insn vm_prog[] = {
    { OP_PUSH, 0 },         /* acc */
    { OP_LOAD, 16 },        /* acc n           (loop: pc 1) */
    { OP_SWAP, 0 },         /* n acc */
    { OP_DUP, 0 },          /* n acc acc */
    { OP_PUSH, 3 },
    { OP_MUL, 0 },          /* n acc acc*3 */
    { OP_SWAP, 0 },         /* n acc*3 acc */
    { OP_PUSH, 1 },
    { OP_SHL, 0 },          /* n acc*3 acc<<1 */
    { OP_XOR, 0 },          /* n x */
    { OP_SWAP, 0 },         /* x n */
    { OP_DUP, 0 },          /* x n n */
    { OP_STORE, 17 },       /* x n     (mem[17] = n, scratch) */
    { OP_ADD, 0 },          /* acc' */
    { OP_DUP, 0 },
    { OP_STORE, -1 },       /* mem[n & 15] += acc' */
    { OP_LOAD, 16 },
    { OP_DEC, 0 },
    { OP_DUP, 0 },
    { OP_STORE, 16 },       /* n-- */
    { OP_JNZ, 1 },
    { OP_HALT, 0 },
};

static u64 vm_run(u64 n)
{
    s64 stack[16];
    s64 mem[18] = { 0 };
    int sp = 0;
    u32 pc = 0;

    mem[16] = n;
    for (;;) {
        const struct vm_insn *in = &vm_prog[pc++];
        switch (in->op) {
        case OP_PUSH: stack[sp++] = in->arg; break;
        case OP_ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case OP_SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case OP_MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_SWAP: {
            s64 t = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = t;
            break;
        }
        case OP_DROP: sp--; break;
        case OP_JNZ:
            if (stack[--sp]) {
                pc = in->arg;
            }
            break;
        case OP_DEC: stack[sp - 1]--; break;
        case OP_XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
        case OP_SHL: sp--; stack[sp - 1] = (u64)stack[sp - 1] << (stack[sp] & 63); break;
        case OP_LOAD: stack[sp++] = mem[in->arg]; break;
        case OP_STORE:
            sp--;
            if (in->arg < 0) {
                mem[mem[17] & 15] += stack[sp];
            } else {
                mem[in->arg] = stack[sp];
            }
            break;
        case OP_HALT: {
            u64 h = 0;
            for (int i = 0; i < 16; i++) {
                h = mix(h, (u64)mem[i]);
            }
            return h;
        }
        default:
            return 0;
        }
    }
}

/* The generic timer's virtual count: where each kernel's time goes. */
static inline u64 ticks(void)
{
    u64 t;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(t) :: "memory");
    return t;
}

enum { K_SIEVE, K_CRC, K_SORT, K_MATMUL, K_VM, K_N };
static const char *const kernel_names[K_N] = {
    "sieve", "crc32", "qsort", "matmul", "interp",
};

int main(void)
{
    u64 h = 0, spent[K_N] = { 0 }, t;

    crc_init();
    for (u32 r = 0; r < BENCH_ROUNDS; r++) {
        t = ticks();
        h = mix(h, sieve());
        h = mix(h, sieve());
        spent[K_SIEVE] += ticks() - t;
        t = ticks();
        for (int k = 0; k < 8; k++) {
            h = mix(h, crc32_sw(crc_data + k, CRC_LEN - 8));
        }
        spent[K_CRC] += ticks() - t;
        t = ticks();
        h = mix(h, sort(r + 1));
        spent[K_SORT] += ticks() - t;
        t = ticks();
        h = mix(h, matmul(r));
        spent[K_MATMUL] += ticks() - t;
        t = ticks();
        h = mix(h, vm_run(15000 + r));
        spent[K_VM] += ticks() - t;
    }
    for (int k = 0; k < K_N; k++) {
        tprintf("bench-kernel %s %lu\n", kernel_names[k], spent[k]);
    }
    tprintf("bench-result %016lx\n", h);
    semihosting_exit(0);
}
