#include "ui/panels/workloadpanel.h"

#include "core/memory/engineprofile.h"
#include "core/model/precision.h"
#include "core/perf/perfmodel.h"
#include "core/util/text.h"
#include "database/catalogue.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/coremessage.h"
#include "ui/format/estimatetext.h"
#include "ui/panels/layoutfields.h"
#include "ui/panels/trainingfields.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalBlocker>
#include <QSpinBox>

#include <cmath>
#include <set>

namespace planner {

namespace {

QSpinBox *tokenBox(QWidget *parent, int maximum)
{
    auto *box = new QSpinBox(parent);
    box->setRange(1, maximum);
    box->setSuffix(QObject::tr(" tokens"));
    box->setGroupSeparatorShown(true);
    box->setKeyboardTracking(false); // commit on Enter or focus-out, not per keystroke
    return box;
}

QDoubleSpinBox *secondsBox(QWidget *parent, double maximum, int decimals)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0.001, maximum);
    box->setDecimals(decimals);
    box->setSuffix(QObject::tr(" s"));
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

WorkloadPanel::WorkloadPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedrawProblems(this, [this] {
        if (mProblemsStale)
            markProblems();
    })
{
    mFamily = new QComboBox(this);
    mFamily->setObjectName(QStringLiteral("familyBox"));
    reloadModels();
    mVersions = new QListWidget(this);
    mVersions->setObjectName(QStringLiteral("versionList"));
    mTask = new QComboBox(this);
    mTask->setObjectName(QStringLiteral("taskBox"));
    mTask->addItems({tr("Serve (inference)"), tr("Train or fine-tune")});
    mTask->setToolTip(tr("What this scenario's hardware does with the model versions: serve a load, or run a "
                         "training or fine-tuning job"));

    mWeights = new QComboBox(this);
    mWeights->addItem(tr("Checkpoint's own"), QString());
    for (const WeightFormat &w : weightFormats())
        mWeights->addItem(QString::fromStdString(w.name), QString::fromStdString(w.id));
    mKv = new QComboBox(this);
    for (const KvCacheFormat &k : kvCacheFormats())
        mKv->addItem(QString::fromStdString(k.name), QString::fromStdString(k.id));
    mEngine = new QComboBox(this);
    for (const EngineProfile &e : engineProfiles())
        mEngine->addItem(QString::fromStdString(e.name), QString::fromStdString(e.id));

    mSpeculative = new QComboBox(this);
    mSpeculative->setObjectName(QStringLiteral("speculativeBox"));
    mSpeculative->addItem(tr("None"), static_cast<int>(DraftKind::None));
    mSpeculative->addItem(tr("MTP module (1 draft token)"), static_cast<int>(DraftKind::Mtp));
    mSpeculative->addItem(tr("EAGLE-3 head (3 draft tokens)"), static_cast<int>(DraftKind::Eagle));
    mSpeculative->addItem(tr("N-gram lookup (3 draft tokens)"), static_cast<int>(DraftKind::Ngram));
    mSpeculative->setToolTip(tr("A draft that proposes tokens one pass of the model verifies; each kind starts at "
                                "its published acceptance (MTP: DeepSeek-V3's report; EAGLE-3: vLLM on "
                                "Llama-3.1-8B, MT-Bench; n-gram: SpecDecode-Bench on ShareGPT)"));
    mAccepted = new QDoubleSpinBox(this);
    mAccepted->setObjectName(QStringLiteral("acceptedBox"));
    mAccepted->setDecimals(2);
    mAccepted->setSingleStep(0.05);
    mAccepted->setSuffix(tr(" tokens a step"));
    mAccepted->setToolTip(tr("Tokens a decode step emits on average with the draft: the accepted draft tokens and "
                             "the model's own; measure yours and enter it"));
    mAccepted->setKeyboardTracking(false);
    mPrefixHit = new QDoubleSpinBox(this);
    mPrefixHit->setObjectName(QStringLiteral("prefixHitBox"));
    mPrefixHit->setRange(0, 99);
    mPrefixHit->setDecimals(0);
    mPrefixHit->setSuffix(tr(" % of each prompt"));
    mPrefixHit->setToolTip(tr("Share of each prompt found in the engine's prefix cache (a shared system prompt, "
                              "earlier turns of a chat), not computed again; DeepSeek reports 56 % for its API"));
    mPrefixHit->setKeyboardTracking(false);

    mContext = tokenBox(this, 1 << 20);
    mInput = tokenBox(this, 1 << 20);
    mOutput = tokenBox(this, 1 << 20);
    mLoadKind = new QComboBox(this);
    mLoadKind->addItems({tr("Concurrent requests"), tr("Request rate")});
    mConcurrency = new QSpinBox(this);
    mConcurrency->setObjectName(QStringLiteral("concurrencyBox"));
    mConcurrency->setRange(1, 1 << 20);
    mConcurrency->setSuffix(tr(" sequences"));
    mConcurrency->setKeyboardTracking(false);
    mRate = new QDoubleSpinBox(this);
    mRate->setRange(0.001, 1e6);
    mRate->setDecimals(3);
    mRate->setSuffix(tr(" requests/s"));
    mRate->setKeyboardTracking(false);
    mPeak = new QDoubleSpinBox(this);
    mPeak->setObjectName(QStringLiteral("peakFactorBox"));
    mPeak->setRange(1, 100);
    mPeak->setDecimals(2);
    mPeak->setSingleStep(0.25);
    mPeak->setPrefix(QStringLiteral("× "));
    mPeak->setSuffix(tr(" the average"));
    mPeak->setToolTip(tr("The load at its busiest over its average: a fleet of unlinked servers is sized for the "
                         "peak (with its spare servers)"));
    mPeak->setKeyboardTracking(false);
    mLimits = new QLabel(this);
    mLimits->setObjectName(QStringLiteral("limitsLabel"));
    mLimits->setWordWrap(true);
    mLimits->setToolTip(tr("The most sequences the build's memory holds at one request's tokens, and the longest "
                           "sequence at the load's concurrency, per model version"));
    mTtft = secondsBox(this, 600, 2);
    mTpot = secondsBox(this, 10, 3);

    // Long format names must not widen the dock: combos elide to the space they get.
    for (QComboBox *box : {mFamily, mTask, mWeights, mKv, mEngine, mSpeculative, mLoadKind}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }

    auto *form = mForm = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Model family"), mFamily);
    form->addRow(tr("Versions"), mVersions);
    form->addRow(tr("Task"), mTask);
    const int firstServingRow = form->rowCount();
    form->addRow(tr("Weights"), mWeights);
    form->addRow(tr("KV cache"), mKv);
    form->addRow(tr("Engine"), mEngine);
    mLayout = new LayoutFields(form, this);
    form->addRow(tr("Speculative"), mSpeculative);
    form->addRow(tr("Accepted"), mAccepted);
    form->addRow(tr("Context"), mContext);
    form->addRow(tr("Input"), mInput);
    form->addRow(tr("Output"), mOutput);
    form->addRow(tr("Prefix cache"), mPrefixHit);
    form->addRow(tr("Load"), mLoadKind);
    form->addRow(tr("Concurrency"), mConcurrency);
    form->addRow(tr("Rate"), mRate);
    form->addRow(tr("Peak"), mPeak);
    form->addRow(tr("Limits"), mLimits);
    form->addRow(tr("TTFT target"), mTtft);
    form->addRow(tr("TPOT target"), mTpot);
    for (int row = firstServingRow; row < form->rowCount(); ++row)
        mServingRows.push_back(form->itemAt(row, QFormLayout::FieldRole)->widget());
    mTraining = new TrainingFields(form, this);
    mTraining->show(TrainingSettings{});

    connect(mFamily, &QComboBox::currentTextChanged, this, [this](const QString &family) {
        if (mRefreshing)
            return;
        fillVersions(family);
        commitModels();
    });
    connect(mVersions, &QListWidget::itemChanged, this, [this] {
        if (!mRefreshing)
            commitModels();
    });
    for (QComboBox *box : {mWeights, mKv, mEngine})
        connect(box, &QComboBox::currentIndexChanged, this, &WorkloadPanel::commitDeployment);
    // A new kind starts at its published acceptance, not the last kind's figure.
    connect(mSpeculative, &QComboBox::currentIndexChanged, this, [this] {
        if (mRefreshing)
            return;
        const auto kind = static_cast<DraftKind>(mSpeculative->currentData().toInt());
        showSpeculative(kind == DraftKind::None ? std::string() : std::string(toString(kind)));
        commitDeployment();
    });
    connect(mAccepted, &QDoubleSpinBox::valueChanged, this, &WorkloadPanel::commitDeployment);
    connect(mLayout, &LayoutFields::edited, this, &WorkloadPanel::commitDeployment);
    connect(mTask, &QComboBox::currentIndexChanged, this, &WorkloadPanel::commitTask);
    connect(mTraining, &TrainingFields::edited, this, &WorkloadPanel::commitTraining);
    for (QSpinBox *box : {mContext, mInput, mOutput, mConcurrency})
        connect(box, &QSpinBox::valueChanged, this, &WorkloadPanel::commitWorkload);
    for (QDoubleSpinBox *box : {mRate, mTtft, mTpot, mPrefixHit, mPeak})
        connect(box, &QDoubleSpinBox::valueChanged, this, &WorkloadPanel::commitWorkload);
    connect(mLoadKind, &QComboBox::currentIndexChanged, this, &WorkloadPanel::commitWorkload);
    // Queued: the list item whose signal caused the change is replaced by refresh().
    connect(
        &mDocument, &PlanDocument::planChanged, this,
        [this](const PlanChange &change) {
            if (change.touches(PlanChange::Workload | PlanChange::Models | PlanChange::Deployment
                               | PlanChange::Scenarios)) {
                refresh();
            } else if (!change.onlyLayout()) {
                // A topology edit can make a layout invalid, and changes the limits.
                mProblemsStale = true;
                mRedrawProblems.schedule();
            }
        },
        Qt::QueuedConnection);
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &WorkloadPanel::refresh, Qt::QueuedConnection);
    connect(&mDocument, &PlanDocument::catalogueChanged, this, [this] {
        reloadModels();
        refresh();
    });
    for (int row = 0; row < mForm->rowCount(); ++row)
        if (QLayoutItem *field = mForm->itemAt(row, QFormLayout::FieldRole); field && field->widget())
            mToolTips[field->widget()] = field->widget()->toolTip();
    mFieldWidgets = {
        {"model", mVersions},       {"weights", mWeights},         {"kv", mKv},
        {"engine", mEngine},        {"context", mContext},         {"input-len", mInput},
        {"output-len", mOutput},    {"concurrency", mConcurrency}, {"qps", mRate},
        {"ttft-slo", mTtft},        {"tpot-slo", mTpot},           {"speculative", mSpeculative},
        {"prefix-hit", mPrefixHit}, {"peak-factor", mPeak},
    };
    for (const auto &[field, widget] : mLayout->fieldWidgets())
        mFieldWidgets[field] = widget;
    mTrainingFieldWidgets = {{"model", mVersions}};
    for (const auto &[field, widget] : mTraining->fieldWidgets())
        mTrainingFieldWidgets[field] = widget;
    refresh();
}

