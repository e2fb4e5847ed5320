/*
 * cpu-fp.c - the FP/SIMD workload of `make bench`: scalar double-precision
 * code (an n-body step with square roots and divisions), single-precision
 * vector code the compiler vectorizes with AdvSIMD (a SAXPY-like kernel and
 * a 1-D convolution), integer SIMD (byte histogram-free sums of absolute
 * differences, a vectorized checksum), and FP/integer conversions. Like
 * cpu-int.c, every kernel feeds one checksum printed at the end, which
 * bench-vs-qemu.sh compares between plumb and QEMU: a fast wrong answer is
 * a failure. The checksum hashes the bit patterns of FP results, so it
 * also checks rounding.
 *
 * Built with FP/SIMD enabled (-O3 lets GCC vectorize; crt0.S sets
 * CPACR_EL1.FPEN), BENCH_ROUNDS fixed at build time.
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

static u64 dbits(double d)
{
    u64 v;
    __builtin_memcpy(&v, &d, 8);
    return v;
}

static u64 fbits(float f)
{
    u32 v;
    __builtin_memcpy(&v, &f, 4);
    return v;
}

/* ---- n-body (scalar double: mul, add, div, sqrt) --------------------------- */
#define NBODY 24
static double px[NBODY], py[NBODY], pz[NBODY], vx[NBODY], vy[NBODY], vz[NBODY];
static double mass[NBODY];

static void nbody_init(void)
{
    for (int i = 0; i < NBODY; i++) {
        px[i] = (i * 37 % 101) * 0.013 - 0.6;
        py[i] = (i * 53 % 103) * 0.011 - 0.5;
        pz[i] = (i * 71 % 107) * 0.007 - 0.3;
        vx[i] = vy[i] = vz[i] = 0.0;
        mass[i] = 1.0 + (i % 5) * 0.25;
    }
}

static u64 nbody(int steps)
{
    const double dt = 0.001;

    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < NBODY; i++) {
            for (int j = i + 1; j < NBODY; j++) {
                double dx = px[i] - px[j], dy = py[i] - py[j], dz = pz[i] - pz[j];
                double d2 = dx * dx + dy * dy + dz * dz + 1e-3;
                double mag = dt / (d2 * __builtin_sqrt(d2));
                vx[i] -= dx * mass[j] * mag;
                vy[i] -= dy * mass[j] * mag;
                vz[i] -= dz * mass[j] * mag;
                vx[j] += dx * mass[i] * mag;
                vy[j] += dy * mass[i] * mag;
                vz[j] += dz * mass[i] * mag;
            }
        }
        for (int i = 0; i < NBODY; i++) {
            px[i] += dt * vx[i];
            py[i] += dt * vy[i];
            pz[i] += dt * vz[i];
        }
    }
    return dbits(px[0] + py[NBODY / 2] + vz[NBODY - 1]);
}

/* ---- single-precision vector kernels ---------------------------------------- */
#define VN 4096
static float fa[VN], fb[VN], fc[VN];

static u64 saxpy_conv(u32 round)
{
    float a = 1.0f + (float)round * 0.03125f;
    float acc = 0.0f;

    for (int i = 0; i < VN; i++) {
        fc[i] = a * fa[i] + fb[i];
    }
    for (int i = 2; i < VN - 2; i++) {
        fb[i] = 0.0625f * fc[i - 2] + 0.25f * fc[i - 1] + 0.375f * fc[i] +
                0.25f * fc[i + 1] + 0.0625f * fc[i + 2];
    }
    for (int i = 0; i < VN; i++) {
        float m = fb[i] > fa[i] ? fb[i] : fa[i];
        acc += m * 0.5f;
        fa[i] = fa[i] * 0.999f + 0.001f * fb[i];
    }
    return fbits(acc);
}

/* ---- integer SIMD: sums of absolute differences, a vector checksum ---------- */
#define BN 8192
static u8 ba[BN], bb[BN];
static u16 hw[BN];

static u64 int_simd(u32 round)
{
    u32 sad = 0;
    u32 s1 = 1, s2 = 0;

    for (int i = 0; i < BN; i++) {
        int d = (int)ba[i] - (int)bb[i];
        sad += (u32)(d < 0 ? -d : d);
    }
    for (int i = 0; i < BN; i++) {
        hw[i] = (u16)(ba[i] * 3 + (bb[i] >> 1) + round);
    }
    for (int i = 0; i < BN; i++) {
        s1 += hw[i];
        s2 ^= (u32)hw[i] << (i & 15);
    }
    for (int i = 0; i < BN; i++) {
        bb[i] = (u8)(bb[i] + ba[(i + 7) % BN]);
    }
    return ((u64)sad << 32) ^ s1 ^ ((u64)s2 << 16);
}

/* ---- conversions between FP and integers ------------------------------------ */
static u64 convert(u32 round)
{
    u64 h = 0;
    double d = 0.1 * (round + 1);

    for (int i = 0; i < 20000; i++) {
        long l = (long)(d * 1000.0);
        float f = (float)l / 3.0f;
        d = (double)f * 1.0001 + (double)(i & 7);
        h += (u64)l ^ fbits(f);
        if (d > 1e6) {
            d = d / 1e6;
        }
    }
    return h ^ dbits(d);
}

static inline u64 ticks(void)
{
    u64 t;
    __asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(t) :: "memory");
    return t;
}

enum { K_NBODY, K_SAXPY, K_INTSIMD, K_CONV, K_N };
static const char *const kernel_names[K_N] = {
    "nbody", "saxpy-conv", "int-simd", "convert",
};

int main(void)
{
    u64 h = 0, spent[K_N] = { 0 }, t;

    nbody_init();
    for (int i = 0; i < VN; i++) {
        fa[i] = (float)((i * 13) % 97) * 0.125f - 3.0f;
        fb[i] = (float)((i * 7) % 89) * 0.0625f;
    }
    for (int i = 0; i < BN; i++) {
        ba[i] = (u8)(i * 31 + 7);
        bb[i] = (u8)(i * 17 + 3);
    }
    for (u32 r = 0; r < BENCH_ROUNDS; r++) {
        t = ticks();
        h = mix(h, nbody(6));
        spent[K_NBODY] += ticks() - t;
        t = ticks();
        for (int k = 0; k < 4; k++) {
            h = mix(h, saxpy_conv(r * 4 + k));
        }
        spent[K_SAXPY] += ticks() - t;
        t = ticks();
        for (int k = 0; k < 4; k++) {
            h = mix(h, int_simd(r * 4 + k));
        }
        spent[K_INTSIMD] += ticks() - t;
        t = ticks();
        h = mix(h, convert(r));
        spent[K_CONV] += ticks() - t;
    }
    for (int k = 0; k < K_N; k++) {
        tprintf("bench-kernel %s %lu\n", kernel_names[k], spent[k]);
    }
    tprintf("bench-result %016lx\n", h);
    semihosting_exit(0);
}
