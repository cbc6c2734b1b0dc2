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

QChart *memoryFitChart(const ScenarioEstimate &scenario)
{
    const QString gpu = scenario.cluster.gpu ? QString::fromStdString(scenario.cluster.gpu->name)
                                             : AnalysisCharts::tr("no GPU");
    QChart *chart = newChart(
        AnalysisCharts::tr("Memory per GPU: %1 (%2)").arg(gpu, QString::fromStdString(scenario.name)));
    auto *stack = new QStackedBarSeries;
    auto *weights = new QBarSet(AnalysisCharts::tr("Weights"));
    auto *kv = new QBarSet(AnalysisCharts::tr("KV cache"));
    auto *activations = new QBarSet(AnalysisCharts::tr("Activations"));
    auto *overhead = new QBarSet(AnalysisCharts::tr("Runtime and engine reserve"));
    QStringList categories;
    units::Bytes capacity = units::bytes(0);
    double tallest = 0;
    for (const VersionEstimate &v : scenario.versions) {
        const MemoryBreakdown &m = v.memory.perGpu;
        if (m.total() <= units::bytes(0))
            continue; // never sized: the topology or the formats are at fault (the summary says why)
        QString label = QString::fromStdString(v.modelName);
        if (!v.memory.fits)
            label += AnalysisCharts::tr("\ndoes not fit: %1 short").arg(memoryText(v.memory.shortfall, 1));
        categories << label;
        *weights << inMemoryUnit(m.weights);
        *kv << inMemoryUnit(m.kvCache);
        *activations << inMemoryUnit(m.activations);
        *overhead << inMemoryUnit(m.overhead);
        capacity = std::max(capacity, v.memory.capacity);
        tallest = std::max(tallest, inMemoryUnit(m.total()));
    }
    stack->append({weights, kv, activations, overhead});
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
