#include "database/hfvisionencoder.h"

#include "core/model/visionencoder.h"

#include <QJsonArray>

#include <cmath>
#include <initializer_list>

namespace planner {

std::int64_t readQwenVisionEncoder(ConfigReader &vision)
{
    QwenVisionShape s;
    s.depth = vision.count("depth");
    s.hidden = vision.count("hidden_size");
    s.intermediate = vision.count("intermediate_size");
    s.inChannels = vision.optionalCount("in_channels").value_or(3);
    s.patch = vision.count("patch_size");
    s.temporalPatch = vision.optionalCount("temporal_patch_size").value_or(2);
    s.positionEmbeddings = vision.count("num_position_embeddings");
    s.spatialMerge = vision.count("spatial_merge_size");
    s.outHidden = vision.count("out_hidden_size");
    if (!vision.value("deepstack_visual_indexes").toArray().isEmpty()) {
        vision.fail("deepstack_visual_indexes", QStringLiteral("lists deepstack mergers; they are not counted yet, "
                                                               "so the import is refused"));
        return 0;
    }
    if (s.depth == 0 || s.hidden == 0 || s.intermediate == 0 || s.patch == 0 || s.positionEmbeddings == 0
        || s.spatialMerge == 0 || s.outHidden == 0)
        return 0; // already reported
    // The merger's square of hidden x merge^2 is the largest term; checked in
    // floating point so a corrupt config cannot overflow the count.
    const double merged = static_cast<double>(s.hidden) * static_cast<double>(s.spatialMerge * s.spatialMerge);
    if (merged * (merged + static_cast<double>(s.outHidden)) > kMaxModelParameters) {
        vision.fail("spatial_merge_size", QStringLiteral("with hidden_size makes a patch merger of more than 1e15 "
                                                         "parameters; the config is corrupt"));
        return 0;
    }
    return qwenVisionParameters(s);
}

namespace {

// The encoders' products of two widths are far below int64's limit for any
// value ConfigReader accepts (each under 1e7), so no overflow check is needed
// beyond the importer's parameter bound; a zero means a problem was reported.
bool allPositive(std::initializer_list<std::int64_t> values)
{
    for (const std::int64_t v : values)
        if (v <= 0)
            return false;
    return true;
}

// The keys every encoder here states under the same names.
template <typename Shape>
void readBlockShape(ConfigReader &vision, Shape &s)
{
    s.layers = vision.count("num_hidden_layers");
    s.hidden = vision.count("hidden_size");
    s.intermediate = vision.count("intermediate_size");
    s.patch = vision.count("patch_size");
}

} // namespace

std::int64_t readSiglipVisionEncoder(ConfigReader &vision, std::int64_t textHidden)
{
    SiglipVisionShape s;
    readBlockShape(vision, s);
    s.channels = vision.optionalCount("num_channels").value_or(3);
    s.image = vision.count("image_size");
    s.textHidden = textHidden;
    // SiglipVisionConfig defaults vision_use_head to true; Gemma 3's configs
    // turn it off, and the pooling head's tensors are not counted here.
    if (vision.flag("vision_use_head", true)) {
        vision.fail("vision_use_head", QStringLiteral("is true (or absent); SigLIP's attention-pooling head is not "
                                                      "counted, so the import is refused"));
        return 0;
    }
    return allPositive({s.layers, s.hidden, s.intermediate, s.patch, s.image, textHidden}) ? siglipVisionParameters(s)
                                                                                           : 0;
}

std::int64_t readGemma4VisionEncoder(ConfigReader &vision, std::int64_t textHidden)
{
    Gemma4VisionShape s;
    readBlockShape(vision, s);
    s.headDim = vision.count("head_dim");
    s.positionTable = vision.count("position_embedding_size");
    s.standardize = vision.flag("standardize", false);
    s.textHidden = textHidden;
    if (vision.flag("use_clipped_linears", false)) {
        vision.fail("use_clipped_linears", QStringLiteral("is true; the clipping bounds stored with each linear are "
                                                          "not counted, so the import is refused"));
        return 0;
    }
    if (vision.optionalCount("num_key_value_heads") != vision.optionalCount("num_attention_heads")) {
        vision.fail("num_key_value_heads", QStringLiteral("differs from num_attention_heads; grouped vision "
                                                          "attention is not counted, so the import is refused"));
        return 0;
    }
    if (s.hidden > 0 && s.headDim > 0 && s.hidden % s.headDim != 0) {
        vision.fail("head_dim", QStringLiteral("does not divide hidden_size; the encoder's heads are unknown"));
        return 0;
    }
    return allPositive({s.layers, s.hidden, s.intermediate, s.headDim, s.patch, s.positionTable, textHidden})
               ? gemma4VisionParameters(s)
               : 0;
}

std::int64_t readLlama4VisionEncoder(ConfigReader &vision, std::int64_t textHidden)
{
    Llama4VisionShape s;
    readBlockShape(vision, s);
    s.channels = vision.optionalCount("num_channels").value_or(3);
    s.image = vision.count("image_size");
    s.projectorInput = vision.count("projector_input_dim");
    s.projectorOutput = vision.count("projector_output_dim");
    s.visionOutput = vision.count("vision_output_dim");
    s.textHidden = textHidden;
    if (vision.flag("multi_modal_projector_bias", false)) {
        vision.fail("multi_modal_projector_bias", QStringLiteral("is true; a biased projector is not counted, so "
                                                                 "the import is refused"));
        return 0;
    }
    return allPositive({s.layers, s.hidden, s.intermediate, s.patch, s.image, s.projectorInput, s.projectorOutput,
                        s.visionOutput, textHidden})
               ? llama4VisionParameters(s)
               : 0;
}

std::int64_t readPixtralVisionEncoder(ConfigReader &vision, std::int64_t spatialMerge, std::int64_t textHidden)
{
    PixtralVisionShape s;
    readBlockShape(vision, s);
    s.channels = vision.optionalCount("num_channels").value_or(3);
    s.spatialMerge = spatialMerge;
    s.textHidden = textHidden;
    return allPositive({s.layers, s.hidden, s.intermediate, s.patch, spatialMerge, textHidden})
               ? pixtralVisionParameters(s)
               : 0;
}

std::int64_t readMoonVitEncoder(ConfigReader &vision, std::int64_t textHidden)
{
    MoonVitShape s;
    s.layers = vision.count("vt_num_hidden_layers");
    s.hidden = vision.count("vt_hidden_size");
    s.intermediate = vision.count("vt_intermediate_size");
    s.patch = vision.count("patch_size");
    s.positionHeight = vision.count("init_pos_emb_height");
    s.positionWidth = vision.count("init_pos_emb_width");
    s.textHidden = vision.count("text_hidden_size");
    const QJsonArray kernel = vision.value("merge_kernel_size").toArray();
    // A whole number of patches per side; 16 is far beyond any released
    // merger (2 x 2) and keeps the merged width's square well inside int64.
    const auto side = [](const QJsonValue &v) {
        return v.isDouble() && v.toDouble() == std::floor(v.toDouble()) && v.toDouble() >= 1 && v.toDouble() <= 16;
    };
    if (kernel.size() != 2 || !side(kernel[0]) || !side(kernel[1])) {
        vision.fail("merge_kernel_size", QStringLiteral("must be two whole numbers from 1 to 16"));
        return 0;
    }
    s.mergedPatches = kernel[0].toInteger() * kernel[1].toInteger();
    // The projector's pre_norm is over the encoder's output; another width
    // would need a projection this architecture does not have.
    if (const std::int64_t projectorInput = vision.count("mm_hidden_size"); projectorInput != s.hidden) {
        vision.fail("mm_hidden_size", QStringLiteral("is %1 but vt_hidden_size is %2; MoonViT's projector reads the "
                                                     "encoder's own width")
                                          .arg(projectorInput)
                                          .arg(s.hidden));
        return 0;
    }
    // The 2-D table is the learned one; the temporal table is a fixed buffer.
    if (const QString positions = vision.text("pos_emb_type", false);
        !positions.isEmpty() && positions != QLatin1String("divided_fixed")) {
        vision.fail("pos_emb_type", QStringLiteral("is '%1'; only divided_fixed position tables are counted, so the "
                                                   "import is refused")
                                        .arg(positions));
        return 0;
    }
    if (const QString projector = vision.text("mm_projector_type", false);
        !projector.isEmpty() && projector != QLatin1String("patchmerger")) {
        vision.fail("mm_projector_type", QStringLiteral("is '%1'; only the patchmerger projector is counted, so the "
                                                        "import is refused")
                                             .arg(projector));
        return 0;
    }
    if (textHidden != s.textHidden) {
        vision.fail(
            "text_hidden_size",
            QStringLiteral("is %1 but the language model's hidden_size is %2").arg(s.textHidden).arg(textHidden));
        return 0;
    }
    return allPositive({s.layers, s.hidden, s.intermediate, s.patch, s.positionHeight, s.positionWidth, s.textHidden})
               ? moonVitParameters(s)
               : 0;
}

} // namespace planner
