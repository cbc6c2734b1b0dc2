#pragma once
// The deployment's layout as the workload panel shows it: tensor, pipeline and
// expert parallelism, data-parallel attention, the engine's running limit,
// layers offloaded to host RAM (a count, or the fewest that fit), a fleet's
// spare servers, and a
// disaggregated prefill pool with a layout of its own. The rows are added to
// the panel's form; show() reads a scenario's settings, apply() writes the
// inputs back, and edited() fires on each user change (the panel makes it one
// undo command).

#include "core/resolve/deployment.h"

#include <QObject>

#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace planner {

class LayoutFields : public QObject
{
    Q_OBJECT

public:
    LayoutFields(QFormLayout *form, QWidget *parent);

    void show(const DeploymentSettings &settings);
    void apply(DeploymentSettings &settings) const;
    // The input each Problem field names ("tp", "prefill-gpus" …).
    std::vector<std::pair<std::string, QWidget *>> fieldWidgets() const;
    QSpinBox *tensorParallelBox() const { return mTensor; }
    QSpinBox *prefillGpusBox() const { return mPrefillGpus; }

signals:
    void edited();

private:
    void enablePrefillLayout();

    QSpinBox *mTensor = nullptr;
    QSpinBox *mPipeline = nullptr;
    QSpinBox *mExpert = nullptr;
    QCheckBox *mDpAttention = nullptr;
    QSpinBox *mRunningLimit = nullptr;
    QSpinBox *mOffload = nullptr;      // decoder layers kept in host RAM
    QCheckBox *mAutoOffload = nullptr; // or as many more as it takes to fit
    QSpinBox *mSpareServers = nullptr; // a fleet's N+k
    QSpinBox *mPrefillGpus = nullptr;
    QSpinBox *mPrefillTensor = nullptr;
    QSpinBox *mPrefillExpert = nullptr;
    QCheckBox *mPrefillDpAttention = nullptr;
    bool mShowing = false;
};

} // namespace planner
