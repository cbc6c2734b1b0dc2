#include "ui/charts/chartdata.h"

#include <QDataStream>
#include <QIODevice>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>

namespace planner {

namespace {

// Everything of an axis a chart is drawn with but its range and ticks.
void describeAxis(QDataStream &out, const QAbstractAxis *axis)
{
    out << QByteArray(axis->metaObject()->className()) << int(axis->alignment()) << axis->titleText()
        << axis->isVisible() << axis->labelsVisible() << axis->isGridLineVisible() << axis->labelsFont()
        << axis->titleFont() << axis->labelsAngle() << axis->labelsColor() << axis->linePen() << axis->gridLinePen()
        << axis->isReverse();
    if (const auto *values = qobject_cast<const QValueAxis *>(axis))
        out << values->labelFormat() << values->minorTickCount() << int(values->tickType());
    else if (const auto *log = qobject_cast<const QLogValueAxis *>(axis))
        out << log->labelFormat() << log->base() << log->minorTickCount();
    // Other axes (bar categories) are described whole, names included.
    for (const QByteArray &name : axis->dynamicPropertyNames())
        out << name << axis->property(name.constData());
    if (!qobject_cast<const QValueAxis *>(axis) && !qobject_cast<const QLogValueAxis *>(axis))
        out << axis->property("categories");
}

// Everything of a series but its points or bar values.
void describeSeries(QDataStream &out, const QChart *chart, QAbstractSeries *series)
{
    out << QByteArray(series->metaObject()->className()) << series->isVisible() << series->opacity();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (const QAbstractAxis *axis : series->attachedAxes())
        out << int(axes.indexOf(axis));
    for (const QByteArray &name : series->dynamicPropertyNames())
        out << name << series->property(name.constData());
    if (const auto *xy = qobject_cast<const QXYSeries *>(series)) {
        out << xy->pen() << xy->brush() << xy->pointsVisible() << xy->pointLabelsVisible() << xy->pointLabelsFormat()
            << xy->pointLabelsFont() << xy->pointLabelsColor();
        if (const auto *scatter = qobject_cast<const QScatterSeries *>(series))
            out << int(scatter->markerShape()) << scatter->markerSize() << scatter->borderColor();
    } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
        out << bars->barWidth() << bars->isLabelsVisible() << bars->labelsFormat() << int(bars->labelsPosition());
        for (QBarSet *set : bars->barSets())
            out << set->label() << set->pen() << set->brush() << set->labelColor() << set->labelFont()
                << int(set->count());
    }
}

// The make-up of a chart: what must match for one to take the other's data.
QByteArray makeUp(const QChart *chart)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << chart->titleFont() << chart->titleBrush() << int(chart->theme()) << chart->backgroundBrush()
        << chart->margins() << chart->isDropShadowEnabled() << chart->legend()->isVisible()
        << int(chart->legend()->alignment()) << chart->legend()->font() << int(chart->legend()->markerShape());
    out << chart->axes().size() << chart->series().size();
    for (const QAbstractAxis *axis : chart->axes())
        describeAxis(out, axis);
    for (QAbstractSeries *series : chart->series())
        describeSeries(out, chart, series);
    return bytes;
}

void takeSeriesData(QAbstractSeries *shown, const QAbstractSeries *fresh)
{
    if (shown->name() != fresh->name())
        shown->setName(fresh->name()); // its legend entry follows
    if (auto *xy = qobject_cast<QXYSeries *>(shown)) {
        const QList<QPointF> points = static_cast<const QXYSeries *>(fresh)->points();
        if (xy->points() != points)
            xy->replace(points);
    } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(shown)) {
        const QList<QBarSet *> sets = bars->barSets();
        const QList<QBarSet *> freshSets = static_cast<const QAbstractBarSeries *>(fresh)->barSets();
        for (qsizetype s = 0; s < sets.size(); ++s)
            for (int i = 0; i < sets[s]->count(); ++i)
                if (sets[s]->at(i) != freshSets[s]->at(i))
                    sets[s]->replace(i, freshSets[s]->at(i));
    }
}

// Each setter that changes something makes Qt Charts measure the axis'
// labels again (and, when their size changes, lay the chart out again), so
// only what differs is set.
void takeAxisRange(QAbstractAxis *shown, const QAbstractAxis *fresh)
{
    if (auto *values = qobject_cast<QValueAxis *>(shown)) {
        const auto *from = static_cast<const QValueAxis *>(fresh);
        if (values->tickCount() != from->tickCount())
            values->setTickCount(from->tickCount());
        if (values->tickAnchor() != from->tickAnchor())
            values->setTickAnchor(from->tickAnchor());
        if (values->tickInterval() != from->tickInterval())
            values->setTickInterval(from->tickInterval());
        if (values->min() != from->min() || values->max() != from->max())
            values->setRange(from->min(), from->max());
    } else if (auto *log = qobject_cast<QLogValueAxis *>(shown)) {
        const auto *from = static_cast<const QLogValueAxis *>(fresh);
        if (log->min() != from->min() || log->max() != from->max())
            log->setRange(from->min(), from->max());
    }
}

} // namespace

bool takeDataOf(QChart *shown, QChart *fresh)
{
    if (!shown || !fresh || makeUp(shown) != makeUp(fresh))
        return false;
    const QList<QAbstractAxis *> axes = shown->axes();
    const QList<QAbstractAxis *> freshAxes = fresh->axes();
    for (qsizetype i = 0; i < axes.size(); ++i)
        takeAxisRange(axes[i], freshAxes[i]);
    const QList<QAbstractSeries *> series = shown->series();
    const QList<QAbstractSeries *> freshSeries = fresh->series();
    for (qsizetype i = 0; i < series.size(); ++i)
        takeSeriesData(series[i], freshSeries[i]);
    if (shown->title() != fresh->title())
        shown->setTitle(fresh->title());
    return true;
}

} // namespace planner
