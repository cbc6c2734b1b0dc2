#include "ui/format/estimatetext.h"

#include "ui/format/coremessage.h"
#include "ui/format/memoryunit.h"

#include <QCoreApplication>
#include <QLocale>

namespace planner {

namespace {

class EstimateText
{
    Q_DECLARE_TR_FUNCTIONS(EstimateText)
};

} // namespace

QString versionProblem(const VersionEstimate &v, const PlanWorkload &w)
{
    const bool sized = v.memory.capacity > units::bytes(0);
    if (sized && !v.memory.fits)
        return EstimateText::tr("does not fit: %1 short per GPU").arg(memoryText(v.memory.shortfall, 1));
    if (sized && !v.servesLoad)
        return EstimateText::tr("cannot serve %1 requests/s: memory holds %2 sequences")
            .arg(QLocale().toString(w.requestsPerSecond, 'g', 6), QLocale().toString(static_cast<qlonglong>(v.memory.maxConcurrency)));
    return translated(v.problem);
}

} // namespace planner
