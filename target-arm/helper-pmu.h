/*
 * helper-pmu.h - DEF_HELPER lines of the PMU (pmu.c): the call generated
 * code makes when an event budget runs out (a counter overflows).
 * No include guard: target-arm/helper.h is expanded several times.
 */
DEF_HELPER_FLAGS_1(pmu_budget, TCG_CALL_NO_RWG, void, env)
