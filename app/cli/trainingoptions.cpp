#include "app/cli/trainingoptions.h"

#include "app/cli/clisupport.h"
#include "core/plan/trainingscenario.h"

#include <QStringList>

namespace planner::cli {

namespace {

template <typename Enum, std::size_t N>
Enum namedOption(const QCommandLineParser &parser, const QString &option, const Enum (&values)[N], Enum fallback)
{
    if (!parser.isSet(option))
        return fallback;
    const QString name = parser.value(option).toLower();
    QStringList names;
    for (Enum value : values) {
        const QString valueName = QString::fromUtf8(toString(value).data());
        if (name == valueName)
            return value;
        names << valueName;
    }
    throw UsageError(QStringLiteral("unknown --%1 '%2' (%3)").arg(option, name, names.join(QStringLiteral(", "))));
}

OptimizerSharding shardingOption(const QCommandLineParser &parser)
{
    static constexpr OptimizerSharding kShardings[] = {OptimizerSharding::None, OptimizerSharding::Zero1,
                                                       OptimizerSharding::Zero2, OptimizerSharding::Zero3,
                                                       OptimizerSharding::Fsdp};
    const bool named = parser.isSet(QStringLiteral("optimizer-sharding"));
    if (named && parser.isSet(QStringLiteral("zero")))
        throw UsageError(QStringLiteral("--zero and --optimizer-sharding say the same thing: give one"));
    if (parser.isSet(QStringLiteral("zero"))) {
        const int stage = countOption(parser, QStringLiteral("zero"), 1, true);
        if (stage > 3)
            throw UsageError(QStringLiteral("--zero: ZeRO stage must be 0, 1, 2 or 3, got %1").arg(stage));
        return kShardings[stage];
    }
    return namedOption(parser, QStringLiteral("optimizer-sharding"), kShardings, kDefaultSharding);
}

Recompute recomputeOption(const QCommandLineParser &parser)
{
    static constexpr Recompute kRecomputes[] = {Recompute::None, Recompute::Selective, Recompute::Full};
    if (parser.isSet(QStringLiteral("checkpointing"))) {
        if (parser.isSet(QStringLiteral("recompute")))
            throw UsageError(QStringLiteral("--checkpointing is --recompute full: give one"));
        return Recompute::Full;
    }
    return namedOption(parser, QStringLiteral("recompute"), kRecomputes, Recompute::None);
}

} // namespace

void addTrainingOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("optimizer"), QStringLiteral("Training optimizer: adamw (default), adam8bit, lion, sgd."),
         QStringLiteral("NAME")},
        {QStringLiteral("optimizer-sharding"),
         QStringLiteral("How the model states are sharded over the data-parallel ranks: none, zero1 (default: "
                        "Megatron's distributed optimizer), zero2, zero3 or fsdp."),
         QStringLiteral("HOW")},
        {QStringLiteral("zero"), QStringLiteral("ZeRO stage 0-3 (the same as --optimizer-sharding zeroN)."),
         QStringLiteral("N")},
        {QStringLiteral("cp"), QStringLiteral("Context-parallel size: ranks each sequence is split over (default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("vpp"),
         QStringLiteral("Virtual pipeline stages per pipeline rank (interleaved 1F1B; default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("pipeline-schedule"),
         QStringLiteral("1f1b (default; interleaved with --vpp) or dualpipe (DeepSeek-V3's bidirectional schedule: "
                        "two copies of the parameters, the all-to-alls hidden)."),
         QStringLiteral("S")},
        {QStringLiteral("recompute"), QStringLiteral("Activation recomputation: none (default), selective or full."),
         QStringLiteral("HOW")},
        {QStringLiteral("checkpointing"), QStringLiteral("Full activation recomputation (= --recompute full).")},
        {QStringLiteral("precision"), QStringLiteral("Matmul precision: bf16 (default) or fp8 (Transformer Engine)."),
         QStringLiteral("P")},
        {QStringLiteral("lora-rank"), QStringLiteral("LoRA rank (default 16)."), QStringLiteral("N")},
        {QStringLiteral("lora-targets"), QStringLiteral("LoRA targets: all (default) or attention."),
         QStringLiteral("SET")},
    });
}

TrainingRequest trainingRequestFrom(const QCommandLineParser &parser, const CliDeployment &deployment,
                                    TrainingMethod method)
{
    static constexpr Optimizer kOptimizers[] = {Optimizer::AdamW, Optimizer::Adam8bit, Optimizer::Lion,
                                                Optimizer::SgdMomentum};
    static constexpr TrainingPrecision kPrecisions[] = {TrainingPrecision::Bf16, TrainingPrecision::Fp8};
    TrainingRequest r;
    r.model = deployment.model;
    r.gpu = *deployment.cluster.gpu;
    r.gpuCount = deployment.cluster.gpuCount;
    r.parallel = trainingParallelism(deployment.settings);
    r.method = method;
    r.optimizer = namedOption(parser, QStringLiteral("optimizer"), kOptimizers, Optimizer::AdamW);
    r.sharding = shardingOption(parser);
    r.contextParallel = countOption(parser, QStringLiteral("cp"), 1);
    r.virtualStages = countOption(parser, QStringLiteral("vpp"), 1);
    r.recompute = recomputeOption(parser);
    static constexpr PipelineSchedule kSchedules[] = {PipelineSchedule::OneFOneB, PipelineSchedule::DualPipe};
    r.schedule = namedOption(parser, QStringLiteral("pipeline-schedule"), kSchedules, PipelineSchedule::OneFOneB);
    r.precision = namedOption(parser, QStringLiteral("precision"), kPrecisions, TrainingPrecision::Bf16);
    r.loraRank = countOption(parser, QStringLiteral("lora-rank"), 16);
    const QString targets = parser.value(QStringLiteral("lora-targets"));
    if (!targets.isEmpty() && targets != QLatin1String("all") && targets != QLatin1String("attention"))
        throw UsageError(QStringLiteral("unknown --lora-targets '%1' (all, attention)").arg(targets));
    r.loraTargets = targets == QLatin1String("attention") ? LoraTargets::Attention : LoraTargets::AllLinear;
    return r;
}

QString trainingSetupText(const TrainingRequest &r)
{
    QStringList parts;
    for (const Message &part : trainingSetupParts(r))
        parts << QString::fromStdString(part.text());
    return parts.join(QStringLiteral(" · "));
}

} // namespace planner::cli
