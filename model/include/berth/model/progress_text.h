// The text of a job's progress as a command line shows it: a bar for
// terminals, a plain line otherwise. Shared by both of berthctl's paths
// (cli/README.md), so a job looks the same whichever follows it.
#pragma once

#include <string>
#include <string_view>

namespace berth::model {

// "[#########...........]  45%  unpacking" in `width` characters at most
// (none when width <= 0); a negative fraction (unknown) shows
// "[  ...  ]" without a percentage. `step` is UTF-8, cut between characters.
[[nodiscard]] std::string progressBarText(double fraction, std::string_view step, int width);
// "45% unpacking", or "unpacking" when the fraction is unknown.
[[nodiscard]] std::string progressLineText(double fraction, std::string_view step);

} // namespace berth::model
