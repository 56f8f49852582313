// The bridge wizard's last page: what will be sent, and the helper's
// refusal if there is one (the wizard then stays open on this page).
#pragma once

#include <QWizardPage>

class QLabel;

namespace berth::gui {

class BridgeSummaryPage : public QWizardPage {
    Q_OBJECT
public:
    explicit BridgeSummaryPage(QWidget* parent = nullptr);

    void setSummary(const QString& text);
    void setMessage(const QString& text);
    [[nodiscard]] QLabel* message() const { return m_message; }

private:
    QLabel* m_summary = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace berth::gui
