#pragma once
// The shipped catalogue (no user layer), opened once per test executable.

#include "database/catalogue.h"

#include <QtGlobal>

namespace planner::testsupport {

inline const Catalogue &shippedCatalogue()
{
    static const Catalogue::OpenResult opened = Catalogue::open({});
    if (!opened.catalogue)
        qFatal("the shipped catalogue does not open");
    return *opened.catalogue;
}

} // namespace planner::testsupport
