#include "ui/panels/trainingfields.h"

#include "ui/format/estimatetext.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <cmath>

namespace planner {

namespace {

constexpr double kTokensPerUnit = 1e9; // the tokens box counts billions

QSpinBox *countBox(QWidget *parent, const char *objectName, int minimum, int maximum, const QString &toolTip)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setRange(minimum, maximum);
    box->setGroupSeparatorShown(true);
    box->setToolTip(toolTip);
    box->setKeyboardTracking(false); // commit on Enter or focus-out, not per keystroke
    return box;
}

QComboBox *choiceBox(QWidget *parent, const char *objectName, const std::vector<std::pair<QString, int>> &items,
                     const QString &toolTip)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(QLatin1String(objectName));
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    box->setToolTip(toolTip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(12);
    return box;
}

template <typename Enum>
void select(QComboBox *box, Enum value)
{
    box->setCurrentIndex(std::max(0, box->findData(static_cast<int>(value))));
}

template <typename Enum>
Enum selected(const QComboBox *box)
{
    return static_cast<Enum>(box->currentData().toInt());
}

int clampedInt(std::int64_t value, const QSpinBox *box)
{
    return static_cast<int>(std::clamp<std::int64_t>(value, box->minimum(), box->maximum()));
}

} // namespace

TrainingFields::TrainingFields(QFormLayout *form, QWidget *parent)
    : QObject(parent)
    , mForm(form)
{
    mMethod = choiceBox(parent, "trainingMethodBox",
                        {{trainingMethodName(TrainingMethod::Full), static_cast<int>(TrainingMethod::Full)},
                         {trainingMethodName(TrainingMethod::Lora), static_cast<int>(TrainingMethod::Lora)},
                         {trainingMethodName(TrainingMethod::Qlora), static_cast<int>(TrainingMethod::Qlora)}},
                        tr("Full: every weight is trained, with its gradient and optimizer states. LoRA and QLoRA "
                           "train small adapters beside frozen weights (QLoRA keeps them in 4-bit NF4)"));
    mLoraRank = countBox(parent, "loraRankBox", 1, 4096, tr("Rank of each LoRA adapter (r)"));
    mLoraTargets = choiceBox(parent, "loraTargetsBox",
                             {{tr("Every linear layer"), static_cast<int>(LoraTargets::AllLinear)},
                              {tr("Attention projections"), static_cast<int>(LoraTargets::Attention)}},
                             tr("The layers that get adapters (PEFT target_modules)"));
    mOptimizer = choiceBox(parent, "optimizerBox",
                           {{optimizerName(Optimizer::AdamW), static_cast<int>(Optimizer::AdamW)},
                            {optimizerName(Optimizer::Adam8bit), static_cast<int>(Optimizer::Adam8bit)},
                            {optimizerName(Optimizer::Lion), static_cast<int>(Optimizer::Lion)},
                            {optimizerName(Optimizer::SgdMomentum), static_cast<int>(Optimizer::SgdMomentum)}},
                           tr("The optimizer's states per trained parameter: AdamW two FP32 moments and an FP32 "
                              "master copy, 8-bit Adam two 8-bit moments, Lion and SGD one moment"));
    mSharding = choiceBox(parent, "shardingBox",
                          {{tr("None (replicated)"), static_cast<int>(OptimizerSharding::None)},
                           {tr("ZeRO-1 / distributed optimizer"), static_cast<int>(OptimizerSharding::Zero1)},
                           {tr("ZeRO-2 (and gradients)"), static_cast<int>(OptimizerSharding::Zero2)},
                           {tr("ZeRO-3 (and weights)"), static_cast<int>(OptimizerSharding::Zero3)},
                           {tr("FSDP (full sharding)"), static_cast<int>(OptimizerSharding::Fsdp)}},
                          tr("What the data-parallel ranks split between them instead of each holding a copy"));
    mPrecision = choiceBox(parent, "trainingPrecisionBox",
                           {{tr("BF16"), static_cast<int>(TrainingPrecision::Bf16)},
                            {tr("FP8 matmuls (Transformer Engine)"), static_cast<int>(TrainingPrecision::Fp8)}},
                           tr("The precision of the matrix multiplications; FP8 keeps BF16 weights and FP32 "
                              "master weights, and runs at the BF16 rate on a GPU without an FP8 one"));
    mRecompute = choiceBox(parent, "recomputeBox",
                           {{tr("None"), static_cast<int>(Recompute::None)},
                            {tr("Selective (attention)"), static_cast<int>(Recompute::Selective)},
                            {tr("Full (every layer)"), static_cast<int>(Recompute::Full)}},
                           tr("Activations recomputed in the backward pass instead of kept: selective recomputes "
                              "the attention core (Korthikanti et al. 2022), full keeps only each layer's input"));
    mTensor = countBox(parent, "trainingTensorBox", 1, 4096,
                       tr("GPUs each layer is split over (with sequence "
                          "parallelism)"));
    mPipeline = countBox(parent, "trainingPipelineBox", 1, 4096, tr("Stages the layers are split into"));
    mVirtualStages = countBox(parent, "virtualStagesBox", 1, 64,
                              tr("Interleaved pipeline: model chunks per pipeline rank; the bubble shrinks by this "
                                 "factor"));
    mSchedule = choiceBox(parent, "pipelineScheduleBox",
                          {{tr("1F1B"), static_cast<int>(PipelineSchedule::OneFOneB)},
                           {tr("DualPipe (DeepSeek-V3)"), static_cast<int>(PipelineSchedule::DualPipe)}},
                          tr("The pipeline schedule; DualPipe overlaps the expert all-to-all with computation and "
                             "keeps two copies of the weights of each stage"));
    mExpert = countBox(parent, "trainingExpertBox", 1, 4096,
                       tr("GPUs a mixture-of-experts model's experts are spread over"));
    mContext = countBox(parent, "contextParallelBox", 1, 1024,
                        tr("GPUs each sequence is split over (ring attention), for long sequences"));
    mSequence = countBox(parent, "trainingSequenceBox", 1, 1 << 24, tr("Tokens in each training sequence"));
    mSequence->setSuffix(tr(" tokens"));
    mMicroBatch = countBox(parent, "microBatchBox", 1, 1 << 16, tr("Sequences each GPU computes per pass"));
    mMicroBatch->setSuffix(tr(" sequences"));
    mGlobalBatch = countBox(parent, "globalBatchBox", 0, 1 << 26,
                            tr("Sequences per optimizer step, over every data-parallel rank; it sets the pipeline's "
                               "micro-batches (gradient accumulation)"));
    mGlobalBatch->setSpecialValueText(tr("one micro-batch per rank"));
    mGlobalBatch->setSuffix(tr(" sequences"));
    mTokens = new QDoubleSpinBox(parent);
    mTokens->setObjectName(QStringLiteral("trainingTokensBox"));
    mTokens->setRange(0.001, 1e6);
    mTokens->setDecimals(3);
    mTokens->setGroupSeparatorShown(true);
    mTokens->setSuffix(tr(" billion tokens"));
    mTokens->setToolTip(tr("Tokens the run trains on (the dataset times the epochs)"));
    mTokens->setKeyboardTracking(false);
    mDeadline = new QDoubleSpinBox(parent);
    mDeadline->setObjectName(QStringLiteral("deadlineBox"));
    mDeadline->setRange(0, 3650);
    mDeadline->setDecimals(1);
    mDeadline->setSuffix(tr(" days"));
    mDeadline->setSpecialValueText(tr("none"));
    mDeadline->setToolTip(tr("Finish within this many days; the verdict then says how many servers like the drawn "
                             "ones make it"));
    mDeadline->setKeyboardTracking(false);

    const std::vector<std::pair<QString, QWidget *>> rows{
        {tr("Method"), mMethod},
        {tr("LoRA rank"), mLoraRank},
        {tr("LoRA on"), mLoraTargets},
        {tr("Optimizer"), mOptimizer},
        {tr("Sharding"), mSharding},
        {tr("Precision"), mPrecision},
        {tr("Recompute"), mRecompute},
        {tr("Tensor parallel"), mTensor},
        {tr("Pipeline stages"), mPipeline},
        {tr("Virtual stages"), mVirtualStages},
        {tr("Schedule"), mSchedule},
        {tr("Expert parallel"), mExpert},
        {tr("Context parallel"), mContext},
        {tr("Sequence"), mSequence},
        {tr("Micro-batch"), mMicroBatch},
        {tr("Global batch"), mGlobalBatch},
        {tr("Train on"), mTokens},
        {tr("Deadline"), mDeadline},
    };
    for (const auto &[label, field] : rows) {
        form->addRow(label, field);
        mRows.push_back(field);
    }

    const auto changed = [this] {
        enableDependentRows();
        if (!mShowing)
            emit edited();
    };
    for (QComboBox *box : {mMethod, mLoraTargets, mOptimizer, mSharding, mPrecision, mRecompute, mSchedule})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox *box :
         {mLoraRank, mTensor, mPipeline, mVirtualStages, mExpert, mContext, mSequence, mMicroBatch, mGlobalBatch})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QDoubleSpinBox *box : {mTokens, mDeadline})
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
}

