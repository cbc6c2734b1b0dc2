#include "ui/panels/summarypanel.h"

#include "ui/document/plandocument.h"
#include "ui/format/boundname.h"
#include "ui/format/coremessage.h"
#include "ui/format/estimatetext.h"
#include "ui/format/memoryunit.h"
#include "ui/format/money.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace planner {

namespace {

const QColor kGood(0x1e, 0x7e, 0x34);
const QColor kBad(0xc0, 0x1c, 0x1c);
const QColor kUnknown(0x80, 0x80, 0x80);

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

// A training row's note: why it falls short (if it does), its time, the
// servers its deadline needs and what the run costs.
QString trainingNote(const QString &problem, const TrainingOutcome &t)
{
    QStringList parts;
    for (const QString &part : {problem, trainingTimeText(t), deadlineSizingText(t)})
        if (!part.isEmpty())
            parts << part;
    if (t.runCostUsd)
        parts << SummaryPanel::tr("run %1").arg(withCurrencyCode(runCostText(t)));
    else if (t.time)
        parts << SummaryPanel::tr("run cost unknown");
    return parts.join(QStringLiteral(" · "));
}

} // namespace

SummaryPanel::SummaryPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedraw(this, [this] {
        if (mStale)
            refresh();
    })
{
    mTable = new QTableWidget(0, ColumnCount, this);
    mTable->setObjectName(QStringLiteral("summaryTable"));
    mTable->verticalHeader()->hide();
    mTable->setAlternatingRowColors(true);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setWordWrap(false);
    mFooter = new QLabel(this);
    mFooter->setWordWrap(true);
    mFooter->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mTable);
    layout->addWidget(mFooter);
    connect(&mDocument, &PlanDocument::planChanged, this, [this](const PlanChange &change) {
        if (change.onlyLayout())
            return;
        mStale = true;
        mRedraw.redrawNowOrWhenShown();
    });
    refresh();
}