QSpinBox *WorkloadPanel::tensorParallelBox() const
{
    return mLayout->tensorParallelBox();
}

QWidget *WorkloadPanel::fieldWidget(const std::string &field) const
{
    const std::map<std::string, QWidget *> &fields = mDocument.scenario().training ? mTrainingFieldWidgets
                                                                                   : mFieldWidgets;
    const auto found = fields.find(field);
    return found == fields.end() ? nullptr : found->second;
}

void WorkloadPanel::showTaskRows(bool training)
{
    for (QWidget *field : mServingRows)
        mForm->setRowVisible(field, !training);
    mTraining->setRowsVisible(training);
}

void WorkloadPanel::showLimits()
{
    QStringList lines;
    if (mDocument.currentScenario() < mDocument.estimates().size())
        for (const VersionEstimate &v : mDocument.estimates()[mDocument.currentScenario()].versions)
            if (const QString limits = limitsText(v); !limits.isEmpty())
                lines << tr("%1: %2").arg(QString::fromStdString(v.modelName), limits);
    mLimits->setText(lines.isEmpty() ? QStringLiteral("—") : lines.join(u'\n'));
}

void WorkloadPanel::markProblems()
{
    mProblemsStale = false;
    showLimits();
    std::map<QWidget *, QStringList> reasons;
    if (mDocument.currentScenario() < mDocument.estimates().size())
        for (const VersionEstimate &v : mDocument.estimates()[mDocument.currentScenario()].versions)
            if (QWidget *widget = fieldWidget(v.problemField))
                reasons[widget] << QStringLiteral("%1: %2").arg(QString::fromStdString(v.modelName),
                                                                translated(v.verdict.reason));
    for (const auto &[widget, ownToolTip] : mToolTips) {
        const auto found = reasons.find(widget);
        const bool faulty = found != reasons.end();
        const QString reason = faulty ? found->second.join(u'\n') : QString();
        // Only a changed mark is restyled: a style sheet re-polishes the label.
        if (widget->property("problem").toBool() == faulty && (!faulty || widget->toolTip() == reason))
            continue;
        widget->setToolTip(faulty ? reason : ownToolTip);
        widget->setProperty("problem", faulty);
        auto *label = qobject_cast<QLabel *>(mForm->labelForField(widget));
        if (!label)
            continue;
        label->setToolTip(reason);
        // Red with a warning sign: the row's input is why a version has no estimate.
        label->setStyleSheet(faulty ? QStringLiteral("color: #b3261e") : QString());
        const QString mark = QStringLiteral("⚠ ");
        const QString text = label->text();
        if (faulty && !text.startsWith(mark))
            label->setText(mark + text);
        else if (!faulty && text.startsWith(mark))
            label->setText(text.mid(mark.size()));
    }
}

