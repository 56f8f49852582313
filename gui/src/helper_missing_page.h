// Shown instead of the list when the helper cannot be reached: what is
// wrong and how to install it.
#pragma once

#include <QWidget>

class QLabel;

namespace berth::gui {

class HelperMissingPage : public QWidget {
    Q_OBJECT
public:
    explicit HelperMissingPage(QWidget* parent = nullptr);

    // The bus's own words, shown below the explanation.
    void setDetail(const QString& detail);

Q_SIGNALS:
    void retryRequested();

private:
    QLabel* m_detail = nullptr;
};

} // namespace berth::gui
