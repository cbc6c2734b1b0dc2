#include "database/cataloguesql.h"

#include <QAtomicInt>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace planner {

namespace {

// Schema scripts in order; user_version = the number of scripts applied.
const QStringList kSchemaScripts{QStringLiteral(":/catalogue/schema/001_catalogue.sql"),
                                 QStringLiteral(":/catalogue/schema/002_layer_attention.sql"),
                                 QStringLiteral(":/catalogue/schema/003_hybrid_layers.sql"),
                                 QStringLiteral(":/catalogue/schema/004_layer_heads.sql"),
                                 QStringLiteral(":/catalogue/schema/005_moe_widths.sql"),
                                 QStringLiteral(":/catalogue/schema/006_encoders.sql"),
                                 QStringLiteral(":/catalogue/schema/007_compressed_attention.sql"),
                                 QStringLiteral(":/catalogue/schema/008_current_hardware.sql")};

constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;

void noteBusy(const QSqlError &error, bool *busy)
{
    if (busy)
        *busy = isBusy(error);
}

} // namespace

QString sqlError(const QSqlQuery &query)
{
    const QString text = query.lastError().databaseText();
    return text.isEmpty() ? query.lastError().text() : text;
}

bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // the primary code of an extended one
    return ok && (code == kSqliteBusy || code == kSqliteLocked);
}

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString runScript(QSqlDatabase &db, const QString &script, bool *busy)
{
    QString sql;
    for (const QString &line : script.split(QLatin1Char('\n')))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            sql += line + QLatin1Char('\n');
    for (const QString &statement : sql.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (statement.trimmed().isEmpty())
            continue;
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            noteBusy(query.lastError(), busy);
            return sqlError(query);
        }
    }
    return {};
}

int userVersion(QSqlDatabase &db, QString *error, bool *busy)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        noteBusy(query.lastError(), busy);
        *error = sqlError(query);
        return -1;
    }
    return query.value(0).toInt();
}

int schemaScriptCount()
{
    return static_cast<int>(kSchemaScripts.size());
}

QString migrate(QSqlDatabase &db, int from, bool *busy)
{
    for (int version = from; version < kSchemaScripts.size(); ++version) {
        const QString script = readResource(kSchemaScripts.at(version));
        if (script.isEmpty())
            return QStringLiteral("schema script %1 is missing from the program").arg(kSchemaScripts.at(version));
        if (!db.transaction()) {
            noteBusy(db.lastError(), busy);
            return db.lastError().text();
        }
        QString error = runScript(db, script, busy);
        if (error.isEmpty())
            error = runScript(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1), busy);
        if (!error.isEmpty()) {
            db.rollback();
            return QStringLiteral("migration to schema version %1 failed: %2").arg(version + 1).arg(error);
        }
        if (!db.commit()) {
            noteBusy(db.lastError(), busy);
            return db.lastError().text();
        }
    }
    return {};
}

QString uniqueConnectionName(const char *purpose)
{
    static QAtomicInt counter;
    return QStringLiteral("planner-catalogue-%1-%2").arg(QLatin1String(purpose)).arg(counter.fetchAndAddRelaxed(1));
}

} // namespace planner
