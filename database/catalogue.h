#pragma once
// The hardware and model catalogue.
//
// Two layers in one SQLite connection: the shipped catalogue, built in memory
// at open from the sourced seed files compiled into the program (so an upgrade
// simply ships new seeds), and the user's own database file, attached as
// "user", holding the parts they add or edit. A user row with the id of a
// shipped row shadows it. Upgrades never write to the user file; a damaged
// user file is set aside (its readable rows copied into a fresh one), a busy
// one left alone, and the shipped catalogue works either way (userfile.h).
//
// Every call returns plain core structs or a status with a message; nothing
// here shows a dialog.

#include "core/hardware/cloudinstance.h"
#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/resolvedserver.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"
#include "core/model/modelspec.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace planner {

enum class PartOrigin { Shipped, User, UserShadowingShipped };

// One row of a listing by column (listColumns).
struct ListedRow {
    QVariantList values;
    PartOrigin origin;
};

template <typename Spec>
struct ListedPart {
    Spec spec;
    PartOrigin origin;
};

struct CatalogueStatus {
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

class Catalogue
{
public:
    // The schema version this build writes; user files with a larger
    // PRAGMA user_version come from a newer planner and are left untouched.
    static int schemaVersion();
    static QString defaultUserDatabasePath();

    struct OpenResult {
        std::unique_ptr<Catalogue> catalogue; // null only if the shipped data cannot load
        QString error;
        QStringList warnings; // user-layer problems; the catalogue still works
    };
    // userDatabasePath empty: the shipped catalogue alone, read-only.
    static OpenResult open(const QString &userDatabasePath);

    ~Catalogue();
    Catalogue(const Catalogue &) = delete;
    Catalogue &operator=(const Catalogue &) = delete;

    bool hasUserLayer() const { return mUserLayer; }

    // Spec is one of GpuSpec, CpuSpec, MemoryModuleSpec, StorageSpec, LinkSpec,
    // SwitchSpec, ServerTemplate, CloudInstance, ModelSpec. filter matches id,
    // name and vendor/provider/family/kind, case-insensitively, as plain text
    // (% and _ are no wildcards).
    template <typename Spec>
    std::vector<Spec> list(const QString &filter = {}) const;
    // The same rows with where each comes from, in one query (a look-up per
    // row would make 100,000 user rows take seconds).
    template <typename Spec>
    std::vector<ListedPart<Spec>> listWithOrigins(const QString &filter = {}) const;
    // The stored values of the named columns of a table (empty when it or a
    // column is unknown), filtered and ordered as list(): a listing of
    // 100,000 rows without building a part from each.
    std::vector<ListedRow> listColumns(const QString &table, const QStringList &columns,
                                       const QString &filter = {}) const;
    template <typename Spec>
    std::optional<Spec> find(const QString &id) const;
    template <typename Spec>
    std::optional<PartOrigin> origin(const QString &id) const;
    // Writes to the user layer, in one transaction. Server templates and cloud
    // instances must name parts the catalogue has.
    template <typename Spec>
    CatalogueStatus save(const Spec &spec);
    // Deletes a user row (a shadowed shipped row shows again); shipped rows
    // cannot be deleted.
    template <typename Spec>
    CatalogueStatus remove(const QString &id);

    // nullopt when the template or its GPU is unknown; the other parts are
    // optional in a template.
    std::optional<ResolvedServer> resolveServer(const QString &id) const;

    // A part table as CSV (all rows, shipped and user, with their sources), and
    // the reverse into the user layer: every row or none.
    QString exportCsv(const QString &table) const;
    CatalogueStatus importCsv(const QString &table, const QString &csv);
    static QStringList tables();

private:
    explicit Catalogue(QString connectionName);
    CatalogueStatus checkReferences(const QString &table, const QVariantMap &row) const;
    CatalogueStatus writeRows(const QString &table, const std::vector<QVariantMap> &rows,
                              const std::vector<int> &lines);

    QString mConnection;
    bool mUserLayer = false;
};

} // namespace planner
