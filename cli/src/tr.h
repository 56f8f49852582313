// The translation context of berthctl's messages.
#pragma once

#include <QCoreApplication>

namespace berth::cli {

struct Cli {
    Q_DECLARE_TR_FUNCTIONS(berthctl)
};

} // namespace berth::cli
