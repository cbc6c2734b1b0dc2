#include "app/cli/fitcommand.h"

#include "app/cli/clisupport.h"
#include "core/hardware/gpuspec.h"
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

struct Options {
    ModelSpec model;
    GpuSpec gpu;
    int gpuCount = 1;
    Parallelism parallel;
    QString mode;
    std::int64_t context = 0;
    std::int64_t concurrency = 0;
    bool json = false;
};

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral(
        "Per-GPU memory of a model version on a GPU deployment: weights, KV cache, activations and "
        "runtime overhead; whether it fits; the maximum concurrency and context."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Built-in model id, or a config.json file or model folder."), QStringLiteral("ID|PATH")},
        {QStringLiteral("gpu"), QStringLiteral("GPU id from the catalogue (see 'llm-planner-cli catalog gpus')."), QStringLiteral("ID")},
        {QStringLiteral("gpus"), QStringLiteral("Number of GPUs (default 1)."), QStringLiteral("N")},
        {QStringLiteral("tp"), QStringLiteral("Tensor-parallel size (default: GPUs / pipeline size)."), QStringLiteral("N")},
        {QStringLiteral("pp"), QStringLiteral("Pipeline-parallel size (default 1)."), QStringLiteral("N")},
        {QStringLiteral("ep"), QStringLiteral("Expert-parallel size for MoE models (default 1: experts split by TP)."), QStringLiteral("N")},
        {QStringLiteral("dp-attention"), QStringLiteral("Data-parallel attention for MLA models (SGLang, TensorRT-LLM).")},
        {QStringLiteral("weights"), QStringLiteral("Weight format (default: the checkpoint's; see 'formats')."), QStringLiteral("FORMAT")},
        {QStringLiteral("kv"), QStringLiteral("KV-cache format (default bf16)."), QStringLiteral("FORMAT")},
        {QStringLiteral("context"), QStringLiteral("Tokens per sequence, or the training sequence length (default 4096)."), QStringLiteral("N")},
        {QStringLiteral("concurrency"), QStringLiteral("Concurrent sequences, or the training micro-batch (default 1)."), QStringLiteral("N")},
        {QStringLiteral("mode"), QStringLiteral("inference (default), full, lora or qlora."), QStringLiteral("MODE")},
        {QStringLiteral("engine"), QStringLiteral("Serving engine profile (default vllm; see 'engines')."), QStringLiteral("NAME")},
        {QStringLiteral("offload"), QStringLiteral("Decoder layers kept in host RAM, or 'auto' for the fewest that fit."), QStringLiteral("N|auto")},
        {QStringLiteral("mtp"), QStringLiteral("Also load DeepSeek's multi-token-prediction module.")},
        {QStringLiteral("optimizer"), QStringLiteral("Training optimizer: adamw (default), adam8bit, lion, sgd."), QStringLiteral("NAME")},
        {QStringLiteral("zero"), QStringLiteral("ZeRO stage 0-3 for training (default 0)."), QStringLiteral("N")},
        {QStringLiteral("lora-rank"), QStringLiteral("LoRA rank (default 16)."), QStringLiteral("N")},
        {QStringLiteral("lora-targets"), QStringLiteral("LoRA targets: all (default) or attention."), QStringLiteral("SET")},
        {QStringLiteral("checkpointing"), QStringLiteral("Training with full activation checkpointing.")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object instead of a table.")},
    });
}

template <typename T, typename Find>
T lookUp(const QCommandLineParser &parser, const QString &option, const QString &fallback, Find find,
         const QString &listCommand)
{
    const QString id = parser.isSet(option) ? parser.value(option) : fallback;
    if (auto found = find(id.toStdString()))
        return *found;
    throw UsageError(QStringLiteral("unknown %1 '%2' (see 'llm-planner-cli %3')").arg(option, id, listCommand));
}

void throwIfInvalid(const std::vector<std::string> &errors)
{
    if (!errors.empty())
        throw UsageError(QString::fromStdString(errors.front()));
}

Options commonOptions(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("model")))
        throw UsageError(QStringLiteral("fit needs --model ID|PATH (see 'llm-planner-cli models')"));
    if (!parser.isSet(QStringLiteral("gpu")))
        throw UsageError(QStringLiteral("fit needs --gpu ID (see 'llm-planner-cli catalog gpus')"));
    Options o;
    o.model = resolveModel(parser.value(QStringLiteral("model")));
    o.gpu = lookUp<GpuSpec>(parser, QStringLiteral("gpu"), {},
                            [](const std::string &id) { return catalogue().find<GpuSpec>(QString::fromStdString(id)); },
                            QStringLiteral("catalog gpus"));
    o.gpuCount = static_cast<int>(integerOption(parser, QStringLiteral("gpus"), 1));
    o.parallel.pipeline = static_cast<int>(integerOption(parser, QStringLiteral("pp"), 1));
    o.parallel.tensor = static_cast<int>(integerOption(parser, QStringLiteral("tp"), std::max(1, o.gpuCount / o.parallel.pipeline)));
    o.parallel.expert = static_cast<int>(integerOption(parser, QStringLiteral("ep"), 1));
    o.parallel.dataParallelAttention = parser.isSet(QStringLiteral("dp-attention"));
    o.context = integerOption(parser, QStringLiteral("context"), 4096);
    o.concurrency = integerOption(parser, QStringLiteral("concurrency"), 1);
    o.mode = parser.isSet(QStringLiteral("mode")) ? parser.value(QStringLiteral("mode")).toLower() : QStringLiteral("inference");
    o.json = parser.isSet(QStringLiteral("json"));
    return o;
}

