/*
 * cpu.h - the target-independent vCPU: CPUState, the hooks a target gives
 * TCG (TCGCPUOps), interrupt request bits, and the global list of CPUs.
 *
 * A target's CPU object embeds these in a fixed order so that generic code
 * (the exec loop, the TLB, tcg/) reaches everything without knowing the
 * target, from either a CPUState * or an env pointer:
 *
 *     struct ArchCPU {                 e.g. ARMCPU
 *         CPUState parent_obj;         must be first
 *         CPUNegativeOffsetState neg;  fast TLB + exit word, right before env
 *         CPUArchState env;            the target's register file
 *         ...                          anything else
 *     };
 *     CPU_ARCH_LAYOUT_CHECK(ARMCPU);   build-time check of the above
 *
 * Generated code holds env in a register and reaches the fast TLB and the
 * exit word at small negative offsets (exec/cpu-tlb.h). Not for: running
 * CPUs (exec/exec-all.h) or memory access helpers (exec/cpu_ldst.h).
 */
#ifndef HW_CORE_CPU_H
#define HW_CORE_CPU_H

#include "util/osdep.h"
#include <setjmp.h>
#include "exec/cpu-tlb.h"
#include "exec/memattrs.h"

/*
 * The register file of whichever target a CPU is; generic code only passes
 * pointers to it. Each target defines `struct CPUArchState` in its own
 * cpu.h (one target per translation unit), as QEMU does.
 */
typedef struct CPUArchState CPUArchState;
typedef struct TCGCPUOps TCGCPUOps;

typedef enum MMUAccessType {
    MMU_DATA_LOAD  = 0,
    MMU_DATA_STORE = 1,
    MMU_INST_FETCH = 2,
} MMUAccessType;

/*
 * interrupt_request bits. The generic ones are interpreted by cpu-exec.c;
 * TGT_EXT_* are raised from outside the CPU (devices), TGT_INT_* by the
 * CPU itself; both are handed to TCGCPUOps.cpu_exec_interrupt.
 */
#define CPU_INTERRUPT_HARD       0x0002  /* IRQ line */
#define CPU_INTERRUPT_EXITTB     0x0004  /* leave the TB, re-look-up state */
#define CPU_INTERRUPT_HALT       0x0020  /* halt the CPU */
#define CPU_INTERRUPT_DEBUG      0x0080  /* gdbstub */
#define CPU_INTERRUPT_RESET      0x0400
#define CPU_INTERRUPT_TGT_EXT_0  0x0008
#define CPU_INTERRUPT_TGT_EXT_1  0x0010
#define CPU_INTERRUPT_TGT_EXT_2  0x0040
#define CPU_INTERRUPT_TGT_EXT_3  0x0200
#define CPU_INTERRUPT_TGT_EXT_4  0x1000
#define CPU_INTERRUPT_TGT_INT_0  0x0100
#define CPU_INTERRUPT_TGT_INT_1  0x0800
#define CPU_INTERRUPT_TGT_INT_2  0x2000
/* Arm's names for its lines (as in QEMU), so the core can log them. */
#define CPU_INTERRUPT_FIQ        CPU_INTERRUPT_TGT_EXT_1
/* What single-stepping (gdb) masks while stepping. */
#define CPU_INTERRUPT_SSTEP_MASK \
    (CPU_INTERRUPT_HARD | CPU_INTERRUPT_TGT_EXT_0 | CPU_INTERRUPT_TGT_EXT_1 | \
     CPU_INTERRUPT_TGT_EXT_2 | CPU_INTERRUPT_TGT_EXT_3 | CPU_INTERRUPT_TGT_EXT_4)

/* exception_index values the core uses (targets use >= 0 for theirs). */
#define EXCP_INTERRUPT  0x10000  /* async interruption (exit request) */
#define EXCP_HLT        0x10001  /* CPU halted (WFI) */
#define EXCP_DEBUG      0x10002  /* gdb breakpoint / single step */
#define EXCP_HALTED     0x10003  /* CPU is halted, nothing to do */
#define EXCP_YIELD      0x10004  /* give other vCPUs a turn */
#define EXCP_ATOMIC     0x10005  /* run one insn exclusively (unused: 1 thread) */

