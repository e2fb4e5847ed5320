/*
 * pauth-impdef.c - pauth.c on -cpu max,pauth-impdef=on: the same
 * behaviour with the implementation-defined PAC algorithm (ID_AA64ISAR1
 * API/GPI instead of APA/GPA); exact code values are not checked.
 */
#define PAUTH_IMPDEF 1
#include "pauth.c"
