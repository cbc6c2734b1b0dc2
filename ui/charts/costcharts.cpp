#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/format/money.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace planner {

namespace {

QString scenarioName(const ScenarioEstimate &s)
{
    return QString::fromStdString(s.name);
}

} // namespace

QChart *cumulativeCostChart(const std::vector<ScenarioEstimate> &scenarios,
                            const std::optional<PlanBreakEven> &breakEven)
{
    QChart *chart = newChart(AnalysisCharts::tr("Cumulative cost over the horizon"));
    auto *x = new QValueAxis;
    x->setTitleText(AnalysisCharts::tr("Month"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = addValueAxis(chart, AnalysisCharts::tr("Cumulative %1").arg(currencyCode()), Qt::AlignLeft);
    double months = 1;
    double most = 0;
    for (const ScenarioEstimate &s : scenarios) {
        const std::vector<double> &cash = s.cost.cumulativeUsdByMonth;
        if (cash.empty() || s.costCompleteness == CostCompleteness::Unknown)
            continue; // no line for a cost that misses a GPU's or an instance's price
        auto *line = new QLineSeries;
        line->setName(
            scenarioName(s)
            + (s.costCompleteness == CostCompleteness::LowerBound ? AnalysisCharts::tr(" (lower bound)") : QString()));
        for (size_t month = 0; month < cash.size(); ++month)
            line->append(static_cast<double>(month), inDisplayCurrency(cash[month]));
        setTooltipUnit(line, currencyCode(), 0);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        months = std::max(months, static_cast<double>(cash.size() - 1));
        most = std::max(most, inDisplayCurrency(cash.back()));
    }
    x->setRange(0, months);
    fitAxis(y, most);
    if (breakEven && breakEven->month) {
        const std::vector<double> &cash = scenarios[breakEven->onPremScenario].cost.cumulativeUsdByMonth;
        const size_t month = std::min(static_cast<size_t>(*breakEven->month), cash.size() - 1);
        auto *point = new QScatterSeries;
        point->setName(AnalysisCharts::tr("Break-even: month %1").arg(*breakEven->month));
        point->setMarkerSize(12);
        point->append(static_cast<double>(month), inDisplayCurrency(cash[month]));
        setTooltipUnit(point, currencyCode(), 0);
        chart->addSeries(point);
        point->attachAxis(x);
        point->attachAxis(y);
    }
    return chart;
}

QChart *costPerMillionChart(const std::vector<ScenarioEstimate> &scenarios)
{
    const bool training = std::any_of(scenarios.begin(), scenarios.end(),
                                      [](const ScenarioEstimate &s) { return s.training; });
    const bool serving = std::any_of(scenarios.begin(), scenarios.end(),
                                     [](const ScenarioEstimate &s) { return !s.training; });
    const QString tokens = !training ? AnalysisCharts::tr("output tokens")
                           : serving ? AnalysisCharts::tr("tokens (served, or trained on in a training run)")
                                     : AnalysisCharts::tr("trained tokens");
    QChart *chart = newChart(AnalysisCharts::tr("Cost per million %1").arg(tokens));
    auto *bars = new QBarSeries;
    QStringList categories;
    for (const ScenarioEstimate &s : scenarios)
        categories << scenarioName(s);
    double most = 0;
    const size_t versions = scenarios.empty() ? 0 : scenarios.front().versions.size();
    for (size_t v = 0; v < versions; ++v) {
        auto *set = new QBarSet(QString::fromStdString(scenarios.front().versions[v].modelName));
        for (const ScenarioEstimate &s : scenarios) {
            // No bar where the version has no cost: it does not fit, cannot be timed, or a GPU has no price.
            const std::optional<double> usd = v < s.versions.size() ? usdPerMillionTokens(s.versions[v]) : std::nullopt;
            const double cost = usd ? inDisplayCurrency(*usd) : 0;
            *set << cost;
            most = std::max(most, cost);
        }
        bars->append(set);
    }
    setTooltipUnit(bars, AnalysisCharts::tr("%1 per million %2").arg(currencyCode(), tokens), 2);
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = addValueAxis(chart,
                                 training ? AnalysisCharts::tr("%1 per 10⁶ tokens").arg(currencyCode())
                                          : AnalysisCharts::tr("%1 per 10⁶ output tokens").arg(currencyCode()),
                                 Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    fitAxis(y, most);
    return chart;
}

QString compareMetricTitle(CompareMetric metric)
{
    switch (metric) {
    case CompareMetric::Capex: return AnalysisCharts::tr("Capital (%1)").arg(currencyCode());
    case CompareMetric::MonthlyCost: return AnalysisCharts::tr("Monthly cost (%1)").arg(currencyCode());
    case CompareMetric::TokensPerSecond: return AnalysisCharts::tr("Output tokens/s");
    case CompareMetric::CostPerMillion: return AnalysisCharts::tr("%1 per 10⁶ output tokens").arg(currencyCode());
    case CompareMetric::Ttft: return AnalysisCharts::tr("TTFT (s)");
    case CompareMetric::Tpot: return AnalysisCharts::tr("TPOT (ms)");
    case CompareMetric::Power: return AnalysisCharts::tr("Power at the wall (kW)");
    }
    return {};
}

bool compareIsLowerBound(const ScenarioEstimate &s, CompareMetric metric)
{
    const bool money = metric == CompareMetric::Capex || metric == CompareMetric::MonthlyCost
                       || metric == CompareMetric::CostPerMillion;
    return money && s.costCompleteness == CostCompleteness::LowerBound;
}

std::optional<double> compareValue(const ScenarioEstimate &s, size_t version, CompareMetric metric)
{
    switch (metric) {
    // A cost missing a GPU's or an instance's price is unknown: no bar, no figure.
    case CompareMetric::Capex:
    case CompareMetric::MonthlyCost:
        if (s.costCompleteness == CostCompleteness::Unknown)
            return std::nullopt;
        return inDisplayCurrency(metric == CompareMetric::Capex ? s.cost.capexUsd : s.cost.monthlyTotalUsd);
    case CompareMetric::Power: return s.cost.averagePowerKw;
    default: break;
    }
    if (version >= s.versions.size() || !s.versions[version].speed)
        return std::nullopt;
    const VersionEstimate &v = s.versions[version];
    const PerfPoint &p = v.speed->nominal;
    switch (metric) {
    case CompareMetric::TokensPerSecond: return p.outputTokensPerSecond;
    case CompareMetric::CostPerMillion:
        return v.usdPerMillionOutputTokens ? std::optional<double>(inDisplayCurrency(*v.usdPerMillionOutputTokens))
                                           : std::nullopt;
    case CompareMetric::Ttft: return units::inSeconds(p.ttft);
    case CompareMetric::Tpot: return units::inSeconds(p.tpot) * 1e3;
    default: return std::nullopt;
    }
}

QChart *compareChart(const std::vector<ScenarioEstimate> &scenarios, size_t version, CompareMetric metric)
{
    // A bar set per scenario in one unlabelled category: the panel shows one
    // legend (scenario colours) for all the compare charts.
    QChart *chart = newChart(compareMetricTitle(metric));
    chart->legend()->hide();
    auto *bars = new QBarSeries;
    double most = 0;
    for (size_t i = 0; i < scenarios.size(); ++i) {
        auto *set = new QBarSet(scenarioName(scenarios[i]));
        set->setColor(scenarioColor(i));
        const double value = compareValue(scenarios[i], version, metric).value_or(0);
        *set << value;
        most = std::max(most, value);
        bars->append(set);
    }
    setTooltipUnit(bars, QString(), compareDecimals(metric));
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(QString());
    x->setVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = addValueAxis(chart, QString(), Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    fitAxis(y, most);
    return chart;
}

int compareDecimals(CompareMetric metric)
{
    switch (metric) {
    case CompareMetric::Capex:
    case CompareMetric::MonthlyCost:
    case CompareMetric::TokensPerSecond: return 0;
    case CompareMetric::CostPerMillion: return 2;
    case CompareMetric::Ttft: return 3;
    case CompareMetric::Tpot:
    case CompareMetric::Power: return 1;
    }
    return 2;
}

QColor scenarioColor(size_t index)
{
    // Qt Charts' light-theme series colours, so the compare charts match the others.
    static const QColor colors[] = {QColor(0x20, 0x9f, 0xdf), QColor(0x99, 0xca, 0x53), QColor(0xf6, 0xa6, 0x25),
                                    QColor(0x6d, 0x5f, 0xd5), QColor(0xbf, 0x59, 0x3e)};
    return colors[index % std::size(colors)];
}

} // namespace planner
