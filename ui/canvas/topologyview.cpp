#include "ui/canvas/topologyview.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace planner {

namespace {
constexpr double kZoomStep = 1.2;
constexpr double kMinZoom = 0.1;
constexpr double kMaxZoom = 4.0;
} // namespace

TopologyView::TopologyView(QGraphicsScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setAcceptDrops(true);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
}

void TopologyView::scaleBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom());
}

void TopologyView::zoomIn()
{
    scaleBy(kZoomStep);
}

void TopologyView::zoomOut()
{
    scaleBy(1 / kZoomStep);
}

void TopologyView::zoomToFit()
{
    const QRectF content = scene()->itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (content.isEmpty())
        return;
    fitInView(content, Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        scaleBy(1.0 / zoom());
    else if (zoom() < kMinZoom)
        scaleBy(kMinZoom / zoom());
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        scaleBy(event->angleDelta().y() > 0 ? kZoomStep : 1 / kZoomStep);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    // Middle button pans.
    if (event->button() == Qt::MiddleButton) {
        setDragMode(ScrollHandDrag);
        QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton, Qt::LeftButton,
                         event->modifiers());
        QGraphicsView::mousePressEvent(&left);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        QMouseEvent left(event->type(), event->position(), event->globalPosition(), Qt::LeftButton, Qt::NoButton,
                         event->modifiers());
        QGraphicsView::mouseReleaseEvent(&left);
        setDragMode(RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace planner
