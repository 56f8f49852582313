// Following a job to its end as the full client's followJob does
// (cli/src/session.h): its progress on stderr (a bar on a terminal, step
// lines otherwise: model/progress_text.h), its log lines, its end. What
// needs words the quick path does not have goes to the full client, and
// the outcome says which: a failure, an interrupt (Ctrl-C cancels the job
// there), the helper leaving, an end that could not be read here.
#pragma once

#include "helper_bus.h"

namespace berth::quick {

enum class JobEnd {
    Succeeded,
    Failed,      // `error` says why
    Interrupted, // SIGINT or SIGTERM: the full client cancels the job
    HelperLeft,  // the helper left the bus, and the job with it
    Unclear,     // the full client follows the job again and says how it ended
};

struct JobOutcome {
    JobEnd end = JobEnd::Unclear;
    CallError error;
};

// A job of `job.helper`'s that reports no items (a stop's).
[[nodiscard]] JobOutcome followJob(sd_bus* bus, const JobRef& job);

} // namespace berth::quick
