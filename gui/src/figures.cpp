#include "figures.h"

#include "berth/model/units.h"

#include <QCoreApplication>

namespace berth::gui {
namespace {

// The translation context the unit words always had.
struct Units {
    Q_DECLARE_TR_FUNCTIONS(Units)
};

} // namespace

QString formatBytes(quint64 bytes)
{
    return QString::fromStdString(model::formatSize(bytes, model::SizeStyle::Long));
}

QString formatDuration(qint64 seconds)
{
    using Form = model::DurationParts::Form;
    const model::DurationParts parts = model::splitDuration(seconds);
    switch (parts.form) {
    case Form::Seconds:
        return Units::tr("%1 s").arg(parts.first);
    case Form::Minutes:
        return Units::tr("%1 min").arg(parts.first);
    case Form::HoursMinutes:
        return Units::tr("%1 h %2 min").arg(parts.first).arg(parts.second, 2, 10, QLatin1Char('0'));
    case Form::DaysHours:
        break;
    }
    return Units::tr("%1 d %2 h").arg(parts.first).arg(parts.second);
}

} // namespace berth::gui
