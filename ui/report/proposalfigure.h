#pragma once
// A picture in the proposal — a scenario's topology, a chart — painted
// straight into the PDF, so lines stay vector and text stays text.
//
// `paint` draws into the rectangle (0, 0, size) in logical pixels at 96 per
// inch, as it would on screen (fonts in points come out the size they are on
// screen); the writer records that and scales it onto the page to the text
// width, keeping the aspect ratio.

#include <QPainter>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <functional>

namespace planner {

struct ProposalFigure {
    QString caption;
    QSizeF size; // logical pixels
    std::function<void(QPainter *painter, const QRectF &target)> paint;
};

} // namespace planner
