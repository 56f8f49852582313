// Progress reports and cancellation of long operations.
#include "berth/templates.h"

#include "berth/model/trace.h"

namespace berth {

void Progress::step(std::string_view step, double fraction) const
{
    trace::point("engine", step);
    if (m_report)
        m_report(ProgressEvent{.step = std::string(step), .fraction = fraction, .logLine = {}, .item = {}});
}

void Progress::log(std::string_view line) const
{
    if (m_report)
        m_report(ProgressEvent{.step = {}, .fraction = -1, .logLine = std::string(line), .item = {}});
}

void Progress::item(const ItemProgress& item) const
{
    if (m_report)
        m_report(ProgressEvent{.step = {}, .fraction = -1, .logLine = {}, .item = item});
}

Status Progress::check() const
{
    if (cancelled())
        return failWith(ECANCELED, "cancelled");
    return {};
}

} // namespace berth
