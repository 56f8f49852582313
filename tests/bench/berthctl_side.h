// Berth's side of bench_cli: the BUILT berth-helper activated on a private
// bus with the real polkitd (tests/system's harness, as bench_helper and
// bench_images use it), and berthctl command lines as root and as the
// bench's member of group berth (through setpriv). berthctl finds the bus
// through BERTH_BUS_ADDRESS, which setpriv passes on.
#pragma once

#include "bench_member.h"
#include "command.h"
#include "system_bus.h"

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::bench {

class BerthctlSide {
public:
    BerthctlSide(const BenchMember& member, std::filesystem::path log) : m_member(member), m_log(std::move(log)) {}
    BerthctlSide(const BerthctlSide&) = delete;
    BerthctlSide& operator=(const BerthctlSide&) = delete;
    // Destroys every container there is (forced), removes every image
    // (image prune --all), then stops the bus.
    ~BerthctlSide();

    [[nodiscard]] Status startBus(const std::filesystem::path& stateRoot, const std::string& cgroupParent);

    // berthctl ARGS, as root or as the member.
    [[nodiscard]] Argv root(const Argv& args) const;
    [[nodiscard]] Argv member(const Argv& args) const;
    // Runs one untimed; an error with berthctl's complaint when it fails.
    [[nodiscard]] Status run(const Argv& argv) const;
    // Captures stdout of a berthctl command run as root.
    [[nodiscard]] Result<std::string> output(const Argv& args) const;
    // The names `berthctl list --names` prints.
    [[nodiscard]] Result<std::vector<std::string>> names() const;

    // Every container (forced), then every image.
    void destroyAll();

private:
    const BenchMember& m_member;
    std::filesystem::path m_log;
    berth::test::SystemBus m_bus;
    bool m_started = false;
};

} // namespace berth::bench
