#include "ui/document/plandocument.h"

#include "database/catalogue.h"
#include "database/planparts.h"

#include <QElapsedTimer>
#include <QUndoStack>

namespace planner {

PlanDocument::PlanDocument(const Catalogue &catalogue, QObject *parent)
    : QObject(parent)
    , mCatalogue(catalogue)
    , mUndoStack(new QUndoStack(this))
{
    mPlan = std::make_shared<const Plan>(emptyPlan(catalogue));
    evaluate(PlanChange::everything());
}

Plan PlanDocument::emptyPlan(const Catalogue &catalogue, const CostAssumptions &costs)
{
    Plan plan;
    plan.name = tr("Untitled plan").toStdString();
    Scenario scenario;
    scenario.name = tr("On-prem").toStdString();
    scenario.costs = costs;
    plan.scenarios.push_back(scenario);
    if (snapshotModel(plan, catalogue, QStringLiteral("llama-3.1-8b"))) {
        plan.modelIds = {"llama-3.1-8b"};
        plan.modelFamily = plan.parts.models.front().family;
    }
    return plan;
}

void PlanDocument::setCurrentScenario(size_t index)
{
    if (index >= mPlan->scenarios.size() || index == mScenario)
        return;
    mScenario = index;
    mSelection.clear();
    emit currentScenarioChanged();
    emit selectionChanged();
}

void PlanDocument::setSelection(const std::set<int> &ids)
{
    if (ids == mSelection)
        return;
    mSelection = ids;
    emit selectionChanged();
}

void PlanDocument::setFilePath(const QString &path)
{
    mFilePath = path;
    emit filePathChanged();
}

bool PlanDocument::isModified() const
{
    return !mUndoStack->isClean();
}

void PlanDocument::markSaved()
{
    mUndoStack->setClean();
}

void PlanDocument::reset(const Plan &plan, const QString &filePath)
{
    mUndoStack->clear();
    auto opened = std::make_shared<Plan>(plan);
    if (opened->scenarios.empty())
        opened->scenarios.push_back(Scenario{tr("On-prem").toStdString(), {}, {}, {}, CloudTier::OnDemand, {}});
    mPlan = std::move(opened);
    mScenario = 0;
    mSelection.clear();
    mFilePath = filePath;
    evaluate(PlanChange::everything());
    emit planReset();
    emit planChanged(PlanChange::everything());
    emit filePathChanged();
    emit selectionChanged();
}

void PlanDocument::replacePlan(std::shared_ptr<const Plan> plan, const PlanChange &change)
{
    mPlan = std::move(plan);
    if (mScenario >= mPlan->scenarios.size())
        mScenario = mPlan->scenarios.empty() ? 0 : mPlan->scenarios.size() - 1;
    // Drop selected ids that no longer exist.
    std::set<int> kept;
    const Topology &t = mPlan->scenarios.at(mScenario).topology;
    for (int id : mSelection)
        if (t.node(id) || t.link(id))
            kept.insert(id);
    const bool selectionLost = kept != mSelection;
    mSelection = kept;
    evaluate(change);
    emit planChanged(change);
    if (selectionLost)
        emit selectionChanged();
}

void PlanDocument::evaluate(const PlanChange &change)
{
    QElapsedTimer timer;
    timer.start();
    if (mEstimates.size() != mPlan->scenarios.size()) {
        mEstimates = evaluatePlan(*mPlan);
    } else {
        for (size_t i = 0; i < mEstimates.size(); ++i)
            if (change.changesEstimateOf(i))
                mEstimates[i] = evaluateScenario(*mPlan, mPlan->scenarios[i]);
    }
    mLastEvaluationMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace planner
