// The templates a container can be created from, the options each one
// takes, and how a long creation reports progress and is cancelled.
#pragma once

#include "berth/container_kind.h"
#include "berth/error.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

enum class OptionType {
    String,
    Boolean,   // "true" or "false"
    Integer,   // decimal, within [minimum, maximum]
    Choice,    // one of `choices`
    List,      // words separated by commas or spaces ("vim,less curl")
    Container, // the name of an existing container
    File,      // not a value: the caller passes CreateRequest::inputFd
    Secret,    // a string that is never shown or logged (passwords)
};

struct TemplateOption {
    std::string key; // "release"
    OptionType type = OptionType::String;
    std::string label;                // English, short: "Release"
    std::string description;          // English, one sentence for a tooltip
    std::string defaultValue;         // as text; empty: no default
    std::vector<std::string> choices; // Choice: the allowed values, in the order to offer them
    bool required = false;
    std::int64_t minimum = 0, maximum = 0; // Integer
    // File: the descriptor may be a directory (an OCI layout, an LXC container).
    bool acceptsDirectory = false;
    // File: the descriptor may be a regular file or a pipe (an archive).
    bool acceptsFile = true;
    // A value other than defaultValue changes where the container's code
    // comes from (a distribution mirror): only an administrator may choose it.
    bool changesSource = false;
};

struct TemplateInfo {
    std::string name;        // "debian"
    std::string label;       // "Debian"
    std::string description; // English, one sentence
    ContainerKind defaultKind = ContainerKind::System;
    std::vector<TemplateOption> options;
};

// Option values by key, as text.
using TemplateOptions = std::map<std::string, std::string, std::less<>>;

// Every template the engine knows, in the order a wizard offers them.
[[nodiscard]] const std::vector<TemplateInfo>& templateCatalog();
// nullptr when there is no such template.
[[nodiscard]] const TemplateInfo* findTemplate(std::string_view name);

// Checks `given` against the template's options (unknown keys, values of
// the wrong type, out of range or not among the choices, missing required
// ones: EINVAL naming the option) and returns it with the defaults filled in.
[[nodiscard]] Result<TemplateOptions> validateTemplateOptions(const TemplateInfo& info, const TemplateOptions& given);

// Splits a List value into its words.
[[nodiscard]] std::vector<std::string> splitListOption(std::string_view value);

// One thing a creation tells its caller: the step it is in, how far the
// whole creation has come (0..1, or negative when unknown), or a line of
// the log of a program it runs (debootstrap).
// One item of a long operation that moves on by itself: a layer of an
// image being pulled (issue #21). Reported as it changes, at most a few
// times a second per item.
struct ItemProgress {
    std::string id;    // "sha256:<hex>" of the blob
    std::string phase; // "waiting", "downloading", "verifying", "extracting", "done", "exists"
    std::uint64_t done = 0;
    std::uint64_t total = 0; // 0: unknown
};

struct ProgressEvent {
    std::string step;
    double fraction = -1;
    std::string logLine;
    std::optional<ItemProgress> item; // set: only this item moved on
};

// Handed to a long operation: where it reports, and a flag another thread
// sets to ask it to stop. Reports are made on the operation's own thread.
class Progress {
public:
    Progress() = default;
    Progress(std::function<void(const ProgressEvent&)> report, const std::atomic<bool>* cancelRequested)
        : m_report(std::move(report)), m_cancel(cancelRequested)
    {}

    void step(std::string_view step, double fraction) const;
    void log(std::string_view line) const;
    void item(const ItemProgress& item) const;
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    // ECANCELED once a cancel was asked for, so a loop can `if (auto c = progress.check(); !c) return c;`.
    [[nodiscard]] Status check() const;

private:
    std::function<void(const ProgressEvent&)> m_report;
    const std::atomic<bool>* m_cancel = nullptr;
};

} // namespace berth
