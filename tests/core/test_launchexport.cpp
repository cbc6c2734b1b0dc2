// Launch export (core/deploy): the commands and manifests written for the
// sample plans in resources/plans carry the settings evaluateScenario chose
// for them, and requests the exporter cannot honour fail with one line.
// The plans are read with database/planfile (hence planner_db) so the cases
// are the shipped samples, not hand-built copies of them.

#include "core/deploy/deploytext.h"
#include "core/deploy/launchexport.h"
#include "core/plan/planevaluation.h"
#include "database/catalogue.h"
#include "database/planfile.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace planner;

namespace {

Plan samplePlan(const QString &file)
{
    const PlanFileResult read = readPlanFile(QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/") + file);
    if (!read.ok())
        qFatal("%s", qPrintable(read.error));
    return *read.plan;
}

// DeepSeek-R1 on two HGX H200 servers joined by eight InfiniBand NDR ports:
// the sample's first scenario with its server copied.
Plan twoServerR1()
{
    Plan plan = samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
    Scenario scenario = plan.scenarios.front();
    Topology &t = scenario.topology;
    const TopologyNode first = *t.servers().front();
    TopologyNode second = first;
    second.id = t.nextId();
    second.name = "second";
    std::vector<TopologyNode> parts;
    for (const TopologyNode *part : t.partsOf(first.id))
        parts.push_back(*part);
    t.nodes.push_back(second);
    for (TopologyNode part : parts) {
        part.id = t.nextId();
        part.parent = second.id;
        t.nodes.push_back(part);
    }
    t.links.push_back(TopologyLink{t.nextId(), first.id, second.id, "ib-ndr", 8});
    scenario.name = "On-prem: 2x HGX H200";
    // R1 in FP8 fits one server, so by default each server is a replica; one
    // copy over both servers is asked for here.
    scenario.deployment.pipelineParallel = 2;
    plan.scenarios = {scenario};
    return plan;
}

// The plans the cases run on, by a short name.
Plan variant(const QString &name)
{
    if (name == QLatin1String("r1-h200"))
        return samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
    if (name == QLatin1String("r1-2xh200"))
        return twoServerR1();
    if (name == QLatin1String("distill-4090"))
        return samplePlan(QStringLiteral("r1-distill-qwen-32b-2x-rtx4090.llmplan"));
    if (name == QLatin1String("llama-dgx"))
        return samplePlan(QStringLiteral("cloud-vs-onprem-llama-3.1-70b.llmplan"));
    if (name == QLatin1String("llama-dgx-tp2")) {
        Plan plan = samplePlan(QStringLiteral("cloud-vs-onprem-llama-3.1-70b.llmplan"));
        plan.scenarios.front().deployment.tensorParallel = 2;
        return plan;
    }
    if (name == QLatin1String("r1-mi300x")) {
        // The H200 sample on eight AMD MI300X instead (the catalogue's own row).
        Plan plan = samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
        auto opened = Catalogue::open({});
        const std::optional<GpuSpec> mi300x = opened.catalogue->find<GpuSpec>(QStringLiteral("mi300x"));
        if (!mi300x)
            qFatal("the catalogue has no mi300x");
        plan.parts.gpus.push_back(*mi300x);
        for (TopologyNode &n : plan.scenarios.front().topology.nodes)
            if (n.kind == NodeKind::Gpu) {
                n.catalogueId = "mi300x";
                n.fabricLinkId.clear();
            }
        return plan;
    }
    if (name == QLatin1String("r1-ngram-dp")) {
        Plan plan = samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
        plan.scenarios.front().deployment.speculative = "ngram";
        plan.scenarios.front().deployment.dataParallelAttention = true;
        plan.scenarios.front().deployment.expertParallel = 8;
        return plan;
    }
    if (name == QLatin1String("r1-h200-bf16")) {
        Plan plan = samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
        plan.scenarios.front().deployment.weightFormat = "bf16"; // 1.3 TB: more than 8 x 141 GB
        return plan;
    }
    qFatal("no plan variant %s", qPrintable(name));
}

Plan withFormats(Plan plan, const std::string &engine, const std::string &weights, const std::string &kv = {})
{
    DeploymentSettings &d = plan.scenarios.front().deployment;
    d.engineId = engine;
    d.weightFormat = weights;
    if (!kv.empty())
        d.kvFormat = kv;
    return plan;
}

// The word after `flag` in a command; a null string when the flag is absent.
QString option(const std::vector<std::string> &words, const QString &flag)
{
    const auto at = std::find(words.begin(), words.end(), flag.toStdString());
    if (at == words.end())
        return QString();
    return std::next(at) == words.end() ? QStringLiteral("") : QString::fromStdString(*std::next(at));
}

// Comment text with its line wrapping undone, to search for a phrase.
QString prose(const std::string &text)
{
    return QString::fromStdString(text).replace(QStringLiteral("\n# "), QStringLiteral(" "));
}

bool hasWord(const std::vector<std::string> &words, const QString &word)
{
    return std::find(words.begin(), words.end(), word.toStdString()) != words.end();
}

VersionEstimate estimateOf(const Plan &plan, const QString &engine, const QString &model)
{
    Scenario scenario = plan.scenarios.front();
    scenario.deployment.engineId = engine.toStdString();
    for (const VersionEstimate &v : evaluateScenario(plan, scenario).versions)
        if (v.modelId == model.toStdString())
            return v;
    qFatal("no estimate for %s", qPrintable(model));
}

LaunchExport exported(const Plan &plan, const QString &model, const QString &engine)
{
    const LaunchExportResult r = exportLaunch(plan, 0, model.toStdString(), engine.toStdString());
    if (!r.ok())
        qFatal("export failed: %s", r.error.c_str());
    return *r.launch;
}

QString concurrencyFlag(const QString &engine)
{
    return engine == QLatin1String("vllm")     ? QStringLiteral("--max-num-seqs")
           : engine == QLatin1String("sglang") ? QStringLiteral("--max-running-requests")
                                               : QStringLiteral("-np");
}

QString tensorFlag(const QString &engine)
{
    return engine == QLatin1String("vllm") ? QStringLiteral("--tensor-parallel-size") : QStringLiteral("--tp-size");
}

} // namespace

class TestLaunchExport : public QObject
{
    Q_OBJECT

private slots:
    // Each row: a shipped plan's first scenario and what its command must say.
    // "flag=value" must appear; flags in `absent` must not. The parallel sizes
    // and sequences per copy are also checked against evaluateScenario below.
    void commandFollowsTheEstimate_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        // 8 H200 in one HGX: TP 8 (R1's 128 heads), the sample's 4,096-token
        // context and 32 sequences, vLLM's 0.92 share, the FP8 checkpoint as published.
        QTest::newRow("R1 on 8xH200, vLLM")
            << "r1-h200"
            << "deepseek-r1"
            << "vllm"
            << QStringList{"--tensor-parallel-size=8",      "--pipeline-parallel-size=1", "--max-model-len=4096",
                           "--gpu-memory-utilization=0.92", "--kv-cache-dtype=auto",      "--max-num-seqs=32"}
            << QStringList{"--quantization", "--data-parallel-size", "--distributed-executor-backend",
                           "--enable-expert-parallel"};
        QTest::newRow("R1 on 8xH200, SGLang")
            << "r1-h200"
            << "deepseek-r1"
            << "sglang"
            << QStringList{"--model-path=deepseek-ai/DeepSeek-R1", "--tp-size=8",           "--context-length=4096",
                           "--mem-fraction-static=0.88",           "--kv-cache-dtype=auto", "--max-running-requests=32"}
            << QStringList{"--pp-size", "--nnodes", "--quantization", "--dp-size"};
        // Two RTX 4090 in a workstation: TP 2; AWQ is read from an AWQ
        // checkpoint's config, so no --quantization is forced.
        QTest::newRow("R1-Distill-Qwen-32B on 2xRTX 4090, vLLM")
            << "distill-4090"
            << "deepseek-r1-distill-qwen-32b"
            << "vllm"
            << QStringList{"--tensor-parallel-size=2", "--pipeline-parallel-size=1", "--max-model-len=4096",
                           "--max-num-seqs=4"}
            << QStringList{"--quantization", "--dtype"};
        // The DGX H100 scenario quantizes Llama's BF16 checkpoint to FP8 while loading.
        QTest::newRow("Llama 3.1 70B on DGX H100, vLLM FP8")
            << "llama-dgx"
            << "llama-3.1-70b"
            << "vllm" << QStringList{"--tensor-parallel-size=8", "--quantization=fp8", "--max-model-len=4096"}
            << QStringList{"--dtype"};
        QTest::newRow("Llama 3.1 70B on DGX H100, SGLang FP8")
            << "llama-dgx"
            << "llama-3.1-70b"
            << "sglang" << QStringList{"--tp-size=8", "--quantization=fp8", "--context-length=4096"} << QStringList{};
    }

