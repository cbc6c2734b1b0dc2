// libFuzzer target: Catalogue::importCsv (tests/fuzz/fuzzharness.h). One
// catalogue with a user layer in a temporary folder for the whole run; the
// first byte of each input picks the table.
#include "fuzz/fuzzharness.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

namespace {

// Never deleted: at exit it would close its database after the static
// QCoreApplication below is gone, and Qt's SQL layer needs it.
planner::Catalogue *gCatalogue = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The SQLite driver is a plugin; Qt finds plugins through the application.
    static QCoreApplication app(*argc, *argv);
    static QTemporaryDir dir;
    planner::fuzz::require(dir.isValid(), "cannot create a temporary folder");
    planner::Catalogue::OpenResult opened = planner::Catalogue::open(dir.filePath(QStringLiteral("user.sqlite")));
    if (!opened.catalogue) {
        std::fprintf(stderr, "cannot open the catalogue: %s\n", qPrintable(opened.error));
        std::abort();
    }
    gCatalogue = opened.catalogue.release();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planner::fuzz::fuzzCatalogueImport(*gCatalogue, QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
