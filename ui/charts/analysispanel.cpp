#include "ui/charts/analysispanel.h"

#include "core/plan/plananalysis.h"
#include "ui/charts/analysischarts.h"
#include "ui/charts/chartsupport.h"
#include "ui/charts/chartview.h"
#include "ui/document/plandocument.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace planner {

namespace {

QWidget *sideBySide(QWidget *left, QWidget *right)
{
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

// Header texts changed only where they differ: each change has the header
// measure its sections again.
void setHeaderTexts(QTableWidget *table, Qt::Orientation orientation, const QStringList &texts)
{
    for (int i = 0; i < texts.size(); ++i) {
        QTableWidgetItem *item = orientation == Qt::Horizontal ? table->horizontalHeaderItem(i)
                                                               : table->verticalHeaderItem(i);
        if (item && item->text() == texts.at(i))
            continue;
        if (orientation == Qt::Horizontal)
            table->setHorizontalHeaderItem(i, new QTableWidgetItem(texts.at(i)));
        else
            table->setVerticalHeaderItem(i, new QTableWidgetItem(texts.at(i)));
    }
}

} // namespace

AnalysisPanel::AnalysisPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedraw(this, [this] { refreshCurrentTab(); })
{
    mSimulations.setMaxThreadCount(1);
    for (ChartView *&view : mViews)
        view = new ChartView(this);

    mVersion = new QComboBox(this);
    mVersion->setObjectName(QStringLiteral("analysisVersionBox"));
    mVersion->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(mVersion, &QComboBox::activated, this, [this] {
        mStale.fill(true);
        refreshCurrentTab();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model version for the speed and load charts:"), this));
    top->addWidget(mVersion);
    top->addStretch();

    mTabs = new QTabWidget(this);
    mTabs->setDocumentMode(true);
    mTabs->addTab(mViews[MemoryFit], tr("Memory fit"));
    mTabs->addTab(sideBySide(mViews[Throughput], mViews[Ttft]), tr("Speed"));
    mTabs->addTab(mViews[LatencyByRate], tr("Under load"));
    mTabs->addTab(sideBySide(mViews[CumulativeCost], mViews[CostPerMillion]), tr("Cost"));

    auto *compare = new QWidget(this);
    auto *compareLayout = new QHBoxLayout(compare);
    mCompareTable = new QTableWidget(compare);
    mCompareTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    compareLayout->addWidget(mCompareTable, 2);
    auto *grid = new QGridLayout;
    int cell = 0;
    for ([[maybe_unused]] CompareMetric metric : kCompareMetrics) {
        auto *view = new ChartView(compare);
        view->setMinimumSize(200, 160);
        mCompareViews.push_back(view);
        grid->addWidget(view, cell / 4, cell % 4);
        ++cell;
    }
    mCompareLegend = new QLabel(compare);
    mCompareLegend->setTextFormat(Qt::RichText);
    mCompareLegend->setWordWrap(true); // long scenario names wrap instead of widening the window
    // The small charts scroll rather than make the dock (and every dock
    // tabbed with it) taller than the window can spare.
    auto *gridHolder = new QWidget;
    gridHolder->setLayout(grid);
    auto *gridScroll = new QScrollArea(compare);
    gridScroll->setWidget(gridHolder);
    gridScroll->setWidgetResizable(true);
    gridScroll->setFrameShape(QFrame::NoFrame);
    auto *charts = new QVBoxLayout;
    charts->addWidget(mCompareLegend);
    charts->addWidget(gridScroll, 1);
    compareLayout->addLayout(charts, 5);
    mTabs->addTab(compare, tr("Compare scenarios"));
    connect(mTabs, &QTabWidget::currentChanged, this, &AnalysisPanel::refreshCurrentTab);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(mTabs);

    connect(&mDocument, &PlanDocument::planChanged, this, [this](const PlanChange &change) {
        if (!change.onlyLayout())
            planChanged();
    });
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &AnalysisPanel::planChanged);
    planChanged();
}

AnalysisPanel::~AnalysisPanel()
{
    mLoadStop.request_stop(); // the pool's destructor then waits a moment, not a whole sweep
}

void AnalysisPanel::planChanged()
{
    mStale.fill(true);
    fillVersions();
    scheduleRefresh();
}

void AnalysisPanel::scheduleRefresh()
{
    mRedraw.schedule();
}

void AnalysisPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        mStale.fill(true);
        scheduleRefresh();
    }
}

void AnalysisPanel::fillVersions()
{
    const QString chosen = mVersion->currentData().toString();
    mVersion->clear();
    for (const std::string &id : mDocument.plan().modelIds)
        if (const ModelSpec *m = mDocument.plan().parts.model(id))
            mVersion->addItem(QString::fromStdString(m->displayName), QString::fromStdString(id));
    mVersion->setCurrentIndex(std::max(0, mVersion->findData(chosen)));
}

void AnalysisPanel::refreshCurrentTab()
{
    const int tab = mTabs->currentIndex();
    if (tab < 0 || !mStale[tab])
        return;
    mStale[tab] = false;
    switch (tab) {
    case MemoryTab: drawMemory(); break;
    case SpeedTab: drawSpeed(); break;
    case LoadTab: drawLoad(); break;
    case CostTab: drawCost(); break;
    case CompareTab: drawCompare(); break;
    default: break;
    }
}

void AnalysisPanel::drawMemory()
{
    mViews[MemoryFit]->showChart(memoryFitChart(mDocument.estimates().at(mDocument.currentScenario())));
}

