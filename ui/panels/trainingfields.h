#pragma once
// A training scenario's settings as the workload panel shows them: the method
// (full, LoRA, QLoRA) and its rank, the optimizer and how its states are
// sharded, the precision and recomputation, the layout (tensor, pipeline with
// virtual stages or DualPipe, expert and context parallelism), the sequence,
// micro- and global batch, the tokens to train on and a deadline. Like
// LayoutFields, the rows go into the panel's form; show() reads a scenario's
// settings, apply() writes the inputs back, and edited() fires on each user
// change (the panel makes it one undo command).

#include "core/plan/trainingscenario.h"

#include <QObject>

#include <string>
#include <utility>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace planner {

class TrainingFields : public QObject
{
    Q_OBJECT

public:
    TrainingFields(QFormLayout *form, QWidget *parent);

    void show(const TrainingSettings &settings);
    void apply(TrainingSettings &settings) const;
    // Shows or hides every row of the form this class added.
    void setRowsVisible(bool visible);
    // The input each Problem field names ("tp", "global-batch" …).
    std::vector<std::pair<std::string, QWidget *>> fieldWidgets() const;
    QComboBox *methodBox() const { return mMethod; }
    QSpinBox *tensorParallelBox() const { return mTensor; }
    QDoubleSpinBox *tokensBox() const { return mTokens; }
    QDoubleSpinBox *deadlineBox() const { return mDeadline; }

signals:
    void edited();

private:
    // Enables what applies: the LoRA rank with an adapter, virtual stages and
    // the schedule with a pipeline.
    void enableDependentRows();

    QFormLayout *mForm = nullptr;
    std::vector<QWidget *> mRows; // the field of each row added, in order
    QComboBox *mMethod = nullptr;
    QSpinBox *mLoraRank = nullptr;
    QComboBox *mLoraTargets = nullptr;
    QComboBox *mOptimizer = nullptr;
    QComboBox *mSharding = nullptr;
    QComboBox *mPrecision = nullptr;
    QComboBox *mRecompute = nullptr;
    QSpinBox *mTensor = nullptr;
    QSpinBox *mPipeline = nullptr;
    QSpinBox *mVirtualStages = nullptr;
    QComboBox *mSchedule = nullptr;
    QSpinBox *mExpert = nullptr;
    QSpinBox *mContext = nullptr;
    QSpinBox *mSequence = nullptr;
    QSpinBox *mMicroBatch = nullptr;
    QSpinBox *mGlobalBatch = nullptr;
    QDoubleSpinBox *mTokens = nullptr;   // billions
    QDoubleSpinBox *mDeadline = nullptr; // days; 0: none
    bool mShowing = false;
};

} // namespace planner
