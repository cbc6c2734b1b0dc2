#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/format/coremessage.h"
#include "ui/format/estimatetext.h"

#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace planner {

namespace {

} // namespace

QChart *throughputChart(const VersionEstimate &version, const PlanWorkload &workload)
{
    QChart *chart = newChart(versionTitle(AnalysisCharts::tr("Throughput and TPOT against concurrency"), version));
    if (!version.request) {
        explainEmpty(chart, noCurveText(version));
        return chart;
    }
    const std::vector<CurvePoint> curve = concurrencyCurve(*version.request);
    auto *tokens = new QLineSeries;
    tokens->setName(AnalysisCharts::tr("Output tokens/s"));
    setTooltipUnit(tokens, AnalysisCharts::tr("tokens/s"), 0);
    auto *tpot = new QLineSeries;
    tpot->setName(AnalysisCharts::tr("TPOT"));
    setTooltipUnit(tpot, AnalysisCharts::tr("ms"), 1);
    double mostTokens = 0;
    double longestTpot = 0;
    for (const CurvePoint &p : curve) {
        const double c = static_cast<double>(p.concurrency);
        tokens->append(c, p.point.outputTokensPerSecond);
        tpot->append(c, units::inSeconds(p.point.tpot) * 1e3);
        mostTokens = std::max(mostTokens, p.point.outputTokensPerSecond);
        longestTpot = std::max(longestTpot, units::inSeconds(p.point.tpot) * 1e3);
    }
    chart->addSeries(tokens);
    chart->addSeries(tpot);
    const double highest = curve.empty() ? 2.0 : static_cast<double>(curve.back().concurrency);
    QLogValueAxis *x = addLogAxis(chart, AnalysisCharts::tr("Concurrent sequences (all replicas)"), 1, highest);
    QValueAxis *left = addValueAxis(chart, AnalysisCharts::tr("Output tokens/s"), Qt::AlignLeft);
    QValueAxis *right = addValueAxis(chart, AnalysisCharts::tr("TPOT (ms)"), Qt::AlignRight);
    tokens->attachAxis(x);
    tokens->attachAxis(left);
    tpot->attachAxis(x);
    tpot->attachAxis(right);
    fitAxis(left, mostTokens);
    const double tpotTarget = workload.tpotSloSeconds * 1e3;
    fitAxis(right, axisTopFor(longestTpot, tpotTarget));
    QLineSeries *slo = addMarkerLine(
        chart, targetName(AnalysisCharts::tr("TPOT target %1 ms").arg(tpotTarget), longestTpot, tpotTarget),
        QPointF(1, workload.tpotSloSeconds * 1e3), QPointF(highest, workload.tpotSloSeconds * 1e3), x, right, Qt::red);
    setTooltipUnit(slo, AnalysisCharts::tr("ms"), 1);
    return chart;
}

QChart *ttftChart(const VersionEstimate &version, const PlanWorkload &workload)
{
    QChart *chart = newChart(versionTitle(AnalysisCharts::tr("TTFT against prompt length"), version));
    if (!version.request) {
        explainEmpty(chart, noCurveText(version));
        return chart;
    }
    const std::vector<InputLengthPoint> curve = inputLengthCurve(*version.request,
                                                                 workload.contextTokens - workload.outputTokens);
    auto *ttft = new QLineSeries;
    ttft->setName(version.concurrency == 1 ? AnalysisCharts::tr("TTFT at 1 sequence")
                                           : AnalysisCharts::tr("TTFT at %1 sequences").arg(version.concurrency));
    setTooltipUnit(ttft, AnalysisCharts::tr("s"), 3);
    double longest = 0;
    for (const InputLengthPoint &p : curve) {
        ttft->append(static_cast<double>(p.inputTokens), units::inSeconds(p.point.ttft));
        longest = std::max(longest, units::inSeconds(p.point.ttft));
    }
    chart->addSeries(ttft);
    const double lowest = curve.empty() ? 128.0 : static_cast<double>(curve.front().inputTokens);
    const double highest = curve.empty() ? 256.0 : static_cast<double>(curve.back().inputTokens);
    QLogValueAxis *x = addLogAxis(chart, AnalysisCharts::tr("Prompt length (tokens)"), lowest, highest);
    QValueAxis *y = addValueAxis(chart, AnalysisCharts::tr("TTFT (s)"), Qt::AlignLeft);
    ttft->attachAxis(x);
    ttft->attachAxis(y);
    fitAxis(y, axisTopFor(longest, workload.ttftSloSeconds));
    QLineSeries *slo = addMarkerLine(chart,
                                     targetName(AnalysisCharts::tr("TTFT target %1 s").arg(workload.ttftSloSeconds),
                                                longest, workload.ttftSloSeconds),
                                     QPointF(lowest, workload.ttftSloSeconds),
                                     QPointF(highest, workload.ttftSloSeconds), x, y, Qt::red);
    setTooltipUnit(slo, AnalysisCharts::tr("s"), 2);
    return chart;
}