/* Flags for cpu_dump_state / TCGCPUOps.dump_state. */
#define CPU_DUMP_CODE 0x00010000
#define CPU_DUMP_FPU  0x00020000
#define CPU_DUMP_CCOP 0x00040000

/* What tlb_fill and cputlb record about one page (QEMU's CPUTLBEntryFull). */
typedef struct CPUTLBEntryFull {
    /*
     * Set by cputlb.c: the ram_addr_t of the page when it is RAM/ROM/romd
     * (what code-page tracking keys on), else ~0. Targets fill only the
     * fields below the line.
     */
    uint64_t ram_addr;
    /* --- filled by targets --- */
    hwaddr phys_addr;       /* guest physical address of the page */
    MemTxAttrs attrs;
    uint8_t prot;           /* PAGE_READ | PAGE_WRITE | PAGE_EXEC */
    uint8_t lg_page_size;   /* log2 of the target page size (>= 12) */
    /* Target-private bits carried with the entry (e.g. Arm's guarded page). */
    uint8_t extra[6];
} CPUTLBEntryFull;

#define PAGE_READ  0x0001
#define PAGE_WRITE 0x0002
#define PAGE_EXEC  0x0004
#define PAGE_RWX   (PAGE_READ | PAGE_WRITE | PAGE_EXEC)

/*
 * The hooks a target gives the TCG accelerator. Required: translate_code,
 * get_tb_cpu_state, restore_state_to_opc, tlb_fill, cpu_exec_interrupt,
 * do_interrupt, has_work, mmu_index. Others may be NULL.
 */
struct TCGCPUOps {
    const char *name;               /* "aarch64", for logs */
    /* Migratable state of one vCPU, opaque = the CPUState (softmmu/migration.c). */
    const struct VMStateDescription *vmsd;
    int nb_mmu_modes;               /* MMU indexes used, <= NB_MMU_MODES */
    int insn_start_words;           /* words per insn_start, <= 3 */
    bool big_endian;                /* default data endianness (cpu_ld*_data_ra) */
    int disas_cs_arch;              /* capstone cs_arch for -d in_asm (0: none) */
    int disas_cs_mode;              /* capstone cs_mode */

