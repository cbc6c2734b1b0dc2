#pragma once
// Writing a file whole or not at all: through QSaveFile, so the file appears
// (or replaces an earlier one) only once every byte is on disk, and a full
// disk, a read-only folder or a crash mid-write leaves any earlier file
// intact. Plan files, exported tables and launch scripts all go through it.
// Reading one whole with a bound: only regular files (never a device or a
// pipe, which could stream forever or block), and never more than the bound.
// And where a damaged file is kept.

#include <QByteArray>
#include <QString>

namespace planner {

// Returns why the file could not be written (the system's reason, e.g. "No
// space left on device"), or an empty string once it is in place.
// `executable`: the owner, group and others may run it (a shell script).
QString writeWholeFile(const QString &path, const QByteArray &bytes, bool executable = false);

struct WholeFileRead {
    QByteArray bytes;
    QString error;  // why nothing was read, naming the file; empty on success
    QString reason; // the same without the file's name ("not a regular file …", "No such file or directory")
    bool ok() const { return error.isEmpty(); }
};

// The file's bytes when it is a regular file of at most maxBytes.
WholeFileRead readWholeFile(const QString &path, qint64 maxBytes);

// A free name beside `path` to keep a damaged file under:
// "<path>.damaged-<UTC time>", then -2, -3… so one never replaces another.
QString setAsideName(const QString &path);

} // namespace planner
