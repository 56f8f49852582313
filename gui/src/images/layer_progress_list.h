// A pull's layers, one row each: the short digest, its phase and bytes of
// total in words, and a bar. Rows come in the order the job names them.
#pragma once

#include <QMap>
#include <QWidget>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace berth::gui {

class LayerProgressList : public QWidget {
    Q_OBJECT
public:
    explicit LayerProgressList(QWidget* parent = nullptr);

    // What JobHandle::itemProgress says of one item.
    void setItem(const QString& item, const QString& phase, quint64 done, quint64 total);
    void clear();

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] QProgressBar* bar(const QString& item) const;
    [[nodiscard]] QString text(const QString& item) const;
    // The bytes of all layers so far, and of all whose size is known.
    [[nodiscard]] quint64 doneBytes() const;
    [[nodiscard]] quint64 totalBytes() const;

private:
    struct Row {
        QLabel* label = nullptr;
        QProgressBar* bar = nullptr;
        quint64 done = 0;
        quint64 total = 0;
    };
    Row& rowFor(const QString& item);

    QVBoxLayout* m_layout = nullptr;
    QMap<QString, Row> m_rows;
};

} // namespace berth::gui