    /* Once per ops table, before the first CPU of the target runs. */
    void (*initialize)(void);
    /*
     * Translate guest code at @pc into tcg ops for @tb: normally
     * translator_loop(cpu, tb, max_insns, pc, host_pc, &ops, &dc.base).
     * On return *max_insns holds the insns translated.
     */
    void (*translate_code)(CPUState *cpu, TranslationBlock *tb, int *max_insns,
                           vaddr pc, void *host_pc);
    /* Set the state in env that goto_tb/exit_tb left stale (the pc). */
    void (*synchronize_from_tb)(CPUState *cpu, const TranslationBlock *tb);
    /* Restore env from the insn_start words of the faulting insn. */
    void (*restore_state_to_opc)(CPUState *cpu, const TranslationBlock *tb,
                                 const uint64_t *data);
    /* The TB lookup key of the current state (QEMU: cpu_get_tb_cpu_state). */
    void (*get_tb_cpu_state)(CPUArchState *env, vaddr *pc, uint64_t *cs_base,
                             uint32_t *flags);
    /* Set the pc (gdbstub, reset). */
    void (*set_pc)(CPUState *cpu, vaddr pc);
    vaddr (*get_pc)(CPUState *cpu);
    /* Take interrupt @interrupt_request if it is unmasked; true if taken. */
    bool (*cpu_exec_interrupt)(CPUState *cpu, int interrupt_request);
    /* Enter the exception in cpu->exception_index. */
    void (*do_interrupt)(CPUState *cpu);
    /* Whether a halted CPU has something to wake up for. */
    bool (*has_work)(CPUState *cpu);
    /* A halted CPU's chance to wake up by itself; true if it did. */
    bool (*cpu_exec_halt)(CPUState *cpu);
    /* Called around cpu_exec (e.g. to sync lazy flags). */
    void (*cpu_exec_enter)(CPUState *cpu);
    void (*cpu_exec_exit)(CPUState *cpu);
    /* The MMU index for data (ifetch=false) or code accesses now. */
    int (*mmu_index)(CPUState *cpu, bool ifetch);
    /*
     * Translate @addr for an access and install it with tlb_set_page*().
     * On a fault: if @probe return false, else raise the guest exception
     * (cpu_loop_exit_restore(cpu, retaddr)) and never return.
     */
    bool (*tlb_fill)(CPUState *cpu, vaddr addr, int size,
                     MMUAccessType access_type, int mmu_idx,
                     bool probe, uintptr_t retaddr);
    /* Raise the alignment fault; never returns. */
    NORETURN void (*do_unaligned_access)(CPUState *cpu, vaddr addr,
                                         MMUAccessType access_type,
                                         int mmu_idx, uintptr_t retaddr);
    /* A bus error on a physical access; may longjmp (external abort). */
    void (*do_transaction_failed)(CPUState *cpu, hwaddr physaddr, vaddr addr,
                                  unsigned size, MMUAccessType access_type,
                                  int mmu_idx, MemTxAttrs attrs,
                                  MemTxResult response, uintptr_t retaddr);
    /*
     * Optional: an access of @len bytes at @addr (@is_write) touched a
     * BP_CPU watchpoint: the target decides, and raises its own debug
     * exception (longjmp through @retaddr) or returns to let it through.
     */
    void (*debug_watchpoint_hit)(CPUState *cpu, vaddr addr, vaddr len,
                                 bool is_write, uintptr_t retaddr);
    /*
     * Optional: the guest physical address of @addr for a debugger (no
     * fault, no side effect), or -1. Without it the core probes through
     * tlb_fill(probe=true) with the current data MMU index.
     */
    hwaddr (*get_phys_page_attrs_debug)(CPUState *cpu, vaddr addr,
                                        MemTxAttrs *attrs);
    /* Print the registers (-d cpu, info registers). */
    void (*dump_state)(CPUState *cpu, FILE *f, int flags);
    /* Reset the target's state (after cpu_common_reset). */
    void (*cpu_reset)(CPUState *cpu);
};

/* Breakpoint and watchpoint flags (QEMU's values, for the gdbstub). */
#define BP_MEM_READ             0x01
#define BP_MEM_WRITE            0x02
#define BP_MEM_ACCESS           (BP_MEM_READ | BP_MEM_WRITE)
#define BP_STOP_BEFORE_ACCESS   0x04
#define BP_GDB                  0x10
#define BP_CPU                  0x20
#define BP_ANY                  (BP_GDB | BP_CPU)
#define BP_WATCHPOINT_HIT_READ  0x40
#define BP_WATCHPOINT_HIT_WRITE 0x80
#define BP_WATCHPOINT_HIT       (BP_WATCHPOINT_HIT_READ | BP_WATCHPOINT_HIT_WRITE)

typedef struct CPUBreakpoint {
    vaddr pc;
    int flags;
} CPUBreakpoint;

typedef struct CPUWatchpoint {
    vaddr vaddr;
    vaddr len;
    vaddr hitaddr;          /* first watched byte the access touched */
    MemTxAttrs hitattrs;
    int flags;              /* BP_* plus BP_WATCHPOINT_HIT_* once hit */
} CPUWatchpoint;

/* cpu->singlestep_enabled bits (gdbstub). */
#define SSTEP_ENABLE  0x1   /* one insn per TB, EXCP_DEBUG after each */
#define SSTEP_NOIRQ   0x2   /* do not take interrupts while stepping */
#define SSTEP_NOTIMER 0x4   /* (no effect here) */

