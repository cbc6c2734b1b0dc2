#pragma once
// Pieces every analysis chart uses: a titled chart, value axes with units,
// horizontal and vertical marker lines (SLOs, capacity, the maximum rate),
// and the unit a series' tooltip names.

#include <QCoreApplication>
#include <QString>

#include <QtCharts/QChart>

class QLineSeries;
class QLogValueAxis;
class QAbstractSeries;
class QValueAxis;

namespace planner {

struct VersionEstimate;

// The translation context of the chart texts (lupdate reads AnalysisCharts::tr).
class AnalysisCharts
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisCharts)
};

// A chart with a title and its legend at the bottom; the caller owns it. It
// takes the dark theme under a dark application palette, unless a
// PrintedCharts is alive.
QChart *newChart(const QString &title);

// While one exists, newChart() makes light charts whatever the palette: the
// proposal prints on white paper.
class PrintedCharts
{
public:
    PrintedCharts();
    ~PrintedCharts();
    PrintedCharts(const PrintedCharts &) = delete;
    PrintedCharts &operator=(const PrintedCharts &) = delete;

private:
    bool mWasPrinting;
};

// A value axis titled with its unit, starting at zero, added to `chart` on `side`.
QValueAxis *addValueAxis(QChart *chart, const QString &title, Qt::Alignment side);

// A base-2 logarithmic axis along the bottom (concurrency, prompt lengths
// and server counts double from point to point), from the power of two at or
// below `lowest` to the one at or above `highest`.
QLogValueAxis *addLogAxis(QChart *chart, const QString &title, double lowest, double highest);

// "What: model version", the title of a chart about one version.
QString versionTitle(const QString &what, const VersionEstimate &version);

// Says under the chart's title why it has nothing to draw.
void explainEmpty(QChart *chart, const QString &why);

// Series hold their values' unit and decimals for tooltips (see ChartView).
void setTooltipUnit(QAbstractSeries *series, const QString &unit, int decimals);
QString tooltipUnit(const QAbstractSeries *series);
int tooltipDecimals(const QAbstractSeries *series);

// A dashed line from (x0, y) to (x1, y), or a vertical one from (x, y0) to (x, y1),
// attached to the given axes.
QLineSeries *addMarkerLine(QChart *chart, const QString &name, QPointF from, QPointF to, QAbstractAxis *x,
                           QAbstractAxis *y, const QColor &color);

// The top of a value axis showing curves up to `largestValue` and a target:
// the target when it is within 4x of the curves, else the curves alone (a
// target far above them would flatten them into the axis); targetName then
// says the target lies above the chart.
double axisTopFor(double largestValue, double target);
QString targetName(const QString &name, double largestValue, double target);

// Scales the chart's title, legend and axis fonts by `factor`: small charts
// (the side-by-side dock, a printed page) keep their labels whole.
void scaleFonts(QChart *chart, double factor);

// Fits the categories of the chart's bar axes into about `pixels` of width
// in all: a beginning every name shares ("DeepSeek-R1-Distill-") becomes
// "…", and each name breaks into lines at spaces and hyphens, so the names
// stay apart in a narrow chart.
void wrapCategories(QChart *chart, int pixels);
// The property of a wrapped bar axis that keeps its names as they were built.
inline constexpr char kFullCategories[] = "fullCategories";

// Stretches an axis so every value (and a little headroom) is visible.
void fitAxis(QValueAxis *axis, double largestValue);

} // namespace planner
