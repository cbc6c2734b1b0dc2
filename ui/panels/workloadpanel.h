#pragma once
// The workload panel: the model family and the versions to compare, and what
// the current scenario does with them. Serving: its weight and KV formats,
// engine, layout (LayoutFields: parallelism, running limit, prefill pool,
// offload) and speculative draft, the context, input and output lengths, the
// prefix cache's hit rate, the load (concurrency or request rate) and the
// SLOs. Training: the run's settings (TrainingFields). Only the rows of the
// scenario's task are shown. Each change is one undo command; the panel
// re-reads the plan after any change.

#include "ui/panels/redrawsoon.h"

#include <QString>
#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace planner {

class LayoutFields;
class PlanDocument;
class TrainingFields;

class WorkloadPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WorkloadPanel(PlanDocument &document, QWidget *parent = nullptr);

    QComboBox *familyBox() const { return mFamily; }
    QListWidget *versionList() const { return mVersions; }
    QSpinBox *concurrencyBox() const { return mConcurrency; }
    QLabel *limitsLabel() const { return mLimits; }
    QComboBox *weightsBox() const { return mWeights; }
    QComboBox *kvBox() const { return mKv; }
    QSpinBox *contextBox() const { return mContext; }
    QComboBox *loadKindBox() const { return mLoadKind; } // concurrency or request rate
    QDoubleSpinBox *rateBox() const { return mRate; }
    QSpinBox *tensorParallelBox() const;
    LayoutFields *layoutFields() const { return mLayout; }
    TrainingFields *trainingFields() const { return mTraining; }
    QComboBox *taskBox() const { return mTask; }
    // The input a Problem's field names ("tp", "context" …), or nullptr.
    QWidget *fieldWidget(const std::string &field) const;
    void refresh();

private:
    // The catalogue's families and versions, read at start and again when an
    // import changes the catalogue (a query per refresh cost a workload edit ~0.3 ms).
    void reloadModels();
    void fillVersions(const QString &family);
    // Marks the rows whose input makes a version of the current scenario
    // invalid (the engine's Problem field), with the reason as tool tip.
    void markProblems();
    // Each version's limits on this build (estimatetext.h limitsText).
    void showLimits();
    void commitModels();
    void commitWorkload();
    void commitDeployment();
    void commitTask();
    void commitTraining();
    // Shows the rows of the scenario's task (serving or training) only.
    void showTaskRows(bool training);
    // Shows the scenario's draft (settings text as parseSpeculative reads it).
    void showSpeculative(const std::string &text);

    struct ListedModel {
        QString id;
        QString name;
        QString family;
    };

    PlanDocument &mDocument;
    std::vector<ListedModel> mModels; // the catalogue's model versions, in its order
    QComboBox *mFamily = nullptr;
    QListWidget *mVersions = nullptr;
    QComboBox *mTask = nullptr; // serve, or train / fine-tune
    TrainingFields *mTraining = nullptr;
    std::vector<QWidget *> mServingRows; // the fields of the rows a serving scenario shows
    QComboBox *mWeights = nullptr;
    QComboBox *mKv = nullptr;
    QComboBox *mEngine = nullptr;
    LayoutFields *mLayout = nullptr;      // parallelism, running limit, prefill pool
    QComboBox *mSpeculative = nullptr;    // none, or the kind of draft at its published length
    QDoubleSpinBox *mAccepted = nullptr;  // tokens a step emits with that draft
    QDoubleSpinBox *mPrefixHit = nullptr; // percent of each prompt in the prefix cache
    QSpinBox *mContext = nullptr;
    QSpinBox *mInput = nullptr;
    QSpinBox *mOutput = nullptr;
    QComboBox *mLoadKind = nullptr;
    QSpinBox *mConcurrency = nullptr;
    QDoubleSpinBox *mRate = nullptr;
    QDoubleSpinBox *mPeak = nullptr; // the busiest load over the average
    QDoubleSpinBox *mTtft = nullptr;
    QDoubleSpinBox *mTpot = nullptr;
    QLabel *mLimits = nullptr; // what the build holds of each version at this load
    QFormLayout *mForm = nullptr;
    std::map<QWidget *, QString> mToolTips;         // each input's own tool tip, restored when its problem is gone
    std::map<std::string, QWidget *> mFieldWidgets; // the input each serving Problem field names
    std::map<std::string, QWidget *> mTrainingFieldWidgets; // … and each training one
    bool mRefreshing = false;
    bool mProblemsStale = false;
    RedrawSoon mRedrawProblems; // after topology edits, while on screen
};

} // namespace planner
