// The command lines berthctl's quick path takes (cli/README.md): the few
// forms of the verbs people run most, word for word. Any other line, a
// --help or an option of these verbs included, is the full client's, which
// knows every verb and says what is wrong with a line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace berth::quick {

// berthctl start NAME
struct StartLine {
    std::string name;
};

// berthctl stop NAME [-t|--timeout SECONDS]
struct StopLine {
    std::string name;
    unsigned timeoutSeconds = 0;
};

// berthctl exec [-T|--no-tty] NAME -- COMMAND...
struct ExecLine {
    std::string name;
    std::vector<std::string> command;
    bool noTty = false;
};

using QuickLine = std::variant<StartLine, StopLine, ExecLine>;

// `args`: the words after the program's name. nullopt: the full client's.
[[nodiscard]] std::optional<QuickLine> parseQuickLine(const std::vector<std::string_view>& args);

} // namespace berth::quick
