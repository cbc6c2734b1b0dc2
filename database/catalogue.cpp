#include "database/catalogue.h"

#include "core/model/builtinmodels.h"
#include "database/cataloguerows.h"
#include "database/cataloguesql.h"
#include "database/csvtable.h"
#include "database/networkparts.h"
#include "database/partfigures.h"
#include "database/userfile.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>

#include <map>
#include <unordered_map>

namespace planner {

namespace {

struct TableInfo {
    const char *table;
    const char *seedFile;     // resources/catalogue/<file>
    const char *searchColumn; // matched by the filter besides id and name
};

const std::vector<TableInfo> &tableInfos()
{
    static const std::vector<TableInfo> infos{
        {"gpu", "gpus.csv", "vendor"},       {"cpu", "cpus.csv", "vendor"},
        {"memory", "memory.csv", "type"},    {"storage", "storage.csv", "interface"},
        {"link", "links.csv", "kind"},       {"switch", "switches.csv", "kind"},
        {"nic", "nics.csv", "vendor"},       {"cable", "cables.csv", "kind"},
        {"server", "servers.csv", "vendor"}, {"instance", "instances.csv", "provider"},
        {"model", nullptr, "family"},
    };
    return infos;
}

const TableInfo *tableInfo(const QString &table)
{
    for (const TableInfo &info : tableInfos())
        if (table == QLatin1String(info.table))
            return &info;
    return nullptr;
}

struct Column {
    QString name;
    QString type; // INTEGER, REAL or TEXT
};

std::vector<Column> columnsOf(QSqlDatabase &db, const QString &table)
{
    std::vector<Column> columns;
    QSqlQuery query(db);
    query.exec(QStringLiteral("PRAGMA main.table_info(%1)").arg(table));
    while (query.next())
        columns.push_back({query.value(1).toString(), query.value(2).toString().toUpper()});
    return columns;
}

// A CSV cell as the column's type: empty is NULL, numbers must parse.
std::optional<QVariant> typedValue(const QString &cell, const QString &type)
{
    if (cell.isEmpty())
        return QVariant();
    bool ok = true;
    if (type == QLatin1String("INTEGER")) {
        const qlonglong v = cell.toLongLong(&ok);
        return ok ? std::optional<QVariant>(v) : std::nullopt;
    }
    if (type == QLatin1String("REAL")) {
        const double v = cell.toDouble(&ok);
        return ok ? std::optional<QVariant>(v) : std::nullopt;
    }
    return QVariant(cell);
}

// Rows of a CSV table as column -> typed value, or the first bad cell.
QString csvRows(const CsvTable &csv, const std::vector<Column> &columns, const QString &table,
                std::vector<QVariantMap> &rows)
{
    std::vector<const Column *> byIndex;
    for (const QString &name : csv.header) {
        const auto it = std::find_if(columns.begin(), columns.end(), [&](const Column &c) { return c.name == name; });
        if (it == columns.end())
            return QStringLiteral("unknown column '%1' for the %2 table").arg(name, table);
        byIndex.push_back(&*it);
    }
    for (size_t r = 0; r < csv.rows.size(); ++r) {
        QVariantMap row;
        for (size_t c = 0; c < byIndex.size(); ++c) {
            const QString &cell = csv.rows[r].at(static_cast<qsizetype>(c));
            const std::optional<QVariant> value = typedValue(cell, byIndex[c]->type);
            if (!value)
                return QStringLiteral("line %1: column '%2' expects a number, got '%3'")
                    .arg(csv.rowLines[r])
                    .arg(byIndex[c]->name, cell);
            row.insert(byIndex[c]->name, *value);
        }
        rows.push_back(std::move(row));
    }
    return {};
}

// Inserts rows into one table, preparing its statement once for every run of
// rows with the same columns (a CSV's rows all have them): re-parsing the SQL
// per row was most of a 100,000-row import.
class RowInserter
{
public:
    RowInserter(QSqlDatabase &db, QString schema, QString table)
        : mQuery(db)
        , mSchema(std::move(schema))
        , mTable(std::move(table))
    {
    }

