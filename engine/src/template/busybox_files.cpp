#include "template/busybox_files.h"

namespace berth::templates {

std::string busyboxPasswd()
{
    return "root:x:0:0:root:/root:/bin/sh\n"
           "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
}

std::string busyboxGroup()
{
    return "root:x:0:\n"
           "tty:x:5:\n"
           "nogroup:x:65534:\n";
}

// Root's password is locked: the console shell needs none, and a login on
// a getty should not be possible until someone sets one.
std::string busyboxShadow()
{
    return "root:*:0:0:99999:7:::\n"
           "nobody:*:0:0:99999:7:::\n";
}

std::string busyboxHosts(std::string_view hostname)
{
    const std::string name(hostname);
    return "127.0.0.1\tlocalhost\n"
           "::1\tlocalhost ip6-localhost ip6-loopback\n"
           "127.0.1.1\t" +
           name + "\n";
}

std::string busyboxInittab(unsigned ttys)
{
    std::string text = "# busybox init, written by Berth\n"
                       "::sysinit:/etc/init.d/rcS\n"
                       "::askfirst:-/bin/sh\n";
    // Only ttys the container is given: init would respawn a getty on a
    // missing device forever.
    for (unsigned i = 1; i <= ttys; ++i) {
        const std::string tty = "tty" + std::to_string(i);
        text += tty + "::respawn:/sbin/getty 38400 " + tty + "\n";
    }
    text += "::ctrlaltdel:/sbin/reboot\n"
            "::shutdown:/bin/sync\n";
    return text;
}

// The engine has already mounted /proc, /sys, /dev, /dev/pts and /dev/shm,
// so this script mounts nothing.
std::string busyboxRcS()
{
    return "#!/bin/sh\n"
           "PATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
           "export PATH\n"
           "if [ -r /etc/hostname ]; then\n"
           "    hostname -F /etc/hostname || echo \"rcS: cannot set the hostname\" >&2\n"
           "fi\n"
           "# A bridged interface Berth did not address gets one by DHCP from the\n"
           "# bridge's dnsmasq, which also learns the container's name from it.\n"
           "if [ -e /sys/class/net/eth0 ] && ! ip -4 addr show dev eth0 | grep -q inet; then\n"
           "    udhcpc -b -S -i eth0 -x hostname:\"$(hostname)\" -s /usr/share/udhcpc/default.script\n"
           "fi\n"
           "for script in /etc/init.d/S??*; do\n"
           "    [ -x \"$script\" ] && \"$script\" start\n"
           "done\n"
           "echo \"Berth: busybox container $(hostname) is up\"\n";
}

std::string busyboxProfile()
{
    return "export PATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
           "export HOME=${HOME:-/root}\n"
           "export PS1='\\u@\\h:\\w\\$ '\n"
           "umask 022\n";
}

// udhcpc runs this with $1 = deconfig, bound, renew, leasefail or nak and
// the lease in its environment (interface, ip, subnet, broadcast, router,
// dns, domain). resolv.conf is rewritten in place, not replaced: the engine
// may have bind-mounted it.
std::string udhcpcScript()
{
    return "#!/bin/sh\n"
           "[ -n \"$1\" ] || { echo \"usage: $0 deconfig|bound|renew|leasefail|nak\" >&2; exit 1; }\n"
           "RESOLV_CONF=/etc/resolv.conf\n"
           "case \"$1\" in\n"
           "deconfig)\n"
           "    ifconfig \"$interface\" 0.0.0.0 up\n"
           "    ;;\n"
           "bound|renew)\n"
           "    ifconfig \"$interface\" \"$ip\" ${subnet:+netmask \"$subnet\"} ${broadcast:+broadcast \"$broadcast\"} "
           "up\n"
           "    if [ -n \"$router\" ]; then\n"
           "        while route del default gw 0.0.0.0 dev \"$interface\" 2>/dev/null; do :; done\n"
           "        metric=0\n"
           "        for gw in $router; do\n"
           "            route add default gw \"$gw\" dev \"$interface\" metric \"$metric\"\n"
           "            metric=$((metric + 1))\n"
           "        done\n"
           "    fi\n"
           "    {\n"
           "        [ -n \"$domain\" ] && echo \"search $domain\"\n"
           "        for ns in $dns; do echo \"nameserver $ns\"; done\n"
           "    } > \"$RESOLV_CONF.udhcpc\"\n"
           "    cat \"$RESOLV_CONF.udhcpc\" > \"$RESOLV_CONF\"\n"
           "    rm -f \"$RESOLV_CONF.udhcpc\"\n"
           "    ;;\n"
           "leasefail|nak)\n"
           "    echo \"udhcpc: no lease on $interface ($1)\" >&2\n"
           "    ;;\n"
           "esac\n"
           "exit 0\n";
}

} // namespace berth::templates
