#include "ui/search/findbuilddialog.h"

#include "database/hardwareoptions.h"
#include "ui/charts/chartsupport.h"
#include "ui/charts/chartview.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/coremessage.h"
#include "ui/format/estimatetext.h"
#include "ui/format/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>

namespace planner {

namespace {

enum Column { Rank, Build, Where, Gpus, Layout, Latency, Monthly, PerMillion, Pareto, ColumnCount };

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// "TP 4 · fp8 weights · fp8 KV · 3 replicas" for each model version of a
// build, named when there are several.
QString layoutOf(const Recommendation &r)
{
    QStringList lines;
    for (const ReplicaPlan &p : r.plans) {
        const QString layout = FindBuildDialog::tr("%1 · %2 weights · %3 KV · %4 replicas")
                                   .arg(qs(describeParallelism(p.parallel)), qs(p.weightFormat), qs(p.kvFormat))
                                   .arg(p.replicas);
        lines << (r.plans.size() == 1 ? layout : FindBuildDialog::tr("%1: %2").arg(qs(p.modelId), layout));
    }
    return lines.join(u'\n');
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// Monthly cost against the worst end-to-end latency of every build, the
// Pareto front joined by a line.
QChart *paretoChart(const RecommendResult &result)
{
    QChart *chart = newChart(FindBuildDialog::tr("Monthly cost against latency"));
    auto *all = new QScatterSeries;
    all->setName(FindBuildDialog::tr("Builds"));
    all->setMarkerSize(7);
    auto *front = new QLineSeries;
    front->setName(FindBuildDialog::tr("Pareto front: no cheaper build is as fast"));
    setTooltipUnit(all, currencyCode(), 0);
    setTooltipUnit(front, currencyCode(), 0);
    std::vector<QPointF> frontPoints;
    double slowest = 0;
    double dearest = 0;
    double cheapest = std::numeric_limits<double>::infinity();
    for (const Recommendation &r : result.ranked) {
        const QPointF p(units::inSeconds(r.worstEndToEnd), inDisplayCurrency(r.cost.monthlyTotalUsd));
        all->append(p);
        if (r.paretoOptimal)
            frontPoints.push_back(p);
        slowest = std::max(slowest, p.x());
        dearest = std::max(dearest, p.y());
        cheapest = std::min(cheapest, p.y());
    }
    std::sort(frontPoints.begin(), frontPoints.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    for (const QPointF &p : frontPoints)
        front->append(p);
    chart->addSeries(all);
    chart->addSeries(front);
    QValueAxis *x = addValueAxis(chart, FindBuildDialog::tr("End-to-end latency of a request (s)"), Qt::AlignBottom);
    // Logarithmic: a rack costs a hundred times a workstation, and the cheap end is where the choice is.
    auto *y = new QLogValueAxis;
    y->setBase(10);
    y->setTitleText(FindBuildDialog::tr("%1 a month").arg(currencyCode()));
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setMinorTickCount(-1);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(all), static_cast<QAbstractSeries *>(front)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    fitAxis(x, slowest);
    if (result.ranked.empty())
        cheapest = dearest = 1;
    y->setRange(std::max(cheapest / 1.5, 1.0), std::max(dearest * 1.5, 10.0));
    if (result.ranked.empty())
        explainEmpty(chart, FindBuildDialog::tr("no build meets the request"));
    return chart;
}

} // namespace

FindBuildDialog::FindBuildDialog(PlanDocument &document, QWidget *parent)
    : QDialog(parent)
    , mDocument(document)
{
    setWindowTitle(tr("Find a Build"));
    const PlanWorkload &w = document.plan().workload;
    mOnPrem = new QCheckBox(tr("&On-prem servers"), this);
    mOnPrem->setChecked(true);
    mCloud = new QCheckBox(tr("&Cloud instances"), this);
    mCloud->setChecked(true);
    mVendors = new QLineEdit(this);
    mVendors->setPlaceholderText(tr("any (e.g. NVIDIA, AMD)"));
    mRate = new QDoubleSpinBox(this);
    mRate->setRange(0.001, 1e6);
    mRate->setDecimals(3);
    mRate->setSuffix(tr(" requests/s"));
    mRate->setValue(w.requestsPerSecond);
    mRate->setToolTip(tr("The average rate the build must serve (the workload's request rate); it is sized for the "
                         "workload's peak"));
    mBudget = new QDoubleSpinBox(this);
    mBudget->setRange(0, 1e9);
    mBudget->setDecimals(0);
    mBudget->setGroupSeparatorShown(true);
    mBudget->setSuffix(QLatin1Char(' ') + currencyCode());
    mBudget->setSpecialValueText(tr("no limit"));
    mMinimumBits = new QComboBox(this);
    mMinimumBits->addItem(tr("any (down to 4-bit)"), 0);
    mMinimumBits->addItem(tr("8-bit or wider"), 8);
    mMinimumBits->addItem(tr("16-bit"), 16);
    mTier = new QComboBox(this);
    addCloudTiers(mTier);
    mTier->setCurrentIndex(std::max(0, mTier->findData(static_cast<int>(document.scenario().cloudTier))));
    mSearch = new QPushButton(tr("&Search"), this);
    mSearch->setDefault(true);
    connect(mSearch, &QPushButton::clicked, this, &FindBuildDialog::search);

    auto *where = new QHBoxLayout;
    where->addWidget(mOnPrem);
    where->addWidget(mCloud);
    where->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Where:"), where);
    form->addRow(tr("GPU &vendors:"), mVendors);
    form->addRow(tr("&Rate:"), mRate);
    form->addRow(tr("&Budget a month:"), mBudget);
    form->addRow(tr("&Weights:"), mMinimumBits);
    form->addRow(tr("Cloud &prices:"), mTier);
    form->addRow(QString(), mSearch);
    for (QWidget *w : std::initializer_list<QWidget *>{mVendors, mRate, mBudget, mMinimumBits, mTier})
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(w)))
            label->setBuddy(w);

