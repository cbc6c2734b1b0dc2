#pragma once
// The canvas's items: thin views of topology nodes and links. Each knows the
// id of what it shows; the scene recreates the items an edit touched from the
// plan, or has a server whose parts are the same ones take their new texts,
// so an item never holds state the plan does not.

#include "core/plan/plan.h"
#include "core/topology/cluster.h"

#include <QGraphicsLineItem>
#include <QGraphicsRectItem>

#include <functional>
#include <vector>

namespace planner {

enum CanvasItemType { ServerItemType = QGraphicsItem::UserType + 1, PartItemType, LinkItemType, BadgeItemType };

// The id of the node or link an item shows (0 for none).
int canvasId(const QGraphicsItem *item);

// A red "!" with the problems as its tooltip.
class BadgeItem : public QGraphicsEllipseItem
{
public:
    BadgeItem(const QStringList &messages, QGraphicsItem *parent);
    int type() const override { return BadgeItemType; }
    QString text() const { return toolTip(); }
};

// A GPU group, CPU, memory, storage or network card inside a server.
class PartItem : public QGraphicsRectItem
{
public:
    PartItem(const TopologyNode &node, const PartSnapshot &parts, double width, QGraphicsItem *parent);
    int type() const override { return PartItemType; }
    int nodeId() const { return mNodeId; }
    static constexpr double kHeight = 38;
    // The node's texts now; repaints only if they changed.
    void showTexts(const TopologyNode &node, const PartSnapshot &parts);

protected:
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int mNodeId;
    NodeKind mKind;
    QString mTitle;
    QString mDetail;
};

class ServerItem : public QGraphicsRectItem
{
public:
    // `contents`: the server's parts (PartsByServer::of), drawn in that order.
    ServerItem(const TopologyNode &server, const std::vector<const TopologyNode *> &contents,
               const PartSnapshot &parts);
    int type() const override { return ServerItemType; }
    int nodeId() const { return mNodeId; }
    QString header() const { return mTitle + QLatin1Char('\n') + mSubtitle; }
    static constexpr double kWidth = 300;
    // Called with the server's id whenever it moves (a drag or an undo), so
    // the scene can make the links at its parts follow.
    void setMoveHandler(std::function<void(int)> handler) { mMoved = std::move(handler); }
    // Shows the server's new texts and its parts' in place when its parts are
    // the same nodes in the same order (a count or a name edited: at 4,096
    // GPUs, redrawing the server, its parts and its links cost an edit some
    // 3 ms); false, changing nothing, when the scene must make it anew.
    bool takeTexts(const TopologyNode &server, const std::vector<const TopologyNode *> &contents,
                   const PartSnapshot &parts);

protected:
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void showHeader(const TopologyNode &server, const PartSnapshot &parts);

    int mNodeId;
    QString mTitle;
    QString mSubtitle;
    bool mCloud = false;
    std::function<void(int)> mMoved;
};

class LinkItem : public QGraphicsLineItem
{
public:
    LinkItem(const TopologyLink &link, const PartSnapshot &parts, QGraphicsItem *from, QGraphicsItem *to);
    int type() const override { return LinkItemType; }
    int linkId() const { return mLinkId; }
    int fromId() const { return mFrom; }
    int toId() const { return mTo; }
    // Follows its ends when a server is dragged.
    void track();
    QRectF boundingRect() const override;

protected:
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int mLinkId;
    int mFrom;
    int mTo;
    QGraphicsItem *mFromItem;
    QGraphicsItem *mToItem;
    QString mLabel;
    QRectF mLabelRect; // scene coordinates of the label box
};

} // namespace planner
