#include "app/cli/servingoptions.h"

#include "app/cli/clisupport.h"

namespace planner::cli {

namespace {

ServingPhases phaseOption(const QCommandLineParser &parser)
{
    const QString phase = parser.value(QStringLiteral("phase"));
    if (phase.isEmpty() || phase == QLatin1String("both"))
        return ServingPhases::Both;
    if (phase == QLatin1String("prefill"))
        return ServingPhases::PrefillOnly;
    if (phase == QLatin1String("decode"))
        return ServingPhases::DecodeOnly;
    throw UsageError(QStringLiteral("--phase expects both, prefill or decode, got '%1'").arg(phase));
}

void applyPrefixHit(const QCommandLineParser &parser, PerfRequest &request)
{
    if (!parser.isSet(QStringLiteral("prefix-hit")))
        return;
    bool ok = false;
    request.prefixCacheHitRate = parser.value(QStringLiteral("prefix-hit")).toDouble(&ok);
    if (!ok || !(request.prefixCacheHitRate >= 0 && request.prefixCacheHitRate < 1))
        throw UsageError(QStringLiteral("--prefix-hit expects a share from 0 up to (not including) 1, got '%1'")
                             .arg(parser.value(QStringLiteral("prefix-hit"))));
}

} // namespace

void addServingOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("speculative"),
         QStringLiteral("Speculative decoding: mtp (the model's MTP module, 1 draft token, 1.875 tokens a step as "
                        "DeepSeek measured), eagle (an EAGLE-3 head, 3 draft tokens, 2.60 a step as vLLM measures "
                        "Llama-3.1-8B on MT-Bench) or ngram (prompt lookup, 3 draft tokens, 1.40 a step on chat), "
                        "or KIND:DRAFT:ACCEPTED with the tokens a step emits for your draft and workload."),
         QStringLiteral("SPEC")},
        {QStringLiteral("prefill-gpus"),
         QStringLiteral("Disaggregated serving: N more GPUs of the same kind compute the prompts and send their KV "
                        "cache over --network to the --gpus, which only decode."),
         QStringLiteral("N")},
        {QStringLiteral("prefill-tp"), QStringLiteral("Tensor-parallel size of the prefill pool (default: automatic)."),
         QStringLiteral("N")},
        {QStringLiteral("prefill-pp"), QStringLiteral("Pipeline stages of the prefill pool (default: automatic)."),
         QStringLiteral("N")},
        {QStringLiteral("prefill-ep"), QStringLiteral("Expert-parallel size of the prefill pool (default 1)."),
         QStringLiteral("N")},
        {QStringLiteral("prefill-dp-attention"), QStringLiteral("Data-parallel attention on the prefill pool.")},
        {QStringLiteral("phase"),
         QStringLiteral("both (default), or one side of a disaggregated pair alone: prefill (prompts and their "
                        "first token; tokens/s are then requests/s) or decode (caches arrive computed)."),
         QStringLiteral("PHASE")},
        {QStringLiteral("prefix-hit"),
         QStringLiteral("Share of each prompt found in the prefix cache, 0 to below 1 (default 0; DeepSeek reports "
                        "0.56 for its API)."),
         QStringLiteral("SHARE")},
    });
}

void applyPrefillPoolOptions(const QCommandLineParser &parser, CliDeployment &deployment)
{
    const bool poolLayout = parser.isSet(QStringLiteral("prefill-tp")) || parser.isSet(QStringLiteral("prefill-pp"))
                            || parser.isSet(QStringLiteral("prefill-ep"))
                            || parser.isSet(QStringLiteral("prefill-dp-attention"));
    if (!parser.isSet(QStringLiteral("prefill-gpus"))) {
        if (poolLayout)
            throw UsageError(QStringLiteral("--prefill-tp, --prefill-pp, --prefill-ep and --prefill-dp-attention "
                                            "lay out a prefill pool: give its size with --prefill-gpus N"));
        return;
    }
    if (parser.isSet(QStringLiteral("phase")) && parser.value(QStringLiteral("phase")) != QLatin1String("decode"))
        throw UsageError(QStringLiteral("--prefill-gpus makes the --gpus the decode pool, so --phase can only be "
                                        "decode"));
    if (!deployment.cluster.gpu || deployment.cluster.cpuOnly)
        throw UsageError(QStringLiteral("--prefill-gpus needs --gpu: a prefill pool is GPUs of the deployment's kind"));
    const int gpus = hardwareCountOption(parser, QStringLiteral("prefill-gpus"), 1);
    deployment.cluster = gpuServersFrom(parser, *deployment.cluster.gpu, deployment.cluster.gpuCount + gpus);
    PrefillPoolSettings &pool = deployment.settings.prefillPool;
    pool.gpus = gpus;
    pool.tensorParallel = automaticSizeOption(parser, QStringLiteral("prefill-tp"));
    pool.pipelineParallel = automaticSizeOption(parser, QStringLiteral("prefill-pp"));
    pool.expertParallel = automaticSizeOption(parser, QStringLiteral("prefill-ep"));
    pool.dataParallelAttention = parser.isSet(QStringLiteral("prefill-dp-attention"));
}

void applyServingOptions(const QCommandLineParser &parser, PerfRequest &request)
{
    if (!request.prefillPool) { // a pair is already the decode side of it
        request.phases = phaseOption(parser);
        if (request.phases == ServingPhases::PrefillOnly)
            request.outputTokens = 1; // the pool samples the first token and hands the cache on
    }
    applyPrefixHit(parser, request);
}

} // namespace planner::cli
