#pragma once
// Writing a file whole or not at all: through QSaveFile, so the file appears
// (or replaces an earlier one) only once every byte is on disk, and a full
// disk, a read-only folder or a crash mid-write leaves any earlier file
// intact. Plan files, exported tables and launch scripts all go through it.

#include <QByteArray>
#include <QString>

namespace planner {

// Returns why the file could not be written (the system's reason, e.g. "No
// space left on device"), or an empty string once it is in place.
// `executable`: the owner, group and others may run it (a shell script).
QString writeWholeFile(const QString &path, const QByteArray &bytes, bool executable = false);

} // namespace planner
