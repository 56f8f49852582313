// Reading debootstrap's output: which stage it is in and roughly how far
// it has come, for the progress of a debian/ubuntu creation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace berth::templates {

struct DebootstrapStage {
    std::string step;    // "Retrieving packages"
    double fraction = 0; // of the whole debootstrap run, 0..1
};

// Follows debootstrap's "I: ..." lines. Its stages come in a fixed order
// (retrieve, validate, extract, unpack, configure); the fraction moves
// through each stage's share as its lines arrive, never backwards, since
// the number of packages is not known up front.
class DebootstrapProgressParser {
public:
    // The stage after `line`, or nothing when the line says nothing new.
    std::optional<DebootstrapStage> feed(std::string_view line);
    // The last "E: ..." line (without the prefix), for the error message.
    [[nodiscard]] const std::string& lastError() const { return m_lastError; }

private:
    int m_stage = -1;
    int m_linesInStage = 0;
    double m_fraction = 0;
    std::string m_lastError;
};

} // namespace berth::templates
