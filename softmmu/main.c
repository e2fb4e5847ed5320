/*
 * main.c - program entry. The command line and machine start-up live in
 * softmmu/vl.c; this file only hands argv to it (unit-test programs link
 * everything but this file).
 */
#include "util/osdep.h"
#include "sysemu/sysemu.h"

int main(int argc, char **argv)
{
    return qemu_main(argc, argv);
}
