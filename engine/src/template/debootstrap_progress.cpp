#include "template/debootstrap_progress.h"

#include <algorithm>

namespace berth::templates {

namespace {

struct Stage {
    const char* verb;    // the word after "I: "
    int order;           // Retrieving and Validating alternate: one stage
    const char* step;    // shown to people
    double start, width; // the stage's share of the run
};

// Shares measured roughly on a minbase bookworm run: downloading
// dominates, configuring is next.
constexpr Stage kStages[] = {
    {"Retrieving", 0, "Downloading packages", 0.00, 0.50},  {"Validating", 0, "Downloading packages", 0.00, 0.50},
    {"Extracting", 1, "Extracting packages", 0.50, 0.10},   {"Unpacking", 2, "Unpacking packages", 0.60, 0.15},
    {"Configuring", 3, "Configuring packages", 0.75, 0.24},
};

constexpr std::string_view kSuccess = "Base system installed successfully.";

const Stage* stageOf(std::string_view message)
{
    for (const Stage& stage : kStages) {
        const std::string_view verb = stage.verb;
        if (message.starts_with(verb) && (message.size() == verb.size() || message[verb.size()] == ' '))
            return &stage;
    }
    return nullptr;
}

} // namespace

std::optional<DebootstrapStage> DebootstrapProgressParser::feed(std::string_view line)
{
    if (line.starts_with("E: ")) {
        m_lastError = std::string(line.substr(3));
        return std::nullopt;
    }
    if (!line.starts_with("I: "))
        return std::nullopt;
    const std::string_view message = line.substr(3);
    if (message == kSuccess) {
        m_fraction = 1;
        return DebootstrapStage{"Base system installed", 1};
    }
    const Stage* stage = stageOf(message);
    // A stage seen again later never moves the progress back.
    if (!stage || stage->order < m_stage)
        return std::nullopt;
    if (stage->order != m_stage) {
        m_stage = stage->order;
        m_linesInStage = 0;
    }
    ++m_linesInStage;
    // An unknown number of packages: approach the stage's end, never reach it.
    const double within = static_cast<double>(m_linesInStage) / (m_linesInStage + 100);
    m_fraction = std::max(m_fraction, stage->start + stage->width * within);
    return DebootstrapStage{stage->step, m_fraction};
}

} // namespace berth::templates
