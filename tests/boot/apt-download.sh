# apt-download.sh - sourced by the scripts that fetch guests and firmware
# from Debian's apt packages (fetch-guest.sh, uboot/, edk2/, installer/,
# virtio/modules.sh): one way to download .debs, with retries.
#
# apt_download DIR PKG...  downloads PKG... into DIR (emptied first), three
# attempts 5 s and 10 s apart. On failure it exits the calling script: 2
# when the Debian mirror is unreachable (callers report a skip, saying
# so), 1 otherwise (a reachable mirror that failed is a test failure).
apt_download() {
    local dir=$1 attempt
    shift
    rm -rf "$dir"; mkdir -p "$dir"
    for attempt in 1 2 3; do
        if (cd "$dir" && apt-get download -q "$@" >&2); then
            return 0
        fi
        echo "$(basename "$0"): apt-get download $* failed (attempt $attempt)" >&2
        [ "$attempt" = 3 ] || sleep $((attempt * 5))
    done
    if ! getent hosts deb.debian.org >/dev/null 2>&1; then
        echo "$(basename "$0"): the Debian mirror is unreachable" >&2
        exit 2
    fi
    exit 1
}