    QString insert(const QVariantMap &row)
    {
        const QStringList columns = row.keys();
        if (columns != mColumns) {
            mColumns = columns;
            mQuery.prepare(QStringLiteral("INSERT OR REPLACE INTO %1.%2 (%3) VALUES (%4)")
                               .arg(mSchema, mTable, columns.join(QLatin1Char(',')),
                                    QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        }
        int i = 0;
        for (auto it = row.begin(); it != row.end(); ++it)
            mQuery.bindValue(i++, it.value());
        const bool done = mQuery.exec();
        mQuery.finish(); // reset, still prepared: no statement stays open past the commit
        return done ? QString() : sqlError(mQuery);
    }

private:
    QSqlQuery mQuery;
    QString mSchema;
    QString mTable;
    QStringList mColumns;
};

QString loadSeeds(QSqlDatabase &db)
{
    if (!db.transaction())
        return db.lastError().text();
    for (const TableInfo &info : tableInfos()) {
        std::vector<QVariantMap> rows;
        const QString table = QLatin1String(info.table);
        if (info.seedFile) {
            const QString path = QStringLiteral(":/catalogue/seed/%1").arg(QLatin1String(info.seedFile));
            const CsvParseResult parsed = parseCsv(readResource(path));
            if (!parsed.table)
                return QStringLiteral("%1: %2").arg(path, parsed.error);
            const QString error = csvRows(*parsed.table, columnsOf(db, table), table, rows);
            if (!error.isEmpty())
                return QStringLiteral("%1: %2").arg(path, error);
        } else {
            for (const ModelSpec &model : builtinModels())
                rows.push_back(CatalogueRows<ModelSpec>::toRow(model));
        }
        RowInserter inserter(db, QStringLiteral("main"), table);
        for (const QVariantMap &row : rows) {
            const QString error = inserter.insert(row);
            if (!error.isEmpty()) {
                db.rollback();
                return QStringLiteral("shipped %1 '%2': %3")
                    .arg(table, row.value(QStringLiteral("id")).toString(), error);
            }
        }
    }
    return db.commit() ? QString() : db.lastError().text();
}

QString layeredView(const QString &table, bool userLayer)
{
    if (!userLayer)
        return QStringLiteral("CREATE TEMP VIEW layered_%1 AS SELECT *, 'shipped' AS origin FROM main.%1").arg(table);
    return QStringLiteral("CREATE TEMP VIEW layered_%1 AS "
                          "SELECT *, 'user' AS origin FROM user.%1 "
                          "UNION ALL SELECT *, 'shipped' AS origin FROM main.%1 s "
                          "WHERE NOT EXISTS (SELECT 1 FROM user.%1 u WHERE u.id = s.id)")
        .arg(table);
}

} // namespace

int Catalogue::schemaVersion()
{
    return schemaScriptCount();
}

QString Catalogue::defaultUserDatabasePath()
{
    // The generic location, so the GUI and the command-line tool share one file.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/llm-planner/catalogue.sqlite");
}

QStringList Catalogue::tables()
{
    QStringList names;
    for (const TableInfo &info : tableInfos())
        names << QLatin1String(info.table);
    return names;
}

Catalogue::Catalogue(QString connectionName)
    : mConnection(std::move(connectionName))
{
}

Catalogue::~Catalogue()
{
    QSqlDatabase::database(mConnection, false).close();
    QSqlDatabase::removeDatabase(mConnection);
}

Catalogue::OpenResult Catalogue::open(const QString &userDatabasePath)
{
    OpenResult result;
    std::unique_ptr<Catalogue> catalogue(new Catalogue(uniqueConnectionName("main")));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), catalogue->mConnection);
    db.setDatabaseName(QStringLiteral(":memory:"));
    if (!db.open()) {
        result.error = QStringLiteral("cannot open the catalogue: %1").arg(db.lastError().text());
        return result;
    }
    QString error = runScript(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    if (error.isEmpty())
        error = migrate(db, 0);
    if (error.isEmpty())
        error = loadSeeds(db);
    if (!error.isEmpty()) {
        result.error = QStringLiteral("the shipped catalogue cannot be loaded: %1").arg(error);
        return result;
    }

    if (!userDatabasePath.isEmpty()) {
        const UserFileCheck check = prepareUserFile(userDatabasePath, tables());
        result.warnings = check.warnings;
        if (check.usable) {
            QSqlQuery attach(db);
            attach.prepare(QStringLiteral("ATTACH DATABASE ? AS user"));
            attach.addBindValue(userDatabasePath);
            if (attach.exec())
                catalogue->mUserLayer = true;
            else
                result.warnings << QStringLiteral("the user catalogue %1 cannot be attached: %2")
                                       .arg(userDatabasePath, sqlError(attach));
        }
    }
    for (const TableInfo &info : tableInfos()) {
        error = runScript(db, layeredView(QLatin1String(info.table), catalogue->mUserLayer));
        if (!error.isEmpty()) {
            result.error = error;
            return result;
        }
    }
    result.catalogue = std::move(catalogue);
    return result;
}

namespace {

// A listing query over the layered view: `select` (plus each row's origin
// and whether it shadows a shipped row) of the rows the filter matches, by
// name. The filter is text: LIKE's wildcards are escaped.
QSqlQuery listingQuery(const QString &connection, const QString &table, const QString &select, const QString &filter)
{
    const QString search = QLatin1String(tableInfo(table)->searchColumn);
    QSqlQuery query(QSqlDatabase::database(connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %3, origin, origin = 'user' AND EXISTS (SELECT 1 FROM main.%1 s WHERE s.id = "
                                 "layered_%1.id) AS shadows FROM layered_%1 "
                                 "WHERE ? = '' OR id LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' "
                                 "OR %2 LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE")
                      .arg(table, search, select));
    QString literal = filter;
    literal.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    const QString pattern = QLatin1Char('%') + literal + QLatin1Char('%');
    query.addBindValue(filter);
    for (int i = 0; i < 3; ++i)
        query.addBindValue(pattern);
    return query;
}

// The current row of a listing, each column's index resolved on first use
// (every row of one query has the same layout; readers pass string literals).
class ListingValues : public ColumnValues
{
public:
    explicit ListingValues(const QSqlQuery &query)
        : mQuery(query)
        , mLayout(query.record())
    {
    }

    QVariant value(const char *column) const override
    {
        auto found = mIndexes.find(column);
        if (found == mIndexes.end())
            found = mIndexes.emplace(column, mLayout.indexOf(QLatin1String(column))).first;
        return found->second >= 0 ? mQuery.value(found->second) : QVariant();
    }

private:
    const QSqlQuery &mQuery;
    const QSqlRecord mLayout;
    mutable std::unordered_map<const char *, int> mIndexes;
};

// The origin of the current row of a listingQuery whose select had `columns` values.
PartOrigin listedOrigin(const QSqlQuery &query, int columns)
{
    if (query.value(columns).toString() == QLatin1String("shipped"))
        return PartOrigin::Shipped;
    return query.value(columns + 1).toBool() ? PartOrigin::UserShadowingShipped : PartOrigin::User;
}

} // namespace

template <typename Spec>
std::vector<ListedPart<Spec>> Catalogue::listWithOrigins(const QString &filter) const
{
    const QString table = QLatin1String(CatalogueRows<Spec>::table);
    QSqlQuery query = listingQuery(mConnection, table, QStringLiteral("*"), filter);
    std::vector<ListedPart<Spec>> parts;
    if (!query.exec())
        return parts;
    const ListingValues row(query);
    const int columns = query.record().count() - 2; // without origin and shadows
    while (query.next())
        parts.push_back({CatalogueRows<Spec>::fromRow(row), listedOrigin(query, columns)});
    return parts;
}

std::vector<ListedRow> Catalogue::listColumns(const QString &table, const QStringList &columns,
                                              const QString &filter) const
{
    std::vector<ListedRow> rows;
    if (!tableInfo(table) || columns.isEmpty())
        return rows;
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QStringList known;
    for (const Column &column : columnsOf(db, table))
        known << column.name;
    for (const QString &column : columns)
        if (!known.contains(column))
            return rows;
    QSqlQuery query = listingQuery(mConnection, table, columns.join(QLatin1Char(',')), filter);
    if (!query.exec())
        return rows;
    const int count = static_cast<int>(columns.size());
    while (query.next()) {
        ListedRow row{{}, listedOrigin(query, count)};
        row.values.reserve(count);
        for (int i = 0; i < count; ++i)
            row.values << query.value(i);
        rows.push_back(std::move(row));
    }
    return rows;
}

template <typename Spec>
std::vector<Spec> Catalogue::list(const QString &filter) const
{
    std::vector<Spec> specs;
    for (ListedPart<Spec> &part : listWithOrigins<Spec>(filter))
        specs.push_back(std::move(part.spec));
    return specs;
}

template <typename Spec>
std::optional<Spec> Catalogue::find(const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(mConnection));
    query.prepare(
        QStringLiteral("SELECT * FROM layered_%1 WHERE id = ?").arg(QLatin1String(CatalogueRows<Spec>::table)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return CatalogueRows<Spec>::fromRow(RecordValues(query.record()));
}

template <typename Spec>
std::optional<PartOrigin> Catalogue::origin(const QString &id) const
{
    const QString table = QLatin1String(CatalogueRows<Spec>::table);
    QSqlQuery query(QSqlDatabase::database(mConnection));
    const QString inUser = QStringLiteral("EXISTS (SELECT 1 FROM user.%1 WHERE id = ?)").arg(table);
    query.prepare(QStringLiteral("SELECT %1, EXISTS (SELECT 1 FROM main.%2 WHERE id = ?)")
                      .arg(mUserLayer ? inUser : QStringLiteral("0"), table));
    if (mUserLayer)
        query.addBindValue(id);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const bool user = query.value(0).toBool();
    const bool shipped = query.value(1).toBool();
    if (user)
        return shipped ? PartOrigin::UserShadowingShipped : PartOrigin::User;
    return shipped ? std::optional(PartOrigin::Shipped) : std::nullopt;
}

CatalogueStatus Catalogue::checkReferences(const QString &table, const QVariantMap &row) const
{
    // Part ids may name shipped or user rows, so they are checked here rather
    // than by SQLite foreign keys, which cannot span the two databases.
    static const std::map<QString, std::vector<std::pair<const char *, const char *>>> references{
        {QStringLiteral("server"),
         {{"gpu_id", "gpu"},
          {"cpu_id", "cpu"},
          {"memory_id", "memory"},
          {"storage_id", "storage"},
          {"gpu_link_id", "link"},
          {"nic_link_id", "link"}}},
        {QStringLiteral("instance"), {{"gpu_id", "gpu"}}},
    };
    const auto it = references.find(table);
    if (it == references.end())
        return {};
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    for (const auto &[column, target] : it->second) {
        const QString id = row.value(QLatin1String(column)).toString();
        if (id.isEmpty())
            continue;
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT 1 FROM layered_%1 WHERE id = ?").arg(QLatin1String(target)));
        query.addBindValue(id);
        if (!query.exec() || !query.next())
            return {QStringLiteral("%1 '%2' names %3 '%4', which the catalogue does not have")
                        .arg(table, row.value(QStringLiteral("id")).toString(), QLatin1String(target), id)};
    }
    return {};
}

CatalogueStatus Catalogue::writeRows(const QString &table, const std::vector<QVariantMap> &rows,
                                     const std::vector<int> &lines)
{
    if (!mUserLayer)
        return {QStringLiteral("the user catalogue is not available, so nothing can be saved")};
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (!db.transaction())
        return {db.lastError().text()};
    RowInserter inserter(db, QStringLiteral("user"), table);
    for (size_t i = 0; i < rows.size(); ++i) {
        const QString where = lines.empty() ? QString() : QStringLiteral("line %1: ").arg(lines[i]);
        QString error = partFigureProblem(rows[i]);
        if (error.isEmpty())
            error = inserter.insert(rows[i]);
        if (error.isEmpty())
            error = checkReferences(table, rows[i]).error;
        if (!error.isEmpty()) {
            db.rollback();
            return {QStringLiteral("%1cannot save %2 '%3': %4")
                        .arg(where, table, rows[i].value(QStringLiteral("id")).toString(), error)};
        }
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return {error};
    }
    return {};
}

template <typename Spec>
CatalogueStatus Catalogue::save(const Spec &spec)
{
    return writeRows(QLatin1String(CatalogueRows<Spec>::table), {CatalogueRows<Spec>::toRow(spec)}, {});
}

template <typename Spec>
CatalogueStatus Catalogue::remove(const QString &id)
{
    const QString table = QLatin1String(CatalogueRows<Spec>::table);
    const std::optional<PartOrigin> from = origin<Spec>(id);
    if (!from)
        return {QStringLiteral("the catalogue has no %1 '%2'").arg(table, id)};
    if (*from == PartOrigin::Shipped)
        return {QStringLiteral("%1 '%2' is part of the shipped catalogue and cannot be deleted; "
                               "save a part with the same id to override it")
                    .arg(table, id)};
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM user.%1 WHERE id = ?").arg(table));
    query.addBindValue(id);
    return query.exec() ? CatalogueStatus{} : CatalogueStatus{sqlError(query)};
}

namespace {

// A template names optional parts by id; an empty id is no part.
template <typename Spec>
std::optional<Spec> findIfNamed(const Catalogue &catalogue, const std::string &id)
{
    return id.empty() ? std::nullopt : catalogue.find<Spec>(QString::fromStdString(id));
}

} // namespace

std::optional<ResolvedServer> Catalogue::resolveServer(const QString &id) const
{
    const std::optional<ServerTemplate> server = find<ServerTemplate>(id);
    if (!server)
        return std::nullopt;
    const std::optional<GpuSpec> gpu = find<GpuSpec>(QString::fromStdString(server->gpu.id));
    if (!gpu)
        return std::nullopt;
    const std::optional<LinkSpec> nic = findIfNamed<LinkSpec>(*this, server->nic.id);
    return ResolvedServer{*server,
                          *gpu,
                          findIfNamed<CpuSpec>(*this, server->cpu.id),
                          findIfNamed<MemoryModuleSpec>(*this, server->memory.id),
                          findIfNamed<StorageSpec>(*this, server->storage.id),
                          findIfNamed<LinkSpec>(*this, server->gpuLinkId),
                          nic,
                          nic ? networkPartsFor(*this, *nic) : NetworkParts{}};
}

QString Catalogue::exportCsv(const QString &table) const
{
    if (!tableInfo(table))
        return {};
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    CsvTable csv;
    for (const Column &c : columnsOf(db, table))
        csv.header << c.name;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT %1 FROM layered_%2 ORDER BY id").arg(csv.header.join(QLatin1Char(',')), table));
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < csv.header.size(); ++i)
            row << (query.isNull(i) ? QString() : query.value(i).toString());
        csv.rows.push_back(row);
    }
    return toCsv(csv);
}

CatalogueStatus Catalogue::importCsv(const QString &table, const QString &text)
{
    if (!tableInfo(table))
        return {QStringLiteral("unknown table '%1' (one of %2)").arg(table, tables().join(QStringLiteral(", ")))};
    const CsvParseResult parsed = parseCsv(text);
    if (!parsed.table)
        return {parsed.error};
    if (!parsed.table->header.contains(QStringLiteral("id")))
        return {QStringLiteral("the CSV has no 'id' column")};
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    std::vector<QVariantMap> rows;
    const QString error = csvRows(*parsed.table, columnsOf(db, table), table, rows);
    if (!error.isEmpty())
        return {error};
    return writeRows(table, rows, parsed.table->rowLines);
}

#define PLANNER_INSTANTIATE(Spec)                                                                                      \
    template std::vector<Spec> Catalogue::list<Spec>(const QString &) const;                                           \
    template std::vector<ListedPart<Spec>> Catalogue::listWithOrigins<Spec>(const QString &) const;                    \
    template std::optional<Spec> Catalogue::find<Spec>(const QString &) const;                                         \
    template std::optional<PartOrigin> Catalogue::origin<Spec>(const QString &) const;                                 \
    template CatalogueStatus Catalogue::save<Spec>(const Spec &);                                                      \
    template CatalogueStatus Catalogue::remove<Spec>(const QString &);

PLANNER_INSTANTIATE(GpuSpec)
PLANNER_INSTANTIATE(CpuSpec)
PLANNER_INSTANTIATE(MemoryModuleSpec)
PLANNER_INSTANTIATE(StorageSpec)
PLANNER_INSTANTIATE(LinkSpec)
PLANNER_INSTANTIATE(SwitchSpec)
PLANNER_INSTANTIATE(NicSpec)
PLANNER_INSTANTIATE(CableSpec)
PLANNER_INSTANTIATE(ServerTemplate)
PLANNER_INSTANTIATE(CloudInstance)
PLANNER_INSTANTIATE(ModelSpec)

#undef PLANNER_INSTANTIATE

} // namespace planner
