#pragma once
// The costs panel: the current scenario's cost assumptions (electricity, PUE,
// amortisation, maintenance, colocation, horizon, cloud hours …) and the cloud
// price tier. Each assumption shows where its value comes from; a change is
// one undo command and marks the value as set by the user.

#include "ui/panels/redrawsoon.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;

namespace planner {

class PlanDocument;

class CostPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CostPanel(PlanDocument &document, QWidget *parent = nullptr);

    QComboBox *tierBox() const { return mTier; }
    // In the order of costFields().
    const std::vector<QDoubleSpinBox *> &assumptionBoxes() const { return mBoxes; }
    void refresh();
    QLabel *totalsLabel() const { return mTotals; }

private:
    void commit();
    void resetToDefaults();
    // What the scenario costs: capital, a month, and in cash over the horizon.
    void showTotals();

    PlanDocument &mDocument;
    QComboBox *mTier = nullptr;
    std::vector<QDoubleSpinBox *> mBoxes;
    QLabel *mScenarioLabel = nullptr;
    QLabel *mTotals = nullptr;
    bool mRefreshing = false;
    bool mTotalsStale = false;
    RedrawSoon mRedrawTotals; // the Costs are a tab behind the Workload most of the time
};

} // namespace planner
