#pragma once
// Catalogue parts into a plan: what a drop from the palette adds to a
// scenario's topology, with every spec it uses copied into the plan's part
// snapshot (so the plan keeps meaning the same when the catalogue changes).
//
// Each function edits the Plan value it is given and returns the new node's id,
// or 0 with `error` set (unknown id, a part that needs a server, ...); the
// desktop application wraps the result in one undo command.

#include "core/plan/plan.h"
#include "database/catalogue.h"

#include <QString>

namespace planner {

// A server template: the server, its GPU group (with the template's GPU
// fabric), CPUs, memory and storage.
int addTemplateServer(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &templateId, double x,
                      double y, QString *error);
// A cloud instance: a rented server holding its GPUs.
int addCloudInstance(Plan &plan, size_t scenario, const Catalogue &catalogue, const QString &instanceId, double x,
                     double y, QString *error);
// A GPU, CPU, memory module or storage device into `server`, or, with server
// 0, into a new empty server made around it at (x, y).
int addPartToServer(Plan &plan, size_t scenario, const Catalogue &catalogue, NodeKind kind, const QString &partId,
                    int server, double x, double y, QString *error);
// Copies a link spec or a model version into the snapshot (no-op when present).
bool snapshotLink(Plan &plan, const Catalogue &catalogue, const QString &linkId);
bool snapshotModel(Plan &plan, const Catalogue &catalogue, const QString &modelId);

} // namespace planner