    void commandFollowsTheEstimate()
    {
        QFETCH(QString, plan);
        QFETCH(QString, model);
        QFETCH(QString, engine);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        const Plan p = variant(plan);
        const LaunchExport e = exported(p, model, engine);
        for (const QString &pair : expected) {
            const QString flag = pair.section(QLatin1Char('='), 0, 0);
            QCOMPARE(option(e.command, flag), pair.section(QLatin1Char('='), 1));
        }
        for (const QString &flag : absent)
            QVERIFY2(!hasWord(e.command, flag), qPrintable(flag));

        const VersionEstimate v = estimateOf(p, engine, model);
        QVERIFY(v.memory.fits);
        QCOMPARE(option(e.command, tensorFlag(engine)).toInt(), v.parallel.tensor);
        QCOMPARE(e.parallel.pipeline, v.parallel.pipeline);
        QCOMPARE(e.replicas, v.replicas);
        const qint64 perCopy = (v.concurrency + v.replicas - 1) / v.replicas;
        QCOMPARE(option(e.command, concurrencyFlag(engine)).toLongLong(), perCopy);
        QCOMPARE(e.sequencesPerReplica, perCopy);
        // The script runs the same command.
        QVERIFY(
            QString::fromStdString(e.script).contains(tensorFlag(engine) + " " + QString::number(v.parallel.tensor)));
    }

