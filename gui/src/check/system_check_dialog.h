// The system check page in a dialog of its own (Help menu, first start).
#pragma once

#include "container_source.h"

#include <QDialog>

namespace berth::gui {

class SystemCheckPage;

class SystemCheckDialog : public QDialog {
    Q_OBJECT
public:
    explicit SystemCheckDialog(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] SystemCheckPage* page() const { return m_page; }

private:
    SystemCheckPage* m_page = nullptr;
};

} // namespace berth::gui
