#include "core/layer_fetcher.h"

#include "fs/lock_file.h"
#include "image_store/layer_store.h"
#include "registry/blob_fetch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <unistd.h>

namespace berth {

namespace {

using namespace std::chrono_literals;

constexpr std::size_t kWorkers = 3;

class LayerFetcher {
public:
    LayerFetcher(registry::Session& session, const registry::RemoteImage& remote, const image_store::StoreDirs& dirs,
                 std::vector<registry::LayerDescriptor> todo)
        : m_session(session), m_remote(remote), m_dirs(dirs), m_todo(std::move(todo)),
          m_child([this](const ProgressEvent& e) { queue(e); }, &m_stop)
    {}

    Status run(const Progress& progress);

private:
    void work();
    Status fetchOne(const registry::LayerDescriptor& layer);
    void queue(const ProgressEvent& event);
    void failed(Error error);
    void relay(const Progress& progress);

    registry::Session& m_session;
    const registry::RemoteImage& m_remote;
    const image_store::StoreDirs& m_dirs;
    std::vector<registry::LayerDescriptor> m_todo;
    std::atomic<bool> m_stop{false};
    Progress m_child;
    std::atomic<std::size_t> m_next{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<ProgressEvent> m_events;
    std::size_t m_running = 0;
    std::optional<Error> m_error;
};

void LayerFetcher::queue(const ProgressEvent& event)
{
    const std::lock_guard lock(m_mutex);
    m_events.push_back(event);
    m_wake.notify_all();
}

void LayerFetcher::failed(Error error)
{
    const std::lock_guard lock(m_mutex);
    // The first real failure wins over the cancels it caused in the others.
    if (!m_error || (m_error->code == ECANCELED && error.code != ECANCELED))
        m_error = std::move(error);
    m_stop = true;
    m_wake.notify_all();
}

Status LayerFetcher::fetchOne(const registry::LayerDescriptor& layer)
{
    auto blob = registry::fetchBlob(m_session, m_remote.reference, layer, m_dirs.downloadsFd.get(), m_child);
    if (!blob)
        return fail(blob.error());
    m_child.item({layer.digest, "extracting", 0, layer.size});
    auto stored = image_store::storeLayer(m_dirs, blob->get(), layer.diffId, layer.size, layer.digest, m_child);
    if (!stored)
        return fail(stored.error());
    // The blob is not needed once its layer is in the store.
    if (auto hex = image_store::digestHex(layer.digest))
        ::unlinkat(m_dirs.downloadsFd.get(), hex->c_str(), 0);
    m_child.item({layer.digest, stored->existed ? "exists" : "done", layer.size, layer.size});
    return {};
}

void LayerFetcher::work()
{
    for (std::size_t i; !m_stop && (i = m_next++) < m_todo.size();)
        if (auto ok = fetchOne(m_todo[i]); !ok)
            failed(ok.error());
    const std::lock_guard lock(m_mutex);
    --m_running;
    m_wake.notify_all();
}

// Reports what the workers queued, on this thread, until all are done.
void LayerFetcher::relay(const Progress& progress)
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, 100ms, [&] { return !m_events.empty() || m_running == 0; });
        auto events = std::exchange(m_events, {});
        const bool done = m_running == 0;
        lock.unlock();
        for (const ProgressEvent& e : events)
            if (e.item)
                progress.item(*e.item);
        if (progress.cancelled())
            m_stop = true;
        if (done)
            return;
        lock.lock();
    }
}

Status LayerFetcher::run(const Progress& progress)
{
    const std::size_t count = std::min(kWorkers, m_todo.size());
    std::vector<std::jthread> workers;
    m_running = count;
    for (std::size_t i = 0; i < count; ++i)
        workers.emplace_back([this] { work(); });
    relay(progress);
    workers.clear();
    if (m_error)
        return fail(*m_error);
    return progress.check();
}

// After a failure or a cancel: the partial and complete downloads of
// layers not in the store, each under its blob's lock (another pull may be
// fetching it).
void discardDownloads(const image_store::StoreDirs& dirs, const std::vector<registry::LayerDescriptor>& layers)
{
    for (const registry::LayerDescriptor& layer : layers) {
        auto hex = image_store::digestHex(layer.digest);
        if (!hex)
            continue;
        auto lock = fs::lockFileAt(dirs.downloadsFd.get(), *hex + ".lock", false);
        if (!lock)
            continue;
        for (const std::string& name : {*hex + ".partial", *hex, *hex + ".lock"})
            ::unlinkat(dirs.downloadsFd.get(), name.c_str(), 0);
    }
}

} // namespace

Status fetchLayers(registry::Session& session, const registry::RemoteImage& remote, const image_store::StoreDirs& dirs,
                   const Progress& progress)
{
    std::vector<registry::LayerDescriptor> todo;
    for (const registry::LayerDescriptor& layer : remote.layers) {
        if (std::ranges::any_of(todo, [&](const auto& t) { return t.diffId == layer.diffId; }))
            continue;
        const bool exists = image_store::layerExists(dirs, layer.diffId);
        progress.item({layer.digest, exists ? "exists" : "waiting", exists ? layer.size : 0, layer.size});
        if (!exists)
            todo.push_back(layer);
    }
    if (todo.empty())
        return progress.check();
    auto ok = LayerFetcher(session, remote, dirs, todo).run(progress);
    if (!ok)
        discardDownloads(dirs, todo);
    return ok;
}

} // namespace berth