struct CPUJumpCache;
struct CPUTLBPrivate;

struct CPUState {
    int cpu_index;              /* 0.. in creation order */
    int cluster_index;
    int nr_cores;
    int nr_threads;
    const TCGCPUOps *tcg_ops;
    AddressSpace *as;           /* what this CPU's physical accesses go to */
    MemoryRegion *memory;       /* root of @as */

    /* Run state (vCPU thread; set from others under the BQL + kick). */
    uint32_t halted;            /* waiting for an interrupt (WFI) */
    bool stop;                  /* requested to stop */
    bool stopped;               /* has stopped */
    bool start_powered_off;
    bool created;
    bool crash_occurred;
    volatile int exit_request;  /* leave cpu_exec as soon as possible */
    int exception_index;        /* -1: none */
    volatile uint32_t interrupt_request;
    int singlestep_enabled;     /* gdbstub */
    uint32_t cflags_next_tb;    /* -1: none; else cflags for the next TB */
    bool can_do_io;

    sigjmp_buf jmp_env;         /* cpu_loop_exit lands here */

    /* Debugging (gdbstub): see cpu_breakpoint_insert / cpu_watchpoint_insert. */
    GArray *breakpoints;                /* of CPUBreakpoint */
    GPtrArray *watchpoints;             /* of CPUWatchpoint * */
    CPUWatchpoint *watchpoint_hit;      /* set until the gdbstub reports it */

    struct CPUJumpCache *tb_jmp_cache;  /* private to translate-all/cpu-exec */
    struct CPUTLBPrivate *tlb;          /* private to cputlb.c */

    CPUState *next_cpu;         /* the global list (CPU_FOREACH) */
    void *opaque;               /* owner's use */
} __attribute__((aligned(16)));

/*
 * Pin the ArchCPU layout generic code relies on: CPUState first, then neg,
 * then env, no gaps. Use once per target, at file scope, after the struct.
 */
#define CPU_ARCH_LAYOUT_CHECK(ArchCPUType) \
    BUILD_BUG_ON(offsetof(ArchCPUType, parent_obj) != 0); \
    BUILD_BUG_ON(offsetof(ArchCPUType, neg) != sizeof(CPUState)); \
    BUILD_BUG_ON(offsetof(ArchCPUType, env) != \
                 sizeof(CPUState) + sizeof(CPUNegativeOffsetState))

/* The CPU of an env, and back (generic; valid under CPU_ARCH_LAYOUT_CHECK). */
static inline CPUState *env_cpu(CPUArchState *env)
{
    return (CPUState *)((char *)env - sizeof(CPUNegativeOffsetState) -
                        sizeof(CPUState));
}

static inline CPUArchState *cpu_env(CPUState *cpu)
{
    return (CPUArchState *)((char *)cpu + sizeof(CPUState) +
                            sizeof(CPUNegativeOffsetState));
}

static inline CPUNegativeOffsetState *cpu_neg(CPUState *cpu)
{
    return (CPUNegativeOffsetState *)((char *)cpu + sizeof(CPUState));
}

static inline CPUTLBDescFast *cpu_tlb_fast(CPUState *cpu, int mmu_idx)
{
    return &cpu_neg(cpu)->tlb.f[mmu_idx];
}

/* A target's header defines env_archcpu(env) as container_of(env, ArchCPU, env). */

/* The global list of CPUs, in creation order. */
extern CPUState *first_cpu;
#define CPU_NEXT(cpu) ((cpu)->next_cpu)
#define CPU_FOREACH(cpu) for ((cpu) = first_cpu; (cpu); (cpu) = (cpu)->next_cpu)
/* The CPU the calling thread is executing (NULL outside a vCPU). */
extern __thread CPUState *current_cpu;

/* The CPU with index @index, or NULL. */
CPUState *qemu_get_cpu(int index);

