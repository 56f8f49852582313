#include "container_name_validator.h"

namespace berth::gui {
namespace {

bool isLeadChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

bool isNameChar(QChar c)
{
    return isLeadChar(c) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
}

} // namespace

QString ContainerNameValidator::problem(const QString& name) const
{
    if (name.isEmpty())
        return tr("Enter a name for the container.");
    if (name.size() > kMaxLength)
        return tr("The name is longer than %1 characters.").arg(kMaxLength);
    if (!isLeadChar(name.front()))
        return tr("The name must start with a lowercase letter or a digit.");
    for (const QChar c : name) {
        if (!isNameChar(c))
            return tr("The name contains '%1'; allowed are a-z, 0-9, '_', '.' and '-'.").arg(c);
    }
    if (m_taken.contains(name))
        return tr("A container named '%1' exists already.").arg(name);
    return {};
}

QValidator::State ContainerNameValidator::validate(QString& input, int&) const
{
    return problem(input).isEmpty() ? Acceptable : Intermediate;
}

} // namespace berth::gui
