#pragma once
// A file's whole contents, for the tests that check a failed save kept them.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace planner::testsupport {

// Empty when the file cannot be read.
inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace planner::testsupport
