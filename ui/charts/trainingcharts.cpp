#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/format/estimatetext.h"
#include "ui/format/money.h"

#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace planner {

namespace {

// Why a training version has no curve: its verdict's reason, or that it was not estimated.
QString noCurveReason(const VersionEstimate &version)
{
    if (!version.training)
        return AnalysisCharts::tr("not estimated: %1").arg(versionProblem(version, {}));
    return versionProblem(version, {});
}

// The scaling curve's points that fit, or nothing (with the reason shown).
std::vector<TrainingScalePoint> fittingPoints(QChart *chart, const VersionEstimate &version,
                                              const std::vector<TrainingScalePoint> &curve)
{
    std::vector<TrainingScalePoint> points;
    std::copy_if(curve.begin(), curve.end(), std::back_inserter(points),
                 [](const TrainingScalePoint &p) { return p.fits; });
    if (points.empty())
        explainEmpty(chart, noCurveReason(version));
    return points;
}

// The horizontal axis: servers like the drawn ones, from 1 to `most`.
QLogValueAxis *serversAxis(QChart *chart, int gpusPerServer, double most)
{
    const QString title = gpusPerServer == 1
                              ? AnalysisCharts::tr("Servers like the drawn ones (1 GPU each)")
                              : AnalysisCharts::tr("Servers like the drawn ones (%1 GPUs each)").arg(gpusPerServer);
    return addLogAxis(chart, title, 1, most);
}

// The drawn server count, marked on a curve.
void markDrawn(QChart *chart, int servers, double value, QAbstractAxis *x, QAbstractAxis *y, const QString &unit,
               int decimals)
{
    auto *drawn = new QScatterSeries;
    drawn->setName(servers == 1 ? AnalysisCharts::tr("Drawn: 1 server")
                                : AnalysisCharts::tr("Drawn: %1 servers").arg(servers));
    drawn->setMarkerSize(11);
    drawn->append(servers, value);
    setTooltipUnit(drawn, unit, decimals);
    chart->addSeries(drawn);
    drawn->attachAxis(x);
    drawn->attachAxis(y);
}

} // namespace

QChart *trainingDaysChart(const VersionEstimate &version, const ScenarioEstimate &scenario,
                          const std::vector<TrainingScalePoint> &curve)
{
    QChart *chart = newChart(versionTitle(AnalysisCharts::tr("Days to train against servers"), version));
    if (!version.training || !version.training->time) {
        explainEmpty(chart, noCurveReason(version));
        return chart;
    }
    const TrainingOutcome &t = *version.training;
    const std::vector<TrainingScalePoint> points = fittingPoints(chart, version, curve);
    if (points.empty())
        return chart;
    auto *days = new QLineSeries;
    days->setName(AnalysisCharts::tr("Days (nominal)"));
    setTooltipUnit(days, AnalysisCharts::tr("days"), 1);
    double longest = 0;
    for (const TrainingScalePoint &p : points) {
        days->append(p.servers, p.days);
        longest = std::max(longest, p.days);
    }
    chart->addSeries(days);
    const double most = points.back().servers;
    QLogValueAxis *x = serversAxis(chart, t.gpusPerServer, most);
    // Logarithmic: one server may take a hundred times what the deadline's count does.
    double shortest = longest;
    for (const TrainingScalePoint &p : points)
        shortest = std::min(shortest, p.days);
    if (t.deadlineDays > 0)
        shortest = std::min(shortest, t.deadlineDays);
    auto *y = new QLogValueAxis;
    y->setBase(10);
    y->setTitleText(AnalysisCharts::tr("Days"));
    y->setLabelFormat(QStringLiteral("%g"));
    y->setMinorTickCount(-1);
    y->setRange(shortest / 1.5, std::max(longest, t.deadlineDays) * 1.5);
    chart->addAxis(y, Qt::AlignLeft);
    days->attachAxis(x);
    days->attachAxis(y);
    markDrawn(chart, std::max(scenario.cluster.servers, 1), t.time->nominal.seconds / 86400, x, y,
              AnalysisCharts::tr("days"), 1);
    if (t.deadlineDays > 0) {
        QLineSeries *deadline = addMarkerLine(
            chart,
            targetName(AnalysisCharts::tr("Deadline %1 days").arg(QLocale().toString(t.deadlineDays)), longest,
                       t.deadlineDays),
            QPointF(1, t.deadlineDays), QPointF(std::max(most, 2.0), t.deadlineDays), x, y, Qt::red);
        setTooltipUnit(deadline, AnalysisCharts::tr("days"), 1);
    }
    if (points.size() == 1)
        explainEmpty(chart, deadlineSizingText(t).isEmpty()
                                ? AnalysisCharts::tr("draw two servers linked by a network to see how the time "
                                                     "scales")
                                : deadlineSizingText(t));
    return chart;
}

QChart *trainingCostChart(const VersionEstimate &version, const ScenarioEstimate &scenario,
                          const std::vector<TrainingScalePoint> &curve)
{
    QChart *chart = newChart(versionTitle(AnalysisCharts::tr("Run cost against servers"), version));
    if (!version.training || !version.training->time) {
        explainEmpty(chart, noCurveReason(version));
        return chart;
    }
    const TrainingOutcome &t = *version.training;
    if (!t.runCostUsd) {
        explainEmpty(chart, costGapText(scenario).isEmpty() ? AnalysisCharts::tr("the scenario has no cost")
                                                            : costGapText(scenario));
        return chart;
    }
    const std::vector<TrainingScalePoint> points = fittingPoints(chart, version, curve);
    if (points.empty())
        return chart;
    auto *cost = new QLineSeries;
    cost->setName(t.costIsLowerBound ? AnalysisCharts::tr("Run cost (lower bound: unpriced parts)")
                                     : AnalysisCharts::tr("Run cost"));
    setTooltipUnit(cost, currencyCode(), 0);
    auto *gpuHours = new QLineSeries;
    gpuHours->setName(AnalysisCharts::tr("GPU-hours"));
    setTooltipUnit(gpuHours, AnalysisCharts::tr("GPU-hours"), 0);
    double highest = 0;
    double mostHours = 0;
    for (const TrainingScalePoint &p : points) {
        cost->append(p.servers, inDisplayCurrency(p.runCostUsd.value_or(0)));
        gpuHours->append(p.servers, p.gpuHours);
        highest = std::max(highest, inDisplayCurrency(p.runCostUsd.value_or(0)));
        mostHours = std::max(mostHours, p.gpuHours);
    }
    chart->addSeries(cost);
    chart->addSeries(gpuHours);
    QLogValueAxis *x = serversAxis(chart, t.gpusPerServer, points.back().servers);
    QValueAxis *left = addValueAxis(chart, AnalysisCharts::tr("Run cost (%1)").arg(currencyCode()), Qt::AlignLeft);
    QValueAxis *right = addValueAxis(chart, AnalysisCharts::tr("GPU-hours"), Qt::AlignRight);
    cost->attachAxis(x);
    cost->attachAxis(left);
    gpuHours->attachAxis(x);
    gpuHours->attachAxis(right);
    fitAxis(left, highest);
    fitAxis(right, mostHours);
    markDrawn(chart, std::max(scenario.cluster.servers, 1), inDisplayCurrency(*t.runCostUsd), x, left, currencyCode(),
              0);
    return chart;
}

} // namespace planner
