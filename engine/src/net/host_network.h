// A network the host's namespace already uses: the subnet of one of its
// addresses or the destination of one of its routes, with the device it is
// on, so that a refusal can name both.
#pragma once

#include "net/ipv4.h"

#include <string>

namespace berth::net {

struct HostNetwork {
    Ipv4Cidr network;
    std::string device; // "" when not known
    bool route = false; // a route's destination, not an address

    HostNetwork(Ipv4Cidr cidr, std::string dev = {}, bool isRoute = false)
        : network(cidr), device(std::move(dev)), route(isRoute)
    {}

    // "the host's route 172.16.0.0/12 on 'wg0'"; "the host network X" without a device.
    [[nodiscard]] std::string describe() const
    {
        if (device.empty())
            return "the host network " + network.toString();
        return std::string("the host's ") + (route ? "route " : "address ") + network.toString() + " on '" + device +
               "'";
    }
};

} // namespace berth::net
