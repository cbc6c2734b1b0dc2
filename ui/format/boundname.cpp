#include "ui/format/boundname.h"

#include <QCoreApplication>

namespace planner {

namespace {

class BoundNames
{
    Q_DECLARE_TR_FUNCTIONS(BoundNames)
};

} // namespace

QString boundName(Bound bound)
{
    switch (bound) {
    case Bound::Compute: return BoundNames::tr("compute");
    case Bound::Memory: return BoundNames::tr("memory");
    case Bound::Communication: return BoundNames::tr("communication");
    case Bound::Host: return BoundNames::tr("host");
    }
    return {};
}

} // namespace planner
