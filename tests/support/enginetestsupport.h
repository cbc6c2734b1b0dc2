// Helpers shared by the engine test suites in tests/core (parameter counts,
// precision, inference and training memory): looking up built-in models, GPUs,
// formats and engine profiles, and formatting failure messages. They lived as
// identical copies in each suite; one header-only copy keeps every suite a
// single source file (planner_add_test) while the helpers cannot drift apart.
// Suite-specific helpers (request builders, usage printers, constants) stay in
// their suites.

#pragma once

#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"
#include "core/model/builtinmodels.h"
#include "core/model/modelspec.h"
#include "core/model/precision.h"
#include "core/util/problem.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace planner::testing {

// The value of a look-up that a test cannot do without; a missing one means the
// built-in tables changed, so the suite stops with a message naming what is gone.
template <typename T>
T required(const std::optional<T> &value, const char *kind, const QString &id)
{
    if (!value)
        qFatal("%s %s is missing", kind, qPrintable(id));
    return *value;
}

inline ModelSpec builtinModel(const QString &id)
{
    return required(findBuiltinModel(id.toStdString()), "built-in model", id);
}

inline GpuSpec builtinGpu(const QString &id)
{
    return required(findBuiltinGpu(id.toStdString()), "built-in GPU", id);
}

inline WeightFormat weightFormat(const QString &id)
{
    return required(findWeightFormat(id.toStdString()), "weight format", id);
}

inline KvCacheFormat kvFormat(const QString &id)
{
    return required(findKvCacheFormat(id.toStdString()), "KV cache format", id);
}

inline EngineProfile engineProfile(const QString &id)
{
    return required(findEngineProfile(id.toStdString()), "engine profile", id);
}

// Whether one of the validation problems' text contains needle.
inline bool anyContains(const std::vector<Problem> &problems, const std::string &needle)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem &p) { return p.text().find(needle) != std::string::npos; });
}

// Whether one of the validation problems concerns `field`.
inline bool anyConcerns(const std::vector<Problem> &problems, const std::string &field)
{
    return std::any_of(problems.begin(), problems.end(), [&](const Problem &p) { return p.field == field; });
}

// Validation problems joined with "; " (each as "[field] text"), for a failure message.
inline QByteArray joinedMessages(const std::vector<Problem> &problems)
{
    std::string all;
    for (const Problem &p : problems)
        all += (all.empty() ? "" : "; ") + ("[" + p.field + "] ") + p.text();
    return QByteArray::fromStdString(all.empty() ? std::string("(no messages)") : all);
}

// A failure message for an engine figure checked against an expected one within
// a relative tolerance: both figures, their relative difference and the
// tolerance, the last two in percent.
inline QByteArray comparedMessage(const char *what, double engine, double expected, const char *unit, double tolerance)
{
    return QStringLiteral("%1: engine %2 %3, expected %4 %3 (%5 %, tolerance %6 %)")
        .arg(QLatin1String(what))
        .arg(engine, 0, 'g', 12)
        .arg(QLatin1String(unit))
        .arg(expected, 0, 'g', 12)
        .arg((engine / expected - 1.0) * 100.0, 0, 'f', 3)
        .arg(tolerance * 100.0, 0, 'f', 3)
        .toUtf8();
}

} // namespace planner::testing
