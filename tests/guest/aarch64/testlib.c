/*
 * testlib.c - console, TAP checks and the exception handler of the
 * bare-metal AArch64 tests. Kept free of anything the compiler could turn
 * into FP/SIMD or unaligned code (-mgeneral-regs-only -mstrict-align).
 */
/* fp-* and simd-* images build without -mgeneral-regs-only; the exception
 * path and the printing must still never touch FP/SIMD (a test may disable
 * it through CPACR_EL1.FPEN and take the trap here). */
#pragma GCC target("general-regs-only")

#include <stdarg.h>
#include "testlib.h"

#define UART_BASE 0x09000000ul
#define UART_DR   0x00
#define UART_FR   0x18
#define UART_FR_TXFF (1u << 5)

static int test_num;
static int test_fail;
static const char *test_prefix = "";
static int exiting;

volatile struct exc_record last_exc;
static int exc_armed;
static int exc_skip;
void (*exc_hook)(struct exc_frame *f);

void uart_putc(char c)
{
    volatile u32 *fr = (volatile u32 *)(UART_BASE + UART_FR);
    volatile u32 *dr = (volatile u32 *)(UART_BASE + UART_DR);
    while (*fr & UART_FR_TXFF) {
    }
    *dr = (u8)c;
}

void uart_puts(const char *s)
{
    while (*s) {
        uart_putc(*s++);
    }
}

struct outbuf {
    char *buf;
    int size;
    int len;
};

static void out_c(struct outbuf *o, char c)
{
    if (o->buf) {
        if (o->len + 1 < o->size) {
            o->buf[o->len] = c;
        }
    } else {
        uart_putc(c);
    }
    o->len++;
}

static void out_num(struct outbuf *o, u64 v, int base, int neg, int width,
                    char pad)
{
    char tmp[24];
    int n = 0;
    do {
        int d = v % base;
        tmp[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        v /= base;
    } while (v);
    if (neg) {
        tmp[n++] = '-';
    }
    while (n < width) {
        out_c(o, pad);
        width--;
    }
    while (n) {
        out_c(o, tmp[--n]);
    }
}

static void tvformat(struct outbuf *o, const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        int width = 0, lng = 0;
        char pad = ' ';
        if (*fmt != '%') {
            out_c(o, *fmt);
            continue;
        }
        fmt++;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        while (*fmt == 'l') {
            lng++;
            fmt++;
        }
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s) {
                out_c(o, *s++);
            }
            break;
        }
        case 'c':
            out_c(o, (char)va_arg(ap, int));
            break;
        case 'd': {
            s64 v = lng ? va_arg(ap, s64) : va_arg(ap, int);
            out_num(o, v < 0 ? -(u64)v : (u64)v, 10, v < 0, width, pad);
            break;
        }
        case 'u':
            out_num(o, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 10, 0,
                    width, pad);
            break;
        case 'x':
            out_num(o, lng ? va_arg(ap, u64) : va_arg(ap, unsigned), 16, 0,
                    width, pad);
            break;
        case 'p':
            out_c(o, '0');
            out_c(o, 'x');
            out_num(o, (u64)va_arg(ap, void *), 16, 0, 0, ' ');
            break;
        case '%':
            out_c(o, '%');
            break;
        default:
            out_c(o, '?');
            break;
        }
    }
}

void tprintf(const char *fmt, ...)
{
    struct outbuf o = { 0, 0, 0 };
    va_list ap;
    va_start(ap, fmt);
    tvformat(&o, fmt, ap);
    va_end(ap);
}

int tsnprintf(char *buf, int size, const char *fmt, ...)
{
    struct outbuf o = { buf, size, 0 };
    va_list ap;
    va_start(ap, fmt);
    tvformat(&o, fmt, ap);
    va_end(ap);
    if (size > 0) {
        buf[o.len < size ? o.len : size - 1] = 0;
    }
    return o.len;
}

void test_set_prefix(const char *prefix)
{
    test_prefix = prefix;
}

int check(const char *name, u64 got, u64 want)
{
    int ok = got == want;
    test_num++;
    if (ok) {
        tprintf("ok %d - %s%s\n", test_num, test_prefix, name);
    } else {
        test_fail++;
        tprintf("not ok %d - %s%s # got 0x%lx want 0x%lx\n", test_num,
                test_prefix, name, got, want);
    }
    return ok;
}

int checkf(u64 got, u64 want, const char *fmt, ...)
{
    char name[160];
    struct outbuf o = { name, sizeof(name), 0 };
    va_list ap;
    va_start(ap, fmt);
    tvformat(&o, fmt, ap);
    va_end(ap);
    name[o.len < (int)sizeof(name) ? o.len : (int)sizeof(name) - 1] = 0;
    return check(name, got, want);
}

int check_true(const char *name, int cond)
{
    return check(name, cond != 0, 1);
}

void psci_system_off(void)
{
    register u64 x0 __asm__("x0") = 0x84000008ul;
    __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
    for (;;) {
    }
}

void semihosting_exit(int status)
{
    static volatile u64 block[2];
    register u64 x0 __asm__("x0") = 0x18;       /* SYS_EXIT */
    register u64 x1 __asm__("x1") = (u64)block;
    block[0] = 0x20026;                         /* ADP_Stopped_ApplicationExit */
    block[1] = (u64)status;
    exiting = 1;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    psci_system_off();
}

void test_exit(void)
{
    tprintf("1..%d\n", test_num);
    semihosting_exit(test_fail > 125 ? 125 : test_fail);
}

void exc_expect(int skip)
{
    last_exc.count = 0;
    last_exc.esr = last_exc.far = last_exc.elr = 0;
    last_exc.vector = -1;
    exc_skip = skip;
    exc_armed = 1;
}

void exc_handler(struct exc_frame *f, u64 vector);
void exc_handler(struct exc_frame *f, u64 vector)
{
    u64 esr, far;
    __asm__ volatile("mrs %0, esr_el1" : "=r"(esr));
    __asm__ volatile("mrs %0, far_el1" : "=r"(far));
    if (exiting) {
        /* hlt #0xf000 without semihosting: UNDEFINED; power off instead */
        psci_system_off();
    }
    if (!exc_armed) {
        test_num++;
        test_fail++;
        tprintf("not ok %d - %sunexpected exception vector %u ESR 0x%lx "
                "ELR 0x%lx FAR 0x%lx\n", test_num, test_prefix,
                (unsigned)vector, esr, f->elr, far);
        test_exit();
    }
    last_exc.count++;
    last_exc.vector = vector;
    last_exc.esr = esr;
    last_exc.far = far;
    last_exc.elr = f->elr;
    last_exc.spsr = f->spsr;
    exc_armed = 0;
    f->elr += exc_skip;
    if (exc_hook) {
        exc_hook(f);
    }
}
