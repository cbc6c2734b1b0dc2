#pragma once
// The topology canvas: a QGraphicsScene over the current scenario's topology.
//
// It redraws from the plan what each edit touched (core/plan/planchange.h):
// a move moves the server and the links at it, a count or a new part
// recreates that server's items and its links, a new scenario or a loaded
// plan rebuilds everything (items are thin views). It keeps the document's selection and the scene's in step, and
// turns gestures into edits (ui/document/planedits.h): a palette drop, the
// end of a drag of servers (one undo step), and, in connect mode, a line
// drawn from one part to another with the chosen link kind. Problems found by
// core/topology/cluster.h show as badges on the items they concern.

#include "ui/palette/partmimedata.h"

#include <QGraphicsScene>
#include <QString>

#include <map>
#include <set>
#include <unordered_map>
#include <vector>

class QGraphicsLineItem;

namespace planner {

class BadgeItem;
class LinkItem;
class PartsByServer;
class PlanDocument;
class ServerItem;
struct PlanChange;

class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    enum class Mode { Select, Connect };

    explicit TopologyScene(PlanDocument &document, QObject *parent = nullptr);
    ~TopologyScene() override;

    Mode mode() const { return mMode; }
    void setMode(Mode mode);
    QString connectLinkId() const { return mConnectLinkId; }
    void setConnectLinkId(const QString &linkId) { mConnectLinkId = linkId; }

    // The item showing a node or link, for tests and for centring the view.
    QGraphicsItem *itemFor(int id) const;
    int badgeCount() const;
    int itemCount() const { return static_cast<int>(mItems.size()); } // servers, parts and links shown
    void rebuild();
    // Adds a palette part without a drag (the palette's Enter): a part into
    // the one selected server, else a new server right of the drawing; a
    // refusal is a message(). Returns the new node's id, or 0.
    int addPart(const PartReference &part);

signals:
    // A one-line explanation for the status bar (why a drop or link was refused).
    void message(const QString &text);

protected:
    bool event(QEvent *event) override; // a palette change (dark mode) repaints the paper
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void planChanged(const PlanChange &change);
    // Recreates the servers and links that `ids` name or that hold or join them.
    void redraw(const std::set<int> &ids);
    void moveServers(const std::set<int> &ids);
    void addServerItem(int serverId, const PartsByServer &partsIn);
    void addLinkItem(int linkId);
    void forget(QGraphicsItem *item); // drops an item and its children from the index
    int serverOfItem(int id) const;   // the server showing node `id` (itself for a server); 0 if none
    void trackLinksOf(int serverId);
    void removeBadges();
    void addBadges();
    void fitSceneRect();
    void syncSelectionToDocument();
    void commitMovedServers();
    int serverAt(const QPointF &scenePos) const;
    int linkableAt(const QPointF &scenePos) const;

    PlanDocument &mDocument;
    Mode mMode = Mode::Select;
    QString mConnectLinkId = QStringLiteral("nvlink4");
    bool mRebuilding = false;
    int mDragCounter = 0;
    int mConnectFrom = 0;
    QGraphicsLineItem *mConnectLine = nullptr;
    std::unordered_map<int, QGraphicsItem *> mItems; // node and link id -> the item showing it
    std::multimap<int, LinkItem *> mLinksAtServer;   // server id -> the links at it or its parts
    std::vector<QGraphicsItem *> mBadges;
};

} // namespace planner
