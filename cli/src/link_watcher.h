// Host links as berthctl autostart waits for them: whether a link exists
// and is up, and a NETLINK_ROUTE socket subscribed to link changes (any
// process may listen) so that waiting is driven by the kernel's events,
// never by polling.
#pragma once

#include "local_fd.h"

#include <QString>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace berth::cli {

enum class LinkState { Missing, Down, Up };

// In berthctl's own network namespace. Up means administratively up
// (IFF_UP): a bridge without ports has no carrier yet is ready for one.
[[nodiscard]] LinkState linkState(const QString& name);

class LinkWatcher {
public:
    LinkWatcher();
    ~LinkWatcher();
    LinkWatcher(const LinkWatcher&) = delete;
    LinkWatcher& operator=(const LinkWatcher&) = delete;

    // Subscribes to RTNLGRP_LINK; onChange runs (from the event loop) after
    // any link was added, removed or changed. Returns an errno text on failure.
    [[nodiscard]] QString start(std::function<void()> onChange);

private:
    void drain();

    client::LocalFd m_fd;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::function<void()> m_onChange;
};

} // namespace berth::cli
