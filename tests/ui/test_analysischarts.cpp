// The analysis charts (ui/charts/analysischarts.h) carry the engine's figures:
// every bar, point and marker line is compared with what core/ computes for
// the sample plans (memory per GPU, the concurrency and prompt-length curves,
// the simulated latency sweep, cumulative cash and the break-even, cost per
// million output tokens and the compare metrics). Values, never pixels.

#include "core/perf/perfmodel.h"
#include "core/plan/plananalysis.h"
#include "core/plan/planevaluation.h"
#include "database/planfile.h"
#include "ui/charts/analysischarts.h"
#include "ui/format/money.h"

#include "support/sampleplans.h"

#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace planner;
using planner::testsupport::samplePlan;

namespace {

using ChartPtr = std::unique_ptr<QChart>;

// DeepSeek-R1 in BF16 on 8x H200: 1,342 GB of weights against 1,128 GB of HBM.
Plan deepSeekInBf16()
{
    Plan plan = samplePlan("deepseek-r1-8x-h200");
    for (Scenario &s : plan.scenarios)
        s.deployment.weightFormat = "bf16";
    return plan;
}

// The series of `chart` of type T named `name`, or else the one whose name
// starts with it (null unless exactly one does).
template <typename T>
T *seriesNamed(QChart *chart, const QString &name)
{
    T *found = nullptr;
    int matches = 0;
    for (QAbstractSeries *s : chart->series()) {
        auto *typed = qobject_cast<T *>(s);
        if (typed && s->name() == name)
            return typed;
        if (typed && s->name().startsWith(name)) {
            found = typed;
            ++matches;
        }
    }
    return matches == 1 ? found : nullptr;
}

template <typename T>
QList<T *> seriesOf(QChart *chart)
{
    QList<T *> all;
    for (QAbstractSeries *s : chart->series())
        if (auto *typed = qobject_cast<T *>(s))
            all << typed;
    return all;
}

QBarSet *barSet(QAbstractBarSeries *series, const QString &label)
{
    for (QBarSet *set : series->barSets())
        if (set->label() == label)
            return set;
    return nullptr;
}

QStringList axisTitles(QChart *chart)
{
    QStringList titles;
    for (QAbstractAxis *axis : chart->axes())
        titles << axis->titleText();
    return titles;
}

QStringList categories(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal))
        if (auto *c = qobject_cast<QBarCategoryAxis *>(axis))
            return c->categories();
    return {};
}

QByteArray pointText(QPointF actual, QPointF expected)
{
    return QStringLiteral("(%1, %2) vs expected (%3, %4)")
        .arg(actual.x(), 0, 'g', 17)
        .arg(actual.y(), 0, 'g', 17)
        .arg(expected.x(), 0, 'g', 17)
        .arg(expected.y(), 0, 'g', 17)
        .toUtf8();
}

// The chart draws the engine's doubles as they are (the same arithmetic on the
// same inputs), so points compare exactly.
#define QCOMPARE_POINT(actual, expected) QVERIFY2((actual) == (expected), pointText((actual), (expected)).constData())

} // namespace