namespace {

// The chosen version's estimate in the scenario on show.
VersionEstimate chosenVersion(const PlanDocument &document, int index)
{
    const ScenarioEstimate &scenario = document.estimates().at(document.currentScenario());
    if (index < 0 || static_cast<size_t>(index) >= scenario.versions.size())
        return {};
    return scenario.versions[static_cast<size_t>(index)];
}

} // namespace

void AnalysisPanel::drawSpeed()
{
    const VersionEstimate v = chosenVersion(mDocument, mVersion->currentIndex());
    const ScenarioEstimate &scenario = mDocument.estimates().at(mDocument.currentScenario());
    if (scenario.training) {
        const std::vector<TrainingScalePoint> curve = v.training ? trainingScaling(*v.training, scenario.cluster)
                                                                 : std::vector<TrainingScalePoint>{};
        mViews[Throughput]->showChart(trainingDaysChart(v, scenario, curve));
        mViews[Ttft]->showChart(trainingCostChart(v, scenario, curve));
        return;
    }
    mViews[Throughput]->showChart(throughputChart(v, mDocument.plan().workload));
    mViews[Ttft]->showChart(ttftChart(v, mDocument.plan().workload));
}

void AnalysisPanel::drawLoad()
{
    // The serving simulation behind this chart takes tens of milliseconds on
    // a large plan: it runs on a worker thread with its own copies of the
    // inputs, and only the latest edit's result is drawn.
    const VersionEstimate v = chosenVersion(mDocument, mVersion->currentIndex());
    const PlanWorkload workload = mDocument.plan().workload;
    const int generation = ++mLoadGeneration;
    if (v.training) {
        QChart *chart = latencyByRateChart(v, {}, workload);
        explainEmpty(chart, tr("A training scenario serves no load: the Speed tab shows how its time and cost "
                               "scale with the servers"));
        mViews[LatencyByRate]->showChart(chart);
        emit loadChartDrawn();
        return;
    }
    auto *watcher = new QFutureWatcher<RateSweep>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, v, workload, generation] {
        watcher->deleteLater();
        if (generation != mLoadGeneration)
            return;
        mViews[LatencyByRate]->showChart(latencyByRateChart(v, watcher->result(), workload));
        emit loadChartDrawn();
    });
    mLoadStop.request_stop();
    mLoadStop = std::stop_source();
    const std::stop_token stop = mLoadStop.get_token();
    watcher->setFuture(QtConcurrent::run(
        &mSimulations, [v, workload, stop] { return latencyByRate(v, workload, kSweepRequests, stop); }));
}

void AnalysisPanel::drawCost()
{
    const std::vector<ScenarioEstimate> &estimates = mDocument.estimates();
    mViews[CumulativeCost]->showChart(cumulativeCostChart(estimates, planBreakEven(estimates)));
    mViews[CostPerMillion]->showChart(costPerMillionChart(estimates));
}

void AnalysisPanel::drawCompare()
{
    const std::vector<ScenarioEstimate> &estimates = mDocument.estimates();
    const size_t version = static_cast<size_t>(std::max(0, mVersion->currentIndex()));
    const int rows = static_cast<int>(std::size(kCompareMetrics));
    const int columns = static_cast<int>(estimates.size());
    // Cells and headers take new texts in place: a table made anew measured
    // every header and row again after each edit (about 1 ms at 4,096 GPUs).
    mCompareTable->setRowCount(rows);
    mCompareTable->setColumnCount(columns);
    QStringList scenarios;
    for (const ScenarioEstimate &s : estimates)
        scenarios << QString::fromStdString(s.name);
    setHeaderTexts(mCompareTable, Qt::Horizontal, scenarios);
    QStringList legend;
    for (size_t i = 0; i < estimates.size(); ++i)
        legend << QStringLiteral("<span style='color:%1'>■</span> %2")
                      .arg(scenarioColor(i).name(), scenarios.at(static_cast<int>(i)).toHtmlEscaped());
    if (const QString text = legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")); text != mCompareLegend->text())
        mCompareLegend->setText(text);
    QStringList metrics;
    const QLocale locale;
    for (int row = 0; row < rows; ++row) {
        const CompareMetric metric = kCompareMetrics[row];
        metrics << compareMetricTitle(metric);
        for (int column = 0; column < columns; ++column) {
            const ScenarioEstimate &e = estimates[static_cast<size_t>(column)];
            const std::optional<double> value = compareValue(e, version, metric);
            const bool lowerBound = value && compareIsLowerBound(e, metric);
            QTableWidgetItem *item = mCompareTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                mCompareTable->setItem(row, column, item);
            }
            const QString text = value ? (lowerBound ? QStringLiteral("≥ ") : QString())
                                             + locale.toString(*value, 'f', compareDecimals(metric))
                                       : tr("—");
            const QString tip = !value       ? tr("No estimate: see the summary's note")
                                : lowerBound ? tr("A lower bound: some parts have no price")
                                             : QString();
            if (item->text() != text)
                item->setText(text);
            if (item->toolTip() != tip)
                item->setToolTip(tip);
        }
        mCompareViews[static_cast<size_t>(row)]->showChart(compareChart(estimates, version, metric));
    }
    setHeaderTexts(mCompareTable, Qt::Vertical, metrics);
    // Measured once per drawing: a header that resizes rows to their contents
    // measures a row again for each cell given a new text.
    mCompareTable->resizeRowsToContents();
    mCompareTable->resizeColumnsToContents();
    // Wide enough for every scenario's column: the charts beside it give way.
    int width = mCompareTable->verticalHeader()->sizeHint().width() + 2 * mCompareTable->frameWidth();
    for (int column = 0; column < mCompareTable->columnCount(); ++column)
        width += mCompareTable->columnWidth(column);
    mCompareTable->setMinimumWidth(std::min(width, this->width() / 2));
}

} // namespace planner
