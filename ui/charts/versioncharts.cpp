// The charts that set a scenario's model versions side by side (the
// "Versions side by side" dock): how fast each serves, or how long each
// trains, on the same axes.

#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/format/estimatetext.h"

#include <QLocale>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace planner {

namespace {

// "name: why", for each version the chart has nothing to draw of.
QString missingVersions(const QStringList &reasons)
{
    return reasons.join(QStringLiteral("; "));
}

QChart *servingSpeedChart(const ScenarioEstimate &scenario)
{
    QChart *chart = newChart(
        AnalysisCharts::tr("Output tokens/s by model version: %1").arg(QString::fromStdString(scenario.name)));
    double mostTokens = 0;
    double mostConcurrency = 2;
    std::vector<std::pair<QLineSeries *, QScatterSeries *>> drawn;
    QStringList missing;
    for (const VersionEstimate &v : scenario.versions) {
        if (!v.request) {
            missing << AnalysisCharts::tr("%1: %2").arg(QString::fromStdString(v.modelName), noCurveText(v));
            continue;
        }
        auto *line = new QLineSeries;
        line->setName(QString::fromStdString(v.modelName));
        setTooltipUnit(line, AnalysisCharts::tr("tokens/s"), 0);
        for (const CurvePoint &p : concurrencyCurve(*v.request)) {
            line->append(static_cast<double>(p.concurrency), p.point.outputTokensPerSecond);
            mostTokens = std::max(mostTokens, p.point.outputTokensPerSecond);
            mostConcurrency = std::max(mostConcurrency, static_cast<double>(p.concurrency));
        }
        chart->addSeries(line);
        // Where the workload runs it: the operating point the verdict uses.
        QScatterSeries *point = nullptr;
        if (v.speed && v.concurrency > 0) {
            point = new QScatterSeries;
            point->setName(AnalysisCharts::tr("%1 at the workload").arg(QString::fromStdString(v.modelName)));
            point->setMarkerSize(9);
            point->setColor(line->color());
            point->append(static_cast<double>(v.concurrency), v.speed->nominal.outputTokensPerSecond);
            // On the axes even where the load runs past the curve's last point.
            mostTokens = std::max(mostTokens, v.speed->nominal.outputTokensPerSecond);
            mostConcurrency = std::max(mostConcurrency, static_cast<double>(v.concurrency));
            setTooltipUnit(point, AnalysisCharts::tr("tokens/s"), 0);
            chart->addSeries(point);
        }
        drawn.emplace_back(line, point);
    }
    QLogValueAxis *x = addLogAxis(chart, AnalysisCharts::tr("Concurrent sequences (all replicas)"), 1, mostConcurrency);
    // A third of the dock's width: a tick at every power of two would crowd
    // out its labels past a thousand sequences.
    x->setBase(mostConcurrency > 1024 ? 10 : mostConcurrency > 64 ? 4 : 2);
    QValueAxis *y = addValueAxis(chart, AnalysisCharts::tr("Output tokens/s"), Qt::AlignLeft);
    for (auto [line, point] : drawn) {
        line->attachAxis(x);
        line->attachAxis(y);
        if (point) {
            point->attachAxis(x);
            point->attachAxis(y);
            for (QLegendMarker *marker : chart->legend()->markers(point))
                marker->setVisible(false); // the line's entry names the version
        }
    }
    fitAxis(y, mostTokens);
    if (!missing.isEmpty())
        explainEmpty(chart, missingVersions(missing));
    return chart;
}

QChart *trainingTimeChart(const ScenarioEstimate &scenario)
{
    QChart *chart = newChart(
        AnalysisCharts::tr("Days to train by model version: %1").arg(QString::fromStdString(scenario.name)));
    chart->legend()->hide(); // one bar per category, named on the axis
    auto *set = new QBarSet(AnalysisCharts::tr("Days (nominal)"));
    QStringList categories;
    QStringList missing;
    double longest = 0;
    double deadline = 0;
    for (const VersionEstimate &v : scenario.versions) {
        if (!v.training || !v.training->time) {
            missing << AnalysisCharts::tr("%1: %2").arg(QString::fromStdString(v.modelName), versionProblem(v, {}));
            continue;
        }
        const double days = v.training->time->nominal.seconds / 86400;
        categories << QString::fromStdString(v.modelName);
        *set << days;
        longest = std::max(longest, days);
        deadline = std::max(deadline, v.training->deadlineDays);
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    setTooltipUnit(bars, AnalysisCharts::tr("days"), 1);
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = addValueAxis(chart, AnalysisCharts::tr("Days on the drawn servers"), Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    fitAxis(y, axisTopFor(longest, deadline));
    if (deadline > 0 && !categories.isEmpty()) {
        // The deadline spans the bars on a hidden axis matching the categories' positions.
        auto *along = new QValueAxis;
        along->setRange(-0.5, categories.size() - 0.5);
        along->setVisible(false);
        chart->addAxis(along, Qt::AlignBottom);
        chart->legend()->show();
        for (QLegendMarker *marker : chart->legend()->markers(bars))
            marker->setVisible(false);
        QLineSeries *line = addMarkerLine(
            chart,
            targetName(AnalysisCharts::tr("Deadline %1 days").arg(QLocale().toString(deadline)), longest, deadline),
            QPointF(-0.5, deadline), QPointF(categories.size() - 0.5, deadline), along, y, Qt::red);
        setTooltipUnit(line, AnalysisCharts::tr("days"), 1);
    }
    if (!missing.isEmpty())
        explainEmpty(chart, missingVersions(missing));
    return chart;
}

} // namespace

QChart *versionsSpeedChart(const ScenarioEstimate &scenario)
{
    return scenario.training ? trainingTimeChart(scenario) : servingSpeedChart(scenario);
}

} // namespace planner
