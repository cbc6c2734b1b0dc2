// Hugging Face config.json import: real configs must give the built-in specs
// and the official parameter totals; broken configs must be refused with a
// message that names the key and the file.

#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "database/hfconfigimporter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <map>

using namespace planner;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(PLANNER_FIXTURES "/") + relative;
}

// A real fixture with some keys replaced (set, a JSON object) and some removed,
// so each case differs from a real config in exactly the way it tests.
QByteArray readFixture(const QString &relative)
{
    QFile file(fixture(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QByteArray variant(const QString &base, const QByteArray &set, const QStringList &remove)
{
    QJsonObject object = QJsonDocument::fromJson(readFixture(base)).object();
    QJsonParseError error;
    const QJsonObject changes = QJsonDocument::fromJson(set, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test data %s: %s", set.constData(), qPrintable(error.errorString()));
    for (auto it = changes.begin(); it != changes.end(); ++it)
        object.insert(it.key(), it.value());
    for (const QString &key : remove)
        object.remove(key);
    return QJsonDocument(object).toJson();
}

QString errorList(const ModelImportResult &result)
{
    QStringList lines;
    for (const ImportError &error : result.errors)
        lines << error.field + QStringLiteral(" | ") + error.message;
    return lines.join(u'\n');
}

const ImportError *findError(const ModelImportResult &result, const QString &field)
{
    for (const ImportError &error : result.errors)
        if (error.field == field)
            return &error;
    return nullptr;
}

// The fields that describe the architecture (identity and source differ by design).
void compareArchitecture(const ModelSpec &imported, const ModelSpec &builtin)
{
    QCOMPARE(QString::fromStdString(imported.checkpointFormat), QString::fromStdString(builtin.checkpointFormat));
    QCOMPARE(imported.vocabSize, builtin.vocabSize);
    QCOMPARE(imported.hiddenSize, builtin.hiddenSize);
    QCOMPARE(imported.intermediateSize, builtin.intermediateSize);
    QCOMPARE(imported.numLayers, builtin.numLayers);
    QCOMPARE(imported.numHeads, builtin.numHeads);
    QCOMPARE(imported.numKeyValueHeads, builtin.numKeyValueHeads);
    QCOMPARE(imported.headDim, builtin.headDim);
    QCOMPARE(imported.maxContext, builtin.maxContext);
    QCOMPARE(imported.attentionQkvBias, builtin.attentionQkvBias);
    QCOMPARE(imported.tiedEmbeddings, builtin.tiedEmbeddings);
    QCOMPARE(imported.gatedMlp, builtin.gatedMlp);
    QCOMPARE(imported.normBias, builtin.normBias);
    QCOMPARE(imported.mlpBias, builtin.mlpBias);
    QCOMPARE(imported.embeddingNorm, builtin.embeddingNorm);
    QCOMPARE(imported.mtpLayers, builtin.mtpLayers);
    QCOMPARE(imported.attentionOutputBias, builtin.attentionOutputBias);
    QCOMPARE(imported.qkNorm, builtin.qkNorm);
    QCOMPARE(imported.attentionSinks, builtin.attentionSinks);
    QCOMPARE(QString::fromStdString(imported.layerPattern), QString::fromStdString(builtin.layerPattern));
    QCOMPARE(imported.slidingWindow, builtin.slidingWindow);
    QCOMPARE(imported.attentionChunk, builtin.attentionChunk);
    QCOMPARE(QString::fromStdString(imported.ffnPattern), QString::fromStdString(builtin.ffnPattern));
    QCOMPARE(imported.attentionOutputGate, builtin.attentionOutputGate);
    QCOMPARE(imported.mtpSharesEmbeddings, builtin.mtpSharesEmbeddings);
    QCOMPARE(imported.recurrentStateBits, builtin.recurrentStateBits);
    QCOMPARE(imported.visionParameters, builtin.visionParameters);
    QCOMPARE(imported.linearAttention.has_value(), builtin.linearAttention.has_value());
    if (imported.linearAttention) {
        QCOMPARE(imported.linearAttention->kind, builtin.linearAttention->kind);
        QCOMPARE(imported.linearAttention->keyHeads, builtin.linearAttention->keyHeads);
        QCOMPARE(imported.linearAttention->valueHeads, builtin.linearAttention->valueHeads);
        QCOMPARE(imported.linearAttention->keyHeadDim, builtin.linearAttention->keyHeadDim);
        QCOMPARE(imported.linearAttention->valueHeadDim, builtin.linearAttention->valueHeadDim);
        QCOMPARE(imported.linearAttention->convKernel, builtin.linearAttention->convKernel);
    }
    QCOMPARE(imported.stateSpace.has_value(), builtin.stateSpace.has_value());
    if (imported.stateSpace) {
        QCOMPARE(imported.stateSpace->heads, builtin.stateSpace->heads);
        QCOMPARE(imported.stateSpace->headDim, builtin.stateSpace->headDim);
        QCOMPARE(imported.stateSpace->stateSize, builtin.stateSpace->stateSize);
        QCOMPARE(imported.stateSpace->groups, builtin.stateSpace->groups);
        QCOMPARE(imported.stateSpace->convKernel, builtin.stateSpace->convKernel);
        QCOMPARE(imported.stateSpace->convBias, builtin.stateSpace->convBias);
        QCOMPARE(imported.stateSpace->projectionBias, builtin.stateSpace->projectionBias);
    }
    QCOMPARE(imported.sparseAttention.has_value(), builtin.sparseAttention.has_value());
    if (imported.sparseAttention) {
        QCOMPARE(imported.sparseAttention->indexHeads, builtin.sparseAttention->indexHeads);
        QCOMPARE(imported.sparseAttention->indexHeadDim, builtin.sparseAttention->indexHeadDim);
        QCOMPARE(imported.sparseAttention->topK, builtin.sparseAttention->topK);
    }
    QCOMPARE(imported.mla.has_value(), builtin.mla.has_value());
    if (imported.mla) {
        QCOMPARE(imported.mla->qLoraRank, builtin.mla->qLoraRank);
        QCOMPARE(imported.mla->kvLoraRank, builtin.mla->kvLoraRank);
        QCOMPARE(imported.mla->qkRopeHeadDim, builtin.mla->qkRopeHeadDim);
        QCOMPARE(imported.mla->qkNopeHeadDim, builtin.mla->qkNopeHeadDim);
        QCOMPARE(imported.mla->vHeadDim, builtin.mla->vHeadDim);
    }
    QCOMPARE(imported.moe.has_value(), builtin.moe.has_value());
    if (imported.moe) {
        QCOMPARE(imported.moe->routedExperts, builtin.moe->routedExperts);
        QCOMPARE(imported.moe->sharedExperts, builtin.moe->sharedExperts);
        QCOMPARE(imported.moe->expertsPerToken, builtin.moe->expertsPerToken);
        QCOMPARE(imported.moe->expertIntermediateSize, builtin.moe->expertIntermediateSize);
        QCOMPARE(imported.moe->firstDenseLayers, builtin.moe->firstDenseLayers);
        QCOMPARE(imported.moe->layerFrequency, builtin.moe->layerFrequency);
        QCOMPARE(imported.moe->routerScoreBias, builtin.moe->routerScoreBias);
        QCOMPARE(imported.moe->expertBias, builtin.moe->expertBias);
        QCOMPARE(imported.moe->sharedExpertGate, builtin.moe->sharedExpertGate);
        QCOMPARE(imported.moe->denseBesideExperts, builtin.moe->denseBesideExperts);
    }
    QCOMPARE(imported.qkNormAcrossHeads, builtin.qkNormAcrossHeads);
    QCOMPARE(imported.sandwichNorms, builtin.sandwichNorms);
    QCOMPARE(imported.layerScalar, builtin.layerScalar);
    QCOMPARE(imported.fullAttentionHeads.has_value(), builtin.fullAttentionHeads.has_value());
    if (imported.fullAttentionHeads) {
        QCOMPARE(imported.fullAttentionHeads->headDim, builtin.fullAttentionHeads->headDim);
        QCOMPARE(imported.fullAttentionHeads->keyValueHeads, builtin.fullAttentionHeads->keyValueHeads);
        QCOMPARE(imported.fullAttentionHeads->valuesAreKeys, builtin.fullAttentionHeads->valuesAreKeys);
    }
}

// Spec fields the default-rule rows check, by name.
const std::map<QString, std::function<qint64(const ModelSpec &)>> &specFields()
{
    static const std::map<QString, std::function<qint64(const ModelSpec &)>> fields = {
        {QStringLiteral("numKeyValueHeads"), [](const ModelSpec &s) { return s.numKeyValueHeads; }},
        {QStringLiteral("headDim"), [](const ModelSpec &s) { return s.headDim; }},
        {QStringLiteral("attentionQkvBias"), [](const ModelSpec &s) { return qint64(s.attentionQkvBias); }},
        {QStringLiteral("tiedEmbeddings"), [](const ModelSpec &s) { return qint64(s.tiedEmbeddings); }},
        {QStringLiteral("qLoraRank"), [](const ModelSpec &s) { return s.mla ? s.mla->qLoraRank : -1; }},
        {QStringLiteral("sharedExperts"), [](const ModelSpec &s) { return s.moe ? s.moe->sharedExperts : -1; }},
        {QStringLiteral("layerFrequency"), [](const ModelSpec &s) { return s.moe ? s.moe->layerFrequency : -1; }},
        {QStringLiteral("routerScoreBias"),
         [](const ModelSpec &s) { return s.moe ? qint64(s.moe->routerScoreBias) : -1; }},
        {QStringLiteral("mtpLayers"), [](const ModelSpec &s) { return s.mtpLayers; }},
    };
    return fields;
}

const QString kLlama = QStringLiteral("hf/Llama-3.1-8B/config.json");
const QString kQwen = QStringLiteral("hf/Qwen2.5-7B/config.json");
const QString kMixtral = QStringLiteral("hf/Mixtral-8x7B-v0.1/config.json");
const QString kDeepseekV3 = QStringLiteral("hf/DeepSeek-V3/config.json");

} // namespace

class TestHfConfigImporter : public QObject
{
    Q_OBJECT

private slots:
    void importsRealConfig_data();
    void importsRealConfig();
    void checkpointFormat_data();
    void checkpointFormat();
    void defaults_data();
    void defaults();
    void idFromNameOrPath_data();
    void idFromNameOrPath();
    void hubCacheSnapshotIsNamedByItsRepository();
    void nemotronLatentExperts();
    void bertHeadsFollowTheClass_data();
    void bertHeadsFollowTheClass();
    void bertRefusesWhatItDoesNotCount();
    void rejectsBrokenFile_data();
    void rejectsBrokenFile();
    void rejectsBrokenConfig_data();
    void rejectsBrokenConfig();
    void readsPythonJsonConstants();
    void configsWithoutDtype_data();
    void configsWithoutDtype();
    void qwen2MoeSharedExpert();
    void glm45Keys();
    void gptOssLayerTypesDefault();
    void reportsEveryMissingKey();
};

void TestHfConfigImporter::importsRealConfig_data()
{
    QTest::addColumn<QString>("path");      // under PLANNER_FIXTURES: a config.json or its folder
    QTest::addColumn<QString>("builtinId"); // the built-in spec it must equal
    QTest::addColumn<QString>("expectedId");
    QTest::addColumn<QString>("family");
    QTest::addColumn<qint64>("total"); // main model parameters
    QTest::addColumn<qint64>("totalWithMtp");

    // https://huggingface.co/api/models/meta-llama/Llama-3.1-8B safetensors.total (rev d04e592b)
    QTest::newRow("Llama-3.1-8B") << kLlama << "llama-3.1-8b"
                                  << "llama-3.1-8b"
                                  << "llama" << qint64(8'030'261'248) << qint64(8'030'261'248);
    // The folder form: the same model, given its folder instead of the file.
    QTest::newRow("Llama-3.1-8B folder") << "hf/Llama-3.1-8B"
                                         << "llama-3.1-8b"
                                         << "llama-3.1-8b"
                                         << "llama" << qint64(8'030'261'248) << qint64(8'030'261'248);
    // https://huggingface.co/Qwen/Qwen2.5-7B (model card "7.61B"; exact 7,615,616,512 from the
    // Qwen2.5-7B-Instruct HF API safetensors.total, identical shapes). Counts the q/k/v biases.
    QTest::newRow("Qwen2.5-7B") << kQwen << "qwen2.5-7b"
                                << "qwen2.5-7b"
                                << "qwen2" << qint64(7'615'616'512) << qint64(7'615'616'512);
    // https://github.com/deepseek-ai/DeepSeek-V3 README: 671B main model + 14B MTP module.
    // https://huggingface.co/api/models/deepseek-ai/DeepSeek-V3 safetensors.total 684,531,386,000
    // = main 671,026,419,200 + MTP 13,463,426,304 + 41,540,496 FP32 weight_scale_inv entries.
    QTest::newRow("DeepSeek-V3") << kDeepseekV3 << "deepseek-v3"
                                 << "deepseek-v3"
                                 << "deepseek_v3" << qint64(671'026'419'200) << qint64(684'531'386'000 - 41'540'496);
    // https://huggingface.co/api/models/deepseek-ai/DeepSeek-R1: the same architecture and total.
    QTest::newRow("DeepSeek-R1") << "hf/DeepSeek-R1/config.json"
                                 << "deepseek-r1"
                                 << "deepseek-r1"
                                 << "deepseek_v3" << qint64(671'026'419'200) << qint64(684'531'386'000 - 41'540'496);
    // keras-hub mixtral_presets.py mixtral_8_7b_en "params": 46702792704; HF leaderboard 46.703B
    // (https://huggingface.co/mistralai/Mixtral-8x7B-v0.1).
    QTest::newRow("Mixtral-8x7B") << kMixtral << "mixtral-8x7b"
                                  << "mixtral-8x7b-v0.1"
                                  << "mixtral" << qint64(46'702'792'704) << qint64(46'702'792'704);
    // https://huggingface.co/deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B: 1,777,088,000 with an
    // untied lm_head (tied it would be 1,543,714,304). The id comes from _name_or_path.
    QTest::newRow("R1-Distill-Qwen-1.5B") << "hf/DeepSeek-R1-Distill-Qwen-1.5B/config.json"
                                          << "deepseek-r1-distill-qwen-1.5b"
                                          << "deepseek-r1-distill-qwen-1.5b"
                                          << "qwen2" << qint64(1'777'088'000) << qint64(1'777'088'000);
    // https://huggingface.co/deepseek-ai/deepseek-coder-33b-base ("33B"): no official integer
    // was found; 33,342,991,360 is the HF module formula applied to this config.
    QTest::newRow("deepseek-coder-33b") << "hf/deepseek-coder-33b-base/config.json"
                                        << "deepseek-coder-33b"
                                        << "deepseek-coder-33b-base"
                                        << "llama" << qint64(33'342'991'360) << qint64(33'342'991'360);

    // 2025 architectures, each file's source in its folder's SOURCE.md. No
    // checkpoint publishes an exact integer here, so the totals are the
    // built-in's count, which tests/core/test_architectures2025 checks
    // against the publisher's figure (Qwen3 cards, OpenAI's gpt-oss card,
    // Moonshot's Kimi K2 card).
    const auto newRow = [](const char *folder, const char *builtin, const char *family, qint64 total) {
        QTest::newRow(folder) << QStringLiteral("hf/%1/config.json").arg(QLatin1String(folder)) << builtin
                              << QString::fromLatin1(folder).toLower() << family << total << total;
    };
    newRow("Qwen3-8B", "qwen3-8b", "qwen3", 8'190'735'360);
    newRow("Qwen3-32B", "qwen3-32b", "qwen3", 32'762'123'264);
    newRow("Qwen3-30B-A3B", "qwen3-30b-a3b", "qwen3_moe", 30'532'122'624);
    newRow("Qwen3-235B-A22B", "qwen3-235b-a22b", "qwen3_moe", 235'093'634'560);
    newRow("Qwen3-Coder-480B-A35B-Instruct", "qwen3-coder-480b-a35b", "qwen3_moe", 480'154'875'392);
    newRow("gpt-oss-20b", "gpt-oss-20b", "gpt_oss", 20'914'757'184);
    newRow("gpt-oss-120b", "gpt-oss-120b", "gpt_oss", 116'829'156'672);
    // model_type kimi_k2, architectures DeepseekV3ForCausalLM: read as DeepSeek-V3.
    newRow("Kimi-K2-Instruct", "kimi-k2", "kimi_k2", 1'026'408'232'448);

    // Hybrid stacks and sparse attention; tests/core/test_hybridlayers checks
    // each built-in's checkpoint total against the Hub's exact count.
    const auto withMtp = [](const char *folder, const char *builtin, const char *family, qint64 total,
                            qint64 totalWithMtp) {
        QTest::newRow(folder) << QStringLiteral("hf/%1/config.json").arg(QLatin1String(folder)) << builtin
                              << QString::fromLatin1(folder).toLower() << family << total << totalWithMtp;
    };
    withMtp("Qwen3-Next-80B-A3B-Thinking", "qwen3-next-80b-a3b", "qwen3_next", 79'674'391'296, 81'324'862'720);
    withMtp("Qwen3.5-35B-A3B", "qwen3.5-35b-a3b", "qwen3_5_moe", 34'660'610'688, 35'505'251'456);
    withMtp("Qwen3.5-397B-A17B", "qwen3.5-397b-a17b", "qwen3_5_moe", 396'346'350'336, 402'941'918'464);
    withMtp("DeepSeek-V3.2", "deepseek-v3.2", "deepseek_v32", 671'877'944'064, 685'355'329'792);
    withMtp("GLM-5", "glm-5", "glm_moe_dsa", 743'911'218'432, 753'864'139'008);
    withMtp("GLM-4.7", "glm-4.7", "glm4_moe", 352'797'829'024, 358'337'791'296);
    // DeepSeek-V4: tests/core/test_compressedattention checks these against the
    // card and the published checkpoint inventories.
    withMtp("DeepSeek-V4-Flash", "deepseek-v4-flash", "deepseek_v4", 284'332'240'471, 290'942'289'362);
    withMtp("DeepSeek-V4-Pro", "deepseek-v4-pro", "deepseek_v4", 1'572'997'201'763, 1'598'837'347'742);
    newRow("Nemotron-H-56B-Base-8K", "nemotron-h-56b", "nemotron_h", 56'324'350'464);
    newRow("NVIDIA-Nemotron-3-Nano-30B-A3B-BF16", "nemotron-3-nano-30b-a3b", "nemotron_h", 31'577'940'288);

    // Vision-language containers and 2025-2026 dense and MoE stacks. The
    // language model's count here; tests/core/test_layerheads checks each
    // built-in's checkpoint total (vision included) against the Hub's.
    newRow("gemma-3-12b-it", "gemma-3-12b", "gemma3", 11'766'034'176);
    newRow("gemma-4-31B", "gemma-4-31b", "gemma4", 30'697'345'340);
    newRow("gemma-4-26B-A4B", "gemma-4-26b-a4b", "gemma4", 25'233'141'790);
    newRow("Llama-4-Scout-17B-16E-Instruct", "llama-4-scout", "llama4", 107'769'861'120);
    newRow("Llama-4-Maverick-17B-128E-Instruct", "llama-4-maverick", "llama4", 400'711'848'960);
    newRow("MiniMax-M2", "minimax-m2", "minimax_m2", 228'689'764'864);
    newRow("phi-4", "phi-4", "phi3", 14'659'507'200);
    // bert: an encoder (BertModel with its pooler: 109,482,240, derivations/bert.md).
    newRow("bert-base-uncased", "bert-base-uncased", "bert", 109'482'240);
    // kimi_k25: a kimi_k2 (DeepSeek-V3) text_config beside MoonViT.
    newRow("Kimi-K2.5", "kimi-k2.5", "kimi_k25", 1'026'408'232'448);
    newRow("Mistral-Small-3.1-24B-Instruct-2503", "mistral-small-3.2-24b", "mistral3", 23'572'403'200);
    newRow("Mistral-Small-3.2-24B-Instruct-2506", "mistral-small-3.2-24b", "mistral3", 23'572'403'200);
}

// MiniMax-M1's and BLOOM's config.json state no dtype, so the stored
// precision is not guessed; with the checkpoint's BF16 stated each reads as
// the built-in, with the publisher's count (BLOOM's model card:
// 176,247,271,424; MiniMax-M1: see tests/core/test_hybridlayers).
void TestHfConfigImporter::configsWithoutDtype_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("builtin");
    QTest::addColumn<qint64>("total");
    QTest::newRow("MiniMax-M1") << "hf/MiniMax-M1/config.json"
                                << "minimax-m1" << Q_INT64_C(456'089'655'296);
    QTest::newRow("BLOOM") << "hf/bloom/config.json"
                           << "bloom-176b" << Q_INT64_C(176'247'271'424);
}

void TestHfConfigImporter::configsWithoutDtype()
{
    QFETCH(QString, path);
    QFETCH(QString, builtin);
    QFETCH(qint64, total);
    const ModelImportResult bare = importHuggingFaceConfig(fixture(path));
    QVERIFY(!bare.ok());
    QVERIFY2(findError(bare, QStringLiteral("torch_dtype")), qPrintable(errorList(bare)));

    const ModelImportResult stated = importHuggingFaceConfigJson(variant(path, R"({"torch_dtype": "bfloat16"})", {}),
                                                                 fixture(path));
    QVERIFY2(stated.ok(), qPrintable(errorList(stated)));
    compareArchitecture(*stated.spec, *findBuiltinModel(builtin.toStdString()));
    QCOMPARE(countParameters(*stated.spec).total(), total);
}

// glm4_moe: no verbatim GLM-4.5 config.json is stored here, so its keys are
// written out from zai-org/GLM-4.5's model card and config (architecture
// values only); the count they give is the Hub's 358,337,791,296 exactly
// (tests/core/test_hybridlayers), which a wrong value could not reproduce.
void TestHfConfigImporter::glm45Keys()
{
    const QByteArray json = R"({
        "architectures": ["Glm4MoeForCausalLM"], "model_type": "glm4_moe", "attention_bias": true,
        "first_k_dense_replace": 3, "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120,
        "intermediate_size": 12288, "max_position_embeddings": 131072, "moe_intermediate_size": 1536,
        "n_group": 1, "n_routed_experts": 160, "n_shared_experts": 1, "norm_topk_prob": true,
        "num_attention_heads": 96, "num_experts_per_tok": 8, "num_hidden_layers": 92,
        "num_key_value_heads": 8, "num_nextn_predict_layers": 1, "partial_rotary_factor": 0.5,
        "routed_scaling_factor": 2.5, "tie_word_embeddings": false, "topk_group": 1,
        "torch_dtype": "bfloat16", "use_qk_norm": true, "vocab_size": 151552})";
    const ModelImportResult result = importHuggingFaceConfigJson(json, QStringLiteral("GLM-4.5/config.json"));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    compareArchitecture(*result.spec, *findBuiltinModel("glm-4.5"));
    QCOMPARE(countParameters(*result.spec).totalWithMtp(), Q_INT64_C(358'337'791'296));
}

// Qwen2-MoE's shared expert (shared_expert_intermediate_size = 4 x 1408 in
// Qwen1.5-MoE-A2.7B) is stored as four gated shared experts.
void TestHfConfigImporter::qwen2MoeSharedExpert()
{
    const ModelImportResult result = importHuggingFaceConfigJson(
        variant(kQwen,
                R"({"model_type": "qwen2_moe", "architectures": ["Qwen2MoeForCausalLM"], "num_experts": 60,
                    "num_experts_per_tok": 4, "moe_intermediate_size": 1408,
                    "shared_expert_intermediate_size": 5632, "num_key_value_heads": 28})",
                {}),
        fixture(kQwen));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(result.spec->moe->sharedExperts, std::int64_t(4));
    QVERIFY(result.spec->moe->sharedExpertGate);
    QVERIFY(result.spec->attentionQkvBias);
}

void TestHfConfigImporter::importsRealConfig()
{
    QFETCH(QString, path);
    QFETCH(QString, builtinId);
    QFETCH(QString, expectedId);
    QFETCH(QString, family);
    QFETCH(qint64, total);
    QFETCH(qint64, totalWithMtp);

    const ModelImportResult result = importHuggingFaceConfig(fixture(path));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    const ModelSpec &spec = *result.spec;

    const std::optional<ModelSpec> builtin = findBuiltinModel(builtinId.toStdString());
    QVERIFY(builtin);
    compareArchitecture(spec, *builtin);
    if (QTest::currentTestFailed())
        return;

    const ParameterBreakdown count = countParameters(spec);
    QCOMPARE(count.total(), total);
    QCOMPARE(count.totalWithMtp(), totalWithMtp);

    const QString file = QFileInfo(fixture(path)).isDir() ? QDir(fixture(path)).absoluteFilePath("config.json")
                                                          : QFileInfo(fixture(path)).absoluteFilePath();
    QCOMPARE(QString::fromStdString(spec.id), expectedId);
    QCOMPARE(QString::fromStdString(spec.family), family);
    QCOMPARE(QString::fromStdString(spec.displayName), QFileInfo(file).dir().dirName());
    QCOMPARE(QString::fromStdString(spec.source), file);
}

void TestHfConfigImporter::checkpointFormat_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QString>("format");

    QTest::newRow("bfloat16") << kLlama << QByteArray("{}") << QStringList() << "bf16";
    const QString gptOss = QStringLiteral("hf/gpt-oss-120b/config.json");
    QTest::newRow("gpt-oss mxfp4 experts") << gptOss << QByteArray("{}") << QStringList() << "mxfp4-experts";
    QTest::newRow("mxfp4 everywhere") << gptOss << QByteArray(R"({"quantization_config": {"quant_method": "mxfp4"}})")
                                      << QStringList() << "mxfp4";
    QTest::newRow("float16") << kLlama << QByteArray(R"({"torch_dtype": "float16"})") << QStringList() << "fp16";
    QTest::newRow("float32") << kLlama << QByteArray(R"({"torch_dtype": "float32"})") << QStringList() << "fp32";
    // transformers >= 4.56 saves "dtype" instead of "torch_dtype".
    QTest::newRow("dtype key") << kLlama << QByteArray(R"({"dtype": "float16"})") << QStringList{"torch_dtype"}
                               << "fp16";
    QTest::newRow("fp8 block 128") << kDeepseekV3 << QByteArray("{}") << QStringList() << "fp8-block";
    // DeepSeek-V4: expert_dtype beside the FP8 quantization_config; the
    // -Base checkpoints store every linear weight FP8.
    const QString v4 = QStringLiteral("hf/DeepSeek-V4-Flash/config.json");
    QTest::newRow("deepseek-v4 fp4 experts") << v4 << QByteArray("{}") << QStringList() << "fp8-block-fp4-experts";
    QTest::newRow("deepseek-v4 fp8 experts")
        << v4 << QByteArray(R"({"expert_dtype": "fp8"})") << QStringList() << "fp8-block";
    QTest::newRow("fp8 per tensor")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "fp8", "activation_scheme": "dynamic"}})")
        << QStringList() << "fp8";
    // AutoAWQ exports (e.g. casperhansen/deepseek-r1-distill-llama-8b-awq).
    QTest::newRow("awq g128") << kLlama
                              << QByteArray(
                                     R"({"quantization_config": {"quant_method": "awq", "bits": 4, "group_size": 128,
                                                   "version": "gemm", "zero_point": true}})")
                              << QStringList() << "awq-int4-g128";
    QTest::newRow("gptq g32") << kQwen
                              << QByteArray(
                                     R"({"quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": 32,
                                                   "desc_act": false, "sym": true}})")
                              << QStringList() << "gptq-int4-g32";
    // compressed-tensors as moonshotai/Kimi-K2.5 ships it (its text_config's
    // quantization_config, verbatim in tests/fixtures/hf/Kimi-K2.5): INT4
    // group 32 on the routed experts, the ignore list keeping the rest BF16.
    const QByteArray kimi = QJsonDocument(QJsonObject{{"quantization_config",
                                                       QJsonDocument::fromJson(
                                                           readFixture(QStringLiteral("hf/Kimi-K2.5/config.json")))
                                                           .object()
                                                           .value(QStringLiteral("text_config"))
                                                           .toObject()
                                                           .value(QStringLiteral("quantization_config"))}})
                                .toJson();
    QTest::newRow("compressed-tensors int4 experts") << kDeepseekV3 << kimi << QStringList() << "int4-g32-experts";
    // llm-compressor W4A16 and FP8-dynamic recipes (lm_head ignored).
    QTest::newRow("compressed-tensors w4a16") << kLlama << QByteArray(R"({"quantization_config": {
        "quant_method": "compressed-tensors", "format": "pack-quantized", "ignore": ["lm_head"],
        "config_groups": {"group_0": {"targets": ["Linear"], "weights": {"num_bits": 4, "type": "int",
        "strategy": "group", "group_size": 128, "symmetric": true}}}}})")
                                              << QStringList() << "int4-g128";
    QTest::newRow("compressed-tensors fp8") << kLlama << QByteArray(R"({"quantization_config": {
        "quant_method": "compressed-tensors", "format": "float-quantized", "ignore": ["lm_head"],
        "config_groups": {"group_0": {"targets": ["Linear"], "weights": {"num_bits": 8, "type": "float",
        "strategy": "channel", "symmetric": true}}}}})")
                                            << QStringList() << "fp8";
    // NVIDIA ModelOpt exports (e.g. nvidia/Llama-3.1-8B-Instruct-FP4).
    QTest::newRow("modelopt nvfp4") << kLlama << QByteArray(R"({"quantization_config": {
        "quant_method": "modelopt", "quant_algo": "NVFP4", "group_size": 16, "exclude_modules": ["lm_head"],
        "kv_cache_quant_algo": "FP8"}})")
                                    << QStringList() << "nvfp4";
}

void TestHfConfigImporter::checkpointFormat()
{
    QFETCH(QString, base);
    QFETCH(QByteArray, set);
    QFETCH(QStringList, remove);
    QFETCH(QString, format);

    const ModelImportResult result = importHuggingFaceConfigJson(variant(base, set, remove), fixture(base));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(QString::fromStdString(result.spec->checkpointFormat), format);
}

void TestHfConfigImporter::defaults_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("expected");

    // LlamaConfig: num_key_value_heads defaults to None -> num_attention_heads (MHA,
    // as in deepseek-coder-6.7b's early exports).
    QTest::newRow("llama kv heads absent")
        << kLlama << QByteArray("{}") << QStringList{"num_key_value_heads"} << "numKeyValueHeads" << qint64(32);
    // Every config class maps an explicit null to num_attention_heads.
    QTest::newRow("qwen2 kv heads null") << kQwen << QByteArray(R"({"num_key_value_heads": null})") << QStringList()
                                         << "numKeyValueHeads" << qint64(28);
    QTest::newRow("head_dim absent") << kLlama << QByteArray("{}") << QStringList() << "headDim" << qint64(128);
    QTest::newRow("head_dim stated") << kLlama << QByteArray(R"({"head_dim": 64})") << QStringList() << "headDim"
                                     << qint64(64);
    QTest::newRow("llama attention_bias")
        << kLlama << QByteArray(R"({"attention_bias": true})") << QStringList() << "attentionQkvBias" << qint64(1);
    QTest::newRow("llama no bias") << kLlama << QByteArray("{}") << QStringList() << "attentionQkvBias" << qint64(0);
    QTest::newRow("qwen2 always qkv bias")
        << kQwen << QByteArray("{}") << QStringList() << "attentionQkvBias" << qint64(1);
    // Qwen2Config overrides PretrainedConfig's tie_word_embeddings=True with False.
    QTest::newRow("qwen2 tie absent") << kQwen << QByteArray("{}") << QStringList{"tie_word_embeddings"}
                                      << "tiedEmbeddings" << qint64(0);
    QTest::newRow("llama tied") << kLlama << QByteArray(R"({"tie_word_embeddings": true})") << QStringList()
                                << "tiedEmbeddings" << qint64(1);
    // DeepSeek-V2-Lite: q_lora_rank null (direct q_proj), greedy routing without bias.
    QTest::newRow("q_lora_rank null") << kDeepseekV3 << QByteArray(R"({"q_lora_rank": null})") << QStringList()
                                      << "qLoraRank" << qint64(0);
    QTest::newRow("n_shared_experts null")
        << kDeepseekV3 << QByteArray(R"({"n_shared_experts": null})") << QStringList() << "sharedExperts" << qint64(0);
    QTest::newRow("greedy routing") << kDeepseekV3 << QByteArray(R"({"topk_method": "greedy"})") << QStringList()
                                    << "routerScoreBias" << qint64(0);
    QTest::newRow("v3 topk_method absent")
        << kDeepseekV3 << QByteArray("{}") << QStringList{"topk_method"} << "routerScoreBias" << qint64(1);
    QTest::newRow("v2 topk_method absent")
        << kDeepseekV3 << QByteArray(R"({"model_type": "deepseek_v2", "architectures": ["DeepseekV2ForCausalLM"]})")
        << QStringList{"topk_method"} << "routerScoreBias" << qint64(0);
    QTest::newRow("moe_layer_freq absent")
        << kDeepseekV3 << QByteArray("{}") << QStringList{"moe_layer_freq"} << "layerFrequency" << qint64(1);
    QTest::newRow("no MTP key") << kDeepseekV3 << QByteArray("{}") << QStringList{"num_nextn_predict_layers"}
                                << "mtpLayers" << qint64(0);
}

void TestHfConfigImporter::defaults()
{
    QFETCH(QString, base);
    QFETCH(QByteArray, set);
    QFETCH(QStringList, remove);
    QFETCH(QString, field);
    QFETCH(qint64, expected);

    const ModelImportResult result = importHuggingFaceConfigJson(variant(base, set, remove), fixture(base));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(specFields().at(field)(*result.spec), expected);
}

void TestHfConfigImporter::idFromNameOrPath_data()
{
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QString>("id");

    QTest::newRow("hub repo") << QByteArray(R"({"_name_or_path": "meta-llama/Meta-Llama-3.1-8B"})")
                              << "meta-llama-3.1-8b";
    QTest::newRow("local path") << QByteArray(R"({"_name_or_path": "/data/models/My-Llama/"})") << "my-llama";
    // A Hub cache snapshot names a commit, not the model: the folder name is used.
    QTest::newRow("snapshot") << QByteArray(R"({"_name_or_path": "/root/.cache/huggingface/hub/models--x--y/)"
                                            R"(snapshots/d04e592bb4f6aa9cfee91e2e20afa771667e1d4b"})")
                              << "llama-3.1-8b";
    QTest::newRow("absent") << QByteArray("{}") << "llama-3.1-8b";
    // A shared config's name never carries shell or YAML syntax into an id.
    QTest::newRow("hostile") << QByteArray(R"({"_name_or_path": "org/$(touch${IFS}pwned)\nx"})") << "touch-ifs-pwned-x";
}

// Nemotron 3 Super: latent MoE (experts over a 1024-wide latent, projected
// from and back to 4096 for every token) and one "*E" MTP module. llama.cpp's
// GGUF n_params, 120,668,707,840, is the main model without MTP
// (NVIDIA-Nemotron-3-Super-120B-A12B-FP8/SOURCE.md, derivations/nemotron-3-nano.md).
void TestHfConfigImporter::nemotronLatentExperts()
{
    const ModelImportResult result = importHuggingFaceConfig(
        fixture(QStringLiteral("hf/NVIDIA-Nemotron-3-Super-120B-A12B-FP8/config.json")));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    const ModelSpec &spec = *result.spec;
    QCOMPARE(spec.moe->latentSize, std::int64_t(1024));
    QCOMPARE(spec.moe->sharedExpertIntermediateSize, std::int64_t(5376));
    const ParameterBreakdown p = countParameters(spec);
    QCOMPARE(qint64(p.total()), Q_INT64_C(120'668'707'840));
    QCOMPARE(qint64(p.moeBlock.total()), Q_INT64_C(2'873'102'848));
    QCOMPARE(qint64(p.mtp()), Q_INT64_C(2'942'325'248));
    // The card's "12B active" leaves out the embedding and the head (11.70 B; 12.77 B with them).
    QCOMPARE(qRound(static_cast<double>(p.active() - p.embedding - p.head) / 1e9), 12);

    // Another MTP layout is refused by name, not counted as "*E".
    // (Edited as text: the file's bare Infinity is not JSON to QJsonDocument.)
    const QString path = QStringLiteral("hf/NVIDIA-Nemotron-3-Super-120B-A12B-FP8/config.json");
    QByteArray edited = readFixture(path);
    QVERIFY(edited.contains(R"("mtp_hybrid_override_pattern": "*E")"));
    edited.replace(R"("mtp_hybrid_override_pattern": "*E")", R"("mtp_hybrid_override_pattern": "*-")");
    const ModelImportResult other = importHuggingFaceConfigJson(edited, fixture(path));
    QVERIFY(findError(other, QStringLiteral("mtp_hybrid_override_pattern")));
}

// BERT's classes store different tensors: google-bert's BertForMaskedLM
// files are BertForPreTraining dumps (110,106,428 in the Hub's safetensors
// total), BertModel stops at the pooler, a classifier adds H x labels + labels.
void TestHfConfigImporter::bertHeadsFollowTheClass_data()
{
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<qint64>("checkpoint");
    QTest::newRow("BertForMaskedLM (the published file)") << QByteArray("{}") << qint64(110'106'428);
    QTest::newRow("BertModel") << QByteArray(R"({"architectures": ["BertModel"]})") << qint64(109'482'240);
    QTest::newRow("BertForSequenceClassification, 3 labels")
        << QByteArray(R"({"architectures": ["BertForSequenceClassification"],
                          "id2label": {"0": "a", "1": "b", "2": "c"}})")
        << qint64(109'482'240 + 3 * 769);
}

void TestHfConfigImporter::bertHeadsFollowTheClass()
{
    QFETCH(QByteArray, set);
    QFETCH(qint64, checkpoint);
    const QString path = QStringLiteral("hf/bert-base-uncased/config.json");
    const ModelImportResult result = importHuggingFaceConfigJson(variant(path, set, {}), fixture(path));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QVERIFY(result.spec->encoder.has_value());
    QCOMPARE(result.spec->checkpointFormat, std::string("fp32")); // no torch_dtype: transformers loads float32
    QCOMPARE(qint64(countParameters(*result.spec).checkpoint()), checkpoint);
}

void TestHfConfigImporter::bertRefusesWhatItDoesNotCount()
{
    const QString path = QStringLiteral("hf/bert-base-uncased/config.json");
    const ModelImportResult relative = importHuggingFaceConfigJson(
        variant(path, R"({"position_embedding_type": "relative_key"})", {}), fixture(path));
    QVERIFY(findError(relative, QStringLiteral("position_embedding_type")));
    const ModelImportResult qa = importHuggingFaceConfigJson(
        variant(path, R"({"architectures": ["BertForQuestionAnswering"]})", {}), fixture(path));
    QVERIFY(findError(qa, QStringLiteral("architectures")));
}

void TestHfConfigImporter::hubCacheSnapshotIsNamedByItsRepository()
{
    const QString snapshot = QStringLiteral("/home/u/.cache/huggingface/hub/models--Qwen--Qwen3-8B/snapshots/"
                                            "9c925d64d72725edaf899c6cb9c377fd0709d9c5/config.json");
    const ModelImportResult result = importHuggingFaceConfigJson(variant(kLlama, "{}", {}), snapshot);
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(result.spec->displayName, std::string("Qwen3-8B"));
    QCOMPARE(result.spec->id, std::string("qwen3-8b"));
}

void TestHfConfigImporter::idFromNameOrPath()
{
    QFETCH(QByteArray, set);
    QFETCH(QString, id);

    const ModelImportResult result = importHuggingFaceConfigJson(variant(kLlama, set, {}), fixture(kLlama));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(QString::fromStdString(result.spec->id), id);
}

void TestHfConfigImporter::rejectsBrokenFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("mentions"); // the key (or file) at fault, besides the file name

    QTest::newRow("missing hidden_size") << "hf/invalid/missing-hidden-size.json"
                                         << "hidden_size" << QStringList{"\"hidden_size\"", "missing"};
    QTest::newRow("string num_hidden_layers")
        << "hf/invalid/string-num-hidden-layers.json"
        << "num_hidden_layers" << QStringList{"\"num_hidden_layers\"", "the string \"32\""};
    QTest::newRow("negative vocab_size") << "hf/invalid/negative-vocab-size.json"
                                         << "vocab_size" << QStringList{"\"vocab_size\"", "-128256"};
    QTest::newRow("malformed JSON") << "hf/invalid/malformed.json"
                                    << "json" << QStringList{"not valid JSON", "offset"};
    QTest::newRow("unsupported model_type")
        << "hf/invalid/unsupported-model-type.json"
        << "model_type" << QStringList{"\"model_type\"", "'gpt2'", "supported: llama"};
    QTest::newRow("missing file") << "hf/does-not-exist/config.json"
                                  << "path" << QStringList{"does-not-exist", "no such file"};
    // hf/invalid holds only the broken single-file fixtures, never a config.json.
    QTest::newRow("folder without config.json") << "hf/invalid"
                                                << "config.json" << QStringList{"no config.json"};
}

void TestHfConfigImporter::rejectsBrokenFile()
{
    QFETCH(QString, path);
    QFETCH(QString, field);
    QFETCH(QStringList, mentions);

    const ModelImportResult result = importHuggingFaceConfig(fixture(path));
    QVERIFY(!result.ok());
    QVERIFY(!result.spec);
    const ImportError *error = findError(result, field);
    QVERIFY2(error, qPrintable(errorList(result)));
    QVERIFY2(error->message.contains(QFileInfo(path).fileName()), qPrintable(error->message));
    for (const QString &mention : mentions)
        QVERIFY2(error->message.contains(mention), qPrintable(error->message));
}

void TestHfConfigImporter::rejectsBrokenConfig_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QByteArray>("set");
    QTest::addColumn<QStringList>("remove");
    QTest::addColumn<QString>("field");

    const QStringList none;
    const QString qwen3Moe = QStringLiteral("hf/Qwen3-30B-A3B/config.json");
    const QString gptOss = QStringLiteral("hf/gpt-oss-20b/config.json");
    QTest::newRow("qwen3_moe dense layers")
        << qwen3Moe << QByteArray(R"({"mlp_only_layers": [0, 1]})") << none << "mlp_only_layers";
    QTest::newRow("qwen3_moe sparse step")
        << qwen3Moe << QByteArray(R"({"decoder_sparse_step": 2})") << none << "decoder_sparse_step";
    QTest::newRow("qwen3 sliding window")
        << qwen3Moe << QByteArray(R"({"use_sliding_window": true})") << none << "use_sliding_window";
    // DeepSeek-V4's compress_ratios and the parts model.py fixes.
    const QString v4 = QStringLiteral("hf/DeepSeek-V4-Flash/config.json");
    const auto ratios = [](const QByteArray &tail) {
        return QByteArray(R"({"compress_ratios": [0, 0, )") + QByteArray("4, 128, ").repeated(20) + tail + "]}";
    };
    QTest::newRow("v4 ratios too short") << v4 << QByteArray(R"({"compress_ratios": [0, 4]})") << none
                                         << "compress_ratios";
    QTest::newRow("v4 second heavy ratio") << v4 << ratios("64, 0") << none << "compress_ratios";
    QTest::newRow("v4 compressed MTP block") << v4 << ratios("4, 4") << none << "compress_ratios";
    QTest::newRow("v4 negative ratio") << v4 << ratios("-4, 0") << none << "compress_ratios";
    QTest::newRow("v4 two shared experts")
        << v4 << QByteArray(R"({"n_shared_experts": 2})") << none << "n_shared_experts";
    QTest::newRow("v4 several kv heads") << v4 << QByteArray(R"({"num_key_value_heads": 8})") << none
                                         << "num_key_value_heads";
    QTest::newRow("v4 expert dtype") << v4 << QByteArray(R"({"expert_dtype": "int4"})") << none << "expert_dtype";
    QTest::newRow("v4 no indexer") << v4 << QByteArray("{}") << QStringList{"index_topk"} << "index_topk";
    QTest::newRow("v4 no output groups") << v4 << QByteArray("{}") << QStringList{"o_groups"} << "o_groups";
    QTest::newRow("layer_types too short")
        << gptOss << QByteArray(R"({"layer_types": ["full_attention"]})") << none << "layer_types";
    QTest::newRow("unknown layer type") << gptOss
                                        << QByteArray(R"({"layer_types": [)"
                                                      + QByteArray("\"hybrid_attention\",").repeated(23)
                                                      + R"("full_attention"]})")
                                        << none << "layer_types";
    QTest::newRow("mxfp4 on attention too")
        << gptOss
        << QByteArray(R"({"quantization_config": {"quant_method": "mxfp4", "modules_to_not_convert": ["lm_head"]}})")
        << none << "quantization_config.modules_to_not_convert";
    QTest::newRow("unknown type, unknown architecture")
        << kLlama << QByteArray(R"({"model_type": "jamba", "architectures": ["JambaForCausalLM"]})") << none
        << "model_type";
    // Attention quantized but the dense MLP kept: a split the planner does not model.
    QTest::newRow("compressed-tensors odd ignore list")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "compressed-tensors",
            "ignore": ["lm_head", "re:.*mlp.*"], "config_groups": {"group_0": {"weights": {"num_bits": 4,
            "type": "int", "strategy": "group", "group_size": 128, "symmetric": true}}}}})")
        << none << "quantization_config.ignore";
    QTest::newRow("compressed-tensors asymmetric int4")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "compressed-tensors",
            "ignore": ["lm_head"], "config_groups": {"group_0": {"weights": {"num_bits": 4,
            "type": "int", "strategy": "group", "group_size": 128, "symmetric": false}}}}})")
        << none << "quantization_config.config_groups";
    QTest::newRow("modelopt unknown algorithm")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "modelopt", "quant_algo": "W4A8_AWQ"}})")
        << none << "quantization_config.quant_algo";
    QTest::newRow("fractional") << kLlama << QByteArray(R"({"hidden_size": 4096.5})") << none << "hidden_size";
    QTest::newRow("zero heads") << kLlama << QByteArray(R"({"num_attention_heads": 0})") << none
                                << "num_attention_heads";
    QTest::newRow("absurd size") << kLlama << QByteArray(R"({"intermediate_size": 1e30})") << none
                                 << "intermediate_size";
    QTest::newRow("beyond int64") << kLlama << QByteArray(R"({"vocab_size": 1e19})") << none << "vocab_size";
    // Each key under its limit, the product not: refused before core's int64 arithmetic.
    QTest::newRow("absurd product") << kLlama << QByteArray(R"({"num_hidden_layers": 9000000})") << none
                                    << "hidden_size";
    QTest::newRow("null required") << kLlama << QByteArray(R"({"max_position_embeddings": null})") << none
                                   << "max_position_embeddings";
    QTest::newRow("bool as string") << kLlama << QByteArray(R"({"tie_word_embeddings": "false"})") << none
                                    << "tie_word_embeddings";
    QTest::newRow("architectures mismatch")
        << kLlama << QByteArray(R"({"architectures": ["GPT2LMHeadModel"]})") << none << "architectures";
    QTest::newRow("unknown activation") << kLlama << QByteArray(R"({"hidden_act": "relu2"})") << none << "hidden_act";
    QTest::newRow("mlp_bias") << kLlama << QByteArray(R"({"mlp_bias": true})") << none << "mlp_bias";
    QTest::newRow("head_dim unknown") << kLlama << QByteArray(R"({"num_attention_heads": 30})") << none << "head_dim";
    // Qwen2Config's absent default is a fixed 32, not this model's value.
    QTest::newRow("qwen2 kv heads absent")
        << kQwen << QByteArray("{}") << QStringList{"num_key_value_heads"} << "num_key_value_heads";
    QTest::newRow("mixtral kv heads absent")
        << kMixtral << QByteArray("{}") << QStringList{"num_key_value_heads"} << "num_key_value_heads";
    QTest::newRow("dtype absent") << kLlama << QByteArray("{}") << QStringList{"torch_dtype"} << "torch_dtype";
    QTest::newRow("dtype unknown") << kLlama << QByteArray(R"({"torch_dtype": "int8"})") << none << "torch_dtype";
    QTest::newRow("quant_method unknown")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "bitsandbytes", "load_in_4bit": true}})")
        << none << "quantization_config.quant_method";
    QTest::newRow("fp8 other blocks")
        << kDeepseekV3
        << QByteArray(R"({"quantization_config": {"quant_method": "fp8", "weight_block_size": [64, 64]}})") << none
        << "quantization_config.weight_block_size";
    QTest::newRow("gptq 8 bit")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "gptq", "bits": 8, "group_size": 128}})")
        << none << "quantization_config.bits";
    QTest::newRow("gptq per channel")
        << kLlama << QByteArray(R"({"quantization_config": {"quant_method": "gptq", "bits": 4, "group_size": -1}})")
        << none << "quantization_config.group_size";
    QTest::newRow("topk_method unknown") << kDeepseekV3 << QByteArray(R"({"topk_method": "sinkhorn"})") << none
                                         << "topk_method";
    QTest::newRow("kv_lora_rank absent") << kDeepseekV3 << QByteArray("{}") << QStringList{"kv_lora_rank"}
                                         << "kv_lora_rank";
    QTest::newRow("q_lora_rank absent") << kDeepseekV3 << QByteArray("{}") << QStringList{"q_lora_rank"}
                                        << "q_lora_rank";
    // A shared expert whose width is not a whole number of routed experts'
    // cannot be stored as copies of one.
    QTest::newRow("qwen2_moe odd shared width")
        << kQwen
        << QByteArray(R"({"model_type": "qwen2_moe", "architectures": ["Qwen2MoeForCausalLM"], "num_experts": 60,
                          "num_experts_per_tok": 4, "moe_intermediate_size": 1408,
                          "shared_expert_intermediate_size": 5000, "num_key_value_heads": 28})")
        << none << "shared_expert_intermediate_size";
    // planner::validate() findings become errors too.
    QTest::newRow("validate: kv groups") << kLlama << QByteArray(R"({"num_key_value_heads": 5})") << none
                                         << "num_attention_heads";
    QTest::newRow("validate: experts per token")
        << kMixtral << QByteArray(R"({"num_experts_per_tok": 9})") << none << "num_experts_per_tok";
}

