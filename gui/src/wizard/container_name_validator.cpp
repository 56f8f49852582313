#include "container_name_validator.h"

#include "berth/model/container_name.h"

namespace berth::gui {

namespace {

// The character to name: the model sees UTF-8 bytes, people see characters.
QChar badChar(const QString& name)
{
    for (const QChar c : name) {
        const char ascii = c.toLatin1();
        if (c.unicode() > 0x7f ||
            model::checkContainerName(std::string("a") + ascii).problem != model::NameProblem::None)
            return c;
    }
    return {};
}

} // namespace

QString ContainerNameValidator::problem(const QString& name) const
{
    using model::NameProblem;
    const QByteArray bytes = name.toUtf8();
    const model::NameCheck check = model::checkContainerName(std::string_view(bytes.constData(), size_t(bytes.size())));
    switch (check.problem) {
    case NameProblem::None:
        break;
    case NameProblem::Empty:
        return tr("Enter a name for the container.");
    case NameProblem::TooLong:
        return tr("The name is longer than %1 characters.").arg(kMaxLength);
    case NameProblem::DotName:
    case NameProblem::BadLead:
        return tr("The name must start with a lowercase letter or a digit.");
    case NameProblem::BadChar:
        return tr("The name contains '%1'; allowed are a-z, 0-9, '_', '.' and '-'.").arg(badChar(name));
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
