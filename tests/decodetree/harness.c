/*
 * harness.c - checks the decoder that scripts/decodetree.py generates from
 * harness.decode: which trans_ function runs, with which arguments, and
 * what happens when a trans_ function declines an encoding. Prints TAP
 * lines without a plan (tests/unit/test-decodetree.sh numbers them).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct DisasContext {
    char got[128];
    int param;
    bool reject_special;
} DisasContext;

static int times8(DisasContext *ctx, int x)
{
    return x * 8;
}

static int ctx_param(DisasContext *ctx)
{
    return ctx->param;
}

#include "harness-decode.c.inc"

#define REC(...) snprintf(ctx->got, sizeof(ctx->got), __VA_ARGS__)

static bool trans_ADD(DisasContext *ctx, arg_ADD *a)
{
    REC("ADD %d %d %d", a->rd, a->rn, a->rm);
    return true;
}

static bool trans_SUB(DisasContext *ctx, arg_rrr *a)
{
    REC("SUB %d %d %d", a->rd, a->rn, a->rm);
    return true;
}

static bool trans_ORR(DisasContext *ctx, arg_rrr *a)
{
    REC("ORR %d %d %d", a->rd, a->rn, a->rm);
    return true;
}

static bool trans_MOVI(DisasContext *ctx, arg_MOVI *a)
{
    REC("MOVI %d %d", a->rd, a->imm);
    return true;
}

static bool trans_HL(DisasContext *ctx, arg_HL *a)
{
    REC("HL %d %d", a->rd, a->imm);
    return true;
}

static bool trans_FN(DisasContext *ctx, arg_FN *a)
{
    REC("FN %d %d %d", a->v, a->p, a->k);
    return true;
}

static bool trans_SPECIAL(DisasContext *ctx, arg_empty *a)
{
    if (ctx->reject_special) {
        return false;
    }
    REC("SPECIAL");
    return true;
}

static bool trans_GENERAL(DisasContext *ctx, arg_GENERAL *a)
{
    REC("GENERAL %d", a->imm);
    return true;
}

static bool trans_NA(DisasContext *ctx, arg_NA *a)
{
    if (a->rd == 0) {
        return false;
    }
    REC("NA %d", a->rd);
    return true;
}

static bool trans_NB(DisasContext *ctx, arg_NB *a)
{
    REC("NB %d", a->rd);
    return true;
}

static bool trans_NC(DisasContext *ctx, arg_NC *a)
{
    REC("NC %d", a->rd);
    return true;
}

static bool trans_HI1(DisasContext *ctx, arg_empty *a) { REC("HI1"); return true; }
static bool trans_HI2(DisasContext *ctx, arg_empty *a) { REC("HI2"); return true; }
static bool trans_HI3(DisasContext *ctx, arg_HI3 *a) { REC("HI3 %d", a->rd); return true; }
static bool trans_HI4(DisasContext *ctx, arg_HI4 *a) { REC("HI4 %d", a->rd); return true; }

static const struct {
    const char *name;
    uint32_t insn;
    int param;
    bool reject_special;
    const char *want;       /* NULL: the decoder must return false */
} cases[] = {
    { "format fields", 0x01050082, 0, false, "ADD 2 4 5" },
    { "second pattern of a format", 0x013f03ff, 0, false, "SUB 31 31 31" },
    { "third pattern of a format", 0x01400000, 0, false, "ORR 0 0 0" },
    { "format fixed bits still checked", 0x01000400, 0, false, NULL },
    { "unallocated op value", 0x01600000, 0, false, NULL },
    { "signed inline field, negative", 0x02ffff38, 0, false, "MOVI 7 -1" },
    { "signed inline field, positive", 0x027fff00, 0, false, "MOVI 0 32767" },
    { "ignored bits do not matter", 0x02000007, 0, false, "MOVI 0 0" },
    { "two-segment signed field", 0x03803005, 0, false, "HL 3 -123" },
    { "two-segment field, positive", 0x0370000f, 0, false, "HL 0 127" },
    { "function field and param and const", 0x04000050, 42, false,
      "FN 40 42 7" },
    { "overlap group: first accepts", 0x05000000, 0, false, "SPECIAL" },
    { "overlap group: first declines", 0x05000000, 0, true, "GENERAL 0" },
    { "overlap group: only second matches", 0x05123456, 0, false,
      "GENERAL 1193046" },
    { "no-overlap subgroup: NA", 0x06000005, 0, false, "NA 5" },
    { "no-overlap subgroup: NA declines, NC", 0x06000000, 0, false, "NC 0" },
    { "no-overlap subgroup: NB", 0x06800001, 0, false, "NB 1" },
    { "switch tree: HI1", 0x8fffffff, 0, false, "HI1" },
    { "switch tree: HI2", 0x90000000, 0, false, "HI2" },
    { "switch tree: HI3", 0xc000000a, 0, false, "HI3 10" },
    { "switch tree: HI4", 0xc800000f, 0, false, "HI4 15" },
    { "switch tree: unallocated 0xa", 0xa0000000, 0, false, NULL },
    { "all ones is unallocated", 0xffffffff, 0, false, NULL },
    { "zero is unallocated", 0x00000000, 0, false, NULL },
};

int main(void)
{
    int bad = 0;
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        DisasContext ctx = { .param = cases[i].param,
                             .reject_special = cases[i].reject_special };
        bool ok = decode(&ctx, cases[i].insn);
        bool pass;
        if (cases[i].want == NULL) {
            pass = !ok;
        } else {
            pass = ok && strcmp(ctx.got, cases[i].want) == 0;
        }
        if (!pass) {
            printf("# insn 0x%08x: expected %s, got %s\n", cases[i].insn,
                   cases[i].want ? cases[i].want : "no match",
                   ok ? ctx.got : "no match");
            bad++;
        }
        printf("%s - decode %s\n", pass ? "ok" : "not ok", cases[i].name);
    }
    return bad != 0;
}
