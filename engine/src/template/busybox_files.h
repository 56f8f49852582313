// The text of the configuration files of a busybox rootfs.
#pragma once

#include <string>
#include <string_view>

namespace berth::templates {

[[nodiscard]] std::string busyboxPasswd();
[[nodiscard]] std::string busyboxGroup();
[[nodiscard]] std::string busyboxShadow();
[[nodiscard]] std::string busyboxHosts(std::string_view hostname);
// An inittab for busybox init with a getty on tty1..ttys.
[[nodiscard]] std::string busyboxInittab(unsigned ttys);
[[nodiscard]] std::string busyboxRcS();
[[nodiscard]] std::string busyboxProfile();
[[nodiscard]] std::string udhcpcScript();

} // namespace berth::templates