void TestHfConfigImporter::rejectsBrokenConfig()
{
    QFETCH(QString, base);
    QFETCH(QByteArray, set);
    QFETCH(QStringList, remove);
    QFETCH(QString, field);

    const QString source = fixture(base);
    const ModelImportResult result = importHuggingFaceConfigJson(variant(base, set, remove), source);
    QVERIFY(!result.ok());
    QVERIFY(!result.spec);
    const ImportError *error = findError(result, field);
    QVERIFY2(error, qPrintable(errorList(result)));
    QVERIFY2(error->message.contains(field), qPrintable(error->message));
    QVERIFY2(error->message.startsWith(source), qPrintable(error->message));
}

// Python's json writes Infinity and NaN (Nemotron-H's config holds Infinity in
// time_step_limit, a key the planner does not read): the file parses.
void TestHfConfigImporter::readsPythonJsonConstants()
{
    const ModelImportResult nemotron = importHuggingFaceConfig(
        fixture(QStringLiteral("hf/Nemotron-H-56B-Base-8K/config.json")));
    QVERIFY2(nemotron.ok(), qPrintable(errorList(nemotron)));

    QByteArray gptOss = readFixture(QStringLiteral("hf/gpt-oss-20b/config.json"));
    gptOss.replace("\"router_aux_loss_coef\": 0.9", "\"router_aux_loss_coef\": NaN, \"x\": -Infinity, \"s\": \"NaN\"");
    const ModelImportResult result = importHuggingFaceConfigJson(gptOss, QStringLiteral("gpt-oss-20b/config.json"));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(countParameters(*result.spec).total(), qint64(20'914'757'184));
}

// gpt-oss without layer_types takes GptOssConfig's default alternation.
void TestHfConfigImporter::gptOssLayerTypesDefault()
{
    const ModelImportResult result = importHuggingFaceConfigJson(
        variant(QStringLiteral("hf/gpt-oss-20b/config.json"), "{}", {"layer_types"}),
        QStringLiteral("gpt-oss-20b/config.json"));
    QVERIFY2(result.ok(), qPrintable(errorList(result)));
    QCOMPARE(QString::fromStdString(result.spec->layerPattern), QStringLiteral("SF"));
    QCOMPARE(result.spec->slidingWindow, qint64(128));
}

void TestHfConfigImporter::reportsEveryMissingKey()
{
    const QStringList keys = {"vocab_size",        "hidden_size",         "intermediate_size",
                              "num_hidden_layers", "num_attention_heads", "max_position_embeddings"};
    const ModelImportResult result = importHuggingFaceConfigJson(variant(kLlama, "{}", keys), fixture(kLlama));
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), std::size_t(keys.size()));
    for (const QString &key : keys)
        QVERIFY2(findError(result, key), qPrintable(key + u'\n' + errorList(result)));

    const ModelImportResult notObject = importHuggingFaceConfigJson("[1, 2]", QStringLiteral("pasted"));
    QVERIFY(findError(notObject, QStringLiteral("json")));
}

QTEST_GUILESS_MAIN(TestHfConfigImporter)
#include "test_hfconfigimporter.moc"
