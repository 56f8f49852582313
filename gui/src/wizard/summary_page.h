// What will be created, before it is: template, options (secrets hidden),
// name, kind, command, network with its address and forwards, limits.
#pragma once

#include "create_plan.h"

#include <QWizardPage>

#include <functional>

class QLabel;

namespace berth::gui {

class SummaryPage : public QWizardPage {
    Q_OBJECT
public:
    using Planner = std::function<CreatePlan()>;

    explicit SummaryPage(Planner planner, QWidget* parent = nullptr);

    void initializePage() override;
    [[nodiscard]] QLabel* text() const { return m_text; }

private:
    [[nodiscard]] static QString describe(const CreatePlan& plan);
    [[nodiscard]] static QString describeLimits(const model::Limits& limits);

    Planner m_planner;
    QLabel* m_text = nullptr;
};

} // namespace berth::gui
