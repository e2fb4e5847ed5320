/*
 * main.c - program entry. The command line and machine start-up live in
 * softmmu/vl.c; this file only hands argv to it.
 */
#include "util/osdep.h"

int main(int argc, char **argv)
{
    printf("plumb %s: skeleton\n", PLUMB_VERSION);
    return 0;
}
