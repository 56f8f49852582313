// A value inside an English message.
#pragma once

#include <string>
#include <string_view>

namespace berth::model {

// 'text' for a message: control characters escaped, long text cut short.
[[nodiscard]] std::string quoteForMessage(std::string_view text);

} // namespace berth::model
