#pragma once
// The user's catalogue file before it is attached: checked, migrated and put
// in WAL mode (readers go on while another planner writes). A file another
// planner holds locked is busy and left alone; only a file that fails
// SQLite's check is damaged: it is set aside with its journal files, a fresh
// file is started, and every row SQLite can still read is copied into it.

#include <QString>
#include <QStringList>

namespace planner {

struct UserFileCheck {
    bool usable = false;
    QStringList warnings; // for the user; the shipped catalogue works either way
};

// tables: the catalogue's tables, whose rows a damaged file gives up.
UserFileCheck prepareUserFile(const QString &path, const QStringList &tables);

} // namespace planner
