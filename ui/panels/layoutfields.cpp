#include "ui/panels/layoutfields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QSpinBox>

namespace planner {

namespace {

// A size that 0 leaves to the engine's defaults, shown as `automatic`.
QSpinBox *sizeBox(QWidget *parent, const QString &automatic, const QString &toolTip, int maximum = 4096)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, maximum);
    box->setSpecialValueText(automatic);
    box->setToolTip(toolTip);
    box->setKeyboardTracking(false); // commit on Enter or focus-out, not per keystroke
    return box;
}

} // namespace

LayoutFields::LayoutFields(QFormLayout *form, QWidget *parent)
    : QObject(parent)
{
    const QString automatic = tr("auto");
    mTensor = sizeBox(parent, automatic, tr("GPUs each layer is split over; auto: the GPUs of one server"));
    mTensor->setObjectName(QStringLiteral("tensorParallelBox"));
    mPipeline = sizeBox(parent, automatic,
                        tr("Stages the layers are split into; auto: the fewest at which the model fits"));
    mPipeline->setObjectName(QStringLiteral("pipelineParallelBox"));
    mExpert = sizeBox(parent, automatic,
                      tr("GPUs a mixture-of-experts model's experts are spread over (wide EP); auto: the experts "
                         "are split like every other layer, by tensor parallelism"));
    mExpert->setObjectName(QStringLiteral("expertParallelBox"));
    mDpAttention = new QCheckBox(tr("Data-parallel"), parent);
    mDpAttention->setObjectName(QStringLiteral("dpAttentionBox"));
    mDpAttention->setToolTip(tr("Each GPU of a tensor-parallel group runs attention for its own sequences "
                                "(SGLang's and vLLM's DP attention, for MLA models with expert parallelism)"));
    mRunningLimit = sizeBox(parent, tr("engine's default"),
                            tr("Sequences a replica runs at once (vLLM --max-num-seqs, SGLang "
                               "--max-running-requests, TensorRT-LLM --max_batch_size)"),
                            1 << 20);
    mRunningLimit->setObjectName(QStringLiteral("runningLimitBox"));
    mRunningLimit->setSuffix(tr(" sequences"));
    mOffload = sizeBox(parent, tr("none"),
                       tr("Decoder layers whose weights stay in host RAM and stream to the GPU each step "
                          "(llama.cpp --n-gpu-layers, vLLM --cpu-offload-gb): a model that does not fit runs, "
                          "at the host memory's bandwidth"),
                       4096);
    mOffload->setObjectName(QStringLiteral("offloadBox"));
    mOffload->setSuffix(tr(" layers in host RAM"));
    mAutoOffload = new QCheckBox(tr("Auto: the fewest that fit"), parent);
    mAutoOffload->setObjectName(QStringLiteral("autoOffloadBox"));
    mAutoOffload->setToolTip(tr("Offload as many layers as it takes to fit: the fewest (at least the count above) "
                                "with which the model and its KV cache fit the GPUs"));
    mSpareServers = sizeBox(parent, tr("none"),
                            tr("A fleet of unlinked servers (each a replica behind a load balancer) is sized for the "
                               "peak load plus this many spare servers (N+k)"),
                            1024);
    mSpareServers->setObjectName(QStringLiteral("spareServersBox"));
    mSpareServers->setSuffix(tr(" spare servers"));
    mPrefillGpus = sizeBox(parent, tr("none"),
                           tr("Disaggregated serving: this many of the scenario's GPUs (the first servers) compute "
                              "the prompts and send their KV caches over the drawn links to the others, which only "
                              "decode; none: every GPU does both"),
                           1 << 20);
    mPrefillGpus->setObjectName(QStringLiteral("prefillGpusBox"));
    mPrefillGpus->setSuffix(tr(" GPUs"));
    mPrefillTensor = sizeBox(parent, automatic, tr("Tensor-parallel size of the prefill pool; auto as above"));
    mPrefillTensor->setObjectName(QStringLiteral("prefillTensorBox"));
    mPrefillExpert = sizeBox(parent, automatic, tr("Expert-parallel size of the prefill pool; auto as above"));
    mPrefillExpert->setObjectName(QStringLiteral("prefillExpertBox"));
    mPrefillDpAttention = new QCheckBox(tr("Data-parallel"), parent);
    mPrefillDpAttention->setObjectName(QStringLiteral("prefillDpAttentionBox"));
    mPrefillDpAttention->setToolTip(tr("Data-parallel attention on the prefill pool"));

    form->addRow(tr("Tensor parallel"), mTensor);
    form->addRow(tr("Pipeline stages"), mPipeline);
    form->addRow(tr("Expert parallel"), mExpert);
    form->addRow(tr("Attention"), mDpAttention);
    form->addRow(tr("Running limit"), mRunningLimit);
    form->addRow(tr("Offload"), mOffload);
    form->addRow(QString(), mAutoOffload);
    form->addRow(tr("Fleet spares"), mSpareServers);
    form->addRow(tr("Prefill pool"), mPrefillGpus);
    form->addRow(tr("Prefill TP"), mPrefillTensor);
    form->addRow(tr("Prefill EP"), mPrefillExpert);
    form->addRow(tr("Prefill attention"), mPrefillDpAttention);

    const auto changed = [this] {
        enablePrefillLayout();
        if (!mShowing)
            emit edited();
    };
    for (QSpinBox *box : {mTensor, mPipeline, mExpert, mRunningLimit, mOffload, mSpareServers, mPrefillGpus,
                          mPrefillTensor, mPrefillExpert})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *box : {mDpAttention, mAutoOffload, mPrefillDpAttention})
        connect(box, &QCheckBox::toggled, this, changed);
}

