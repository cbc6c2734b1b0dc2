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
    mPlan = emptyPlan(catalogue);
    evaluate();
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
    if (index >= mPlan.scenarios.size() || index == mScenario)
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
    mPlan = plan;
    if (mPlan.scenarios.empty())
        mPlan.scenarios.push_back(Scenario{tr("On-prem").toStdString(), {}, {}, {}, CloudTier::OnDemand});
    mScenario = 0;
    mSelection.clear();
    mFilePath = filePath;
    evaluate();
    emit planReset();
    emit planChanged();
    emit filePathChanged();
    emit selectionChanged();
}

void PlanDocument::replacePlan(const Plan &plan)
{
    mPlan = plan;
    if (mScenario >= mPlan.scenarios.size())
        mScenario = mPlan.scenarios.empty() ? 0 : mPlan.scenarios.size() - 1;
    // Drop selected ids that no longer exist.
    std::set<int> kept;
    const Topology &t = mPlan.scenarios.at(mScenario).topology;
    for (int id : mSelection)
        if (t.node(id) || t.link(id))
            kept.insert(id);
    const bool selectionLost = kept != mSelection;
    mSelection = kept;
    evaluate();
    emit planChanged();
    if (selectionLost)
        emit selectionChanged();
}

void PlanDocument::evaluate()
{
    QElapsedTimer timer;
    timer.start();
    mEstimates = evaluatePlan(mPlan);
    mLastEvaluationMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

} // namespace planner
