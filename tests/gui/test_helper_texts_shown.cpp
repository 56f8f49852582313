// The helper's English texts reach the user translated: under the German
// translation the New container wizard shows the recorded templates
// (fixtures/templates.json, the helper's own English) and their options in
// German, and so does the system check page with the check's items.
#include "fake_container_source.h"
#include "new_container_wizard.h"
#include "option_field.h"
#include "options_page.h"
#include "system_check_page.h"
#include "template_page.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

using berth::client::CheckItem;
using berth::gui::NewContainerWizard;
using berth::gui::SystemCheckPage;
using berth::test::FakeContainerSource;

namespace {

const QString kFixtures = QStringLiteral(BERTH_GUI_FIXTURES);

QString formLabel(const QWidget* field)
{
    const auto* form = qobject_cast<const QFormLayout*>(field->parentWidget()->layout());
    const auto* label = form ? qobject_cast<const QLabel*>(form->labelForField(const_cast<QWidget*>(field))) : nullptr;
    return label ? label->text() : QString();
}

} // namespace

class TestHelperTextsShown : public QObject {
    Q_OBJECT

    QTranslator m_german;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_german.load(QStringLiteral(":/i18n/berth_de.qm")));
        QVERIFY(QCoreApplication::installTranslator(&m_german));
    }

    void wizardShowsTemplatesInGerman()
    {
        FakeContainerSource source;
        // load() is true for containers only; this file holds templates.
        source.load(kFixtures + QStringLiteral("/templates.json"));
        QCOMPARE(source.templateList.size(), 7);
        NewContainerWizard wizard(source);
        QListWidget* list = wizard.templatePage()->list();
        QTRY_COMPARE(list->count(), 7);
        QVERIFY(wizard.templatePage()->choose(QStringLiteral("debian")));
        QCOMPARE(list->currentItem()->text(),
                 QStringLiteral("Debian\nDebian, mit debootstrap installiert und für den nächsten Container "
                                "zwischengespeichert"));
        wizard.optionsPage()->setTemplate(*wizard.templatePage()->chosen());
        const berth::gui::OptionField* mirror = wizard.optionsPage()->field(QStringLiteral("mirror"));
        QVERIFY(mirror);
        QCOMPARE(formLabel(mirror), QStringLiteral("Spiegelserver:"));
        QCOMPARE(mirror->toolTip(), QStringLiteral("Die http- oder https-URL des Archivs, aus dem installiert wird"));
        const auto* edit = mirror->findChild<QLineEdit*>();
        QVERIFY(edit);
        QCOMPARE(edit->placeholderText(), mirror->toolTip());
        // The option's key and value stay the helper's.
        QCOMPARE(wizard.optionsPage()->values().value(QStringLiteral("variant")), QStringLiteral("minbase"));
        QCOMPARE(wizard.optionsPage()->summary().at(1).first, QStringLiteral("Variante"));
    }

    void systemCheckShowsItemsInGerman()
    {
        FakeContainerSource source;
        const QString ns = QStringLiteral("Namespaces");
        const QString ok = QStringLiteral("ok");
        source.checkItems = {
            CheckItem{ns, QStringLiteral("ns.pid"), QStringLiteral("PID namespace"), ok,
                      QStringLiteral("/proc/self/ns/pid"),
                      QStringLiteral("Containers get their own process tree: PIDs inside start at 1.")},
            // A newer helper's item: shown as it came.
            CheckItem{ns, QStringLiteral("ns.time"), QStringLiteral("Time namespace"), ok, QStringLiteral("found"),
                      QStringLiteral("Containers get clocks of their own.")}};
        SystemCheckPage page(source);
        QSignalSpy checked(&page, &SystemCheckPage::checked);
        QVERIFY(checked.wait());
        const QTreeWidgetItem* group = page.tree()->topLevelItem(0);
        QCOMPARE(group->text(SystemCheckPage::TitleColumn), QStringLiteral("Namensräume"));
        QCOMPARE(group->childCount(), 2);
        QCOMPARE(group->child(0)->text(SystemCheckPage::TitleColumn), QStringLiteral("PID-Namensraum"));
        QCOMPARE(group->child(0)->text(SystemCheckPage::DetailColumn), QStringLiteral("/proc/self/ns/pid"));
        QCOMPARE(group->child(1)->text(SystemCheckPage::TitleColumn), QStringLiteral("Time namespace"));
        page.tree()->setCurrentItem(group->child(0));
        QVERIFY2(page.explanation()->toPlainText().contains(
                     QStringLiteral("Container erhalten einen eigenen Prozessbaum: Die PIDs darin beginnen bei 1.")),
                 qPrintable(page.explanation()->toPlainText()));
    }
};

QTEST_MAIN(TestHelperTextsShown)
#include "test_helper_texts_shown.moc"
