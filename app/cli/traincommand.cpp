#include "app/cli/traincommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "app/cli/trainingoptions.h"
#include "core/plan/trainingscenario.h"
#include "database/catalogue.h"
#include "database/estimatejson.h"

#include <QJsonObject>

#include <cmath>

namespace planner::cli {

namespace {

TrainingMethod methodFrom(const QCommandLineParser &parser)
{
    const QString mode = parser.isSet(QStringLiteral("mode")) ? parser.value(QStringLiteral("mode")).toLower()
                                                              : QStringLiteral("full");
    if (mode == QLatin1String("full"))
        return TrainingMethod::Full;
    if (mode == QLatin1String("lora"))
        return TrainingMethod::Lora;
    if (mode == QLatin1String("qlora"))
        return TrainingMethod::Qlora;
    throw UsageError(QStringLiteral("unknown --mode '%1' (full, lora, qlora)").arg(mode));
}

} // namespace

int runTrain(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Time, tokens/s, MFU and GPU-hours of a training or fine-tuning run, each with the range the "
        "efficiency factors allow. Tensor parallelism stays inside a server; data and pipeline parallelism "
        "cross servers over --network."));
    addDeploymentOptions(parser);
    addTrainingOptions(parser);
    parser.addOptions({
        {QStringLiteral("mode"), QStringLiteral("full (default), lora or qlora."), QStringLiteral("MODE")},
        {QStringLiteral("seq-len"), QStringLiteral("Sequence length (default 4096)."), QStringLiteral("N")},
        {QStringLiteral("micro-batch"), QStringLiteral("Sequences per micro-batch (default 1)."), QStringLiteral("N")},
        {QStringLiteral("global-batch"),
         QStringLiteral("Sequences per optimizer step (default: one micro-batch per replica)."), QStringLiteral("N")},
        {QStringLiteral("tokens"), QStringLiteral("Tokens to train on, e.g. 1e12 (default 1e9)."), QStringLiteral("N")},
    });
    parseCommand(parser, arguments);

    const CliDeployment deployment = deploymentFrom(parser);
    const Cluster &cluster = deployment.cluster;
    TrainingRunRequest run;
    run.setup = trainingRequestFrom(parser, deployment, methodFrom(parser));
    if (const std::optional<Message> missing = missingSpeedFigure(run.setup.gpu, ComputePrecision::Bf16))
        throw UsageError(QString::fromStdString(missing->text()));
    run.setup.sequenceLength = countOption(parser, QStringLiteral("seq-len"), 4096);
    run.setup.microBatch = integerOption(parser, QStringLiteral("micro-batch"), 1);
    run.globalBatchSequences = integerOption(parser, QStringLiteral("global-batch"), 0, true);
    run.tokens = numberOption(parser, QStringLiteral("tokens"), 1e9);
    throwIfInvalid(validate(run.setup));
    placeTrainingLinks(run, cluster);
    throwIfInvalid(validate(run));

    const TrainingRunEstimate e = estimateTrainingRun(run);
    if (!e.fits)
        throw UsageError(QStringLiteral("the run does not fit in GPU memory (see 'llm-planner-cli fit --mode %1'); "
                                        "no time can be given")
                             .arg(QString::fromUtf8(toString(run.setup.method).data())));
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(trainingRunToJson(run, e));
        return 0;
    }
    const auto days = [](const TrainingRunPoint &p) { return p.seconds / 86400.0; };
    printLine(QStringLiteral("%1 %2 training on %3 x %4: %5 tokens, sequence %6, %7 micro-batches per step")
                  .arg(QString::fromStdString(run.setup.model.displayName),
                       QString::fromUtf8(toString(run.setup.method).data()))
                  .arg(run.setup.gpuCount)
                  .arg(QString::fromStdString(run.setup.gpu.name))
                  .arg(run.tokens, 0, 'g', 3)
                  .arg(run.setup.sequenceLength)
                  .arg(e.microBatchesPerStep));
    printLine(QStringLiteral("  TP %1 · PP %2 · DP %3 · %4")
                  .arg(run.setup.parallel.tensor)
                  .arg(run.setup.parallel.pipeline)
                  .arg(e.dataParallelRanks)
                  .arg(trainingSetupText(run.setup)));
    printLine(QStringLiteral("  Tokens/s          %1 (%2 – %3)")
                  .arg(e.nominal.tokensPerSecond, 0, 'f', 0)
                  .arg(e.pessimistic.tokensPerSecond, 0, 'f', 0)
                  .arg(e.optimistic.tokensPerSecond, 0, 'f', 0));
    printLine(QStringLiteral("  MFU               %1 % (%2 – %3 %)")
                  .arg(e.nominal.mfu * 100, 0, 'f', 1)
                  .arg(e.pessimistic.mfu * 100, 0, 'f', 1)
                  .arg(e.optimistic.mfu * 100, 0, 'f', 1));
    printLine(QStringLiteral("  Time              %1 days (%2 – %3)")
                  .arg(days(e.nominal), 0, 'f', 2)
                  .arg(days(e.optimistic), 0, 'f', 2)
                  .arg(days(e.pessimistic), 0, 'f', 2));
    printLine(QStringLiteral("  GPU-hours         %1").arg(e.nominal.gpuHours, 0, 'f', 0));
    printLine(QStringLiteral("  Step %1 s: compute %2 s, exposed tensor/expert-parallel %3 s, context-parallel %4 s, "
                             "data-parallel %5 s, bubble %6 %")
                  .arg(e.stepSeconds, 0, 'f', 3)
                  .arg(e.computeSeconds, 0, 'f', 3)
                  .arg(e.tensorParallelSeconds, 0, 'f', 3)
                  .arg(e.contextParallelSeconds, 0, 'f', 3)
                  .arg(e.dataParallelSeconds, 0, 'f', 3)
                  .arg(e.bubbleFraction * 100, 0, 'f', 1));
    return 0;
}

} // namespace planner::cli
