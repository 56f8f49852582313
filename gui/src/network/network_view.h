// The network page: each bridge as a box (name, subnet, NAT) with the
// containers attached to it below (name, address, forwards), joined by
// lines. Bridges stand in columns in the order the helper lists them and
// containers in their bridge's order, so the layout is the same every time.
// A container shows the addresses its interfaces have now, or, stopped,
// what is reserved for it; links that are down are drawn dashed. While
// shown it asks the source again every few seconds. Clicking a container
// emits containerActivated().
#pragma once

#include "container_source.h"

#include <QGraphicsView>
#include <QMap>

#include <memory>

class QGraphicsItem;
class QGraphicsRectItem;
class QTimer;

namespace berth::gui {

class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr qreal kColumnWidth = 260;
    static constexpr qreal kBridgeHeight = 64;
    static constexpr int kRefreshMs = 5000;

    explicit NetworkView(ContainerSource& source, QWidget* parent = nullptr);

    // Draws what it is given; containers not named by a bridge are left out.
    void setData(const QList<client::Bridge>& bridges, const QList<client::ContainerInfo>& containers,
                 const QMap<QString, QStringList>& forwards);
    // Asks the source for bridges, then the attached containers and their forwards.
    void refresh();

    [[nodiscard]] QGraphicsItem* bridgeItem(const QString& name) const { return m_bridges.value(name); }
    [[nodiscard]] QGraphicsItem* containerItem(const QString& name) const { return m_containers.value(name); }
    [[nodiscard]] int bridgeCount() const { return int(m_bridges.size()); }
    [[nodiscard]] int containerCount() const { return int(m_containers.size()); }
    // Whether the item of a bridge or container is drawn with its link up.
    [[nodiscard]] static bool isLinkUp(const QGraphicsItem* item);
    [[nodiscard]] bool isRefreshing() const;

Q_SIGNALS:
    void containerActivated(const QString& name);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Pending;
    void fetchContainers(const QList<client::Bridge>& bridges);
    void addBridge(const client::Bridge& bridge, qreal x);
    qreal addContainer(const QString& name, const client::ContainerInfo* info, const QStringList& forwards,
                       QPointF topLeft, qreal trunkX);
    QGraphicsRectItem* addBox(const QRectF& rect, const QStringList& lines, bool emphasised);
    [[nodiscard]] QString describe(const QList<client::Bridge>& bridges,
                                   const QMap<QString, const client::ContainerInfo*>& byName) const;

    ContainerSource& m_source;
    QGraphicsScene* m_scene = nullptr;
    QMap<QString, QGraphicsItem*> m_bridges;
    QMap<QString, QGraphicsItem*> m_containers;
    int m_generation = 0; // answers to an older refresh() are dropped
    QTimer* m_timer = nullptr;
};

} // namespace berth::gui
