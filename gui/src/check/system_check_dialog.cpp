#include "system_check_dialog.h"

#include "system_check_page.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

namespace berth::gui {

SystemCheckDialog::SystemCheckDialog(ContainerSource& source, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("System Check"));
    m_page = new SystemCheckPage(source, this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &SystemCheckDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_page, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

} // namespace berth::gui
