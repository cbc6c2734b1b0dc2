#pragma once
// Scenario ▸ Find a Build: the build search of core/search/recommender.h
// (what `llm-planner-cli recommend` runs) over the catalogue's server
// templates and cloud instances, for the plan's model versions at its
// workload: request rate, token lengths, TTFT/TPOT targets and peak, the
// current scenario's engine, spare servers and cost assumptions. The user
// narrows it (on-prem, cloud, vendors, a monthly budget, the lowest weight
// precision, the cloud price tier), and sees the ranked builds, the Pareto
// chart of cost against latency and how many candidates each constraint
// ruled out. "Add as Scenario" puts the chosen build on the canvas as a new
// scenario (one undo step), laid out as the search sized it.
//
// The search runs off the GUI thread on copies of its inputs; only the
// latest search's result is shown.

#include "core/search/recommender.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace planner {

class ChartView;
class PlanDocument;

class FindBuildDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindBuildDialog(PlanDocument &document, QWidget *parent = nullptr);

    // Starts a search with the inputs shown; searched() follows.
    void search();
    const RecommendResult &result() const { return mResult; }
    // Adds the selected build as a scenario; false (and a message) when it cannot be.
    bool addSelectedAsScenario();

    QDoubleSpinBox *budgetBox() const { return mBudget; }
    QTableWidget *resultsTable() const { return mTable; }
    QPushButton *addButton() const { return mAdd; }
    ChartView *paretoView() const { return mPareto; }
    QLabel *statusLabel() const { return mStatus; }

signals:
    void searched();

private:
    RecommendRequest request() const;
    void showResult(const RecommendResult &result, double milliseconds);
    // Whether the selected build serves one model version (one scenario's deployment can hold it).
    void enableAdd();

    PlanDocument &mDocument;
    QCheckBox *mOnPrem = nullptr;
    QCheckBox *mCloud = nullptr;
    QLineEdit *mVendors = nullptr;
    QDoubleSpinBox *mRate = nullptr;
    QDoubleSpinBox *mBudget = nullptr; // monthly, in the display currency; 0: none
    QComboBox *mMinimumBits = nullptr;
    QComboBox *mTier = nullptr;
    QPushButton *mSearch = nullptr;
    QTableWidget *mTable = nullptr;
    ChartView *mPareto = nullptr;
    QLabel *mStatus = nullptr;
    QPushButton *mAdd = nullptr;
    RecommendResult mResult;
    int mGeneration = 0; // the latest search; older results are dropped
};

} // namespace planner
