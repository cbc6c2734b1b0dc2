#include "database/hfquantization.h"

#include "core/model/precision.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace planner {

namespace {

std::string readFp8Format(ConfigReader &quant)
{
    if (!quant.has("weight_block_size"))
        return "fp8"; // one scale per tensor
    const QJsonValue blocks = quant.value("weight_block_size");
    const QJsonArray shape = blocks.toArray();
    const auto is128 = [](const QJsonValue &v) { return v.isDouble() && v.toDouble() == 128.0; };
    if (shape.size() == 2 && std::all_of(shape.begin(), shape.end(), is128))
        return "fp8-block";
    const QString shown = blocks.isArray() ? QString::fromUtf8(QJsonDocument(shape).toJson(QJsonDocument::Compact))
                                           : describeJsonValue(blocks);
    quant.fail("weight_block_size",
               QStringLiteral("is %1; only [128,128] (DeepSeek's block scales) is supported").arg(shown));
    return {};
}

// AWQ and GPTQ: 4-bit weights with one scale (and zero point) per group_size inputs.
std::string readGroupedIntFormat(ConfigReader &quant, const char *prefix)
{
    const std::int64_t bits = quant.count("bits");
    const std::int64_t groupSize = quant.count("group_size");
    if (bits != 0 && bits != 4)
        quant.fail("bits", QStringLiteral("is %1; only 4-bit %2 checkpoints are supported").arg(bits).arg(prefix));
    if (bits != 4 || groupSize == 0)
        return {};
    const std::string id = std::string(prefix) + "-int4-g" + std::to_string(groupSize);
    if (!findWeightFormat(id))
        quant.fail("group_size", QStringLiteral("is %1, which is not a supported group size").arg(groupSize));
    return id;
}

// MXFP4 (gpt-oss): modules_to_not_convert names what stays in BF16. With
// attention, router, embedding and head kept, only the experts are MXFP4.
std::string readMxfp4Format(ConfigReader &quant)
{
    const QJsonArray kept = quant.value("modules_to_not_convert").toArray();
    const auto keeps = [&kept](const char *module) {
        return std::any_of(kept.begin(), kept.end(),
                           [module](const QJsonValue &v) { return v.toString().contains(QLatin1StringView(module)); });
    };
    if (kept.isEmpty())
        return "mxfp4";
    if (keeps("self_attn") && keeps("router") && keeps("embed_tokens") && keeps("lm_head"))
        return "mxfp4-experts";
    quant.fail("modules_to_not_convert", QStringLiteral("keeps some but not all of self_attn, router, embed_tokens "
                                                        "and lm_head in 16 bits; only gpt-oss's split (experts in "
                                                        "MXFP4, those in BF16) is modelled"));
    return {};
}

// What a list of unquantized modules (modules_to_not_convert, ignore,
// exclude_modules) leaves quantized: every linear layer but the head, or the
// routed experts alone (gpt-oss, Kimi K2.5: attention, shared experts, dense
// MLPs, router, embedding and head in BF16). Entries may be module names or,
// in compressed-tensors, "re:" regular expressions.
enum class QuantizedScope { AllLinear, RoutedExperts, Other };

QuantizedScope quantizedScope(const QJsonArray &kept)
{
    const auto keeps = [&kept](const QString &module) {
        return std::any_of(kept.begin(), kept.end(), [&module](const QJsonValue &v) {
            QString entry = v.toString();
            if (entry.startsWith(QLatin1String("re:")))
                return QRegularExpression(entry.mid(3)).match(module).hasMatch();
            return module.contains(entry);
        });
    };
    const bool attention = keeps(QStringLiteral("model.layers.0.self_attn.q_proj"));
    const bool experts = keeps(QStringLiteral("model.layers.9.mlp.experts.3.down_proj"));
    const bool denseMlp = keeps(QStringLiteral("model.layers.0.mlp.down_proj"));
    if (!attention && !experts && !denseMlp)
        return QuantizedScope::AllLinear;
    if (attention && !experts)
        return QuantizedScope::RoutedExperts;
    return QuantizedScope::Other;
}

void refuseScope(ConfigReader &quant, const char *key)
{
    quant.fail(key, QStringLiteral("leaves a mix of layers unquantized that the planner does not model (it knows "
                                   "\"everything but the head\" and \"only the routed experts\"), so the import "
                                   "is refused"));
}

// compressed-tensors (llm-compressor): one config group of weight settings.
std::string readCompressedTensors(ConfigReader &quant)
{
    const QJsonObject groups = quant.value("config_groups").toObject();
    if (groups.size() != 1) {
        quant.fail("config_groups", QStringLiteral("must hold exactly one group; mixed schemes are not modelled"));
        return {};
    }
    const QJsonObject weights = groups.begin()->toObject().value(QLatin1String("weights")).toObject();
    const int bits = weights.value(QLatin1String("num_bits")).toInt();
    const QString type = weights.value(QLatin1String("type")).toString();
    const QString strategy = weights.value(QLatin1String("strategy")).toString();
    const int group = weights.value(QLatin1String("group_size")).toInt();
    const bool symmetric = weights.value(QLatin1String("symmetric")).toBool(true);
    std::string id;
    if (type == QLatin1String("float") && bits == 8)
        id = strategy == QLatin1String("block") ? "fp8-block" : "fp8";
    else if (type == QLatin1String("float") && bits == 4 && group == 16)
        id = "nvfp4";
    else if (type == QLatin1String("int") && bits == 8 && strategy == QLatin1String("channel"))
        id = "int8";
    else if (type == QLatin1String("int") && bits == 4 && strategy == QLatin1String("group") && symmetric && group > 0)
        id = "int4-g" + std::to_string(group);
    if (id.empty() || !findWeightFormat(id)) {
        quant.fail("config_groups", QStringLiteral("holds %1-bit %2 weights (strategy %3, group %4%5); supported: "
                                                   "FP8, NVFP4, INT8 per channel, symmetric INT4 per group")
                                        .arg(bits)
                                        .arg(type, strategy)
                                        .arg(group)
                                        .arg(symmetric ? QString() : QStringLiteral(", asymmetric")));
        return {};
    }
    switch (quantizedScope(quant.value("ignore").toArray())) {
    case QuantizedScope::AllLinear: return id;
    case QuantizedScope::RoutedExperts:
        if (findWeightFormat(id + "-experts"))
            return id + "-experts";
        break;
    case QuantizedScope::Other: break;
    }
    refuseScope(quant, "ignore");
    return {};
}

// NVIDIA ModelOpt (TensorRT Model Optimizer) exports: quant_algo NVFP4 or FP8.
std::string readModelOpt(ConfigReader &quant)
{
    const QString algo = quant.text("quant_algo");
    std::string id;
    if (algo == QLatin1StringView("NVFP4"))
        id = "nvfp4";
    else if (algo == QLatin1StringView("FP8"))
        id = "fp8";
    else if (!algo.isEmpty())
        quant.fail("quant_algo", QStringLiteral("'%1' is not supported; supported: NVFP4, FP8").arg(algo));
    if (id.empty())
        return {};
    if (quantizedScope(quant.value("exclude_modules").toArray()) != QuantizedScope::AllLinear) {
        refuseScope(quant, "exclude_modules");
        return {};
    }
    return id;
}

std::string readQuantization(ConfigReader &reader)
{
    std::optional<ConfigReader> quant = reader.child("quantization_config");
    if (!quant)
        return {};
    const QString method = quant->text("quant_method");
    if (method == QLatin1StringView("fp8"))
        return readFp8Format(*quant);
    if (method == QLatin1StringView("awq") || method == QLatin1StringView("gptq"))
        return readGroupedIntFormat(*quant, method == QLatin1StringView("awq") ? "awq" : "gptq");
    if (method == QLatin1StringView("mxfp4"))
        return readMxfp4Format(*quant);
    if (method == QLatin1StringView("compressed-tensors"))
        return readCompressedTensors(*quant);
    if (method == QLatin1StringView("modelopt"))
        return readModelOpt(*quant);
    if (!method.isEmpty())
        quant->fail("quant_method", QStringLiteral("'%1' is not supported; supported: fp8, awq, gptq, mxfp4, "
                                                   "compressed-tensors, modelopt")
                                        .arg(method));
    return {};
}

} // namespace

// The stored weight format, from quantization_config when present, else from
// the dtype the unquantized weights are saved in. transformers >= 4.56 writes
// "dtype" instead of "torch_dtype".
std::string readCheckpointFormat(ConfigReader &reader)
{
    if (reader.has("quantization_config"))
        return readQuantization(reader);
    const char *key = (reader.contains("torch_dtype") || !reader.contains("dtype")) ? "torch_dtype" : "dtype";
    const QString dtype = reader.text(key);
    if (dtype == QLatin1StringView("bfloat16"))
        return "bf16";
    if (dtype == QLatin1StringView("float16"))
        return "fp16";
    if (dtype == QLatin1StringView("float32"))
        return "fp32";
    if (!dtype.isEmpty())
        reader.fail(key, QStringLiteral("'%1' is not supported; supported: bfloat16, float16, float32").arg(dtype));
    return {};
}

} // namespace planner