void printRow(const QString &label, double bytes)
{
    printLine(QStringLiteral("  %1 %2").arg(label, -30).arg(formatBytes(bytes)));
}

// "1 replica", "8 replicas", with thousands separators.
QString plural(long long count, const QString &noun)
{
    return QStringLiteral("%1 %2%3").arg(QLocale(QLocale::English).toString(count), noun,
                                          count == 1 ? QString() : QStringLiteral("s"));
}

QString yesNo(bool fits, double shortfall)
{
    return fits ? QStringLiteral("yes") : QStringLiteral("NO — short by %1").arg(formatBytes(shortfall));
}

int runInference(const QCommandLineParser &parser, const Options &o)
{
    InferenceRequest r;
    r.model = o.model;
    r.gpu = o.gpu;
    r.gpuCount = o.gpuCount;
    r.parallel = o.parallel;
    r.context = o.context;
    r.concurrency = o.concurrency;
    r.weights = lookUp<WeightFormat>(parser, QStringLiteral("weights"), QString::fromStdString(o.model.checkpointFormat),
                                     findWeightFormat, QStringLiteral("formats"));
    r.kvCache = lookUp<KvCacheFormat>(parser, QStringLiteral("kv"), QStringLiteral("bf16"), findKvCacheFormat,
                                      QStringLiteral("formats"));
    r.engine = lookUp<EngineProfile>(parser, QStringLiteral("engine"), QStringLiteral("vllm"), findEngineProfile,
                                     QStringLiteral("engines"));
    r.loadMtp = parser.isSet(QStringLiteral("mtp"));
    const QString offload = parser.value(QStringLiteral("offload"));
    if (offload == QLatin1String("auto"))
        r.autoOffload = true;
    else
        r.offloadLayers = static_cast<int>(integerOption(parser, QStringLiteral("offload"), 0, true));
    throwIfInvalid(validate(r));

    const InferenceMemoryEstimate e = estimateInferenceMemory(r);
    if (o.json) {
        printJson(inferenceFitToJson(r, e));
        return 0;
    }
    const QLocale en(QLocale::English);
    printLine(QStringLiteral("%1 on %2 x %3 — %4, weights %5, KV cache %6")
                  .arg(QString::fromStdString(r.model.displayName)).arg(r.gpuCount)
                  .arg(QString::fromStdString(r.gpu.name), QString::fromStdString(r.engine.name),
                       QString::fromStdString(r.weights.name), QString::fromStdString(r.kvCache.name)));
    printLine(QStringLiteral("TP %1 · PP %2 · EP %3 · %4 · context %5 tokens · %6")
                  .arg(r.parallel.tensor).arg(r.parallel.pipeline).arg(r.parallel.expert)
                  .arg(plural(e.dataParallelReplicas, QStringLiteral("replica")),
                       en.toString(static_cast<qlonglong>(r.context)),
                       plural(r.concurrency, QStringLiteral("concurrent sequence"))));
    printLine(QStringLiteral("Per GPU (the most loaded one):"));
    printRow(QStringLiteral("Weights"), units::inBytes(e.perGpu.weights));
    printRow(QStringLiteral("KV cache"), units::inBytes(e.perGpu.kvCache));
    printRow(QStringLiteral("Activations (prefill peak)"), units::inBytes(e.perGpu.activations));
    printRow(QStringLiteral("Runtime overhead"), units::inBytes(e.runtimeOverhead));
    printRow(QStringLiteral("Engine reserve"), units::inBytes(e.engineReserve));
    printRow(QStringLiteral("Total"), units::inBytes(e.perGpu.total()));
    printRow(QStringLiteral("Usable capacity"), units::inBytes(e.capacity));
    if (e.offloadedLayers > 0)
        printLine(QStringLiteral("Offloaded to host RAM: %1 layers, %2").arg(e.offloadedLayers).arg(formatBytes(units::inBytes(e.hostMemory))));
    printLine(QStringLiteral("Fits: %1").arg(yesNo(e.fits, units::inBytes(e.shortfall))));
    printLine(QStringLiteral("Max concurrency at %1 tokens: %2").arg(en.toString(static_cast<qlonglong>(r.context)),
                                                                      en.toString(static_cast<qlonglong>(e.maxConcurrency))));
    printLine(QStringLiteral("Max context at %1: %2 tokens").arg(plural(r.concurrency, QStringLiteral("sequence")),
                                                                  en.toString(static_cast<qlonglong>(e.maxContext))));
    printLine(QStringLiteral("Engine profile: %1").arg(QString::fromStdString(r.engine.source)));
    return 0;
}

