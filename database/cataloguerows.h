#pragma once
// How each kind of catalogue part maps to its table: the table name, a record
// to a core struct, and a struct to the column values to write. Columns and
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

template <typename Spec>
struct CatalogueRows;

#define PLANNER_CATALOGUE_ROWS(Spec, tableName)                                                                        \
    template <>                                                                                                        \
    struct CatalogueRows<Spec> {                                                                                       \
        static constexpr const char *table = tableName;                                                                \
        static Spec fromRecord(const QSqlRecord &record);                                                              \
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
