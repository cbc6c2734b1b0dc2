#pragma once
// The view of the topology canvas: rubber-band selection, zoom (Ctrl+wheel,
// the View menu's actions) and pan (middle button or the scroll bars).

#include <QGraphicsView>

namespace planner {

class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(QGraphicsScene *scene, QWidget *parent = nullptr);

    void zoomIn();
    void zoomOut();
    void zoomToFit();
    double zoom() const { return transform().m11(); }

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void scaleBy(double factor);
};

} // namespace planner