    mTable = new QTableWidget(0, ColumnCount, this);
    mTable->setObjectName(QStringLiteral("buildsTable"));
    mTable->setHorizontalHeaderLabels({tr("#"), tr("Build"), tr("Where"), tr("GPUs"), tr("Layout per version"),
                                       tr("Latency (s)"), tr("%1 / month").arg(currencyCode()),
                                       tr("%1 / M tokens").arg(currencyCode()), tr("Pareto")});
    mTable->verticalHeader()->hide();
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setWordWrap(true);
    for (const auto &[column, width] : {std::pair{Rank, 36},
                                        {Build, 230},
                                        {Where, 70},
                                        {Gpus, 50},
                                        {Latency, 80},
                                        {Monthly, 90},
                                        {PerMillion, 100},
                                        {Pareto, 100}})
        mTable->setColumnWidth(column, width);
    mTable->horizontalHeader()->setSectionResizeMode(Layout, QHeaderView::Stretch);
    connect(mTable, &QTableWidget::itemSelectionChanged, this, &FindBuildDialog::enableAdd);
    mPareto = new ChartView(this);
    mPareto->setMinimumSize(320, 240);
    auto *results = new QSplitter(Qt::Horizontal, this);
    results->addWidget(mTable);
    results->addWidget(mPareto);
    results->setStretchFactor(0, 5);
    results->setStretchFactor(1, 2);
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    mAdd = buttons->addButton(tr("&Add as Scenario"), QDialogButtonBox::ActionRole);
    mAdd->setEnabled(false);
    connect(mAdd, &QPushButton::clicked, this, &FindBuildDialog::addSelectedAsScenario);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(results, 1);
    layout->addWidget(mStatus);
    layout->addWidget(buttons);
    resize(1280, 700);
}

RecommendRequest FindBuildDialog::request() const
{
    const Plan &plan = mDocument.plan();
    const Scenario &scenario = mDocument.scenario();
    const PlanWorkload &w = plan.workload;
    RecommendRequest r;
    for (const std::string &id : plan.modelIds)
        if (const ModelSpec *model = plan.parts.model(id))
            r.loads.push_back({*model, w.inputTokens, w.outputTokens, mRate->value(), units::seconds(w.ttftSloSeconds),
                               units::seconds(w.tpotSloSeconds)});
    if (const std::optional<EngineProfile> engine = findEngineProfile(scenario.deployment.engineId))
        r.engine = *engine;
    r.constraints.onPrem = mOnPrem->isChecked();
    r.constraints.cloud = mCloud->isChecked();
    for (const QString &vendor : mVendors->text().split(u',', Qt::SkipEmptyParts))
        if (!vendor.trimmed().isEmpty())
            r.constraints.vendors.push_back(vendor.trimmed().toStdString());
    if (mBudget->value() > 0)
        r.constraints.maxMonthlyUsd = usdFromDisplayCurrency(mBudget->value());
    r.constraints.minWeightBits = mMinimumBits->currentData().toDouble();
    r.capacity.peakFactor = std::max(w.peakFactor, 1.0);
    r.capacity.spareUnits = std::max(scenario.deployment.spareServers, 0);
    r.costs = scenario.costs;
    return r;
}

void FindBuildDialog::search()
{
    const RecommendRequest r = request();
    if (r.loads.empty()) {
        mStatus->setText(tr("Pick the model versions to serve in the workload panel first."));
        return;
    }
    if (const std::vector<Problem> problems = validate(r); !problems.empty()) {
        mStatus->setText(translated(problems.front().message));
        return;
    }
    const auto tier = static_cast<CloudTier>(mTier->currentData().toInt());
    std::vector<HardwareOption> options = hardwareOptions(mDocument.catalogue(), tier).options;
    const int generation = ++mGeneration;
    mStatus->setText(tr("Searching every server template and cloud instance…"));
    mSearch->setEnabled(false);
    auto *watcher = new QFutureWatcher<std::pair<RecommendResult, double>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != mGeneration)
            return;
        mSearch->setEnabled(true);
        const auto [result, milliseconds] = watcher->result();
        showResult(result, milliseconds);
        emit searched();
    });
    watcher->setFuture(QtConcurrent::run([r, options = std::move(options)] {
        QElapsedTimer timer;
        timer.start();
        RecommendResult result = recommend(r, options);
        return std::make_pair(std::move(result), static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }));
}

