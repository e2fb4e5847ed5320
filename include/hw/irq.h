/*
 * irq.h - interrupt (GPIO) lines between devices.
 *
 * A qemu_irq is the input end of a line: whoever holds it drives the level
 * with qemu_set_irq(); the owner's handler sees (opaque, n, level). Devices
 * expose inputs with qdev_init_gpio_in() and outputs (qemu_irq fields they
 * drive) with qdev_init_gpio_out(); boards wire outputs to inputs with
 * qdev_connect_gpio_out(dev, n, qdev_get_gpio_in(intc, m)). Driving an
 * unconnected output (NULL) does nothing.
 */
#ifndef HW_IRQ_H
#define HW_IRQ_H

#include "util/osdep.h"

typedef void (*qemu_irq_handler)(void *opaque, int n, int level);

struct IRQState {
    qemu_irq_handler handler;
    void *opaque;
    int n;
};

void qemu_set_irq(qemu_irq irq, int level);

static inline void qemu_irq_raise(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
}

static inline void qemu_irq_lower(qemu_irq irq)
{
    qemu_set_irq(irq, 0);
}

static inline void qemu_irq_pulse(qemu_irq irq)
{
    qemu_set_irq(irq, 1);
    qemu_set_irq(irq, 0);
}

/* One line calling @handler(@opaque, @n, level). */
qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n);
/* @n lines numbered 0..n-1 (an array; free with qemu_free_irqs). */
qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n);
/* Grow @old (may be NULL, @n_old lines) by @n lines numbered from @n_old. */
qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old, qemu_irq_handler handler,
                           void *opaque, int n);
void qemu_free_irq(qemu_irq irq);
void qemu_free_irqs(qemu_irq *s, int n);

/* A line whose level is the inverse of what is driven into it. */
qemu_irq qemu_irq_invert(qemu_irq irq);
/* A line that drives both @irq1 and @irq2. */
qemu_irq qemu_irq_split(qemu_irq irq1, qemu_irq irq2);

/*
 * qtest's irq_intercept_in: redirect the @n lines of @gpio_in to @handler.
 * Each line keeps working: @handler is called with opaque = a qemu_irq *
 * that holds a line calling the original handler, so an interceptor
 * forwards with qemu_set_irq(*(qemu_irq *)opaque, level) and then
 * records (n, level).
 */
void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler, int n);

/*
 * Interrupt statistics for the monitor's `info irq`: an interrupt
 * controller counts each interrupt it delivers (the CPU acknowledged it)
 * per interrupt number. irq_stats_new() registers the counters under the
 * owner's type name; irq_stats_free() unregisters them.
 */
typedef struct IRQStats {
    Object *owner;
    unsigned n;
    uint64_t *counts;
} IRQStats;

IRQStats *irq_stats_new(Object *owner, unsigned n);
void irq_stats_free(IRQStats *st);

static inline void irq_stats_count(IRQStats *st, unsigned irq)
{
    if (st && irq < st->n) {
        st->counts[irq]++;
    }
}

/* Each registered controller in registration order. */
void irq_stats_foreach(void (*fn)(IRQStats *st, void *opaque), void *opaque);

#endif
