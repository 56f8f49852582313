// Berth's nftables table ("table inet berth") through libnftables.
//
// The ruleset text is generated elsewhere (the network's configuration);
// this file only applies it, in one kernel transaction, to the network
// namespace of the calling thread. Nothing outside table inet berth is ever
// touched: text that names any other table, or a top-level command other
// than "table inet berth { ... }", is refused before nftables sees it.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>

namespace berth::net {

// Replaces table inet berth with the one `rulesetText` declares, atomically:
// "add table inet berth; delete table inet berth; <text>" is a single
// transaction, so on any error (syntax, unknown interface, ...) the previous
// table stays as it was. The error message is nftables' own text.
[[nodiscard]] Status applyRuleset(std::string_view rulesetText);

// Deletes table inet berth; succeeds when there is none.
[[nodiscard]] Status removeRuleset();

// "list table inet berth" as nftables prints it; ENOENT when there is no table.
[[nodiscard]] Result<std::string> currentRuleset();

// Checks that `rulesetText` consists only of "table inet berth { ... }"
// blocks (comments and blank lines allowed). EINVAL naming what else it found.
[[nodiscard]] Status checkRulesetScope(std::string_view rulesetText);

} // namespace berth::net
