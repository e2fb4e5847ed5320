/*
 * vl.c - the command line and machine start-up (qemu_main()).
 */
#include "util/osdep.h"
#include "sysemu/sysemu.h"
#include "util/error.h"

const char *const target_names[] = { "aarch64", "ppc64", "x86_64", NULL };
static const char *cur_target = "aarch64";

Chardev *serial_hds[MAX_SERIAL_PORTS];
bool nographic;
bool no_defaults;
bool autostart = true;
const char *display_type;
const char *vm_name;
const char *incoming_uri;
const char *bios_dir;
const char *gdbstub_spec;
bool semihosting_enabled;
const char *semihosting_target = "auto";

const char *target_name(void)
{
    return cur_target;
}

bool target_set(const char *name, GError **errp)
{
    for (const char *const *t = target_names; *t; t++) {
        if (!strcmp(*t, name)) {
            cur_target = *t;
            return true;
        }
    }
    error_setg(errp, "unknown target '%s' (aarch64, ppc64, x86_64)", name);
    return false;
}

Chardev *serial_hd(int i)
{
    return i >= 0 && i < MAX_SERIAL_PORTS ? serial_hds[i] : NULL;
}