void FindBuildDialog::showResult(const RecommendResult &result, double milliseconds)
{
    mResult = result;
    const QLocale locale;
    mTable->setRowCount(static_cast<int>(result.ranked.size()));
    for (size_t i = 0; i < result.ranked.size(); ++i) {
        const Recommendation &r = result.ranked[i];
        const int row = static_cast<int>(i);
        mTable->setItem(row, Rank, cell(QString::number(i + 1), true));
        mTable->setItem(row, Build, cell(tr("%1 × %2").arg(r.units).arg(qs(r.option.name))));
        mTable->setItem(row, Where, cell(r.option.placement == Placement::OnPrem ? tr("on-prem") : tr("cloud")));
        mTable->setItem(row, Gpus, cell(locale.toString(r.gpus), true));
        mTable->setItem(row, Layout, cell(layoutOf(r)));
        mTable->setItem(row, Latency, cell(locale.toString(units::inSeconds(r.worstEndToEnd), 'f', 2), true));
        const QString monthly = moneyAmount(r.cost.monthlyTotalUsd, 0, locale);
        mTable->setItem(row, Monthly, cell(r.costIsLowerBound ? tr("≥ %1").arg(monthly) : monthly, true));
        mTable->setItem(row, PerMillion, cell(moneyAmount(r.cost.usdPerMillionOutputTokens, 2, locale), true));
        mTable->setItem(row, Pareto, cell(r.paretoOptimal ? tr("★ on the front") : QString()));
    }
    mTable->resizeRowsToContents();
    mPareto->showChart(paretoChart(result));
    const RuledOut &out = result.ruledOut;
    const QString ruledOut = tr("Ruled out: %1 layouts by memory, %2 by latency, %3 by fleet size, %4 by budget, %5 "
                                "by placement or vendor, %6 without a price.")
                                 .arg(out.memory)
                                 .arg(out.latency)
                                 .arg(out.scale)
                                 .arg(out.budget)
                                 .arg(out.filtered)
                                 .arg(out.unpriced);
    mStatus->setText(
        result.ranked.empty()
            ? tr("No build meets the request: ruled out by %1. %2").arg(qs(result.noCandidateReason), ruledOut)
            : tr("%1 builds from %2 layouts in %3 ms. %4")
                  .arg(locale.toString(static_cast<qlonglong>(result.ranked.size())),
                       locale.toString(static_cast<qlonglong>(result.layoutsEvaluated)),
                       locale.toString(milliseconds, 'f', 0), ruledOut));
    enableAdd();
}

