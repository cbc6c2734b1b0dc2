#pragma once
// SQL helpers shared by the catalogue and the user file's checks: scripts,
// the schema's migrations and the errors SQLite reports.

#include <QString>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace planner {

// SQLite's own text for a failed query, else Qt's.
QString sqlError(const QSqlQuery &query);

// SQLITE_BUSY or SQLITE_LOCKED: another connection holds the file, which is
// in use, not damaged.
bool isBusy(const QSqlError &error);

// Runs a script of ';'-terminated statements; whole-line "--" comments may
// hold any text, semicolons included. *busy tells whether a failure was a lock.
QString runScript(QSqlDatabase &db, const QString &script, bool *busy = nullptr);

// PRAGMA user_version, or -1 with the reason.
int userVersion(QSqlDatabase &db, QString *error, bool *busy = nullptr);

// The number of schema scripts this build knows (the user_version it writes).
int schemaScriptCount();

// Applies the scripts after `from`, each in its own transaction with its
// version bump, so a failure leaves the file at the last good version.
QString migrate(QSqlDatabase &db, int from, bool *busy = nullptr);

// A resource compiled into the program, as text (empty when missing).
QString readResource(const QString &path);

// A connection name no other catalogue connection uses.
QString uniqueConnectionName(const char *purpose);

} // namespace planner