class TestAnalysisCharts : public QObject
{
    Q_OBJECT

private slots:
    void memoryBarsAreTheEstimatesParts_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("scenario");
        QTest::newRow("Llama 3.1 70B and 8B on a DGX H100") << "cloud-vs-onprem-llama-3.1-70b" << 0;
        QTest::newRow("R1-Distill-Qwen-32B on 2x RTX 4090") << "r1-distill-qwen-32b-2x-rtx4090" << 0;
        QTest::newRow("DeepSeek-R1 FP8 on 8x H200") << "deepseek-r1-8x-h200" << 0;
    }

    void memoryBarsAreTheEstimatesParts()
    {
        QFETCH(QString, plan);
        QFETCH(int, scenario);
        const Plan p = samplePlan(qPrintable(plan));
        const ScenarioEstimate e = evaluatePlan(p).at(static_cast<size_t>(scenario));
        const ChartPtr chart(memoryFitChart(e));

        auto *stack = seriesNamed<QStackedBarSeries>(chart.get(), QString());
        QVERIFY(stack);
        QBarSet *weights = barSet(stack, QStringLiteral("Weights"));
        QBarSet *kv = barSet(stack, QStringLiteral("KV cache"));
        QBarSet *activations = barSet(stack, QStringLiteral("Activations"));
        QBarSet *overhead = barSet(stack, QStringLiteral("Runtime and engine reserve"));
        QVERIFY(weights && kv && activations && overhead);
        QCOMPARE(weights->count(), static_cast<int>(e.versions.size()));
        QCOMPARE(categories(chart.get()).size(), static_cast<int>(e.versions.size()));
        double capacity = 0;
        for (int i = 0; i < weights->count(); ++i) {
            const VersionEstimate &v = e.versions[static_cast<size_t>(i)];
            QVERIFY2(v.memory.fits, v.verdict.reason.text().c_str());
            const MemoryBreakdown &m = v.memory.perGpu;
            QCOMPARE(weights->at(i), units::inGB(m.weights));
            QCOMPARE(kv->at(i), units::inGB(m.kvCache));
            QCOMPARE(activations->at(i), units::inGB(m.activations));
            QCOMPARE(overhead->at(i), units::inGB(m.overhead));
            QVERIFY(weights->at(i) > 0);
            QCOMPARE(categories(chart.get()).at(i), QString::fromStdString(v.modelName));
            capacity = std::max(capacity, units::inGB(v.memory.capacity));
        }

        // The capacity line at the GPU's usable memory, across every bar.
        auto *line = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("Usable capacity"));
        QVERIFY(line);
        QCOMPARE(line->count(), 2);
        QCOMPARE(line->at(0).y(), capacity);
        QCOMPARE(line->at(1).y(), capacity);
        QCOMPARE(line->at(0).x(), -0.5);
        QCOMPARE(line->at(1).x(), weights->count() - 0.5);
        QVERIFY(line->name().contains(QString::number(capacity, 'f', 1) + QStringLiteral(" GB")));
    }

    void aVersionThatDoesNotFitShowsItsShortfall()
    {
        const Plan plan = deepSeekInBf16();
        const ScenarioEstimate e = evaluatePlan(plan).front();
        const VersionEstimate &v = e.versions.front();
        QVERIFY(!v.memory.fits);
        QVERIFY(v.memory.shortfall > units::bytes(0));
        const ChartPtr chart(memoryFitChart(e));
        const QStringList labels = categories(chart.get());
        QCOMPARE(labels.size(), 1);
        const QString shortfall = QString::number(units::inGB(v.memory.shortfall), 'f', 1);
        QVERIFY2(labels.front().contains(QStringLiteral("does not fit: %1 GB short").arg(shortfall)),
                 qPrintable(labels.front() + QStringLiteral(" / expected shortfall ") + shortfall));
        // The bar still shows what it would need: above the capacity line by the shortfall.
        auto *stack = seriesNamed<QStackedBarSeries>(chart.get(), QString());
        QVERIFY(stack);
        double total = 0;
        for (QBarSet *set : stack->barSets())
            total += set->at(0);
        auto *line = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("Usable capacity"));
        QVERIFY(line);
        QCOMPARE(line->at(0).y(), units::inGB(v.memory.capacity));
        QCOMPARE(barSet(stack, QStringLiteral("Weights"))->at(0), units::inGB(v.memory.perGpu.weights));
        // The four parts add up in a different order than total(): 1e-9 relative.
        const double expectedShort = units::inGB(v.memory.perGpu.total()) - units::inGB(v.memory.capacity);
        QVERIFY(qAbs((total - line->at(0).y()) - expectedShort) <= 1e-9 * total);
        QVERIFY(qAbs(units::inGB(v.memory.shortfall) - expectedShort) <= 1e-9 * total);
    }

    void throughputIsTheConcurrencyCurve()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        QVERIFY2(v.request, v.verdict.reason.text().c_str());
        const ChartPtr chart(throughputChart(v, plan.workload));
        const std::vector<CurvePoint> curve = concurrencyCurve(*v.request);
        QVERIFY(curve.size() >= 2);

        auto *tokens = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("Output tokens/s"));
        auto *tpot = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TPOT"));
        QVERIFY(tokens && tpot);
        QCOMPARE(tokens->count(), static_cast<int>(curve.size()));
        QCOMPARE(tpot->count(), static_cast<int>(curve.size()));
        for (size_t i = 0; i < curve.size(); ++i) {
            const double c = static_cast<double>(curve[i].concurrency);
            const int at = static_cast<int>(i);
            QCOMPARE_POINT(tokens->at(at), QPointF(c, curve[i].point.outputTokensPerSecond));
            QCOMPARE_POINT(tpot->at(at), QPointF(c, units::inSeconds(curve[i].point.tpot) * 1e3));
        }
        // The TPOT target (50 ms in the sample) across the curve, in ms.
        auto *slo = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TPOT target"));
        QVERIFY(slo);
        QCOMPARE(slo->count(), 2);
        QCOMPARE(plan.workload.tpotSloSeconds, 0.05);
        QCOMPARE_POINT(slo->at(0), QPointF(1, plan.workload.tpotSloSeconds * 1e3));
        QCOMPARE_POINT(slo->at(1),
                       QPointF(static_cast<double>(curve.back().concurrency), plan.workload.tpotSloSeconds * 1e3));
    }

    void ttftIsTheInputLengthCurve()
    {
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        QVERIFY2(v.request, v.verdict.reason.text().c_str());
        const ChartPtr chart(ttftChart(v, plan.workload));
        const std::vector<InputLengthPoint> curve = inputLengthCurve(*v.request, plan.workload.contextTokens
                                                                                     - plan.workload.outputTokens);
        QVERIFY(curve.size() >= 4);

        auto *ttft = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TTFT at"));
        QVERIFY(ttft);
        QCOMPARE(ttft->count(), static_cast<int>(curve.size()));
        for (size_t i = 0; i < curve.size(); ++i)
            QCOMPARE_POINT(ttft->at(static_cast<int>(i)),
                           QPointF(static_cast<double>(curve[i].inputTokens), units::inSeconds(curve[i].point.ttft)));
        auto *slo = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TTFT target"));
        QVERIFY(slo);
        QCOMPARE_POINT(slo->at(0),
                       QPointF(static_cast<double>(curve.front().inputTokens), plan.workload.ttftSloSeconds));
        QCOMPARE_POINT(slo->at(1),
                       QPointF(static_cast<double>(curve.back().inputTokens), plan.workload.ttftSloSeconds));
    }

    void noEstimateNoCurves()
    {
        const Plan plan = deepSeekInBf16();
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        QVERIFY(!v.request);
        const ChartPtr throughput(throughputChart(v, plan.workload));
        const ChartPtr ttft(ttftChart(v, plan.workload));
        const ChartPtr latency(latencyByRateChart(v, latencyByRate(v, plan.workload), plan.workload));
        QVERIFY(throughput->series().isEmpty());
        QVERIFY(ttft->series().isEmpty());
        QVERIFY(latency->series().isEmpty());
    }

    void latencyIsTheSimulatedSweep()
    {
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        const VersionEstimate v = evaluatePlan(plan).front().versions.front();
        QVERIFY2(v.speed, v.verdict.reason.text().c_str());
        const RateSweep sweep = latencyByRate(v, plan.workload);
        QVERIFY(sweep.maxRatePerSecond > 0);
        QVERIFY(!sweep.points.empty());
        const ChartPtr chart(latencyByRateChart(v, sweep, plan.workload));

        auto *ttft50 = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TTFT p50"));
        auto *ttft99 = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TTFT p99"));
        auto *tpot50 = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TPOT p50"));
        auto *tpot99 = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TPOT p99"));
        QVERIFY(ttft50 && ttft99 && tpot50 && tpot99);
        for (QLineSeries *s : {ttft50, ttft99, tpot50, tpot99})
            QCOMPARE(s->count(), static_cast<int>(sweep.points.size()));
        for (size_t i = 0; i < sweep.points.size(); ++i) {
            const RatePoint &p = sweep.points[i];
            const int at = static_cast<int>(i);
            QCOMPARE_POINT(ttft50->at(at), QPointF(p.ratePerSecond, units::inSeconds(p.ttft.p50)));
            QCOMPARE_POINT(ttft99->at(at), QPointF(p.ratePerSecond, units::inSeconds(p.ttft.p99)));
            QCOMPARE_POINT(tpot50->at(at), QPointF(p.ratePerSecond, units::inSeconds(p.tpot.p50) * 1e3));
            QCOMPARE_POINT(tpot99->at(at), QPointF(p.ratePerSecond, units::inSeconds(p.tpot.p99) * 1e3));
        }
        // The maximum rate in the targets: a vertical line at the sweep's figure.
        auto *most = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("Max rate in targets"));
        QVERIFY(most);
        QCOMPARE(most->count(), 2);
        QCOMPARE(most->at(0).x(), sweep.maxRatePerSecond);
        QCOMPARE(most->at(1).x(), sweep.maxRatePerSecond);
        QCOMPARE(most->at(0).y(), 0.0);
        QVERIFY(most->at(1).y() > 0);
        // The targets, in s and ms, across the whole sweep.
        auto *ttftTarget = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TTFT target"));
        auto *tpotTarget = seriesNamed<QLineSeries>(chart.get(), QStringLiteral("TPOT target"));
        QVERIFY(ttftTarget && tpotTarget);
        QCOMPARE_POINT(ttftTarget->at(1), QPointF(sweep.points.back().ratePerSecond, plan.workload.ttftSloSeconds));
        QCOMPARE_POINT(tpotTarget->at(1),
                       QPointF(sweep.points.back().ratePerSecond, plan.workload.tpotSloSeconds * 1e3));

        // No maximum (0): no marker line.
        RateSweep none = sweep;
        none.maxRatePerSecond = 0;
        const ChartPtr without(latencyByRateChart(v, none, plan.workload));
        QVERIFY(!seriesNamed<QLineSeries>(without.get(), QStringLiteral("Max rate in targets")));
    }

    void cumulativeCostAndBreakEven()
    {
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        const std::optional<PlanBreakEven> breakEven = planBreakEven(estimates);
        QVERIFY(breakEven && breakEven->month);
        const ChartPtr chart(cumulativeCostChart(estimates, breakEven));

        const QList<QLineSeries *> lines = seriesOf<QLineSeries>(chart.get());
        QCOMPARE(lines.size(), static_cast<int>(estimates.size()));
        for (size_t i = 0; i < estimates.size(); ++i) {
            const ScenarioEstimate &e = estimates[i];
            QLineSeries *line = lines.at(static_cast<int>(i));
            QVERIFY(line->name().startsWith(QString::fromStdString(e.name)));
            // The on-prem capital misses unpriced parts: its line says it is a lower bound.
            QCOMPARE(line->name().endsWith(QStringLiteral("(lower bound)")), !e.cost.unpricedParts.empty());
            const std::vector<double> &cash = e.cost.cumulativeUsdByMonth;
            QCOMPARE(cash.size(), size_t(37)); // months 0..36, the sample's 3-year horizon
            QCOMPARE(line->count(), static_cast<int>(cash.size()));
            for (size_t month = 0; month < cash.size(); ++month)
                QCOMPARE_POINT(line->at(static_cast<int>(month)), QPointF(static_cast<double>(month), cash[month]));
        }
        // Month 0: the on-prem capital up front; the cloud pays nothing before its first month.
        QCOMPARE(estimates[breakEven->onPremScenario].cost.cumulativeUsdByMonth.front(),
                 estimates[breakEven->onPremScenario].cost.capexUsd);
        QCOMPARE(estimates[breakEven->cloudScenario].cost.cumulativeUsdByMonth.front(), 0.0);

        const QList<QScatterSeries *> points = seriesOf<QScatterSeries>(chart.get());
        QCOMPARE(points.size(), 1);
        QScatterSeries *point = points.front();
        QCOMPARE(point->count(), 1);
        const int month = *breakEven->month;
        const double cash = estimates[breakEven->onPremScenario].cost.cumulativeUsdByMonth[static_cast<size_t>(month)];
        QCOMPARE_POINT(point->at(0), QPointF(month, cash));
        QCOMPARE(point->name(), QStringLiteral("Break-even: month %1").arg(month));
        // At that month buying has cost no more than renting, and not a month before.
        QVERIFY(cash <= estimates[breakEven->cloudScenario].cost.cumulativeUsdByMonth[static_cast<size_t>(month)]);
        QVERIFY(estimates[breakEven->onPremScenario].cost.cumulativeUsdByMonth[static_cast<size_t>(month - 1)]
                > estimates[breakEven->cloudScenario].cost.cumulativeUsdByMonth[static_cast<size_t>(month - 1)]);

        // Without a break-even there is no point.
        const ChartPtr none(cumulativeCostChart(estimates, std::nullopt));
        QVERIFY(seriesOf<QScatterSeries>(none.get()).isEmpty());
    }

    void costPerMillionBars()
    {
        for (const Plan &plan : {samplePlan("cloud-vs-onprem-llama-3.1-70b"), deepSeekInBf16()}) {
            const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
            const ChartPtr chart(costPerMillionChart(estimates));
            const QList<QAbstractBarSeries *> bars = seriesOf<QAbstractBarSeries>(chart.get());
            QCOMPARE(bars.size(), 1);
            const QList<QBarSet *> sets = bars.front()->barSets();
            QCOMPARE(sets.size(), static_cast<int>(estimates.front().versions.size()));
            QStringList scenarioNames;
            for (const ScenarioEstimate &e : estimates)
                scenarioNames << QString::fromStdString(e.name);
            QCOMPARE(categories(chart.get()), scenarioNames);
            for (int v = 0; v < sets.size(); ++v) {
                QCOMPARE(sets[v]->label(),
                         QString::fromStdString(estimates.front().versions[static_cast<size_t>(v)].modelName));
                QCOMPARE(sets[v]->count(), static_cast<int>(estimates.size()));
                for (size_t s = 0; s < estimates.size(); ++s) {
                    const VersionEstimate &version = estimates[s].versions[static_cast<size_t>(v)];
                    // A version without a cost has no bar (0), never a price.
                    const double expected = version.usdPerMillionOutputTokens.value_or(0.0);
                    QCOMPARE(sets[v]->at(static_cast<int>(s)), expected);
                    if (version.speed)
                        QVERIFY(expected > 0);
                }
            }
        }
    }

    void compareValuesAreTheEstimates()
    {
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        for (const ScenarioEstimate &e : estimates) {
            QCOMPARE(compareValue(e, 0, CompareMetric::Capex), std::optional<double>(e.cost.capexUsd));
            QCOMPARE(compareValue(e, 0, CompareMetric::MonthlyCost), std::optional<double>(e.cost.monthlyTotalUsd));
            QCOMPARE(compareValue(e, 0, CompareMetric::Power), std::optional<double>(e.cost.averagePowerKw));
            for (size_t v = 0; v < e.versions.size(); ++v) {
                const VersionEstimate &version = e.versions[v];
                QVERIFY(version.speed);
                const PerfPoint &p = version.speed->nominal;
                QCOMPARE(compareValue(e, v, CompareMetric::TokensPerSecond),
                         std::optional<double>(p.outputTokensPerSecond));
                QCOMPARE(compareValue(e, v, CompareMetric::CostPerMillion),
                         std::optional<double>(version.usdPerMillionOutputTokens));
                QCOMPARE(compareValue(e, v, CompareMetric::Ttft), std::optional<double>(units::inSeconds(p.ttft)));
                QCOMPARE(compareValue(e, v, CompareMetric::Tpot),
                         std::optional<double>(units::inSeconds(p.tpot) * 1e3));
            }
            // A version the plan does not have: per-version metrics are unknown, scenario metrics are not.
            QVERIFY(!compareValue(e, e.versions.size(), CompareMetric::TokensPerSecond));
            QVERIFY(compareValue(e, e.versions.size(), CompareMetric::Capex));
        }
        // The on-prem build prices only its GPUs: its costs are lower bounds, its speed is not.
        QVERIFY(!estimates[0].cost.unpricedParts.empty());
        QVERIFY(compareIsLowerBound(estimates[0], CompareMetric::Capex));
        QVERIFY(compareIsLowerBound(estimates[0], CompareMetric::CostPerMillion));
        QVERIFY(!compareIsLowerBound(estimates[0], CompareMetric::TokensPerSecond));
        QVERIFY(!compareIsLowerBound(estimates[1], CompareMetric::MonthlyCost));
        // The on-prem DGX H100: 240,000 USD of GPUs and 8 x 2,188 of ConnectX-7 adapters for
        // its 8 NDR ports (resources/catalogue/nics.csv); the cloud scenario none.
        QCOMPARE(compareValue(estimates[0], 0, CompareMetric::Capex), std::optional<double>(240000 + 8 * 2188));
        QCOMPARE(compareValue(estimates[1], 0, CompareMetric::Capex), std::optional<double>(0));

        // No estimate: nullopt.
        const std::vector<ScenarioEstimate> bf16 = evaluatePlan(deepSeekInBf16());
        QVERIFY(!compareValue(bf16.front(), 0, CompareMetric::Ttft));
        QVERIFY(!compareValue(bf16.front(), 0, CompareMetric::CostPerMillion));
    }

    // In another currency every money figure is the USD figure times the
    // user's rate, and the axes and titles name that currency.
    void moneyIsShownInTheChosenCurrency()
    {
        const Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
        const std::optional<PlanBreakEven> breakEven = planBreakEven(estimates);
        constexpr double kRate = 7.25;
        setDisplayCurrency({"CNY", kRate, "2026-11-20"});
        const auto restore = qScopeGuard([] { setDisplayCurrency(Currency{}); });

        const ChartPtr cumulative(cumulativeCostChart(estimates, breakEven));
        const QList<QLineSeries *> lines = seriesOf<QLineSeries>(cumulative.get());
        for (size_t i = 0; i < estimates.size(); ++i) {
            const std::vector<double> &cash = estimates[i].cost.cumulativeUsdByMonth;
            for (size_t month = 0; month < cash.size(); ++month)
                QCOMPARE_POINT(lines.at(static_cast<int>(i))->at(static_cast<int>(month)),
                               QPointF(static_cast<double>(month), cash[month] * kRate));
        }
        QVERIFY(axisTitles(cumulative.get()).contains(QStringLiteral("Cumulative CNY")));

        const ChartPtr perMillion(costPerMillionChart(estimates));
        const QBarSet *set = seriesOf<QAbstractBarSeries>(perMillion.get()).front()->barSets().front();
        for (size_t s = 0; s < estimates.size(); ++s)
            QCOMPARE(set->at(static_cast<int>(s)), *estimates[s].versions.front().usdPerMillionOutputTokens * kRate);
        QVERIFY(axisTitles(perMillion.get()).contains(QStringLiteral("CNY per 10⁶ output tokens")));

        // The on-prem DGX H100: 240,000 USD of GPUs and 17,504 of network adapters.
        QCOMPARE(compareValue(estimates[0], 0, CompareMetric::Capex),
                 std::optional<double>((240000 + 8 * 2188) * kRate));
        QCOMPARE(compareValue(estimates[0], 0, CompareMetric::MonthlyCost),
                 std::optional<double>(estimates[0].cost.monthlyTotalUsd * kRate));
        QCOMPARE(compareValue(estimates[0], 0, CompareMetric::Power),
                 std::optional<double>(estimates[0].cost.averagePowerKw));
        QCOMPARE(compareMetricTitle(CompareMetric::Capex), QStringLiteral("Capital (CNY)"));
    }

    void compareChartBars()
    {
        for (const Plan &plan : {samplePlan("cloud-vs-onprem-llama-3.1-70b"), deepSeekInBf16()}) {
            const std::vector<ScenarioEstimate> estimates = evaluatePlan(plan);
            for (size_t version = 0; version < estimates.front().versions.size(); ++version) {
                for (CompareMetric metric : kCompareMetrics) {
                    const ChartPtr chart(compareChart(estimates, version, metric));
                    QCOMPARE(chart->title(), compareMetricTitle(metric));
                    const QList<QAbstractBarSeries *> bars = seriesOf<QAbstractBarSeries>(chart.get());
                    QCOMPARE(bars.size(), 1);
                    const QList<QBarSet *> sets = bars.front()->barSets();
                    QCOMPARE(sets.size(), static_cast<int>(estimates.size()));
                    for (size_t s = 0; s < estimates.size(); ++s) {
                        QBarSet *set = sets[static_cast<int>(s)];
                        QCOMPARE(set->label(), QString::fromStdString(estimates[s].name));
                        QCOMPARE(set->count(), 1);
                        QCOMPARE(set->at(0), compareValue(estimates[s], version, metric).value_or(0));
                        QCOMPARE(set->color(), scenarioColor(s));
                    }
                }
            }
        }
    }
};

QTEST_MAIN(TestAnalysisCharts)
#include "test_analysischarts.moc"
