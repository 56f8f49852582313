#include "job_follow.h"

#include "berth/model/bus_names.h"
#include "berth/model/progress_text.h"
#include "berth/model/states.h"

#include <systemd/sd-bus.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <poll.h>
#include <string_view>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace berth::quick {
namespace {

constexpr const char* kProperties = "org.freedesktop.DBus.Properties";

void printErr(std::string_view text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
}

int terminalWidth()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    return 80;
}

// SIGINT and SIGTERM as readable events while the job runs; the mask is
// given back before the full client may be executed (it inherits it).
class InterruptEvents {
public:
    InterruptEvents()
    {
        sigset_t interrupts;
        sigemptyset(&interrupts);
        sigaddset(&interrupts, SIGINT);
        sigaddset(&interrupts, SIGTERM);
        ::sigprocmask(SIG_BLOCK, &interrupts, &m_previous);
        m_fd = ::signalfd(-1, &interrupts, SFD_CLOEXEC | SFD_NONBLOCK);
    }
    ~InterruptEvents()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        ::sigprocmask(SIG_SETMASK, &m_previous, nullptr);
    }
    InterruptEvents(const InterruptEvents&) = delete;
    InterruptEvents& operator=(const InterruptEvents&) = delete;

    [[nodiscard]] int fd() const { return m_fd; }
    // Takes the signal off the queue: unblocked, it would end berthctl.
    void consume() const
    {
        signalfd_siginfo info{};
        while (::read(m_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {}
    }

private:
    sigset_t m_previous{};
    int m_fd = -1;
};

// sd_bus_get_timeout's deadline (CLOCK_MONOTONIC, µs) as poll's timeout.
int pollTimeout(sd_bus* bus)
{
    std::uint64_t deadline = 0;
    if (sd_bus_get_timeout(bus, &deadline) < 0 || deadline == UINT64_MAX)
        return -1;
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    const std::uint64_t nowUs = std::uint64_t(now.tv_sec) * 1000000 + std::uint64_t(now.tv_nsec) / 1000;
    return deadline <= nowUs ? 0 : static_cast<int>((deadline - nowUs + 999) / 1000);
}

class Follower {
public:
    Follower(sd_bus* bus, const JobRef& job) : m_bus(bus), m_job(job), m_bar(::isatty(STDERR_FILENO)) {}
    ~Follower()
    {
        for (sd_bus_slot* slot : m_slots)
            sd_bus_slot_unref(slot);
    }
    Follower(const Follower&) = delete;
    Follower& operator=(const Follower&) = delete;

    JobOutcome run()
    {
        InterruptEvents interrupts;
        // Subscribing first, reading second: an end between the two shows
        // up in one or the other (the bus keeps order).
        if (!subscribe())
            return JobOutcome{};
        readInitialState();
        while (!m_outcome)
            waitForEvent(interrupts);
        if (m_bar)
            printErr("\r\033[K");
        return *m_outcome;
    }

private:
    bool subscribe()
    {
        const std::string helper = m_job.helper.empty() ? model::kServiceName : m_job.helper;
        const std::string owner = std::string("type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/"
                                              "DBus',interface='org.freedesktop.DBus',member='NameOwnerChanged',"
                                              "arg0='") +
                                  model::kServiceName + "'";
        const std::string ofJob = "type='signal',sender='" + helper + "',path='" + m_job.path + "'";
        return addMatch(owner, &Follower::onOwnerChanged) &&
               addMatch(ofJob + ",interface='" + model::kJobInterface + "'", &Follower::onJobSignal) &&
               addMatch(ofJob + ",interface='" + kProperties + "',member='PropertiesChanged'",
                        &Follower::onPropertiesChanged);
    }

    bool addMatch(const std::string& rule, sd_bus_message_handler_t handler)
    {
        sd_bus_slot* slot = nullptr;
        if (sd_bus_add_match_async(m_bus, &slot, rule.c_str(), handler, &Follower::onMatchInstalled, this) < 0)
            return false;
        m_slots.push_back(slot);
        return true;
    }

    void readInitialState()
    {
        auto call = newHelperCall(m_bus, m_job.path.c_str(), kProperties, "GetAll");
        if (!call || sd_bus_message_append(call->get(), "s", model::kJobInterface) < 0)
            return finish(JobEnd::Unclear);
        auto reply = callAndWait(m_bus, call->get());
        std::string state;
        bool moved = false;
        if (!reply || !readProperties(reply->get(), &state, &moved))
            return finish(JobEnd::Unclear);
        const auto known = model::parseJobState(state);
        // It failed before we subscribed: the full client shows its step and why.
        if (!known || (model::isFinished(*known) && *known != model::JobState::Succeeded))
            return finish(JobEnd::Unclear);
        if (moved)
            showProgress();
        if (*known == model::JobState::Succeeded)
            finish(JobEnd::Succeeded);
    }

    // Progress and Step from a PropertiesChanged, shown when either came.
    bool applyProperties(sd_bus_message* m)
    {
        bool moved = false;
        if (!readProperties(m, nullptr, &moved))
            return false;
        if (moved)
            showProgress();
        return true;
    }

    // Progress and Step from an a{sv} (`moved` when either came); State too when asked.
    bool readProperties(sd_bus_message* m, std::string* state, bool* moved)
    {
        if (sd_bus_message_enter_container(m, 'a', "{sv}") < 0)
            return false;
        int rc = 0;
        while ((rc = sd_bus_message_enter_container(m, 'e', "sv")) > 0) {
            const char* key = nullptr;
            if (sd_bus_message_read(m, "s", &key) < 0 || !readProperty(m, key, state, moved) ||
                sd_bus_message_exit_container(m) < 0)
                return false;
        }
        return rc >= 0 && sd_bus_message_exit_container(m) >= 0;
    }

    bool readProperty(sd_bus_message* m, std::string_view key, std::string* state, bool* moved)
    {
        const char* text = nullptr;
        if (key == "Progress") {
            *moved = true;
            return sd_bus_message_read(m, "v", "d", &m_progress) >= 0;
        }
        if (key == "Step") {
            *moved = true;
            if (sd_bus_message_read(m, "v", "s", &text) < 0)
                return false;
            m_step = text;
            return true;
        }
        if (key == "State" && state) {
            if (sd_bus_message_read(m, "v", "s", &text) < 0)
                return false;
            *state = text;
            return true;
        }
        return sd_bus_message_skip(m, "v") >= 0;
    }

    void showProgress()
    {
        if (m_bar) {
            printErr("\r\033[K" + model::progressBarText(m_progress, m_step, terminalWidth() - 1));
            return;
        }
        const std::string line = model::progressLineText(m_progress, m_step);
        if (!line.empty() && line != m_lastLine)
            printErr(line + "\n");
        m_lastLine = line;
    }

    void waitForEvent(const InterruptEvents& interrupts)
    {
        const int processed = sd_bus_process(m_bus, nullptr);
        if (processed < 0)
            return finish(JobEnd::Unclear);
        if (processed > 0 || m_outcome)
            return;
        pollfd fds[2] = {{sd_bus_get_fd(m_bus), static_cast<short>(sd_bus_get_events(m_bus)), 0},
                         {interrupts.fd(), POLLIN, 0}};
        if (::poll(fds, 2, pollTimeout(m_bus)) < 0 && errno != EINTR)
            return finish(JobEnd::Unclear);
        if (fds[1].revents & POLLIN) {
            interrupts.consume();
            finish(JobEnd::Interrupted);
        }
    }

    void finish(JobEnd end, CallError error = {})
    {
        if (!m_outcome)
            m_outcome = JobOutcome{end, std::move(error)};
    }

    static int onMatchInstalled(sd_bus_message* reply, void* self, sd_bus_error*)
    {
        // A signal we cannot receive would leave us waiting for ever.
        if (sd_bus_message_is_method_error(reply, nullptr))
            static_cast<Follower*>(self)->finish(JobEnd::Unclear);
        return 0;
    }

    static int onOwnerChanged(sd_bus_message* m, void* self, sd_bus_error*)
    {
        const char* name = nullptr;
        const char* oldOwner = nullptr;
        const char* newOwner = nullptr;
        if (sd_bus_message_read(m, "sss", &name, &oldOwner, &newOwner) >= 0 && oldOwner && *oldOwner)
            static_cast<Follower*>(self)->finish(JobEnd::HelperLeft);
        return 0;
    }

    static int onJobSignal(sd_bus_message* m, void* self, sd_bus_error*)
    {
        auto* follower = static_cast<Follower*>(self);
        if (sd_bus_message_is_signal(m, model::kJobInterface, model::member::kJobLogLine)) {
            const char* line = nullptr;
            if (sd_bus_message_read(m, "s", &line) >= 0)
                printErr(std::string(follower->m_bar ? "\r\033[K" : "") + line + "\n");
            return 0;
        }
        if (!sd_bus_message_is_signal(m, model::kJobInterface, model::member::kJobFinished))
            return 0;
        int success = 0;
        const char* name = nullptr;
        const char* message = nullptr;
        if (sd_bus_message_read(m, "bss", &success, &name, &message) < 0)
            follower->finish(JobEnd::Unclear);
        else if (success)
            follower->finish(JobEnd::Succeeded);
        else
            follower->finish(JobEnd::Failed, CallError{name, message});
        return 0;
    }

    static int onPropertiesChanged(sd_bus_message* m, void* self, sd_bus_error*)
    {
        const char* interface = nullptr;
        if (sd_bus_message_read(m, "s", &interface) >= 0 && std::strcmp(interface, model::kJobInterface) == 0)
            (void)static_cast<Follower*>(self)->applyProperties(m);
        return 0;
    }

    sd_bus* m_bus;
    const JobRef& m_job;
    const bool m_bar;
    std::vector<sd_bus_slot*> m_slots;
    std::optional<JobOutcome> m_outcome;
    double m_progress = -1;
    std::string m_step;
    std::string m_lastLine;
};

} // namespace

JobOutcome followJob(sd_bus* bus, const JobRef& job)
{
    return Follower(bus, job).run();
}

} // namespace berth::quick
