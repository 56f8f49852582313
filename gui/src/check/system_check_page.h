// What the host can do for containers (the helper's SystemCheck): items
// grouped as the helper groups them, each with an icon for its status, its
// title and what was found; the selected item's explanation below. Group
// titles, item titles and explanations in the user's language (HelperTexts).
#pragma once

#include "container_source.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace berth::gui {

class SystemCheckPage : public QWidget {
    Q_OBJECT
public:
    enum Column { TitleColumn, DetailColumn };

    // Runs the check at once.
    explicit SystemCheckPage(ContainerSource& source, QWidget* parent = nullptr);

    // Something Berth cannot run containers without is missing (see
    // essential_checks.h). False until the check has answered.
    [[nodiscard]] bool hasEssentialMissing() const;
    // As shown: the texts translated.
    [[nodiscard]] const QList<client::CheckItem>& items() const { return m_items; }
    [[nodiscard]] QTreeWidget* tree() const { return m_tree; }
    [[nodiscard]] QTextBrowser* explanation() const { return m_explanation; }
    [[nodiscard]] QLabel* message() const { return m_message; }
    // The status icon of "ok", "missing" or "limited".
    [[nodiscard]] static QIcon statusIcon(const QString& status);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // The check answered and the tree shows it.
    void checked();

private:
    void showItems(const QList<client::CheckItem>& items);
    QTreeWidgetItem* groupItem(const QString& group);
    void showExplanation();

    ContainerSource& m_source;
    QTreeWidget* m_tree = nullptr;
    QTextBrowser* m_explanation = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_refresh = nullptr;
    QList<client::CheckItem> m_items;
};

} // namespace berth::gui
