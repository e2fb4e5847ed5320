/*
 * blkzero.c - /bin/blkzero DEV OFFSET LENGTH for the virtio boot test: the
 * BLKZEROOUT ioctl, which Linux sends to virtio-blk as WRITE_ZEROES
 * requests (busybox has no tool for it). Exit status 0 on success, else
 * the errno. Freestanding (raw syscalls), built with the aarch64 cross gcc.
 */
#define SYS_openat  56
#define SYS_ioctl   29
#define SYS_exit    93
#define AT_FDCWD    (-100)
#define O_WRONLY    1
#define BLKZEROOUT  0x127f      /* _IO(0x12, 127) */

static long sys3(long n, long a, long b, long c)
{
    register long x8 __asm__("x8") = n;
    register long x0 __asm__("x0") = a;
    register long x1 __asm__("x1") = b;
    register long x2 __asm__("x2") = c;

    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2)
                     : "memory");
    return x0;
}

static unsigned long num(const char *s)
{
    unsigned long v = 0;

    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (unsigned long)(*s++ - '0');
    }
    return v;
}

void start(long *sp);
void start(long *sp)
{
    char **argv = (char **)(sp + 1);
    unsigned long range[2];
    long fd, r;

    if (sp[0] != 4) {
        sys3(SYS_exit, 22, 0, 0);
    }
    range[0] = num(argv[2]);
    range[1] = num(argv[3]);
    fd = sys3(SYS_openat, AT_FDCWD, (long)argv[1], O_WRONLY);
    if (fd < 0) {
        sys3(SYS_exit, -fd, 0, 0);
    }
    r = sys3(SYS_ioctl, fd, BLKZEROOUT, (long)range);
    sys3(SYS_exit, r < 0 ? -r : 0, 0, 0);
}

__asm__(".globl _start\n_start:\n mov x0, sp\n bl start\n");