void WorkloadPanel::reloadModels()
{
    mModels.clear();
    std::set<std::string> families;
    for (const ModelSpec &m : mDocument.catalogue().list<ModelSpec>()) {
        families.insert(m.family);
        mModels.push_back(
            {QString::fromStdString(m.id), QString::fromStdString(m.displayName), QString::fromStdString(m.family)});
    }
    const bool wasRefreshing = mRefreshing;
    mRefreshing = true;
    mFamily->clear();
    for (const std::string &f : families)
        mFamily->addItem(QString::fromStdString(f));
    mRefreshing = wasRefreshing;
}

void WorkloadPanel::fillVersions(const QString &family)
{
    const bool wasRefreshing = mRefreshing;
    mRefreshing = true;
    mVersions->clear();
    const Plan &plan = mDocument.plan();
    for (const ListedModel &m : mModels) {
        if (m.family != family)
            continue;
        auto *item = new QListWidgetItem(m.name, mVersions);
        item->setData(Qt::UserRole, m.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool chosen = std::find(plan.modelIds.begin(), plan.modelIds.end(), m.id.toStdString())
                            != plan.modelIds.end();
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    }
    // As tall as its rows, up to six: a family of three must not take the
    // height the fields below it need.
    const int rows = std::clamp(mVersions->count(), 1, 6);
    mVersions->setFixedHeight(rows * mVersions->sizeHintForRow(0) + 2 * mVersions->frameWidth() + 2);
    mRefreshing = wasRefreshing;
}

void WorkloadPanel::refresh()
{
    mRefreshing = true;
    const Plan &plan = mDocument.plan();
    const QString family = QString::fromStdString(plan.modelFamily);
    if (mFamily->findText(family) < 0 && !family.isEmpty())
        mFamily->addItem(family);
    mFamily->setCurrentText(family);
    fillVersions(family);
    const Scenario &scenario = mDocument.scenario();
    mTask->setCurrentIndex(scenario.training ? 1 : 0);
    showTaskRows(scenario.training.has_value());
    if (scenario.training)
        mTraining->show(*scenario.training);
    const DeploymentSettings &d = scenario.deployment;
    mWeights->setCurrentIndex(std::max(0, mWeights->findData(QString::fromStdString(d.weightFormat))));
    mKv->setCurrentIndex(std::max(0, mKv->findData(QString::fromStdString(d.kvFormat))));
    mEngine->setCurrentIndex(std::max(0, mEngine->findData(QString::fromStdString(d.engineId))));
    mLayout->show(d);
    showSpeculative(d.speculative);
    const PlanWorkload &w = plan.workload;
    mPrefixHit->setValue(w.prefixCacheHitRate * 100);
    mContext->setValue(static_cast<int>(w.contextTokens));
    mInput->setValue(static_cast<int>(w.inputTokens));
    mOutput->setValue(static_cast<int>(w.outputTokens));
    mLoadKind->setCurrentIndex(w.byRequestRate ? 1 : 0);
    mConcurrency->setValue(static_cast<int>(w.concurrency));
    mRate->setValue(w.requestsPerSecond);
    mPeak->setValue(w.peakFactor);
    mConcurrency->setEnabled(!w.byRequestRate);
    mRate->setEnabled(w.byRequestRate);
    mTtft->setValue(w.ttftSloSeconds);
    mTpot->setValue(w.tpotSloSeconds);
    markProblems();
    mRefreshing = false;
}

void WorkloadPanel::commitModels()
{
    std::vector<std::string> ids;
    for (int i = 0; i < mVersions->count(); ++i)
        if (mVersions->item(i)->checkState() == Qt::Checked)
            ids.push_back(mVersions->item(i)->data(Qt::UserRole).toString().toStdString());
    edits::setModels(mDocument, mFamily->currentText().toStdString(), ids);
}

void WorkloadPanel::commitWorkload()
{
    if (mRefreshing)
        return;
    PlanWorkload w = mDocument.plan().workload;
    w.contextTokens = mContext->value();
    w.inputTokens = mInput->value();
    w.outputTokens = mOutput->value();
    w.byRequestRate = mLoadKind->currentIndex() == 1;
    w.concurrency = mConcurrency->value();
    w.requestsPerSecond = mRate->value();
    w.ttftSloSeconds = mTtft->value();
    w.tpotSloSeconds = mTpot->value();
    w.prefixCacheHitRate = mPrefixHit->value() / 100;
    w.peakFactor = mPeak->value();
    edits::setWorkload(mDocument, w);
}

void WorkloadPanel::commitDeployment()
{
    if (mRefreshing)
        return;
    DeploymentSettings d = mDocument.scenario().deployment;
    d.weightFormat = mWeights->currentData().toString().toStdString();
    d.kvFormat = mKv->currentData().toString().toStdString();
    d.engineId = mEngine->currentData().toString().toStdString();
    mLayout->apply(d);
    // A draft at its published acceptance is named by its kind alone; an
    // edited acceptance is written out with the draft length.
    const auto kind = static_cast<DraftKind>(mSpeculative->currentData().toInt());
    std::string error;
    const std::optional<SpeculativeDecoding> published = parseSpeculative(toString(kind), error);
    if (kind == DraftKind::None || !published)
        d.speculative.clear();
    else if (std::abs(mAccepted->value() - published->acceptedTokens) < 0.005)
        d.speculative = toString(kind);
    else
        d.speculative = std::string(toString(kind)) + ":" + std::to_string(published->draftTokens) + ":"
                        + plainNumber(mAccepted->value());
    edits::setDeployment(mDocument, d);
}

void WorkloadPanel::commitTask()
{
    if (mRefreshing)
        return;
    const bool training = mTask->currentIndex() == 1;
    if (training == mDocument.scenario().training.has_value())
        return;
    // A scenario made a training run starts from the settings the fields
    // last showed: the defaults at first, or the run it had before it served.
    std::optional<TrainingSettings> settings;
    if (training) {
        settings.emplace();
        mTraining->apply(*settings);
    }
    edits::setTraining(mDocument, settings);
}

void WorkloadPanel::commitTraining()
{
    if (mRefreshing || !mDocument.scenario().training)
        return;
    TrainingSettings t = *mDocument.scenario().training;
    mTraining->apply(t);
    edits::setTraining(mDocument, t);
}

void WorkloadPanel::showSpeculative(const std::string &text)
{
    const bool wasRefreshing = mRefreshing;
    mRefreshing = true;
    std::string error;
    const std::optional<SpeculativeDecoding> spec = text.empty() ? std::nullopt : parseSpeculative(text, error);
    const DraftKind kind = spec ? spec->kind : DraftKind::None;
    mSpeculative->setCurrentIndex(std::max(0, mSpeculative->findData(static_cast<int>(kind))));
    mAccepted->setEnabled(spec.has_value());
    mAccepted->setRange(1, spec ? spec->draftTokens + 1.0 : 1.0);
    mAccepted->setValue(spec ? spec->acceptedTokens : 1.0);
    mRefreshing = wasRefreshing;
}

} // namespace planner
