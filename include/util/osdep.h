/*
 * osdep.h - the one platform header every plumb .c file includes first.
 *
 * It pulls in the C library and GLib, defines the address types used
 * everywhere (vaddr, hwaddr) and a few compiler helpers. Nothing
 * project-specific beyond that lives here.
 */
#ifndef UTIL_OSDEP_H
#define UTIL_OSDEP_H

#include "config-host.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <assert.h>
#include <unistd.h>
#include <glib.h>

#include "util/typedefs.h"

/* Guest virtual addresses and bus/physical addresses are 64-bit on every target. */
typedef uint64_t vaddr;
typedef uint64_t hwaddr;
#define HWADDR_MAX UINT64_MAX
#define VADDR_PRIx PRIx64
#define HWADDR_PRIx PRIx64

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define BUILD_BUG_ON(x) _Static_assert(!(x), #x)

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#define container_of(ptr, type, member) \
    ((type *)((char *)(ptr) - offsetof(type, member)))

#define ROUND_UP(n, d)   (((n) + (d) - 1) & -(__typeof__(n))(d))
#define ROUND_DOWN(n, d) ((n) & -(__typeof__(n))(d))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define QEMU_IS_ALIGNED(n, m) (((n) % (m)) == 0)

#define NORETURN __attribute__((noreturn))
#define PRINTF_FMT(a, b) __attribute__((format(printf, a, b)))
#define UNUSED __attribute__((unused))
#define ALWAYS_INLINE inline __attribute__((always_inline))

#define KiB (1ULL << 10)
#define MiB (1ULL << 20)
#define GiB (1ULL << 30)

#endif