void LayoutFields::show(const DeploymentSettings &d)
{
    mShowing = true;
    mTensor->setValue(d.tensorParallel);
    mPipeline->setValue(d.pipelineParallel);
    mExpert->setValue(d.expertParallel);
    mDpAttention->setChecked(d.dataParallelAttention);
    mRunningLimit->setValue(static_cast<int>(std::min<long long>(d.maxRunningSequences, mRunningLimit->maximum())));
    mOffload->setValue(d.offloadLayers);
    mAutoOffload->setChecked(d.autoOffload);
    mSpareServers->setValue(d.spareServers);
    mPrefillGpus->setValue(d.prefillPool.gpus);
    mPrefillTensor->setValue(d.prefillPool.tensorParallel);
    mPrefillExpert->setValue(d.prefillPool.expertParallel);
    mPrefillDpAttention->setChecked(d.prefillPool.dataParallelAttention);
    enablePrefillLayout();
    mShowing = false;
}

void LayoutFields::apply(DeploymentSettings &d) const
{
    d.tensorParallel = mTensor->value();
    d.pipelineParallel = mPipeline->value();
    d.expertParallel = mExpert->value();
    d.dataParallelAttention = mDpAttention->isChecked();
    d.maxRunningSequences = mRunningLimit->value();
    d.offloadLayers = mOffload->value();
    d.autoOffload = mAutoOffload->isChecked();
    d.spareServers = mSpareServers->value();
    d.prefillPool.gpus = mPrefillGpus->value();
    d.prefillPool.tensorParallel = mPrefillTensor->value();
    d.prefillPool.expertParallel = mPrefillExpert->value();
    d.prefillPool.dataParallelAttention = mPrefillDpAttention->isChecked();
}

std::vector<std::pair<std::string, QWidget *>> LayoutFields::fieldWidgets() const
{
    return {{"tp", mTensor},
            {"pp", mPipeline},
            {"ep", mExpert},
            {"dp-attention", mDpAttention},
            {"max-running", mRunningLimit},
            {"offload", mOffload},
            {"spare-servers", mSpareServers},
            {"prefill-gpus", mPrefillGpus},
            {"prefill-tp", mPrefillTensor},
            {"prefill-pp", mPrefillGpus},
            {"prefill-ep", mPrefillExpert},
            {"prefill-dp-attention", mPrefillDpAttention}};
}

void LayoutFields::enablePrefillLayout()
{
    const bool pool = mPrefillGpus->value() > 0;
    for (QWidget *w : std::initializer_list<QWidget *>{mPrefillTensor, mPrefillExpert, mPrefillDpAttention})
        w->setEnabled(pool);
}

} // namespace planner
