/*
 * migration.h - starting a migration (softmmu/migration.c): QMP `migrate`
 * calls migration_start_outgoing(), `-incoming URI` calls
 * migration_listen_incoming() once the machine exists.
 */
#ifndef MIGRATION_MIGRATION_H
#define MIGRATION_MIGRATION_H

#include "util/osdep.h"

/* Stop the VM and send its state to @uri ("unix:PATH"); synchronous. */
bool migration_start_outgoing(const char *uri, GError **errp);
/*
 * Wait for a migration on @uri: the VM stays in "inmigrate" until one has
 * been loaded, then runs if @autostart (no -S).
 */
bool migration_listen_incoming(const char *uri, bool autostart, GError **errp);

/*
 * Can this machine migrate? false with @errp naming every device that has
 * no migration support (no vmsd, or one marked unmigratable).
 */
bool migration_check_devices(GError **errp);

#endif
