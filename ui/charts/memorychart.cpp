#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/format/memoryunit.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace planner {

namespace {

// One model version's bar: its label (with the shortfall when it does not
// fit), the parts of its memory per GPU in the order of the chart's sets,
// and the GPU's usable capacity.
struct MemoryBar {
    QString label;
    std::vector<units::Bytes> parts;
    units::Bytes capacity;
};

// Serving: weights, KV cache, activations, runtime and engine reserve.
std::vector<MemoryBar> servingBars(const ScenarioEstimate &scenario)
{
    std::vector<MemoryBar> bars;
    for (const VersionEstimate &v : scenario.versions) {
        const MemoryBreakdown &m = v.memory.perGpu;
        if (m.total() <= units::bytes(0))
            continue; // never sized: the topology or the formats are at fault (the summary says why)
        QString label = QString::fromStdString(v.modelName);
        if (!v.memory.fits)
            label += AnalysisCharts::tr("\ndoes not fit: %1 short").arg(memoryText(v.memory.shortfall, 1));
        bars.push_back({label, {m.weights, m.kvCache, m.activations, m.overhead}, v.memory.capacity});
    }
    return bars;
}

// Training: weights, gradients, optimizer states (with the FP32 master
// copy), activations, runtime reserve.
std::vector<MemoryBar> trainingBars(const ScenarioEstimate &scenario)
{
    std::vector<MemoryBar> bars;
    for (const VersionEstimate &v : scenario.versions) {
        if (!v.training)
            continue; // not estimated (the summary says why)
        const TrainingMemoryEstimate &m = v.training->memory;
        QString label = QString::fromStdString(v.modelName);
        if (!m.fits)
            label += AnalysisCharts::tr("\ndoes not fit: %1 short").arg(memoryText(m.shortfall, 1));
        bars.push_back({label, {m.weights, m.gradients, m.optimizerStates, m.activations, m.overhead}, m.capacity});
    }
    return bars;
}

} // namespace

QChart *memoryFitChart(const ScenarioEstimate &scenario)
{
    const QString gpu = scenario.cluster.gpu ? QString::fromStdString(scenario.cluster.gpu->name)
                                             : AnalysisCharts::tr("no GPU");
    QChart *chart = newChart((scenario.training ? AnalysisCharts::tr("Training memory per GPU: %1 (%2)")
                                                : AnalysisCharts::tr("Memory per GPU: %1 (%2)"))
                                 .arg(gpu, QString::fromStdString(scenario.name)));
    const QStringList setNames = scenario.training
                                     ? QStringList{AnalysisCharts::tr("Weights"), AnalysisCharts::tr("Gradients"),
                                                   AnalysisCharts::tr("Optimizer states"),
                                                   AnalysisCharts::tr("Activations"),
                                                   AnalysisCharts::tr("Runtime reserve")}
                                     : QStringList{AnalysisCharts::tr("Weights"), AnalysisCharts::tr("KV cache"),
                                                   AnalysisCharts::tr("Activations"),
                                                   AnalysisCharts::tr("Runtime and engine reserve")};
    auto *stack = new QStackedBarSeries;
    QList<QBarSet *> sets;
    for (const QString &name : setNames)
        sets << new QBarSet(name);
    QStringList categories;
    units::Bytes capacity = units::bytes(0);
    double tallest = 0;
    for (const MemoryBar &bar : scenario.training ? trainingBars(scenario) : servingBars(scenario)) {
        categories << bar.label;
        units::Bytes total = units::bytes(0);
        for (qsizetype i = 0; i < sets.size(); ++i) {
            *sets[i] << inMemoryUnit(bar.parts[static_cast<size_t>(i)]);
            total += bar.parts[static_cast<size_t>(i)];
        }
        capacity = std::max(capacity, bar.capacity);
        tallest = std::max(tallest, inMemoryUnit(total));
    }
    stack->append(sets);
    setTooltipUnit(stack, memoryUnitSymbol(), 1);
    chart->addSeries(stack);

    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    chart->addAxis(categoryAxis, Qt::AlignBottom);
    QValueAxis *y = addValueAxis(
        chart, AnalysisCharts::tr("%1 per GPU (%2)").arg(memoryUnitSymbol(), memoryUnitDefinition()), Qt::AlignLeft);
    stack->attachAxis(categoryAxis);
    stack->attachAxis(y);
    fitAxis(y, std::max(tallest, inMemoryUnit(capacity)));

    if (capacity > units::bytes(0) && !categories.isEmpty()) {
        // The capacity line spans the bars on a hidden axis matching the categories' positions.
        auto *x = new QValueAxis;
        x->setRange(-0.5, categories.size() - 0.5);
        x->setVisible(false);
        chart->addAxis(x, Qt::AlignBottom);
        const double usable = inMemoryUnit(capacity);
        QLineSeries *line = addMarkerLine(chart, AnalysisCharts::tr("Usable capacity %1").arg(memoryText(capacity, 1)),
                                          QPointF(-0.5, usable), QPointF(categories.size() - 0.5, usable), x, y,
                                          Qt::red);
        setTooltipUnit(line, memoryUnitSymbol(), 1);
    }
    return chart;
}

} // namespace planner
