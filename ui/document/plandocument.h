#pragma once
// The document the desktop application edits: one Plan (a plain core struct),
// its undo stack, the scenario on show, the selection, and the estimates
// core/ computes from it.
//
// Views never change the plan themselves: every edit goes through
// ui/document/planedits.h, which pushes one undo command that swaps in the
// edited plan with the change the core edit reported (core/plan/planchange.h).
// The document then re-evaluates the scenarios whose estimate the change can
// alter (core/plan/planevaluation.h) and emits planChanged(change); each view
// redraws what the change touched. Loading or starting a plan emits
// planReset() and planChanged(everything) and clears the undo stack.

#include "core/plan/plan.h"
#include "core/plan/planchange.h"
#include "core/plan/planevaluation.h"

#include <QObject>
#include <QString>

#include <memory>
#include <set>
#include <vector>

class QUndoStack;

namespace planner {

class Catalogue;

class PlanDocument : public QObject
{
    Q_OBJECT

public:
    explicit PlanDocument(const Catalogue &catalogue, QObject *parent = nullptr);

    const Plan &plan() const { return *mPlan; }
    // The plan on show, shared with the undo commands that hold it (an edit
    // copies the plan once; undo and redo swap pointers).
    std::shared_ptr<const Plan> sharedPlan() const { return mPlan; }
    const Catalogue &catalogue() const { return mCatalogue; }
    QUndoStack *undoStack() const { return mUndoStack; }

    size_t currentScenario() const { return mScenario; }
    void setCurrentScenario(size_t index);
    const Scenario &scenario() const { return mPlan->scenarios.at(mScenario); }

    const std::vector<ScenarioEstimate> &estimates() const { return mEstimates; }
    double lastEvaluationMs() const { return mLastEvaluationMs; }

    const std::set<int> &selection() const { return mSelection; }
    void setSelection(const std::set<int> &ids); // node and link ids of the current scenario

    QString filePath() const { return mFilePath; }
    void setFilePath(const QString &path);
    bool isModified() const;
    void markSaved();

    // Starts over with `plan` (a new, opened or recovered plan): no undo history.
    void reset(const Plan &plan, const QString &filePath);

    // For undo commands only (ui/document/planedits.cpp).
    void replacePlan(std::shared_ptr<const Plan> plan, const PlanChange &change);

    // For catalogue edits (ui/document/catalogueedits.cpp): the user's
    // catalogue changed under the views that list its parts and models.
    void notifyCatalogueChanged() { emit catalogueChanged(); }
    // For catalogue edits whose redo or undo could not write the catalogue.
    void notifyCatalogueEditFailed(const QString &message) { emit catalogueEditFailed(message); }

    // A new plan: one empty on-prem scenario with these cost assumptions,
    // Llama-3.1-8B, a chat workload.
    static Plan emptyPlan(const Catalogue &catalogue, const CostAssumptions &costs = {});

signals:
    void planChanged(const planner::PlanChange &change);
    void planReset();
    void selectionChanged();
    void currentScenarioChanged();
    void filePathChanged();
    void catalogueChanged();
    void catalogueEditFailed(const QString &message);

private:
    void evaluate(const PlanChange &change);

    const Catalogue &mCatalogue;
    std::shared_ptr<const Plan> mPlan;
    size_t mScenario = 0;
    std::vector<ScenarioEstimate> mEstimates;
    double mLastEvaluationMs = 0;
    std::set<int> mSelection;
    QUndoStack *mUndoStack = nullptr;
    QString mFilePath;
};

} // namespace planner
