#include "cgroup/device_rules.h"

#include <array>

namespace berth::cgroup {

namespace {

constexpr DeviceRule charDevice(std::uint32_t major, std::optional<std::uint32_t> minor)
{
    return DeviceRule{DeviceType::Char, major, minor, kDeviceAnyAccess};
}

constexpr std::array kDefaultAllowlist{
    charDevice(1, 3),              // null
    charDevice(1, 5),              // zero
    charDevice(1, 7),              // full
    charDevice(1, 8),              // random
    charDevice(1, 9),              // urandom
    charDevice(5, 0),              // tty
    charDevice(5, 1),              // console
    charDevice(5, 2),              // ptmx
    charDevice(136, std::nullopt), // pts/*
    DeviceRule{DeviceType::Char, std::nullopt, std::nullopt, kDeviceMknod},
    DeviceRule{DeviceType::Block, std::nullopt, std::nullopt, kDeviceMknod},
};

std::string numberText(std::optional<std::uint32_t> number)
{
    return number ? std::to_string(*number) : "*";
}

} // namespace

std::span<const DeviceRule> defaultDeviceAllowlist()
{
    return kDefaultAllowlist;
}

std::string deviceRuleText(const DeviceRule& rule)
{
    std::string text(1, static_cast<char>(rule.type));
    if (rule.type != DeviceType::All)
        text += ' ' + numberText(rule.major) + ':' + numberText(rule.minor);
    text += ' ';
    if (rule.access & kDeviceRead)
        text += 'r';
    if (rule.access & kDeviceWrite)
        text += 'w';
    if (rule.access & kDeviceMknod)
        text += 'm';
    return text;
}

} // namespace berth::cgroup
