#include "ui/report/proposalcharts.h"

#include "core/plan/plananalysis.h"
#include "core/plan/scenariochoice.h"
#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QtConcurrent/QtConcurrentMap>

#include <memory>

namespace planner {

namespace {

class ProposalCharts
{
    Q_DECLARE_TR_FUNCTIONS(ProposalCharts)
};

// Logical sizes (pixels at 96 per inch) the charts are laid out at; the
// document scales them to the text width.
const QSizeF kWide(760, 330);
const QSizeF kCompareCell(250, 190);
constexpr int kCompareColumns = 3;

// Charts painted by a scene of their own, kept alive with the figure.
struct ChartScene {
    QGraphicsScene scene;
    std::vector<QChart *> charts; // owned by the scene

    void add(QChart *chart, const QRectF &at)
    {
        scene.addItem(chart);
        chart->setGeometry(at);
        charts.push_back(chart);
    }
};

ProposalFigure figureOf(const QString &caption, const std::shared_ptr<ChartScene> &charts, const QSizeF &size)
{
    ProposalFigure figure;
    figure.caption = caption;
    figure.size = size;
    figure.paint = [charts, size](QPainter *painter, const QRectF &target) {
        charts->scene.render(painter, target, QRectF(QPointF(0, 0), size), Qt::KeepAspectRatio);
    };
    return figure;
}

ProposalFigure chartFigure(const QString &caption, QChart *chart)
{
    chart->setTitle(QString()); // the caption above it says the same
    // A page is narrower than the dock: a smaller legend keeps every entry whole.
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    // Scenario names that would be cut to the same "QLoRA on one R…" wrap.
    wrapCategories(chart, static_cast<int>(kWide.width()) - 80);
    auto charts = std::make_shared<ChartScene>();
    charts->add(chart, QRectF(QPointF(0, 0), kWide));
    return figureOf(caption, charts, kWide);
}

// The scenarios' colours, one per line from `at`: the small charts have no
// room for a legend of their own.
void addScenarioKey(QGraphicsScene &scene, const std::vector<ScenarioEstimate> &estimates, QPointF at)
{
    constexpr double kLine = 20;
    for (size_t i = 0; i < estimates.size(); ++i) {
        const QPointF line = at + QPointF(0, kLine * static_cast<double>(i));
        scene.addRect(QRectF(line + QPointF(0, 4), QSizeF(11, 11)), Qt::NoPen, scenarioColor(i));
        QGraphicsSimpleTextItem *name = scene.addSimpleText(QString::fromStdString(estimates[i].name));
        name->setPos(line + QPointF(18, 0));
    }
}

// Every compare metric of the plan's scenarios for one version, a small chart
// each in a grid (the scenarios' colours are the same in every cell).
ProposalFigure compareFigure(const std::vector<ScenarioEstimate> &estimates, size_t version, const QString &versionName)
{
    auto charts = std::make_shared<ChartScene>();
    int cell = 0;
    for (CompareMetric metric : kCompareMetrics) {
        const QPointF at((cell % kCompareColumns) * kCompareCell.width(),
                         (cell / kCompareColumns) * kCompareCell.height());
        QChart *chart = compareChart(estimates, version, metric);
        chart->legend()->setVisible(false);
        charts->add(chart, QRectF(at, kCompareCell));
        ++cell;
    }
    addScenarioKey(charts->scene, estimates,
                   QPointF((cell % kCompareColumns) * kCompareCell.width() + 16,
                           (cell / kCompareColumns) * kCompareCell.height() + 24));
    const int rows = (cell + kCompareColumns - 1) / kCompareColumns;
    const QSizeF size(kCompareColumns * kCompareCell.width(), rows * kCompareCell.height());
    return figureOf(ProposalCharts::tr("The scenarios side by side (%1)").arg(versionName), charts, size);
}

// The scenario whose speed the proposal draws: the recommended one, else the
// first where some version has an estimate.
std::optional<size_t> speedScenario(const std::vector<ScenarioEstimate> &estimates)
{
    if (const std::optional<size_t> chosen = chooseScenario(estimates).recommended)
        return chosen;
    for (size_t i = 0; i < estimates.size(); ++i)
        for (const VersionEstimate &v : estimates[i].versions)
            if (v.speed || (v.training && v.training->time))
                return i;
    return std::nullopt;
}

} // namespace

std::vector<RateSweep> proposalSweeps(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                      std::stop_token stop)
{
    const std::optional<size_t> scenario = speedScenario(estimates);
    if (!scenario)
        return {};
    // Each simulation runs to steady state (a second or so for a large
    // model): all versions at once.
    const std::vector<VersionEstimate> &versions = estimates[*scenario].versions;
    const QList<RateSweep> sweeps = QtConcurrent::blockingMapped(
        QList<VersionEstimate>(versions.begin(), versions.end()), [&plan, stop](const VersionEstimate &v) {
            return v.speed ? latencyByRate(v, plan.workload, kSweepRequests, stop) : RateSweep{};
        });
    return {sweeps.begin(), sweeps.end()};
}

std::vector<ProposalFigure> proposalCharts(const Plan &plan, const std::vector<ScenarioEstimate> &estimates,
                                           const std::vector<RateSweep> &sweeps)
{
    std::vector<ProposalFigure> figures;
    if (estimates.empty() || plan.modelIds.empty())
        return figures;
    const PrintedCharts onPaper;

    for (const ScenarioEstimate &s : estimates)
        if (!s.versions.empty())
            figures.push_back(chartFigure(ProposalCharts::tr("Memory per GPU: %1").arg(QString::fromStdString(s.name)),
                                          memoryFitChart(s)));

    if (const std::optional<size_t> scenario = speedScenario(estimates)) {
        const ScenarioEstimate &s = estimates[*scenario];
        const QString scenarioName = QString::fromStdString(s.name);
        for (size_t i = 0; i < s.versions.size(); ++i) {
            const VersionEstimate &v = s.versions[i];
            const QString where = ProposalCharts::tr("%1 on %2").arg(QString::fromStdString(v.modelName), scenarioName);
            // A curve of one point (one server drawn) says nothing on paper.
            const std::vector<TrainingScalePoint> curve = v.training && v.training->time
                                                              ? trainingScaling(*v.training, s.cluster)
                                                              : std::vector<TrainingScalePoint>{};
            if (curve.size() > 1) {
                figures.push_back(chartFigure(ProposalCharts::tr("Days to train against servers: %1").arg(where),
                                              trainingDaysChart(v, s, curve)));
                figures.push_back(chartFigure(ProposalCharts::tr("Run cost against servers: %1").arg(where),
                                              trainingCostChart(v, s, curve)));
            }
            if (!v.speed)
                continue;
            figures.push_back(chartFigure(ProposalCharts::tr("Throughput and TPOT against concurrency: %1").arg(where),
                                          throughputChart(v, plan.workload)));
            figures.push_back(chartFigure(ProposalCharts::tr("TTFT against prompt length: %1").arg(where),
                                          ttftChart(v, plan.workload)));
            figures.push_back(
                chartFigure(ProposalCharts::tr("Latency under load (serving simulation): %1").arg(where),
                            latencyByRateChart(v, i < sweeps.size() ? sweeps[i] : RateSweep{}, plan.workload)));
        }
    }

    figures.push_back(chartFigure(ProposalCharts::tr("Cumulative cost over the horizon"),
                                  cumulativeCostChart(estimates, planBreakEven(estimates))));
    QChart *perMillion = costPerMillionChart(estimates); // its title says which tokens it counts
    figures.push_back(chartFigure(perMillion->title(), perMillion));
    if (estimates.size() > 1)
        for (size_t version = 0; version < plan.modelIds.size(); ++version) {
            const ModelSpec *model = plan.parts.model(plan.modelIds[version]);
            const QString name = model ? QString::fromStdString(model->displayName)
                                       : QString::fromStdString(plan.modelIds[version]);
            figures.push_back(compareFigure(estimates, version, name));
        }
    return figures;
}

} // namespace planner