QChart *latencyByRateChart(const VersionEstimate &version, const RateSweep &sweep, const PlanWorkload &workload)
{
    QChart *chart = newChart(versionTitle(AnalysisCharts::tr("Simulated latency against request rate"), version));
    if (sweep.points.empty()) {
        if (!version.request && !version.training)
            explainEmpty(chart, noCurveText(version));
        return chart;
    }
    // Which answer the verdict uses, where the two differ.
    if (const Message comparison = simulationComparison(version, workload, sweep); !comparison.empty())
        chart->setTitle(QStringLiteral("%1<br><span style=\"font-size: small; font-weight: normal;\">%2</span>")
                            .arg(chart->title().toHtmlEscaped(), translated(comparison).toHtmlEscaped()));
    auto *ttft50 = new QLineSeries;
    auto *ttft99 = new QLineSeries;
    auto *tpot50 = new QLineSeries;
    auto *tpot99 = new QLineSeries;
    ttft50->setName(AnalysisCharts::tr("TTFT p50"));
    ttft99->setName(AnalysisCharts::tr("TTFT p99"));
    tpot50->setName(AnalysisCharts::tr("TPOT p50"));
    tpot99->setName(AnalysisCharts::tr("TPOT p99"));
    double longestTtft = workload.ttftSloSeconds;
    double longestTpot = workload.tpotSloSeconds * 1e3;
    for (const RatePoint &p : sweep.points) {
        ttft50->append(p.ratePerSecond, units::inSeconds(p.ttft.p50));
        ttft99->append(p.ratePerSecond, units::inSeconds(p.ttft.p99));
        tpot50->append(p.ratePerSecond, units::inSeconds(p.tpot.p50) * 1e3);
        tpot99->append(p.ratePerSecond, units::inSeconds(p.tpot.p99) * 1e3);
        longestTtft = std::max(longestTtft, units::inSeconds(p.ttft.p99));
        longestTpot = std::max(longestTpot, units::inSeconds(p.tpot.p99) * 1e3);
    }
    const double highestRate = sweep.points.back().ratePerSecond;
    auto *x = new QValueAxis;
    x->setTitleText(AnalysisCharts::tr("Requests per second (Poisson arrivals)"));
    x->setLabelFormat(QStringLiteral("%.3g"));
    x->setRange(0, highestRate);
    x->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *left = addValueAxis(chart, AnalysisCharts::tr("TTFT (s)"), Qt::AlignLeft);
    QValueAxis *right = addValueAxis(chart, AnalysisCharts::tr("TPOT (ms)"), Qt::AlignRight);
    for (QLineSeries *s : {ttft50, ttft99}) {
        setTooltipUnit(s, AnalysisCharts::tr("s"), 3);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(left);
    }
    for (QLineSeries *s : {tpot50, tpot99}) {
        setTooltipUnit(s, AnalysisCharts::tr("ms"), 1);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(right);
    }
    // The TTFT tail can run far above the target past the maximum: keep the target readable.
    fitAxis(left, std::min(longestTtft, workload.ttftSloSeconds * 4));
    fitAxis(right, std::min(longestTpot, workload.tpotSloSeconds * 1e3 * 4));
    setTooltipUnit(addMarkerLine(chart, AnalysisCharts::tr("TTFT target %1 s").arg(workload.ttftSloSeconds),
                                 QPointF(0, workload.ttftSloSeconds), QPointF(highestRate, workload.ttftSloSeconds), x,
                                 left, Qt::red),
                   AnalysisCharts::tr("s"), 2);
    setTooltipUnit(addMarkerLine(chart, AnalysisCharts::tr("TPOT target %1 ms").arg(workload.tpotSloSeconds * 1e3),
                                 QPointF(0, workload.tpotSloSeconds * 1e3),
                                 QPointF(highestRate, workload.tpotSloSeconds * 1e3), x, right, Qt::darkRed),
                   AnalysisCharts::tr("ms"), 1);
    if (sweep.maxRatePerSecond > 0) {
        QLineSeries *most = addMarkerLine(
            chart, AnalysisCharts::tr("Max rate in targets (p99): %1 req/s").arg(sweep.maxRatePerSecond, 0, 'g', 3),
            QPointF(sweep.maxRatePerSecond, 0), QPointF(sweep.maxRatePerSecond, left->max()), x, left, Qt::darkGreen);
        setTooltipUnit(most, AnalysisCharts::tr("s"), 2);
    }
    return chart;
}

} // namespace planner
