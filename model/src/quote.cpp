#include "berth/model/quote.h"

namespace berth::model {

std::string quoteForMessage(std::string_view text)
{
    static constexpr std::size_t kMaxQuoted = 120;
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "'";
    for (std::size_t i = 0; i < text.size() && i < kMaxQuoted; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > kMaxQuoted)
        out += "...";
    return out + "'";
}

} // namespace berth::model
