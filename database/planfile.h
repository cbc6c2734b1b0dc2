#pragma once
// Plan files (*.llmplan): a Plan as an indented JSON document, and back.
//
// The document names its format ("format": "llm-planner-plan") and version
// ("version": 1) and holds the plan's name, model family and versions, the
// workload, every scenario (deployment settings, each cost assumption with its
// source, the cloud price tier, the topology's nodes and links with every
// field) and the part snapshot: one array per kind (gpus, cpus, memory,
// storage, links, servers, instances, models), each part written with the
// catalogue's own columns (database/cataloguerows.h), so a part reads back
// exactly as the catalogue would read that row.
//
// Reading never half-loads: the first problem (not JSON, wrong format name,
// newer version, missing field, wrong type, a node inside a missing server, a
// link to a missing node, a part the topology names but the snapshot lacks,
// a plan that fails validate()) refuses the whole file, with a message naming
// where it is ("scenarios[1].topology.nodes[3]: 'count' must be a positive
// integer, got 0"). Keys this version does not know are ignored, so a file
// from a later planner of the same format version still opens.
//
// Saving goes through QSaveFile: the file is replaced only once every byte is
// written, so a failed save (missing folder, full disk) leaves any earlier
// file as it was.

#include "core/plan/plan.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace planner {

inline constexpr char kPlanFormatName[] = "llm-planner-plan";
inline constexpr int kPlanFormatVersion = 1;
inline constexpr char kPlanFileSuffix[] = "llmplan"; // without the dot

struct PlanFileResult {
    std::optional<Plan> plan; // set exactly when error is empty
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// The document's bytes. Parse errors do not name a file: the caller knows it.
PlanFileResult parsePlan(const QByteArray &json);
// Reads and parses a file; errors opening or reading it name the path.
PlanFileResult readPlanFile(const QString &path);

// The document for a plan (indented UTF-8 JSON, keys in sorted order):
// serializePlan(parsePlan(serializePlan(p)).plan) == serializePlan(p).
QByteArray serializePlan(const Plan &plan);
// Writes atomically; returns an error message naming the path, empty on success.
QString writePlanFile(const Plan &plan, const QString &path);

} // namespace planner
