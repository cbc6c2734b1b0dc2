// A user catalogue of its own for a GUI suite, in a temporary folder, with
// Qt's test paths on (nothing the suite writes touches the user's files). A
// catalogue that cannot be opened stops the run with the reason.

#pragma once

#include "database/catalogue.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtGlobal>

#include <memory>

namespace planner::testsupport {

inline std::unique_ptr<Catalogue> testCatalogue(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    Catalogue::OpenResult opened = Catalogue::open(dir.filePath(QStringLiteral("catalogue.sqlite")));
    if (!opened.catalogue)
        qFatal("cannot open the test catalogue: %s", qPrintable(opened.error));
    return std::move(opened.catalogue);
}

} // namespace planner::testsupport