    void repositoryComesFromTheModelsSource()
    {
        const LaunchExport e = exported(variant("distill-4090"), "deepseek-r1-distill-qwen-32b", "vllm");
        QCOMPARE(e.modelRepo, std::string("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"));
        QCOMPARE(e.command.at(2), e.modelRepo);
        // The plan sizes AWQ INT4 weights; the repository holds BF16: said, not hidden.
        QVERIFY(prose(e.script).contains("NOTE: the plan's weights are AWQ INT4 (group 128), but "
                                         "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B holds the BF16 checkpoint"));

        Plan local = variant("distill-4090");
        local.parts.models.front().source = "imported from a local config.json";
        const LaunchExport fallback = exported(local, "deepseek-r1-distill-qwen-32b", "vllm");
        QCOMPARE(fallback.modelRepo, std::string("deepseek-r1-distill-qwen-32b"));
        QCOMPARE(fallback.command.at(2), fallback.modelRepo);
        QVERIFY(prose(fallback.script).contains("the model's source names no Hugging Face repository"));
    }

    // R1 on two HGX H200 with two pipeline stages: TP 8 inside each server,
    // PP 2 across, so one copy runs multi-node.
    void multiServerCopySpansNodes_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("vLLM") << "vllm";
        QTest::newRow("SGLang") << "sglang";
    }

    void multiServerCopySpansNodes()
    {
        QFETCH(QString, engine);
        const Plan plan = twoServerR1();
        const VersionEstimate v = estimateOf(plan, engine, "deepseek-r1");
        QCOMPARE(v.parallel.tensor, 8);
        QCOMPARE(v.parallel.pipeline, 2);
        const LaunchExport e = exported(plan, "deepseek-r1", engine);
        QCOMPARE(e.parallel.pipeline, 2);
        QCOMPARE(e.serversPerReplica, 2);
        QCOMPARE(e.gpusPerServer, 8);
        QCOMPARE(e.replicas, 1);
        const QString script = QString::fromStdString(e.script);
        const QString manifest = QString::fromStdString(e.kubernetesManifest);
        if (engine == QLatin1String("vllm")) {
            QCOMPARE(option(e.command, "--tensor-parallel-size"), QStringLiteral("8"));
            QCOMPARE(option(e.command, "--pipeline-parallel-size"), QStringLiteral("2"));
            QCOMPARE(option(e.command, "--distributed-executor-backend"), QStringLiteral("ray"));
            QVERIFY(script.contains("ray start --head --port=6379"));
            QVERIFY(script.contains("ray start --block --address=\"$HEAD_NODE_IP:6379\""));
            QVERIFY2(script.contains("/16.0 GPU"), "waits for both servers' 16 GPUs");
            QVERIFY(manifest.contains("multi-node-serving.sh leader --ray_cluster_size=2"));
        } else {
            QCOMPARE(option(e.command, "--tp-size"), QStringLiteral("8"));
            QCOMPARE(option(e.command, "--pp-size"), QStringLiteral("2"));
            QCOMPARE(option(e.command, "--nnodes"), QStringLiteral("2"));
            QCOMPARE(option(e.command, "--node-rank"), QStringLiteral("0"));
            QCOMPARE(option(e.command, "--dist-init-addr"), QStringLiteral("$HEAD_NODE_IP:50000"));
            QVERIFY(script.contains("--node-rank \"$NODE_RANK\""));
            QVERIFY(manifest.contains("\"$(LWS_WORKER_INDEX)\""));
            QVERIFY(manifest.contains("\"$(LWS_LEADER_ADDRESS):50000\""));
        }
        QVERIFY(manifest.contains("kind: LeaderWorkerSet"));
        QVERIFY(manifest.contains("    size: 2"));
        QVERIFY(manifest.contains("nvidia.com/gpu: \"8\""));
        QVERIFY(manifest.contains("role: leader"));
    }

    // Distill-Qwen-32B in BF16 (64 GB) on two 24 GB cards: the scenario's
    // estimate does not fit, llama.cpp keeps the rest of the layers on the CPU.
    void llamaCppOffloadsWhatDoesNotFit()
    {
        const Plan plan = withFormats(variant("distill-4090"), "llama.cpp", "bf16");
        const VersionEstimate v = estimateOf(plan, "llama.cpp", "deepseek-r1-distill-qwen-32b");
        QVERIFY(!v.memory.fits);

        // The same request with llama.cpp's offload search, as `fit --offload auto`.
        InferenceRequest d;
        d.model = *plan.parts.model("deepseek-r1-distill-qwen-32b");
        d.gpu = *plan.parts.gpu("rtx-4090");
        d.gpuCount = 2;
        d.parallel = v.parallel;
        d.weights = *findWeightFormat("bf16");
        d.kvCache = *findKvCacheFormat(plan.scenarios.front().deployment.kvFormat);
        d.engine = *findEngineProfile("llama.cpp");
        d.context = plan.workload.contextTokens;
        d.concurrency = std::max<std::int64_t>(v.concurrency, 1);
        d.autoOffload = true;
        const InferenceMemoryEstimate offload = estimateInferenceMemory(d);
        QVERIFY(offload.fits);
        QVERIFY(offload.offloadedLayers > 0);

        const LaunchExport e = exported(plan, "deepseek-r1-distill-qwen-32b", "llama.cpp");
        QCOMPARE(e.offloadedLayers, offload.offloadedLayers);
        const int gpuLayers = option(e.command, "-ngl").toInt();
        QCOMPARE(gpuLayers, 64 - offload.offloadedLayers);
        QVERIFY(gpuLayers < 64);
        QCOMPARE(option(e.command, "--tensor-split"), QStringLiteral("1,1"));
        // -c is the whole cache, shared by the -np slots: 4 x 4,096 tokens.
        QCOMPARE(option(e.command, "-np"), QStringLiteral("4"));
        QCOMPARE(option(e.command, "-c"), QStringLiteral("16384"));
        QVERIFY(option(e.command, "-m").endsWith(QLatin1String("deepseek-r1-distill-qwen-32b-BF16.gguf")));
        QVERIFY(
            prose(e.script).contains(QStringLiteral("keeps %1 of 64 decoder layers and the output layer in host RAM")
                                         .arg(offload.offloadedLayers)));
    }

    void llamaCppHoldsEveryLayerWhenItFits()
    {
        const Plan plan = withFormats(variant("distill-4090"), "llama.cpp", "q4_k_m", "q8_0");
        QVERIFY(estimateOf(plan, "llama.cpp", "deepseek-r1-distill-qwen-32b").memory.fits);
        const LaunchExport e = exported(plan, "deepseek-r1-distill-qwen-32b", "llama.cpp");
        QCOMPARE(e.offloadedLayers, 0);
        // All 64 layers and the output layer (llama.cpp puts it on a GPU only when -ngl exceeds the layers).
        QCOMPARE(option(e.command, "-ngl"), QStringLiteral("65"));
        QCOMPARE(option(e.command, "--cache-type-k"), QStringLiteral("q8_0"));
        QCOMPARE(option(e.command, "--cache-type-v"), QStringLiteral("q8_0"));
        QVERIFY(option(e.command, "-m").endsWith(QLatin1String("-Q4_K_M.gguf")));
    }

    void manifestRequestsTheCopysGpus_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<int>("gpus");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("image");
        QTest::newRow("R1 on 8xH200") << "r1-h200"
                                      << "deepseek-r1"
                                      << "nvidia.com/gpu" << 8 << 1 << "vllm/vllm-openai:latest";
        QTest::newRow("Distill on 2xRTX 4090") << "distill-4090"
                                               << "deepseek-r1-distill-qwen-32b"
                                               << "nvidia.com/gpu" << 2 << 1 << "vllm/vllm-openai:latest";
        // TP 2 set in the scenario: four copies of Llama 8B in the 8-GPU DGX.
        QTest::newRow("Llama 8B TP 2 on DGX H100") << "llama-dgx-tp2"
                                                   << "llama-3.1-8b"
                                                   << "nvidia.com/gpu" << 2 << 4 << "vllm/vllm-openai:latest";
        QTest::newRow("R1 on 8xMI300X") << "r1-mi300x"
                                        << "deepseek-r1"
                                        << "amd.com/gpu" << 8 << 1 << "vllm/vllm-openai-rocm:latest";
    }

    void manifestRequestsTheCopysGpus()
    {
        QFETCH(QString, plan);
        QFETCH(QString, model);
        QFETCH(QString, resource);
        QFETCH(int, gpus);
        QFETCH(int, replicas);
        QFETCH(QString, image);
        const Plan p = variant(plan);
        const VersionEstimate v = estimateOf(p, "vllm", model);
        QCOMPARE(v.replicas, replicas);
        QCOMPARE(v.parallel.tensor * v.parallel.pipeline, gpus);
        const QString manifest = QString::fromStdString(exported(p, model, "vllm").kubernetesManifest);
        QVERIFY(manifest.contains("kind: Deployment"));
        QVERIFY2(manifest.contains(QStringLiteral("%1: \"%2\"").arg(resource).arg(gpus)), qPrintable(manifest));
        QVERIFY(manifest.contains(QStringLiteral("  replicas: %1 ").arg(replicas)));
        QVERIFY(manifest.contains(QStringLiteral("image: \"%1\"").arg(image)));
        QVERIFY(manifest.contains("mountPath: /dev/shm"));
        QVERIFY(manifest.contains("medium: Memory"));
        QVERIFY(manifest.contains("kind: Service"));
        QVERIFY(manifest.contains("containerPort: 8000"));
        QVERIFY(manifest.contains("path: /health"));
    }

    // Copies sharing a server: one vLLM process with data parallelism for a
    // dense model; separate llama.cpp processes on their own GPUs and ports.
    void copiesOnOneServer()
    {
        const LaunchExport vllm = exported(variant("llama-dgx-tp2"), "llama-3.1-8b", "vllm");
        QCOMPARE(option(vllm.command, "--tensor-parallel-size"), QStringLiteral("2"));
        QCOMPARE(option(vllm.command, "--data-parallel-size"), QStringLiteral("4"));
        // The pods are one copy each: no data parallelism inside them.
        QVERIFY(!QString::fromStdString(vllm.kubernetesManifest).contains("--data-parallel-size"));

        Plan single = withFormats(variant("distill-4090"), "llama.cpp", "q4_k_m");
        single.scenarios.front().deployment.tensorParallel = 1;
        const LaunchExport llama = exported(single, "deepseek-r1-distill-qwen-32b", "llama.cpp");
        QCOMPARE(llama.replicas, 2);
        const QString script = QString::fromStdString(llama.script);
        QVERIFY(script.contains("CUDA_VISIBLE_DEVICES=0 llama-server"));
        QVERIFY(script.contains("CUDA_VISIBLE_DEVICES=1 llama-server"));
        QVERIFY(script.contains("--port 8081"));
        QVERIFY(!hasWord(llama.command, "--tensor-split"));
    }

    void badRequestsFailWithOneLine_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("kv");
        QTest::addColumn<QString>("message");
        QTest::newRow("scenario out of range") << "r1-h200" << 7 << ""
                                               << ""
                                               << ""
                                               << ""
                                               << "no scenario 8: the plan has 5 scenarios";
        QTest::newRow("model not in the plan") << "r1-h200" << 0 << "gpt-9"
                                               << ""
                                               << ""
                                               << ""
                                               << "model 'gpt-9' is not in this plan (its models: deepseek-r1)";
        QTest::newRow("Transformers") << "r1-h200" << 0 << ""
                                      << "transformers"
                                      << ""
                                      << ""
                                      << "supports vllm, sglang and llama.cpp, not Hugging Face Transformers";
        QTest::newRow("TensorRT-LLM") << "r1-h200" << 0 << ""
                                      << "tensorrt-llm"
                                      << ""
                                      << ""
                                      << "supports vllm, sglang and llama.cpp, not TensorRT-LLM";
        QTest::newRow("unknown engine") << "r1-h200" << 0 << ""
                                        << "ollama"
                                        << ""
                                        << ""
                                        << "unknown engine 'ollama'";
        QTest::newRow("does not fit") << "r1-h200-bf16" << 0 << ""
                                      << ""
                                      << ""
                                      << ""
                                      << "DeepSeek-R1 671B does not fit scenario 'On-prem: HGX H200 8-GPU' with vLLM";
        QTest::newRow("llama.cpp and AWQ") << "distill-4090" << 0 << ""
                                           << "llama.cpp"
                                           << ""
                                           << ""
                                           << "llama.cpp loads GGUF files";
        QTest::newRow("vLLM and GGUF") << "distill-4090" << 0 << ""
                                       << "vllm"
                                       << "q4_k_m"
                                       << ""
                                       << "vLLM does not serve GGUF weights";
        QTest::newRow("vLLM and an INT8 KV cache") << "distill-4090" << 0 << ""
                                                   << "vllm"
                                                   << ""
                                                   << "int8"
                                                   << "vLLM has no INT8 KV cache";
        QTest::newRow("llama.cpp across servers") << "r1-2xh200" << 0 << ""
                                                  << "llama.cpp"
                                                  << "q2_k"
                                                  << ""
                                                  << "llama.cpp serves a model from one server";
        // The sample's fourth scenario: a prefill pool of 8 GPUs beside 8 that decode.
        QTest::newRow("a prefill/decode pair under vLLM") << "r1-h200" << 3 << ""
                                                          << "vllm"
                                                          << ""
                                                          << ""
                                                          << "serves disaggregated (a prefill pool of 8 GPUs and a "
                                                             "decode pool of 8): the launch export writes such a pair "
                                                             "for SGLang";
        QTest::newRow("SGLang n-gram with DP attention") << "r1-ngram-dp" << 0 << ""
                                                         << "sglang"
                                                         << ""
                                                         << ""
                                                         << "SGLang's n-gram drafting does not run with data-parallel "
                                                            "attention";
    }

    // A prefill/decode pair under SGLang: one script whose roles start each
    // pool with its own layout and --disaggregation-mode, and the router; the
    // decode pool takes the GPUs after the prefill pool's on a shared server.
    void prefillDecodePairIsLaunched()
    {
        const Plan twoServers = variant("r1-h200");
        const LaunchExportResult r = exportLaunch(twoServers, 3);
        QVERIFY2(r.ok(), r.error.c_str());
        const LaunchExport &e = *r.launch;
        QVERIFY(e.kubernetesManifest.empty());
        QCOMPARE(option(e.command, "--disaggregation-mode"), QStringLiteral("decode"));
        QVERIFY(hasWord(e.command, "--enable-dp-attention"));
        const QString script = QString::fromStdString(e.script);
        for (const char *expected :
             {"prefill)\n", "decode)\n", "router)\n", "--disaggregation-mode prefill", "--disaggregation-mode decode",
              "--port 30001", "sglang_router.launch_router --pd-disaggregation", "${PREFILL_URLS:?"})
            QVERIFY2(script.contains(QLatin1String(expected)), expected);
        QVERIFY(!script.contains(QLatin1String("--base-gpu-id")));

        Plan shared = variant("llama-dgx");
        DeploymentSettings &d = shared.scenarios.front().deployment;
        d.engineId = "sglang";
        d.prefillPool.gpus = 4;
        const LaunchExportResult one = exportLaunch(shared, 0, "llama-3.1-70b");
        QVERIFY2(one.ok(), one.error.c_str());
        QCOMPARE(option(one.launch->command, "--base-gpu-id"), QStringLiteral("4"));
        QCOMPARE(option(one.launch->command, "--tp-size"), QStringLiteral("4"));
        QVERIFY(QString::fromStdString(one.launch->script)
                    .contains(QLatin1String("${PREFILL_URLS:=http://127.0.0.1:30000}")));
    }

    // The draft the estimate assumed is launched with it: MTP and n-gram by
    // the engines' own flags; an EAGLE-3 head, which the plan cannot name, as
    // a note with the flags to add; llama.cpp, which has neither, says so.
    void speculativeDraftIsLaunched()
    {
        Plan mtp = variant("r1-h200");
        mtp.scenarios.front().deployment.speculative = "mtp";
        LaunchExport e = exported(mtp, "deepseek-r1", "vllm");
        QCOMPARE(option(e.command, "--speculative-config"),
                 QStringLiteral(R"({"method":"mtp","num_speculative_tokens":1})"));
        QVERIFY(prose(e.script).contains(QStringLiteral("assumes MTP drafting of 1 token at 1.875 tokens a step")));
        e = exported(mtp, "deepseek-r1", "sglang");
        QCOMPARE(option(e.command, "--speculative-algorithm"), QStringLiteral("EAGLE"));
        QCOMPARE(option(e.command, "--speculative-num-steps"), QStringLiteral("1"));
        QCOMPARE(option(e.command, "--speculative-num-draft-tokens"), QStringLiteral("2"));

        Plan ngram = variant("llama-dgx");
        ngram.scenarios.front().deployment.speculative = "ngram";
        e = exported(ngram, "llama-3.1-70b", "vllm");
        QCOMPARE(option(e.command, "--speculative-config"),
                 QStringLiteral(R"({"method":"ngram","num_speculative_tokens":3,"prompt_lookup_max":4})"));
        e = exported(ngram, "llama-3.1-70b", "sglang");
        QCOMPARE(option(e.command, "--speculative-algorithm"), QStringLiteral("NGRAM"));
        QCOMPARE(option(e.command, "--speculative-num-draft-tokens"), QStringLiteral("3"));

        Plan eagle = variant("llama-dgx");
        eagle.scenarios.front().deployment.speculative = "eagle";
        e = exported(eagle, "llama-3.1-70b", "vllm");
        QVERIFY(!hasWord(e.command, "--speculative-config"));
        QVERIFY2(prose(e.script).contains(QStringLiteral(R"("method":"eagle3","model":"HEAD")")), e.script.c_str());
        QVERIFY(std::any_of(e.notes.begin(), e.notes.end(),
                            [](const std::string &n) { return n.find("EAGLE-3 head") != std::string::npos; }));

        Plan local = variant("distill-4090");
        local.scenarios.front().deployment.speculative = "ngram";
        local.scenarios.front().deployment.weightFormat = "q4_k_m";
        e = exported(local, "deepseek-r1-distill-qwen-32b", "llama.cpp");
        QVERIFY(prose(e.script).contains(QStringLiteral("runs without one and decodes slower than estimated")));
    }

    void badRequestsFailWithOneLine()
    {
        QFETCH(QString, plan);
        QFETCH(int, scenario);
        QFETCH(QString, model);
        QFETCH(QString, engine);
        QFETCH(QString, weights);
        QFETCH(QString, kv);
        QFETCH(QString, message);
        Plan p = variant(plan);
        if (!weights.isEmpty())
            p.scenarios.front().deployment.weightFormat = weights.toStdString();
        if (!kv.isEmpty())
            p.scenarios.front().deployment.kvFormat = kv.toStdString();
        const LaunchExportResult r = exportLaunch(p, static_cast<std::size_t>(scenario), model.toStdString(),
                                                  engine.toStdString());
        QVERIFY(!r.ok());
        QVERIFY(!r.launch);
        const QString error = QString::fromStdString(r.error);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    // A shared plan's names are data: a line break cannot end a comment and
    // start a command or a YAML document, and "$(...)" is never run.
    void hostileNamesStayText()
    {
        const auto lines = [](const std::string &text) {
            return QString::fromStdString(text).split(QLatin1Char('\n'));
        };
        Plan plan = samplePlan(QStringLiteral("deepseek-r1-8x-h200.llmplan"));
        const LaunchExportResult benign = exportLaunch(plan, 0, {}, "vllm");
        QVERIFY(benign.ok());
        const std::string evil = "$(touch${IFS}pwned)";
        plan.name = "Plan\ntouch pwned-plan\n";
        plan.scenarios[0].name = "Scen\ntouch pwned\n---\nkind: Pod\u2028touch pwned-ls";
        plan.parts.models.front().id = evil;
        plan.parts.models.front().displayName = "R1\r\ntouch pwned-name";
        plan.modelIds = {evil};
        const LaunchExportResult r = exportLaunch(plan, 0, evil, "vllm");
        QVERIFY2(r.ok(), r.error.c_str());
        for (const std::string *text : {&r.launch->script, &r.launch->kubernetesManifest}) {
            for (const QString &line : lines(*text)) {
                QVERIFY2(!line.trimmed().startsWith(QStringLiteral("touch")), qPrintable(line));
                QVERIFY2(!line.trimmed().startsWith(QStringLiteral("kind: Pod")), qPrintable(line));
                QVERIFY2(!line.contains(QStringLiteral("\"$(touch")), qPrintable(line));
            }
        }
        QCOMPARE(lines(r.launch->kubernetesManifest).count(QStringLiteral("---")),
                 lines(benign.launch->kubernetesManifest).count(QStringLiteral("---")));
    }

    void textHelpers()
    {
        using namespace planner::deploytext;
        QCOMPARE(huggingFaceRepo("https://huggingface.co/deepseek-ai/DeepSeek-R1/blob/main/config.json"),
                 std::optional<std::string>("deepseek-ai/DeepSeek-R1"));
        QCOMPARE(huggingFaceRepo("config from huggingface.co/meta-llama/Llama-3.1-8B."),
                 std::optional<std::string>("meta-llama/Llama-3.1-8B"));
        QVERIFY(!huggingFaceRepo("https://huggingface.co/datasets/org/name"));
        QVERIFY(!huggingFaceRepo("a local folder"));
        QCOMPARE(shellWord("0.92"), std::string("0.92"));
        QCOMPARE(shellWord("a b"), std::string("'a b'"));
        QCOMPARE(shellWord("it's"), std::string("'it'\\''s'"));
        QCOMPARE(shellWord("$HEAD_NODE_IP:50000"), std::string("\"$HEAD_NODE_IP:50000\""));
        QCOMPARE(shellWord("${PORT}"), std::string("\"${PORT}\""));
        QCOMPARE(shellWord("$(touch${IFS}pwned)"), std::string("'$(touch${IFS}pwned)'"));
        QCOMPARE(shellWord("$HOME;rm"), std::string("'$HOME;rm'"));
        QCOMPARE(yamlString("a\n---\nb\tc\x01\xE2\x80\xA8"), std::string("\"a\\n---\\nb\\tc\\x01\\L\""));
        QCOMPARE(comment("one\ntouch x\r\nthree"), std::string("# one touch x three\n"));
        QCOMPARE(yamlString("say \"8\""), std::string("\"say \\\"8\\\"\""));
        QCOMPARE(kubernetesName("DeepSeek-R1_Distill 32B llama.cpp"), std::string("deepseek-r1-distill-32b-llama-cpp"));
        QCOMPARE(kubernetesName("7B chat"), std::string("m-7b-chat"));
        QCOMPARE(plainNumber(0.92), std::string("0.92"));
        QCOMPARE(groupedCount(1234567), std::string("1,234,567"));
    }
};

QTEST_GUILESS_MAIN(TestLaunchExport)
#include "test_launchexport.moc"
