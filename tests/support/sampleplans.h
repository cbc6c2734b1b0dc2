// The shipped sample plans (resources/plans, compiled in as ":/plans/...")
// for the suites and benchmarks that start from one. A sample that does not
// read is a broken build, not a test failure: it stops the run with the reason.

#pragma once

#include "core/plan/plan.h"
#include "database/planfile.h"

#include <QString>
#include <QtGlobal>

namespace planner::testsupport {

// `name` without folder or suffix, e.g. "deepseek-r1-8x-h200".
inline Plan samplePlan(const char *name)
{
    const PlanFileResult read = readPlanFile(QStringLiteral(":/plans/%1.llmplan").arg(QLatin1String(name)));
    if (!read.ok())
        qFatal("sample plan %s: %s", name, qPrintable(read.error));
    return *read.plan;
}

} // namespace planner::testsupport