void TrainingFields::show(const TrainingSettings &t)
{
    mShowing = true;
    select(mMethod, t.method);
    mLoraRank->setValue(t.loraRank);
    select(mLoraTargets, t.loraTargets);
    select(mOptimizer, t.optimizer);
    select(mSharding, t.sharding);
    select(mPrecision, t.precision);
    select(mRecompute, t.recompute);
    mTensor->setValue(t.tensorParallel);
    mPipeline->setValue(t.pipelineParallel);
    mVirtualStages->setValue(t.virtualStages);
    select(mSchedule, t.schedule);
    mExpert->setValue(t.expertParallel);
    mContext->setValue(t.contextParallel);
    mSequence->setValue(clampedInt(t.sequenceLength, mSequence));
    mMicroBatch->setValue(clampedInt(t.microBatch, mMicroBatch));
    mGlobalBatch->setValue(clampedInt(t.globalBatch, mGlobalBatch));
    mTokens->setValue(t.tokens / kTokensPerUnit);
    mDeadline->setValue(t.deadlineDays);
    enableDependentRows();
    mShowing = false;
}

void TrainingFields::apply(TrainingSettings &t) const
{
    t.method = selected<TrainingMethod>(mMethod);
    t.loraRank = mLoraRank->value();
    t.loraTargets = selected<LoraTargets>(mLoraTargets);
    t.optimizer = selected<Optimizer>(mOptimizer);
    t.sharding = selected<OptimizerSharding>(mSharding);
    t.precision = selected<TrainingPrecision>(mPrecision);
    t.recompute = selected<Recompute>(mRecompute);
    t.tensorParallel = mTensor->value();
    t.pipelineParallel = mPipeline->value();
    t.virtualStages = mVirtualStages->value();
    t.schedule = selected<PipelineSchedule>(mSchedule);
    t.expertParallel = mExpert->value();
    t.contextParallel = mContext->value();
    t.sequenceLength = mSequence->value();
    t.microBatch = mMicroBatch->value();
    t.globalBatch = mGlobalBatch->value();
    // The box shows three decimals of a billion; an unedited value keeps
    // the plan's exact count.
    if (std::abs(mTokens->value() - t.tokens / kTokensPerUnit) >= 0.0005)
        t.tokens = mTokens->value() * kTokensPerUnit;
    t.deadlineDays = mDeadline->value();
}

void TrainingFields::setRowsVisible(bool visible)
{
    for (QWidget *field : mRows)
        mForm->setRowVisible(field, visible);
}

std::vector<std::pair<std::string, QWidget *>> TrainingFields::fieldWidgets() const
{
    return {{"tp", mTensor},
            {"pp", mPipeline},
            {"vpp", mVirtualStages},
            {"pipeline-schedule", mSchedule},
            {"ep", mExpert},
            {"cp", mContext},
            {"seq-len", mSequence},
            {"micro-batch", mMicroBatch},
            {"global-batch", mGlobalBatch},
            {"tokens", mTokens},
            {"deadline", mDeadline},
            {"lora-rank", mLoraRank}};
}

void TrainingFields::enableDependentRows()
{
    const bool adapters = selected<TrainingMethod>(mMethod) != TrainingMethod::Full;
    mLoraRank->setEnabled(adapters);
    mLoraTargets->setEnabled(adapters);
    const bool pipeline = mPipeline->value() > 1;
    mVirtualStages->setEnabled(pipeline);
    mSchedule->setEnabled(pipeline);
}

} // namespace planner
