/*
 * tcg-opc.h - the list of TCG IR opcodes, as an X-macro.
 *
 *     DEF(name, nb_oargs, nb_iargs, nb_cargs, flags)
 *
 * Unlike QEMU, an opcode is not split per width: each TCGOp carries its
 * TCGType (I32 or I64) and "add" means add_i32 or add_i64 by that type, so
 * every pass handles both widths in one place. Ops whose operands have
 * different widths (ext_i32_i64, extrl_i64_i32, ...) say so in their name.
 * Constant args (cargs) follow the temp args in op->args[].
 */

/* Control flow and structure. */
DEF(discard, 1, 0, 0, TCG_OPF_NOT_PRESENT)
DEF(set_label, 0, 0, 1, TCG_OPF_BB_END | TCG_OPF_NOT_PRESENT)
/* call: variable args, see TCGOP_CALLO/TCGOP_CALLI; cargs = func, info */
DEF(call, 0, 0, 2, TCG_OPF_CALL_CLOBBER | TCG_OPF_NOT_PRESENT)
DEF(br, 0, 0, 1, TCG_OPF_BB_END)
DEF(brcond, 0, 2, 2, TCG_OPF_BB_END | TCG_OPF_COND_BRANCH)    /* a, b, cond, label */
DEF(mb, 0, 0, 1, TCG_OPF_NOT_PRESENT)
DEF(insn_start, 0, 0, 3, TCG_OPF_NOT_PRESENT)
DEF(exit_tb, 0, 0, 1, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)
DEF(goto_tb, 0, 0, 1, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)
DEF(goto_ptr, 0, 1, 0, TCG_OPF_BB_EXIT | TCG_OPF_BB_END)

DEF(mov, 1, 1, 0, TCG_OPF_NOT_PRESENT)
DEF(setcond, 1, 2, 1, 0)                  /* d = a cond b */
DEF(negsetcond, 1, 2, 1, 0)               /* d = -(a cond b) */
DEF(movcond, 1, 4, 1, 0)                  /* d = (c1 cond c2) ? v1 : v2 */

/* Host memory through a pointer temp (env fields). Type = value width. */
DEF(ld8u, 1, 1, 1, 0)
DEF(ld8s, 1, 1, 1, 0)
DEF(ld16u, 1, 1, 1, 0)
DEF(ld16s, 1, 1, 1, 0)
DEF(ld32u, 1, 1, 1, 0)
DEF(ld32s, 1, 1, 1, 0)
DEF(ld, 1, 1, 1, 0)
DEF(st8, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(st16, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(st32, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)
DEF(st, 0, 2, 1, TCG_OPF_SIDE_EFFECTS)

/* Arithmetic. */
DEF(add, 1, 2, 0, 0)
DEF(sub, 1, 2, 0, 0)
DEF(mul, 1, 2, 0, 0)
DEF(div, 1, 2, 0, 0)                      /* divisor != 0 and no overflow: frontend's job */
DEF(divu, 1, 2, 0, 0)
DEF(rem, 1, 2, 0, 0)
DEF(remu, 1, 2, 0, 0)
DEF(and, 1, 2, 0, 0)
DEF(or, 1, 2, 0, 0)
DEF(xor, 1, 2, 0, 0)
DEF(andc, 1, 2, 0, 0)
DEF(orc, 1, 2, 0, 0)
DEF(eqv, 1, 2, 0, 0)
DEF(nand, 1, 2, 0, 0)
DEF(nor, 1, 2, 0, 0)
DEF(shl, 1, 2, 0, 0)                      /* count taken modulo the width */
DEF(shr, 1, 2, 0, 0)
DEF(sar, 1, 2, 0, 0)
DEF(rotl, 1, 2, 0, 0)
DEF(rotr, 1, 2, 0, 0)
DEF(neg, 1, 1, 0, 0)
DEF(not, 1, 1, 0, 0)
DEF(clz, 1, 2, 0, 0)                      /* d = a ? clz(a) : b */
DEF(ctz, 1, 2, 0, 0)
DEF(ctpop, 1, 1, 0, 0)
DEF(deposit, 1, 2, 2, 0)                  /* d = a with b in [pos, pos+len) */
DEF(extract, 1, 1, 2, 0)                  /* pos, len */
DEF(sextract, 1, 1, 2, 0)
DEF(extract2, 1, 2, 1, 0)                 /* d = (b:a) >> pos */
DEF(ext8s, 1, 1, 0, 0)
DEF(ext8u, 1, 1, 0, 0)
DEF(ext16s, 1, 1, 0, 0)
DEF(ext16u, 1, 1, 0, 0)
DEF(ext32s, 1, 1, 0, 0)                   /* i64 only */
DEF(ext32u, 1, 1, 0, 0)                   /* i64 only */
DEF(ext_i32_i64, 1, 1, 0, 0)              /* op type is I64 */
DEF(extu_i32_i64, 1, 1, 0, 0)
DEF(extrl_i64_i32, 1, 1, 0, 0)            /* op type is I32 */
DEF(extrh_i64_i32, 1, 1, 0, 0)
DEF(bswap16, 1, 1, 1, 0)                  /* flags TCG_BSWAP_* */
DEF(bswap32, 1, 1, 1, 0)
DEF(bswap64, 1, 1, 1, 0)
DEF(add2, 2, 4, 0, 0)                     /* (dl,dh) = (al,ah) + (bl,bh) */
DEF(sub2, 2, 4, 0, 0)
DEF(mulu2, 2, 2, 0, 0)                    /* (dl,dh) = a * b */
DEF(muls2, 2, 2, 0, 0)
DEF(muluh, 1, 2, 0, 0)
DEF(mulsh, 1, 2, 0, 0)

/* Guest memory through the softmmu TLB. Type = value width. */
DEF(qemu_ld, 1, 1, 1, TCG_OPF_CALL_CLOBBER | TCG_OPF_SIDE_EFFECTS)  /* val, addr, oi */
DEF(qemu_st, 0, 2, 1, TCG_OPF_CALL_CLOBBER | TCG_OPF_SIDE_EFFECTS)  /* val, addr, oi */

#undef DEF