void SummaryPanel::refresh()
{
    mStale = false;
    // In the currency of Preferences, which may have changed since the last refresh.
    mTable->setHorizontalHeaderLabels(
        {tr("Scenario"), tr("Model version"), tr("Fits"), tr("Memory per GPU"), tr("Tokens/s"), tr("TTFT"), tr("TPOT"),
         tr("Verdict"), tr("%1 / month").arg(currencyCode()), tr("%1 / M tokens").arg(currencyCode()), tr("Note")});
    mTable->horizontalHeaderItem(TokensPerSecond)
        ->setToolTip(tr("Output tokens a second served; for a training run, tokens a second trained"));
    mTable->horizontalHeaderItem(ServesLoad)
        ->setToolTip(tr("Whether the build serves the workload's load within its SLOs; for a training run, "
                        "whether it finishes by the deadline"));
    mTable->horizontalHeaderItem(CostPerMillion)
        ->setToolTip(tr("Per million output tokens served; for a training run, per million tokens trained"));
    const std::vector<ScenarioEstimate> &estimates = mDocument.estimates();
    int rows = 0;
    for (const ScenarioEstimate &s : estimates)
        rows += std::max<int>(1, static_cast<int>(s.versions.size()));
    mTable->setRowCount(rows);
    int row = 0;
    for (const ScenarioEstimate &s : estimates) {
        const QString scenario = QString::fromStdString(s.name);
        const QString monthly = monthlyCostText(s);
        const QString costGap = costGapText(s);
        const auto costCell = [&](const QString &text) {
            QTableWidgetItem *item = cell(text);
            item->setToolTip(costGap);
            return item;
        };
        if (s.versions.empty()) {
            mTable->setItem(row, Scenario, cell(scenario, Qt::AlignLeft | Qt::AlignVCenter));
            for (int c = Version; c < Note; ++c)
                mTable->setItem(row, c, cell(QString()));
            mTable->setItem(row, MonthlyCost, costCell(monthly));
            mTable->setItem(row, Note,
                            cell(tr("Pick model versions in the workload panel"), Qt::AlignLeft | Qt::AlignVCenter));
            ++row;
            continue;
        }
        for (const VersionEstimate &v : s.versions) {
            const bool estimated = v.speed.has_value();
            const bool sized = v.verdict.fits != Answer::Unknown;
            const MemoryUse use = memoryUse(v);
            mTable->setItem(row, Scenario, cell(scenario, Qt::AlignLeft | Qt::AlignVCenter));
            mTable->setItem(row, Version, cell(QString::fromStdString(v.modelName), Qt::AlignLeft | Qt::AlignVCenter));
            const bool fits = v.verdict.fits == Answer::Yes;
            auto *fitsCell = cell(sized ? (fits ? tr("yes") : tr("no")) : tr("unknown"), Qt::AlignCenter);
            fitsCell->setForeground(sized ? (fits ? kGood : kBad) : kUnknown);
            mTable->setItem(row, Fits, fitsCell);
            auto *memory = cell(
                sized ? tr("%1 of %2")
                            .arg(QLocale().toString(inMemoryUnit(use.used), 'f', 1), memoryText(use.capacity, 1))
                      : QStringLiteral("—"));
            if (v.capacityNote)
                memory->setToolTip(translated(*v.capacityNote));
            mTable->setItem(row, MemoryPerGpu, memory);
            mTable->setItem(row, TokensPerSecond, cell(tokensPerSecondText(v)));
            mTable->setItem(row, Ttft,
                            cell(estimated ? tr("%1 s").arg(units::inSeconds(v.speed->nominal.ttft), 0, 'f', 2)
                                           : QStringLiteral("—")));
            mTable->setItem(row, Tpot,
                            cell(estimated ? tr("%1 ms").arg(units::inSeconds(v.speed->nominal.tpot) * 1000, 0, 'f', 1)
                                           : QStringLiteral("—")));
            auto *serves = cell(verdictWord(v.verdict, verdictTask(v)), Qt::AlignCenter);
            const VerdictTone tone = verdictTone(v.verdict);
            serves->setForeground(tone == VerdictTone::Good ? kGood : tone == VerdictTone::Bad ? kBad : kUnknown);
            mTable->setItem(row, ServesLoad, serves);
            mTable->setItem(row, MonthlyCost, costCell(monthly));
            mTable->setItem(row, CostPerMillion, costCell(costPerMillionText(v)));
            QString note = versionProblem(v, mDocument.plan().workload);
            if (v.training) {
                note = trainingNote(note, *v.training);
                mTable->item(row, TokensPerSecond)->setToolTip(trainingSetupText(*v.training));
            } else if (note.isEmpty() && estimated)
                note = tr("decode %1-bound · %2 · %3 sequences")
                           .arg(boundName(v.speed->decode.bound), layoutText(v))
                           .arg(v.concurrency);
            if (!v.training) // the layers in host RAM are often why a target is missed
                note += offloadText(v) + fleetText(v, mDocument.plan().workload.peakFactor);
            // The whole note (with how to raise the share) is the memory cell's tooltip.
            if (const std::optional<double> share = s.cluster.gpu ? s.cluster.gpu->gpuMemoryShare : std::nullopt;
                share && v.capacityNote)
                note += (note.isEmpty() ? QString() : QStringLiteral(" · "))
                        + tr("GPU share of unified memory %1 %").arg(QLocale().toString(*share * 100, 'f', 0));
            mTable->setItem(row, Note, cell(note, Qt::AlignLeft | Qt::AlignVCenter));
            ++row;
        }
    }
    mTable->resizeColumnsToContents();
    const QString currency = currencyNote();
    mFooter->setText(tr("%1. Speeds are the performance model's nominal estimate at the load's concurrency; "
                        "the verdict is the analytical model's (no queueing). ≥ marks a cost whose capital misses "
                        "unpriced parts; a cost is unknown when a GPU or instance has no price. Evaluated in %2 ms.")
                         .arg(memoryUnitDefinition())
                         .arg(mDocument.lastEvaluationMs(), 0, 'f', 1)
                     + (currency.isEmpty() ? QString() : QLatin1Char(' ') + currency));
}

} // namespace planner
