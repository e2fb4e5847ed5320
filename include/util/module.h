/*
 * module.h - run registration functions before main().
 *
 * Devices, machines, accelerators and CPU models register themselves from
 * their own file, so that adding one never means editing a central list:
 *
 *     static void pl011_register_types(void)
 *     {
 *         type_register_static(&pl011_info);
 *     }
 *     type_init(pl011_register_types)
 *
 * The functions run as ELF constructors, in link order; registries must
 * therefore not depend on each other's order (lookups happen after main()).
 */
#ifndef UTIL_MODULE_H
#define UTIL_MODULE_H

#define type_init(function)                                             \
    static void __attribute__((constructor)) do_type_init_##function(void) \
    {                                                                   \
        function();                                                     \
    }

/* Same mechanism; separate names only say what is being registered. */
#define machine_init(function) type_init(function)
#define accel_init(function) type_init(function)

#endif
