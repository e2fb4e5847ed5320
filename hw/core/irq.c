/*
 * irq.c - interrupt lines (see include/hw/irq.h). A line is a handler and
 * its argument; there is no state of its own, so levels live in the
 * devices that receive them.
 */
#include "util/osdep.h"
#include "hw/irq.h"
#include "qom/object.h"

void qemu_set_irq(qemu_irq irq, int level)
{
    if (irq) {
        irq->handler(irq->opaque, irq->n, level);
    }
}

qemu_irq qemu_allocate_irq(qemu_irq_handler handler, void *opaque, int n)
{
    qemu_irq irq = g_new0(struct IRQState, 1);

    irq->handler = handler;
    irq->opaque = opaque;
    irq->n = n;
    return irq;
}

qemu_irq *qemu_extend_irqs(qemu_irq *old, int n_old, qemu_irq_handler handler,
                           void *opaque, int n)
{
    qemu_irq *s = g_renew(qemu_irq, old, n_old + n);

    for (int i = 0; i < n; i++) {
        s[n_old + i] = qemu_allocate_irq(handler, opaque, n_old + i);
    }
    return s;
}

qemu_irq *qemu_allocate_irqs(qemu_irq_handler handler, void *opaque, int n)
{
    return qemu_extend_irqs(NULL, 0, handler, opaque, n);
}

void qemu_free_irq(qemu_irq irq)
{
    g_free(irq);
}

void qemu_free_irqs(qemu_irq *s, int n)
{
    for (int i = 0; i < n; i++) {
        qemu_free_irq(s[i]);
    }
    g_free(s);
}

static void invert_handler(void *opaque, int n, int level)
{
    qemu_set_irq(opaque, !level);
}

qemu_irq qemu_irq_invert(qemu_irq irq)
{
    /* The inverted line starts high: an idle-low source means active. */
    qemu_irq_raise(irq);
    return qemu_allocate_irq(invert_handler, irq, 0);
}

static void split_handler(void *opaque, int n, int level)
{
    qemu_irq *pair = opaque;

    qemu_set_irq(pair[0], level);
    qemu_set_irq(pair[1], level);
}

qemu_irq qemu_irq_split(qemu_irq irq1, qemu_irq irq2)
{
    qemu_irq *pair = g_new0(qemu_irq, 2);

    pair[0] = irq1;
    pair[1] = irq2;
    return qemu_allocate_irq(split_handler, pair, 0);
}

void qemu_irq_intercept_in(qemu_irq *gpio_in, qemu_irq_handler handler, int n)
{
    /*
     * The qemu_irq pointers handed out to other devices must stay valid,
     * so the line objects are rewritten in place; the original handler
     * moves to a fresh line the interceptor can forward to.
     */
    qemu_irq *orig = g_new0(qemu_irq, n);

    for (int i = 0; i < n; i++) {
        orig[i] = qemu_allocate_irq(gpio_in[i]->handler, gpio_in[i]->opaque,
                                    gpio_in[i]->n);
        gpio_in[i]->handler = handler;
        gpio_in[i]->opaque = &orig[i];
    }
}

/* ---- interrupt statistics (info irq) ---- */

static GPtrArray *irq_stats_list;

IRQStats *irq_stats_new(Object *owner, unsigned n)
{
    IRQStats *st = g_new0(IRQStats, 1);

    st->owner = owner;
    st->n = n;
    st->counts = g_new0(uint64_t, n);
    if (!irq_stats_list) {
        irq_stats_list = g_ptr_array_new();
    }
    g_ptr_array_add(irq_stats_list, st);
    return st;
}

void irq_stats_free(IRQStats *st)
{
    if (!st) {
        return;
    }
    g_ptr_array_remove(irq_stats_list, st);
    g_free(st->counts);
    g_free(st);
}

void irq_stats_foreach(void (*fn)(IRQStats *st, void *opaque), void *opaque)
{
    for (guint i = 0; irq_stats_list && i < irq_stats_list->len; i++) {
        fn(g_ptr_array_index(irq_stats_list, i), opaque);
    }
}
