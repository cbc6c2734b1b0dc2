#include "ui/charts/chartsupport.h"

#include "core/plan/planevaluation.h"
#include "ui/canvas/canvascolours.h"

#include <QGuiApplication>
#include <QPen>
#include <QTextDocument>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

bool gPrinting = false;

} // namespace

PrintedCharts::PrintedCharts()
    : mWasPrinting(gPrinting)
{
    gPrinting = true;
}

PrintedCharts::~PrintedCharts()
{
    gPrinting = mWasPrinting;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    // First: a theme resets the chart's fonts, colours and background.
    if (!gPrinting && isDarkPalette(QGuiApplication::palette()))
        chart->setTheme(QChart::ChartThemeDark);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation); // charts follow every edit: no lag behind it
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setLocalizeNumbers(true); // axis labels with the locale's digit grouping: 2,000,000
    return chart;
}

QLogValueAxis *addLogAxis(QChart *chart, const QString &title, double lowest, double highest)
{
    auto *axis = new QLogValueAxis;
    axis->setBase(2);
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setRange(lowest, std::max(highest, lowest * 2));
    axis->setMinorTickCount(0);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QString versionTitle(const QString &what, const VersionEstimate &v)
{
    return AnalysisCharts::tr("%1: %2").arg(what, QString::fromStdString(v.modelName));
}

void explainEmpty(QChart *chart, const QString &why)
{
    // Rich text: a plain title is one line, elided where the reason begins.
    const QString title = Qt::mightBeRichText(chart->title()) ? chart->title() : chart->title().toHtmlEscaped();
    chart->setTitle(QStringLiteral("%1<br><i>%2</i>").arg(title, why.toHtmlEscaped()));
}

QValueAxis *addValueAxis(QChart *chart, const QString &title, Qt::Alignment side)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setMin(0);
    axis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(axis, side);
    return axis;
}

void setTooltipUnit(QAbstractSeries *series, const QString &unit, int decimals)
{
    series->setProperty("tooltipUnit", unit);
    series->setProperty("tooltipDecimals", decimals);
}

QString tooltipUnit(const QAbstractSeries *series)
{
    return series->property("tooltipUnit").toString();
}

int tooltipDecimals(const QAbstractSeries *series)
{
    const QVariant decimals = series->property("tooltipDecimals");
    return decimals.isValid() ? decimals.toInt() : 2;
}

double axisTopFor(double largestValue, double target)
{
    return target <= 4 * largestValue ? std::max(largestValue, target) : largestValue;
}

QString targetName(const QString &name, double largestValue, double target)
{
    return target <= axisTopFor(largestValue, target) ? name : AnalysisCharts::tr("%1 (above the chart)").arg(name);
}

QLineSeries *addMarkerLine(QChart *chart, const QString &name, QPointF from, QPointF to, QAbstractAxis *x,
                           QAbstractAxis *y, const QColor &color)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->append(from);
    line->append(to);
    QPen pen(color);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    line->setPen(pen);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    return line;
}

void fitAxis(QValueAxis *axis, double largestValue)
{
    if (!(largestValue > 0) || !std::isfinite(largestValue))
        largestValue = 1;
    axis->setRange(0, largestValue * 1.1);
    axis->applyNiceNumbers();
    // Plain figures, never "2e+06": as many decimals as the scale needs.
    const double top = axis->max();
    axis->setLabelFormat(top >= 10  ? QStringLiteral("%.0f")
                         : top >= 1 ? QStringLiteral("%.1f")
                                    : QStringLiteral("%.3f"));
}

} // namespace planner
