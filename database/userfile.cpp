#include "database/userfile.h"

#include "database/cataloguesql.h"
#include "database/wholefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace planner {

namespace {

// How long a planner waits for another one's write (a large import commits
// in a few seconds) before it calls the file busy.
constexpr int kBusyTimeoutMs = 5000;

// SQLite's companions of a database file: a set-aside file keeps them (the
// WAL may hold committed rows), and a fresh file must not inherit them.
const char *const kJournalSuffixes[] = {"-wal", "-shm", "-journal"};

enum class FileState { Usable, Busy, Refused, Damaged };

struct Inspection {
    FileState state = FileState::Usable;
    QString problem;
};

// Runs `use` on a fresh connection to `path`, closed and removed afterwards.
template <typename Result>
Result withConnection(const QString &path, const QString &options, const std::function<Result(QSqlDatabase &)> &use)
{
    const QString name = uniqueConnectionName("user-file");
    Result result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(options + QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        result = use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

Inspection inspectOpen(QSqlDatabase &db, const QString &path)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next())
        return {isBusy(check.lastError()) ? FileState::Busy : FileState::Damaged, sqlError(check)};
    if (check.value(0).toString() != QLatin1String("ok"))
        return {FileState::Damaged, check.value(0).toString()};
    // An unfinished statement keeps a read lock that would make a migration's
    // DROP TABLE fail with "database table is locked".
    check.finish();
    bool busy = false;
    QString problem;
    const int version = userVersion(db, &problem, &busy);
    if (version < 0)
        return {busy ? FileState::Busy : FileState::Damaged, problem};
    if (version > schemaScriptCount())
        return {FileState::Refused,
                QStringLiteral("the user catalogue %1 was written by a newer version of the planner (schema %2; this "
                               "version knows up to %3); it is left untouched and not used")
                    .arg(path)
                    .arg(version)
                    .arg(schemaScriptCount())};
    // Persistent in the file; SQLite answers the mode it is in, and a file
    // that cannot switch now (another planner has it open) switches next time.
    QSqlQuery wal(db);
    if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return {isBusy(wal.lastError()) ? FileState::Busy : FileState::Damaged, sqlError(wal)};
    wal.finish();
    problem = migrate(db, version, &busy);
    if (!problem.isEmpty())
        return {busy ? FileState::Busy : FileState::Damaged, problem};
    return {};
}

Inspection inspect(const QString &path)
{
    return withConnection<Inspection>(path, {}, [&](QSqlDatabase &db) -> Inspection {
        if (db.open())
            return inspectOpen(db, path);
        if (isBusy(db.lastError()))
            return {FileState::Busy, db.lastError().text()};
        return {QFileInfo::exists(path) ? FileState::Damaged : FileState::Refused, db.lastError().text()};
    });
}

QStringList columnNames(QSqlDatabase &db, const QString &table)
{
    QStringList names;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
        while (query.next())
            names << query.value(1).toString();
    return names;
}

// Copies the rows of `table` SQLite can read from `source` into `target`,
// column by column where both have it; stops at the first unreadable page.
int copyReadableRows(QSqlDatabase &source, QSqlDatabase &target, const QString &table)
{
    const QStringList wanted = columnNames(target, table);
    QStringList columns;
    for (const QString &column : columnNames(source, table))
        if (wanted.contains(column))
            columns << column;
    if (!columns.contains(QLatin1String("id")))
        return 0;
    QSqlQuery read(source);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1Char(',')), table)))
        return 0;
    QSqlQuery write(target);
    write.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                      .arg(table, columns.join(QLatin1Char(',')),
                           QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))));
    int copied = 0;
    while (read.next()) {
        for (int i = 0; i < columns.size(); ++i)
            write.bindValue(i, read.value(i));
        if (write.exec() && write.numRowsAffected() > 0)
            ++copied;
    }
    return copied;
}

// "3 gpu rows, 1 model row", or empty when nothing could be read.
QString salvage(const QString &from, const QString &into, const QStringList &tables)
{
    return withConnection<QString>(from, QStringLiteral("QSQLITE_OPEN_READONLY;"), [&](QSqlDatabase &source) {
        if (!source.open())
            return QString();
        return withConnection<QString>(into, {}, [&](QSqlDatabase &target) {
            QStringList kept;
            if (!target.open() || !target.transaction())
                return QString();
            for (const QString &table : tables)
                if (const int rows = copyReadableRows(source, target, table); rows > 0)
                    kept << QStringLiteral("%1 %2 row%3").arg(rows).arg(table, rows == 1 ? "" : "s");
            return target.commit() ? kept.join(QStringLiteral(", ")) : QString();
        });
    });
}

UserFileCheck setAsideAndStartAfresh(const QString &path, const QString &problem, const QStringList &tables)
{
    const QString aside = setAsideName(path);
    if (!QFile::rename(path, aside))
        return {false,
                {QStringLiteral("the user catalogue %1 cannot be read (%2) and cannot be moved aside; your own "
                                "parts are not available")
                     .arg(path, problem)}};
    for (const char *suffix : kJournalSuffixes) {
        const QString journal = path + QLatin1String(suffix);
        if (QFileInfo::exists(journal) && !QFile::rename(journal, aside + QLatin1String(suffix)))
            QFile::remove(journal); // never replayed into the fresh file
    }
    UserFileCheck fresh = prepareUserFile(path, tables);
    QString told = QStringLiteral("the user catalogue %1 could not be read (%2); it was kept as %3 and a new one was "
                                  "started")
                       .arg(path, problem, aside);
    if (fresh.usable) {
        const QString kept = salvage(aside, path, tables);
        told += kept.isEmpty()
                    ? QStringLiteral("; none of its rows could be read")
                    : QStringLiteral("; the rows that could still be read were copied into it (%1)").arg(kept);
    }
    fresh.warnings.prepend(told);
    return fresh;
}

} // namespace

UserFileCheck prepareUserFile(const QString &path, const QStringList &tables)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const Inspection inspection = inspect(path);
    switch (inspection.state) {
    case FileState::Usable: return {true, {}};
    case FileState::Refused: return {false, {inspection.problem}};
    case FileState::Busy:
        return {false,
                {QStringLiteral("the user catalogue %1 is in use by another planner and stayed locked for %2 s (%3); "
                                "your own parts are not available in this session: let the other planner finish, "
                                "then start again")
                     .arg(path)
                     .arg(kBusyTimeoutMs / 1000)
                     .arg(inspection.problem)}};
    case FileState::Damaged: break;
    }
    return setAsideAndStartAfresh(path, inspection.problem, tables);
}

} // namespace planner
