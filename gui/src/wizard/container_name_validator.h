// Container names as typed in the wizard: the engine's rule
// (^[a-z0-9][a-z0-9_.-]{0,62}$, berth/names.h) and not already taken.
// Anything else is Intermediate, never Invalid, so that a wrong key press
// still reaches the field and the reason can be shown under it.
#pragma once

#include <QSet>
#include <QValidator>

namespace berth::gui {

class ContainerNameValidator : public QValidator {
    Q_OBJECT
public:
    static constexpr int kMaxLength = 63;

    using QValidator::QValidator;

    void setTaken(const QSet<QString>& names) { m_taken = names; }
    [[nodiscard]] const QSet<QString>& taken() const { return m_taken; }

    // Empty when `name` is acceptable, else why not, for people.
    [[nodiscard]] QString problem(const QString& name) const;

    State validate(QString& input, int& position) const override;

private:
    QSet<QString> m_taken;
};

} // namespace berth::gui