Optimizer parseOptimizer(const QCommandLineParser &parser)
{
    const QString name = parser.isSet(QStringLiteral("optimizer")) ? parser.value(QStringLiteral("optimizer")).toLower()
                                                                   : QStringLiteral("adamw");
    for (Optimizer o : {Optimizer::AdamW, Optimizer::Adam8bit, Optimizer::Lion, Optimizer::SgdMomentum})
        if (name == QString::fromUtf8(toString(o).data()))
            return o;
    throw UsageError(QStringLiteral("unknown --optimizer '%1' (adamw, adam8bit, lion, sgd)").arg(name));
}

int runTraining(const QCommandLineParser &parser, const Options &o, TrainingMethod method)
{
    TrainingRequest r;
    r.model = o.model;
    r.gpu = o.gpu;
    r.gpuCount = o.gpuCount;
    r.parallel = o.parallel;
    // Training defaults to pure data parallelism unless --tp is given.
    if (!parser.isSet(QStringLiteral("tp")))
        r.parallel.tensor = 1;
    r.method = method;
    r.optimizer = parseOptimizer(parser);
    r.zeroStage = static_cast<int>(integerOption(parser, QStringLiteral("zero"), 0, true));
    r.sequenceLength = o.context;
    r.microBatch = o.concurrency;
    r.activationCheckpointing = parser.isSet(QStringLiteral("checkpointing"));
    r.loraRank = static_cast<int>(integerOption(parser, QStringLiteral("lora-rank"), 16));
    const QString targets = parser.value(QStringLiteral("lora-targets"));
    if (!targets.isEmpty() && targets != QLatin1String("all") && targets != QLatin1String("attention"))
        throw UsageError(QStringLiteral("unknown --lora-targets '%1' (all, attention)").arg(targets));
    r.loraTargets = targets == QLatin1String("attention") ? LoraTargets::Attention : LoraTargets::AllLinear;
    throwIfInvalid(validate(r));

    const TrainingMemoryEstimate e = estimateTrainingMemory(r);
    if (o.json) {
        printJson(trainingFitToJson(r, e));
        return 0;
    }
    const QLocale en(QLocale::English);
    printLine(QStringLiteral("%1 %2 training on %3 x %4 — %5, ZeRO-%6, sequence %7, micro-batch %8%9")
                  .arg(QString::fromStdString(r.model.displayName), QString::fromUtf8(toString(method).data()))
                  .arg(r.gpuCount).arg(QString::fromStdString(r.gpu.name), QString::fromUtf8(toString(r.optimizer).data()))
                  .arg(r.zeroStage).arg(en.toString(static_cast<qlonglong>(r.sequenceLength)))
                  .arg(r.microBatch).arg(r.activationCheckpointing ? QStringLiteral(", activation checkpointing") : QString()));
    printLine(QStringLiteral("Trainable parameters: %1").arg(formatCount(static_cast<double>(e.trainableParameters))));
    printLine(QStringLiteral("Per GPU:"));
    printRow(QStringLiteral("Weights"), units::inBytes(e.weights));
    printRow(QStringLiteral("Gradients"), units::inBytes(e.gradients));
    printRow(QStringLiteral("Optimizer states"), units::inBytes(e.optimizerStates));
    printRow(QStringLiteral("Activations"), units::inBytes(e.activations));
    printRow(QStringLiteral("Runtime overhead"), units::inBytes(e.overhead));
    printRow(QStringLiteral("Total"), units::inBytes(e.total()));
    printRow(QStringLiteral("Usable capacity"), units::inBytes(e.capacity));
    printLine(QStringLiteral("Fits: %1").arg(yesNo(e.fits, units::inBytes(e.shortfall))));
    printLine(QStringLiteral("Max micro-batch at this sequence length: %1").arg(e.maxMicroBatch));
    printLine(QStringLiteral("Max sequence length at this micro-batch: %1 tokens").arg(en.toString(static_cast<qlonglong>(e.maxSequenceLength))));
    return 0;
}

} // namespace

int runFit(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments))
        throw UsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        throw UsageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

    const Options options = commonOptions(parser);
    if (options.mode == QLatin1String("inference"))
        return runInference(parser, options);
    if (options.mode == QLatin1String("full"))
        return runTraining(parser, options, TrainingMethod::Full);
    if (options.mode == QLatin1String("lora"))
        return runTraining(parser, options, TrainingMethod::Lora);
    if (options.mode == QLatin1String("qlora"))
        return runTraining(parser, options, TrainingMethod::Qlora);
    throw UsageError(QStringLiteral("unknown --mode '%1' (inference, full, lora, qlora)").arg(options.mode));
}

} // namespace planner::cli
