// "Shared folders" of the selected container: its berth.share lines, an Add
// button (a folder of the user's, a path inside, whom the files belong to
// inside) and Remove. The GUI opens the folder itself and passes the
// descriptor (ShareFolder): a folder of the user's own needs no password,
// anyone else's an administrator. Changes apply at the next start, and
// the box says so.
#pragma once

#include "container_source.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace berth::gui {

class SharedFoldersBox : public QWidget {
    Q_OBJECT
public:
    explicit SharedFoldersBox(ContainerSource& source, QWidget* parent = nullptr);

    [[nodiscard]] QListWidget* list() const { return m_list; }
    [[nodiscard]] QLabel* message() const { return m_message; }

    // Shares `folder` at `target` as `insideUser` (what Add does after its dialogs).
    void share(const QString& folder, const QString& target, const QString& insideUser);
    // Stops sharing the selected entry.
    void removeSelected();

public Q_SLOTS:
    // nullptr: nothing selected (the box is disabled).
    void showContainer(const client::ContainerInfo* info);

Q_SIGNALS:
    // The helper took a change for `name`.
    void changed(const QString& name);

private:
    void addClicked();
    void finished(const QString& name, const QString& what, const client::Status& status);

    ContainerSource& m_source;
    QListWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_message = nullptr;
    QString m_name;
};

} // namespace berth::gui
