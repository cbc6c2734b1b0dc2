#include "database/hfvisionencoder.h"

#include "core/model/visionencoder.h"

#include <QJsonArray>

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
    if (merged * (merged + static_cast<double>(s.outHidden)) > kMaxParameters) {
        vision.fail("spatial_merge_size", QStringLiteral("with hidden_size makes a patch merger of more than 1e15 "
                                                         "parameters; the config is corrupt"));
        return 0;
    }
    return qwenVisionParameters(s);
}

} // namespace planner