void FindBuildDialog::enableAdd()
{
    const int row = mTable->currentRow();
    if (row < 0 || row >= static_cast<int>(mResult.ranked.size())) {
        mAdd->setEnabled(false);
        return;
    }
    const Recommendation &r = mResult.ranked[static_cast<size_t>(row)];
    // A scenario has one deployment for all its versions: a build that gives
    // each version its own units and layout cannot be one.
    const bool oneVersion = r.plans.size() == 1;
    const bool spans = oneVersion && r.plans.front().gpusPerReplica > r.option.gpusPerUnit;
    const bool linkable = !spans || unitLink(mDocument.catalogue(), r.option.placement, r.option.id);
    mAdd->setEnabled(oneVersion && linkable);
    mAdd->setToolTip(!oneVersion ? tr("A build for several model versions gives each its own servers and layout; "
                                      "add the versions' builds one at a time")
                     : !linkable ? tr("The catalogue has no network port to link these units with; draw the "
                                      "build and link its units by hand")
                                 : tr("A new scenario with this build: each server or instance a replica, or "
                                      "linked by its network where a replica spans several"));
}

bool FindBuildDialog::addSelectedAsScenario()
{
    const int row = mTable->currentRow();
    if (row < 0 || row >= static_cast<int>(mResult.ranked.size()) || !mAdd->isEnabled())
        return false;
    const Recommendation &r = mResult.ranked[static_cast<size_t>(row)];
    const ReplicaPlan &p = r.plans.front();
    DeploymentSettings deployment = mDocument.scenario().deployment;
    deployment.weightFormat = p.weightFormat;
    deployment.kvFormat = p.kvFormat;
    if (!findEngineProfile(deployment.engineId))
        deployment.engineId = defaultEngineProfile().id; // the engine the search used
    deployment.tensorParallel = p.parallel.tensor;
    deployment.pipelineParallel = p.parallel.pipeline;
    deployment.expertParallel = p.parallel.expert;
    deployment.dataParallelAttention = p.parallel.dataParallelAttention;
    deployment.prefillPool = {};
    const PartReference part{r.option.placement == Placement::OnPrem ? PaletteKind::Server : PaletteKind::Instance,
                             qs(r.option.id)};
    QString error;
    const bool spans = p.gpusPerReplica > r.option.gpusPerUnit;
    if (!edits::addBuildScenario(mDocument, tr("Found: %1 × %2").arg(r.units).arg(qs(r.option.name)), part, r.units,
                                 spans, deployment, static_cast<CloudTier>(mTier->currentData().toInt()), &error)) {
        QMessageBox::warning(this, tr("Cannot add the build"), error);
        return false;
    }
    mStatus->setText(tr("Added as scenario “%1”.").arg(qs(mDocument.scenario().name)));
    return true;
}

} // namespace planner
