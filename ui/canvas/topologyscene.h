#pragma once
// The topology canvas: a QGraphicsScene over the current scenario's topology.
//
// It rebuilds its items from the plan whenever the plan changes (items are
// thin views), keeps the document's selection and the scene's in step, and
// turns gestures into edits (ui/document/planedits.h): a palette drop, the
// end of a drag of servers (one undo step), and, in connect mode, a line
// drawn from one part to another with the chosen link kind. Problems found by
// core/topology/cluster.h show as badges on the items they concern.

#include <QGraphicsScene>
#include <QString>

class QGraphicsLineItem;

namespace planner {

class PlanDocument;

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
    void rebuild();

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
};

} // namespace planner
