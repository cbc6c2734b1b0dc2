#include "app/cli/fitcommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "app/cli/trainingoptions.h"
#include "core/hardware/gpuspec.h"
#include "core/memory/cacheexplanation.h"
#include "core/memory/engineprofile.h"
#include "core/memory/inferencememory.h"
#include "core/memory/trainingmemory.h"
#include "core/model/precision.h"
#include "database/catalogue.h"
#include "database/estimatejson.h"

#include <QCommandLineParser>
#include <QLocale>

namespace planner::cli {

namespace {

void addFitOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Per-GPU memory of a model version on a GPU deployment: weights, KV cache, activations and "
                       "runtime overhead; whether it fits; the maximum concurrency and context."));
    addDeploymentOptions(parser);
    parser.addOptions({
        {QStringLiteral("context"),
         QStringLiteral("Tokens per sequence, or the training sequence length (default 4096)."), QStringLiteral("N")},
        {QStringLiteral("concurrency"),
         QStringLiteral("Concurrent sequences, or the training micro-batch (default 1)."), QStringLiteral("N")},
        {QStringLiteral("mode"), QStringLiteral("inference (default), full, lora or qlora."), QStringLiteral("MODE")},
    });
    addTrainingOptions(parser);
}

void printRow(const QString &label, double bytes)
{
    printLine(QStringLiteral("  %1 %2").arg(label, -30).arg(formatBytes(bytes)));
}

QString yesNo(bool fits, double shortfall)
{
    return fits ? QStringLiteral("yes") : QStringLiteral("NO — short by %1").arg(formatBytes(shortfall));
}

int runInference(const QCommandLineParser &parser, const CliDeployment &deployment)
{
    // Sized by memory alone: the context is the sequence, no input or output split.
    const WorkloadShape shape{0, 0, countOption(parser, QStringLiteral("context"), 4096)};
    InferenceRequest r = resolve(deployment, shape).request.deployment;
    r.concurrency = integerOption(parser, QStringLiteral("concurrency"), 1);
    throwIfInvalid(validate(r));

    const InferenceMemoryEstimate e = estimateInferenceMemory(r);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(inferenceFitToJson(r, e));
        return 0;
    }
    const QLocale en(QLocale::English);
    printLine(QStringLiteral("%1 on %2 x %3 — %4, weights %5, KV cache %6")
                  .arg(QString::fromStdString(r.model.displayName))
                  .arg(r.gpuCount)
                  .arg(QString::fromStdString(r.gpu.name), QString::fromStdString(r.engine.name),
                       QString::fromStdString(r.weights.name), QString::fromStdString(r.kvCache.name)));
    printLine(QStringLiteral("Model: %1").arg(QString::fromStdString(describeLayers(r.model).text())));
    printLine(QStringLiteral("TP %1 · PP %2 · EP %3 · %4 · context %5 tokens · %6")
                  .arg(r.parallel.tensor)
                  .arg(r.parallel.pipeline)
                  .arg(r.parallel.expert)
                  .arg(plural(e.dataParallelReplicas, QStringLiteral("replica")),
                       en.toString(static_cast<qlonglong>(r.context)),
                       plural(r.concurrency, QStringLiteral("concurrent sequence"))));
    printLine(QStringLiteral("Per GPU (the most loaded one):"));
    printRow(QStringLiteral("Weights"), units::inBytes(e.perGpu.weights));
    printRow(QStringLiteral("KV cache"), units::inBytes(e.perGpu.kvCache));
    // Why the cache is what it is.
    for (const Message &note : explainCache(r.model, e))
        printLine(QStringLiteral("    %1").arg(QString::fromStdString(note.text())));
    printRow(QStringLiteral("Activations (prefill peak)"), units::inBytes(e.perGpu.activations));
    printRow(QStringLiteral("Runtime overhead"), units::inBytes(e.runtimeOverhead));
    printRow(QStringLiteral("Engine reserve"), units::inBytes(e.engineReserve));
    printRow(QStringLiteral("Total"), units::inBytes(e.perGpu.total()));
    printRow(QStringLiteral("Usable capacity"), units::inBytes(e.capacity));
    if (const std::optional<Message> share = gpuMemoryShareNote(r.gpu))
        printLine(QStringLiteral("    %1").arg(QString::fromStdString(share->text())));
    if (e.offloadedLayers > 0)
        printLine(QStringLiteral("Offloaded to host RAM: %1 layers, %2")
                      .arg(e.offloadedLayers)
                      .arg(formatBytes(units::inBytes(e.hostMemory))));
    printLine(QStringLiteral("Fits: %1").arg(yesNo(e.fits, units::inBytes(e.shortfall))));
    // An encoder holds nothing between passes: what memory bounds is one pass's batch.
    printLine((r.model.encoder ? QStringLiteral("Largest batch per pass at %1 tokens: %2 (encoder-only: activations, "
                                                "no KV cache)")
                               : QStringLiteral("Max concurrency at %1 tokens: %2"))
                  .arg(en.toString(static_cast<qlonglong>(r.context)),
                       en.toString(static_cast<qlonglong>(e.maxConcurrency))));
    printLine(
        QStringLiteral("Max context at %1: %2 tokens")
            .arg(plural(r.concurrency, QStringLiteral("sequence")), en.toString(static_cast<qlonglong>(e.maxContext))));
    printLine(QStringLiteral("Engine profile: %1").arg(QString::fromStdString(r.engine.source)));
    return 0;
}

