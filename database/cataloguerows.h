#pragma once
// How each kind of catalogue part maps to its table: the table name, a row of
// values to a core struct, and a struct to the column values to write. Columns and
// units are those of database/schema/001_catalogue.sql. toRow() also gives
// the command-line tool its JSON and table columns, so every part kind is
// described in one place.

#include "core/hardware/cloudinstance.h"
#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"
#include "core/model/modelspec.h"

#include <QVariantMap>

class QSqlRecord;

namespace planner {

// One row's stored values by column name; null where the row lacks the
// column. A listing answers from a layout it resolves once per query
// (Catalogue::listWithOrigins): looking each name up in a QSqlRecord compares
// it with every field through a copy of each, a second per 100,000 rows.
class ColumnValues
{
public:
    virtual ~ColumnValues() = default;
    virtual QVariant value(const char *column) const = 0;
};

// The values of one record, looked up by name.
class RecordValues : public ColumnValues
{
public:
    explicit RecordValues(const QSqlRecord &record);
    QVariant value(const char *column) const override;

private:
    const QSqlRecord &mRecord;
};

template <typename Spec>
struct CatalogueRows;

#define PLANNER_CATALOGUE_ROWS(Spec, tableName)                                                                        \
    template <>                                                                                                        \
    struct CatalogueRows<Spec> {                                                                                       \
        static constexpr const char *table = tableName;                                                                \
        static Spec fromRow(const ColumnValues &row);                                                                  \
        static QVariantMap toRow(const Spec &spec);                                                                    \
    };

PLANNER_CATALOGUE_ROWS(GpuSpec, "gpu")
PLANNER_CATALOGUE_ROWS(CpuSpec, "cpu")
PLANNER_CATALOGUE_ROWS(MemoryModuleSpec, "memory")
PLANNER_CATALOGUE_ROWS(StorageSpec, "storage")
PLANNER_CATALOGUE_ROWS(LinkSpec, "link")
PLANNER_CATALOGUE_ROWS(SwitchSpec, "switch")
PLANNER_CATALOGUE_ROWS(NicSpec, "nic")
PLANNER_CATALOGUE_ROWS(CableSpec, "cable")
PLANNER_CATALOGUE_ROWS(ServerTemplate, "server")
PLANNER_CATALOGUE_ROWS(CloudInstance, "instance")
PLANNER_CATALOGUE_ROWS(ModelSpec, "model")

#undef PLANNER_CATALOGUE_ROWS

} // namespace planner
