// The Images window: the images in the store (ImageListModel, sortable),
// a pull panel (reference, per-layer progress, Cancel), Remove (asks
// first; a refusal names the containers that use the image) and Prune
// (asks first, then says how much it freed). Everything is asynchronous;
// the list reads itself again after each change.
#pragma once

#include "container_source.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace berth::gui {

class ImageListModel;
class PullPanel;

class ImagesWindow : public QWidget {
    Q_OBJECT
public:
    using Confirm = std::function<bool(const QString& title, const QString& question)>;

    explicit ImagesWindow(ContainerSource& source, QWidget* parent = nullptr);

    void refresh();
    void setConfirmation(Confirm confirm) { m_confirm = std::move(confirm); }
    // Selects the image of `id`; false when it is not listed.
    bool selectImage(const QString& id);
    void removeSelected();
    void prune();

    [[nodiscard]] ImageListModel* model() const { return m_model; }
    [[nodiscard]] QTreeView* view() const { return m_view; }
    [[nodiscard]] PullPanel* pullPanel() const { return m_pull; }
    [[nodiscard]] QPushButton* removeButton() const { return m_remove; }
    [[nodiscard]] QPushButton* pruneButton() const { return m_prune; }
    [[nodiscard]] QLabel* message() const { return m_message; }

private:
    [[nodiscard]] QString selectedId() const;
    void updateButtons();
    void removeFinished(const QString& name, const QStringList& users, const client::Status& status);

    ContainerSource& m_source;
    ImageListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    PullPanel* m_pull = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_prune = nullptr;
    QLabel* m_message = nullptr;
    Confirm m_confirm;
};

} // namespace berth::gui
