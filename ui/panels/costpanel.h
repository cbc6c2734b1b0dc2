#pragma once
// The costs panel: the current scenario's cost assumptions (electricity, PUE,
// amortisation, maintenance, colocation, horizon, cloud hours …) and the cloud
// price tier. Each assumption shows where its value comes from; a change is
// one undo command and marks the value as set by the user.

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

private:
    void commit();
    void resetToDefaults();

    PlanDocument &mDocument;
    QComboBox *mTier = nullptr;
    std::vector<QDoubleSpinBox *> mBoxes;
    QLabel *mScenarioLabel = nullptr;
    bool mRefreshing = false;
};

} // namespace planner
