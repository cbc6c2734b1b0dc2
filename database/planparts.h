#pragma once
// Catalogue parts for plan edits: looks up what a palette drop names and
// hands the specs to the plan edits in core (core/plan/planedit.h), which
// copy them into the plan's part snapshot.
//
// Each look-up returns nullopt with `error` set when the catalogue lacks the
// part (or a part it names).

#include "core/plan/planedit.h"
#include "database/catalogue.h"

#include <QString>

#include <optional>
#include <vector>

namespace planner {

struct CloudInstanceParts {
    CloudInstance instance;
    GpuSpec gpu;
    std::optional<LinkSpec> fabric; // the NVLink/NVSwitch a multi-GPU instance of NVLink GPUs comes with
};

std::optional<ResolvedServer> serverTemplateParts(const Catalogue &catalogue, const QString &templateId,
                                                  QString *error);
std::optional<CloudInstanceParts> cloudInstanceParts(const Catalogue &catalogue, const QString &instanceId,
                                                     QString *error);
// A GPU, CPU, memory module, storage device or network card (NodeKind::Nic).
std::optional<planedit::PartSpec> partSpec(const Catalogue &catalogue, NodeKind kind, const QString &partId,
                                           QString *error);
// The catalogue's specs of these model ids (ids it lacks are left out).
std::vector<ModelSpec> modelSpecs(const Catalogue &catalogue, const std::vector<std::string> &ids);

// A server template at (x, y) in `scenario`: the look-up and the edit in one
// step, for building plans in code. Returns the server's id, or 0 with `error`.
int addTemplateServer(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &templateId, double x,
                      double y, QString *error);
// Copies a link spec or a model version into the snapshot (false: the
// catalogue has no such id).
bool snapshotLink(Plan &plan, const Catalogue &catalogue, const QString &linkId);
bool snapshotModel(Plan &plan, const Catalogue &catalogue, const QString &modelId);

} // namespace planner