/*
 * Bring up a CPU whose ArchCPU is zeroed and whose tcg_ops and as are set:
 * gives it an index, allocates its TLB and jump cache, links it into the
 * CPU list, runs tcg_ops->initialize once per target. False + errp if the
 * ops are incomplete.
 */
bool cpu_exec_realizefn(CPUState *cpu, GError **errp);
/* Undo cpu_exec_realizefn. */
void cpu_exec_unrealizefn(CPUState *cpu);
/*
 * Generic reset: no pending interrupts or exceptions, empty TLB and jump
 * cache, halted iff start_powered_off; then tcg_ops->cpu_reset.
 */
void cpu_reset(CPUState *cpu);

/* Raise / clear interrupt request bits; raising kicks the CPU out of its TB. */
void cpu_interrupt(CPUState *cpu, int mask);
void cpu_reset_interrupt(CPUState *cpu, int mask);
/* Make the CPU leave its current TB and the exec loop soon. */
void cpu_exit(CPUState *cpu);
/* Wake the CPU's thread (if halted/waiting) so it re-checks its state. */
void qemu_cpu_kick(CPUState *cpu);
/* Ask every CPU to stop / resume (the vCPU thread honours stop at TB exit). */
void cpu_stop(CPUState *cpu);
void cpu_resume(CPUState *cpu);
void pause_all_vcpus(void);
void resume_all_vcpus(void);

/* Whether a CPU has nothing to do (halted with no work) or must stop. */
bool cpu_is_stopped(CPUState *cpu);
bool cpu_has_work(CPUState *cpu);
/* Whether the calling thread is @cpu's thread. */
bool qemu_cpu_is_self(CPUState *cpu);

/*
 * gdbstub support. Breakpoints stop before the insn at @pc executes
 * (cpu_exec returns EXCP_DEBUG); pages holding one run one insn per TB.
 * Watchpoints make accesses to their pages take the slow path; a hit lets
 * the access complete, then stops after that insn with EXCP_DEBUG and
 * cpu->watchpoint_hit set (BP_STOP_BEFORE_ACCESS: stop before it). The
 * caller clears watchpoint_hit (and the HIT flags) when it resumes.
 * Return 0, or -ENOENT when removing something absent, -EINVAL for a
 * bad length (watchpoint lengths: powers of two, aligned).
 */
int cpu_breakpoint_insert(CPUState *cpu, vaddr pc, int flags,
                          CPUBreakpoint **breakpoint);
int cpu_breakpoint_remove(CPUState *cpu, vaddr pc, int flags);
void cpu_breakpoint_remove_all(CPUState *cpu, int mask);
bool cpu_breakpoint_test(CPUState *cpu, vaddr pc, int mask);
int cpu_watchpoint_insert(CPUState *cpu, vaddr addr, vaddr len, int flags,
                          CPUWatchpoint **watchpoint);
int cpu_watchpoint_remove(CPUState *cpu, vaddr addr, vaddr len, int flags);
void cpu_watchpoint_remove_all(CPUState *cpu, int mask);
/* Set cpu->singlestep_enabled (SSTEP_*); 0 turns stepping off. */
void cpu_single_step(CPUState *cpu, int enabled);

/*
 * Debugger views of guest virtual memory (gdbstub, monitor `x`): the
 * physical address of @addr or -1 (no guest fault is raised), and a copy
 * of @len bytes at @addr to/from @buf, page by page, with the debug
 * attribute set. Returns 0, or -1 if a page is unmapped or an access fails.
 * Call with the vCPUs paused.
 */
hwaddr cpu_get_phys_page_attrs_debug(CPUState *cpu, vaddr addr,
                                     MemTxAttrs *attrs);
hwaddr cpu_get_phys_page_debug(CPUState *cpu, vaddr addr);
int cpu_memory_rw_debug(CPUState *cpu, vaddr addr, void *buf, size_t len,
                        bool is_write);

/* Print the registers of @cpu through its dump_state hook. */
void cpu_dump_state(CPUState *cpu, FILE *f, int flags);

#endif
