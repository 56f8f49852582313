#include "help_menu.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

struct Help {
    Q_DECLARE_TR_FUNCTIONS(Help)
};

QString plain(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text.remove(QStringLiteral("…"));
}

void addRows(QList<ShortcutRow>& rows, const QString& where, const QList<QAction*>& actions)
{
    for (const QAction* action : actions) {
        if (action->menu())
            addRows(rows, where + QStringLiteral(" → ") + plain(action->text()), action->menu()->actions());
        else if (!action->shortcut().isEmpty())
            rows << ShortcutRow{where, plain(action->text()), action->shortcut().toString(QKeySequence::NativeText)};
    }
}

// A window of text that stays open beside the main window.
QDialog* textWindow(QWidget* parent, const QString& title, const std::function<void(QTextBrowser*)>& fill)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* browser = new QTextBrowser(dialog);
    browser->setOpenExternalLinks(true);
    fill(browser);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    const QFontMetrics metrics = browser->fontMetrics();
    dialog->resize(metrics.averageCharWidth() * 90, metrics.height() * 32);
    dialog->show();
    return dialog;
}

QString shortcutsHtml(const QList<ShortcutRow>& rows)
{
    QString html = QStringLiteral("<table cellpadding='4'>");
    for (const ShortcutRow& row : rows) {
        const QString what = row.where.isEmpty() ? row.what : Help::tr("%1 → %2").arg(row.where, row.what);
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(row.keys.toHtmlEscaped(), what.toHtmlEscaped());
    }
    html += QStringLiteral("</table><p>%1</p>")
                .arg(Help::tr("Menus open with Alt and their underlined letter; Tab and Shift+Tab move between "
                              "the filter, the list and the details.")
                         .toHtmlEscaped());
    return html;
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(
        parent, Help::tr("About Berth"),
        Help::tr("<h3>Berth %1</h3><p>Create, run and watch local Linux containers: system containers that boot a "
                 "distribution, and application containers that run one command, with limits you change while "
                 "they run.</p><p>Built with Qt %2. The manual is in Help → Berth Manual; the command line "
                 "tool is <tt>berthctl</tt>.</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion())));
}

} // namespace

QList<ShortcutRow> shortcutRows(const QMainWindow& window)
{
    QList<ShortcutRow> rows;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->menu())
            addRows(rows, plain(menu->text()), menu->menu()->actions());
    }
    addRows(rows, QString(), window.actions());
    return rows;
}

QString manualText()
{
    QFile file(QStringLiteral(":/berth/manual.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QMenu* addHelpMenu(QMainWindow& window)
{
    QMenu* help = window.menuBar()->addMenu(Help::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* manual = help->addAction(Help::tr("Berth &Manual"), &window, [&window] {
        textWindow(&window, Help::tr("Berth Manual"),
                   [](QTextBrowser* browser) { browser->setMarkdown(manualText()); });
    });
    manual->setShortcut(QKeySequence::HelpContents);
    help->addAction(Help::tr("&Keyboard Shortcuts"), &window, [&window] {
        textWindow(&window, Help::tr("Keyboard Shortcuts — Berth"),
                   [&window](QTextBrowser* browser) { browser->setHtml(shortcutsHtml(shortcutRows(window))); });
    });
    help->addSeparator();
    help->addAction(Help::tr("&About Berth"), &window, [&window] { showAbout(&window); });
    help->addAction(Help::tr("About &Qt"), &window, [] { QApplication::aboutQt(); });
    return help;
}

} // namespace berth::gui
