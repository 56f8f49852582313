#include "berth_contender.h"

#include "berth/model/id_map.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace berth::bench {

namespace {

// The first block of Berth's range on a default install (_berth:1000000000:1000000000).
constexpr std::uint32_t kFirstBlock = 1000000000;

// The file the verification run writes in the container's root.
constexpr const char* kUidMapCopy = "berth-bench-uid-map";

} // namespace

BerthContender::BerthContender(EngineSettings settings, std::string name, bool privileged)
    : m_engine(std::move(settings)), m_name(std::move(name)), m_privileged(privileged)
{}

BerthContender::~BerthContender()
{
    if (!m_created)
        return;
    if (Status ok = m_engine.destroy(m_name, /*force=*/true); !ok)
        std::fprintf(stderr, "bench: destroy '%s': %s\n", m_name.c_str(), ok.error().describe().c_str());
}

Status BerthContender::create()
{
    const CreateRequest request{
        .name = m_name, .kind = ContainerKind::Application, .privileged = m_privileged, .command = {"/bin/true"}};
    if (Status ok = m_engine.create(request); !ok)
        return fail(ok.error().wrap("create '" + m_name + "'"));
    m_created = true;
    return m_privileged ? Status{} : ensureIdMap(kFirstBlock);
}

Status BerthContender::ensureIdMap(std::uint32_t base)
{
    const auto file = m_engine.settings().paths.configFile(m_name);
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("lxc.idmap") != std::string::npos)
        return {};
    std::ofstream out(file, std::ios::app);
    for (const model::IdMapEntry& entry : model::blockIdMap(base).entries)
        out << "lxc.idmap = " << model::formatIdMapEntry(entry) << '\n';
    if (!out.flush())
        return failWith(EIO, "cannot write the ID map", file.string());
    return {};
}

Result<double> BerthContender::runOnce()
{
    const auto begin = std::chrono::steady_clock::now();
    if (Status ok = m_engine.start(m_name); !ok)
        return fail(ok.error().wrap("start '" + m_name + "'"));
    Result<ContainerState> state = m_engine.waitStopped(m_name, std::chrono::seconds(10));
    const auto end = std::chrono::steady_clock::now();
    if (!state)
        return fail(state.error().wrap("wait for '" + m_name + "'"));
    if (!state->lastExit || state->lastExit->shellStatus() != 0) {
        const int status = state->lastExit ? state->lastExit->shellStatus() : -1;
        return failWith(EIO, "'/bin/true' in '" + m_name + "' ended with status " + std::to_string(status),
                        state->lastError);
    }
    return std::chrono::duration<double, std::milli>(end - begin).count();
}

Result<std::uint32_t> BerthContender::hostRoot()
{
    const auto copy = rootfs() / kUidMapCopy;
    const std::string script = std::string("cat /proc/self/uid_map > /") + kUidMapCopy;
    if (Status ok = m_engine.start(m_name, {.command = {"/bin/sh", "-c", script}}); !ok)
        return fail(ok.error().wrap("start '" + m_name + "'"));
    if (auto state = m_engine.waitStopped(m_name, std::chrono::seconds(10)); !state)
        return fail(state.error());
    std::ifstream in(copy);
    std::uint32_t inside = 1, host = 0;
    in >> inside >> host;
    std::error_code ec;
    std::filesystem::remove(copy, ec);
    if (!in || inside != 0)
        return failWith(EIO, "'" + m_name + "' wrote no uid_map", copy.string());
    return host;
}

std::filesystem::path BerthContender::rootfs() const
{
    return m_engine.settings().paths.rootfsDir(m_name);
}

} // namespace berth::bench
