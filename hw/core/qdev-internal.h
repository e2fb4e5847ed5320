/*
 * qdev-internal.h - what the files of hw/core share and nobody else needs.
 */
#ifndef HW_CORE_QDEV_INTERNAL_H
#define HW_CORE_QDEV_INTERNAL_H

#include "hw/qdev.h"

/* Turn the class chain's Property arrays into object properties of @dev,
 * with their defaults stored (qdev-properties.c). */
void qdev_add_class_properties(DeviceState *dev);

#endif
