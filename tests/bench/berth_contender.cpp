#include "berth_contender.h"

#include <cerrno>
#include <chrono>
#include <cstdio>

namespace berth::bench {

BerthContender::BerthContender(EngineSettings settings) : m_engine(std::move(settings)) {}

BerthContender::~BerthContender()
{
    if (!m_created)
        return;
    if (Status ok = m_engine.destroy(m_name, /*force=*/true); !ok)
        std::fprintf(stderr, "bench: destroy '%s': %s\n", m_name.c_str(), ok.error().describe().c_str());
}

Status BerthContender::create()
{
    const CreateRequest request{.name = m_name, .kind = ContainerKind::Application, .command = {"/bin/true"}};
    if (Status ok = m_engine.create(request); !ok)
        return fail(ok.error().wrap("create '" + m_name + "'"));
    m_created = true;
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

std::filesystem::path BerthContender::rootfs() const
{
    return m_engine.settings().paths.rootfsDir(m_name);
}

} // namespace berth::bench
