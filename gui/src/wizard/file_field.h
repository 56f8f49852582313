// A File option: a path typed or picked with "Browse…", opened here by the
// GUI (the helper never opens a path a caller names) and handed on as the
// descriptor only. The field owns the descriptor until it is replaced or
// the field goes away.
#pragma once

#include "local_fd.h"
#include "option_field.h"

class QLabel;
class QLineEdit;

namespace berth::gui {

class FileField : public OptionField {
    Q_OBJECT
public:
    explicit FileField(const client::TemplateOption& option, QWidget* parent = nullptr);
    ~FileField() override;

    // Opens `path` for reading; false (and the reason shown) if it cannot
    // be opened or is of a kind the option does not take.
    bool setPath(const QString& path);
    [[nodiscard]] QString path() const { return m_path; }
    // -1 when nothing is open.
    [[nodiscard]] int fd() const { return m_fd.get(); }
    [[nodiscard]] QString problem() const;

    // A file is no option value: it travels as CreateRequest::inputFd.
    [[nodiscard]] QString value() const override { return {}; }
    void setValue(const QString&) override {}
    [[nodiscard]] bool isComplete() const override;
    [[nodiscard]] QString displayValue() const override;

private:
    void browse();
    void browseFolder();
    [[nodiscard]] QString openProblem(const QString& path);

    QLineEdit* m_edit = nullptr;
    QLabel* m_problem = nullptr;
    QString m_path;
    client::LocalFd m_fd;
};

} // namespace berth::gui
