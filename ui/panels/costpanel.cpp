#include "ui/panels/costpanel.h"

#include "ui/format/estimatetext.h"
#include "ui/format/money.h"

#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/money.h"
#include "ui/panels/costfields.h"
#include "ui/preferences/preferences.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace planner {

CostPanel::CostPanel(PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mRedrawTotals(this, [this] {
        if (mTotalsStale)
            showTotals();
    })
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mScenarioLabel = new QLabel(this);
    mScenarioLabel->setWordWrap(true);
    form->addRow(mScenarioLabel);
    mTotals = new QLabel(this);
    mTotals->setObjectName(QStringLiteral("costTotals"));
    mTotals->setWordWrap(true);
    mTotals->setToolTip(tr("Capital up front, the monthly total (amortisation, power, maintenance, colocation and "
                           "cloud bills) and the cash spent over the horizon; the Analysis dock's Cost tab draws it "
                           "month by month"));
    form->addRow(mTotals);

    mTier = new QComboBox(this);
    mTier->setObjectName(QStringLiteral("cloudTierBox"));
    addCloudTiers(mTier);
    mTier->setToolTip(tr("The price the scenario's cloud instances are charged at"));
    form->addRow(tr("Cloud prices"), mTier);
    connect(mTier, &QComboBox::currentIndexChanged, this, &CostPanel::commit);

    for (const CostField &field : costFields()) {
        QDoubleSpinBox *box = costSpinBox(field, this);
        connect(box, &QDoubleSpinBox::valueChanged, this, &CostPanel::commit);
        form->addRow(field.label, box);
        mBoxes.push_back(box);
    }
    auto *reset = new QPushButton(tr("Use My Defaults"), this);
    reset->setToolTip(tr("Set every assumption of this scenario to the defaults in Preferences"));
    connect(reset, &QPushButton::clicked, this, &CostPanel::resetToDefaults);
    form->addRow(reset);

    // Queued: the spin box whose signal caused the change is refreshed by it.
    connect(
        &mDocument, &PlanDocument::planChanged, this,
        [this](const PlanChange &change) {
            if (change.touches(PlanChange::Costs | PlanChange::Scenarios))
                refresh();
        },
        Qt::QueuedConnection);
    connect(&mDocument, &PlanDocument::currentScenarioChanged, this, &CostPanel::refresh, Qt::QueuedConnection);
    connect(&mDocument, &PlanDocument::planChanged, this, [this](const PlanChange &change) {
        if (change.onlyLayout())
            return;
        mTotalsStale = true;
        mRedrawTotals.redrawNowOrWhenShown();
    });
    refresh();
}

void CostPanel::refresh()
{
    mRefreshing = true;
    const Scenario &s = mDocument.scenario();
    mScenarioLabel->setText(tr("Assumptions of the scenario <b>%1</b>; hover a value for its source.")
                                .arg(QString::fromStdString(s.name).toHtmlEscaped()));
    mTier->setCurrentIndex(std::max(0, mTier->findData(static_cast<int>(s.cloudTier))));
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        showAssumption(mBoxes[i], fields[i], s.costs.*(fields[i].member), displayCurrency());
    mRefreshing = false;
    showTotals();
}

void CostPanel::showTotals()
{
    mTotalsStale = false;
    const std::vector<ScenarioEstimate> &estimates = mDocument.estimates();
    if (mDocument.currentScenario() >= estimates.size())
        return;
    const ScenarioEstimate &e = estimates[mDocument.currentScenario()];
    if (e.costCompleteness == CostCompleteness::Unknown) {
        mTotals->setText(costGapText(e).isEmpty() ? tr("Nothing to cost yet.") : costGapText(e));
        return;
    }
    const bool lower = e.costCompleteness == CostCompleteness::LowerBound;
    const auto amount = [lower](double usd) {
        const QString text = moneyText(usd, 0);
        return lower ? tr("≥ %1").arg(text) : text;
    };
    const int months = static_cast<int>(std::max<size_t>(e.cost.cumulativeUsdByMonth.size(), 1) - 1);
    mTotals->setText(tr("<b>%1</b> over %2 months in cash: capital %3, then %4 a month.")
                         .arg(amount(e.cost.totalOverHorizonUsd))
                         .arg(months)
                         .arg(amount(e.cost.capexUsd), amount(e.cost.monthlyOpexUsd)));
}

void CostPanel::commit()
{
    if (mRefreshing)
        return;
    CostAssumptions costs = mDocument.scenario().costs;
    const std::vector<CostField> &fields = costFields();
    for (size_t i = 0; i < fields.size(); ++i)
        takeEditedValue(mBoxes[i], fields[i], costs.*(fields[i].member), displayCurrency(), tr("this plan"));
    edits::setCosts(mDocument, costs, static_cast<CloudTier>(mTier->currentData().toInt()));
}

void CostPanel::resetToDefaults()
{
    edits::setCosts(mDocument, Preferences::load().costDefaults, mDocument.scenario().cloudTier);
}

} // namespace planner