int runTraining(const QCommandLineParser &parser, const CliDeployment &deployment, TrainingMethod method)
{
    TrainingRequest r = trainingRequestFrom(parser, deployment, method);
    r.sequenceLength = countOption(parser, QStringLiteral("context"), 4096);
    r.microBatch = integerOption(parser, QStringLiteral("concurrency"), 1);
    throwIfInvalid(validate(r));

    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(trainingFitToJson(r, e));
        return 0;
    }
    const QLocale en(QLocale::English);
    printLine(QStringLiteral("%1 %2 training on %3 x %4 — %5, sequence %6, micro-batch %7")
                  .arg(QString::fromStdString(r.model.displayName), QString::fromUtf8(toString(method).data()))
                  .arg(r.gpuCount)
                  .arg(QString::fromStdString(r.gpu.name), QString::fromUtf8(toString(r.optimizer).data()))
                  .arg(en.toString(static_cast<qlonglong>(r.sequenceLength)))
                  .arg(r.microBatch));
    printLine(QStringLiteral("TP %1 · PP %2 · DP %3 · %4")
                  .arg(r.parallel.tensor)
                  .arg(r.parallel.pipeline)
                  .arg(e.dataParallelRanks)
                  .arg(trainingSetupText(r)));
    printLine(QStringLiteral("Trainable parameters: %1").arg(formatCount(static_cast<double>(e.trainableParameters))));
    printLine(QStringLiteral("Per GPU:"));
    printRow(QStringLiteral("Weights"), units::inBytes(e.weights));
    printRow(QStringLiteral("Gradients"), units::inBytes(e.gradients));
    printRow(QStringLiteral("Optimizer states"), units::inBytes(e.optimizerStates));
    printRow(QStringLiteral("Activations"), units::inBytes(e.activations));
    printRow(QStringLiteral("Runtime overhead"), units::inBytes(e.overhead));
    printRow(QStringLiteral("Total"), units::inBytes(e.total()));
    printRow(QStringLiteral("Usable capacity"), units::inBytes(e.capacity));
    if (const std::optional<Message> share = gpuMemoryShareNote(r.gpu))
        printLine(QStringLiteral("    %1").arg(QString::fromStdString(share->text())));
    printLine(QStringLiteral("Fits: %1").arg(yesNo(e.fits, units::inBytes(e.shortfall))));
    printLine(QStringLiteral("Max micro-batch at this sequence length: %1").arg(e.maxMicroBatch));
    printLine(QStringLiteral("Max sequence length at this micro-batch: %1 tokens")
                  .arg(en.toString(static_cast<qlonglong>(e.maxSequenceLength))));
    return 0;
}

} // namespace

int runFit(const QStringList &arguments)
{
    QCommandLineParser parser;
    addFitOptions(parser);
    parseCommand(parser, arguments);
    const CliDeployment deployment = deploymentFrom(parser);
    const QString mode = parser.isSet(QStringLiteral("mode")) ? parser.value(QStringLiteral("mode")).toLower()
                                                              : QStringLiteral("inference");
    if (mode == QLatin1String("inference"))
        return runInference(parser, deployment);
    if (mode == QLatin1String("full"))
        return runTraining(parser, deployment, TrainingMethod::Full);
    if (mode == QLatin1String("lora"))
        return runTraining(parser, deployment, TrainingMethod::Lora);
    if (mode == QLatin1String("qlora"))
        return runTraining(parser, deployment, TrainingMethod::Qlora);
    throw UsageError(QStringLiteral("unknown --mode '%1' (inference, full, lora, qlora)").arg(mode));
}

} // namespace planner::cli
