#include "database/wholefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace planner {

QString writeWholeFile(const QString &path, const QByteArray &bytes, bool executable)
{
    QSaveFile file(path);
    // Unbuffered: the one write() meets a full disk itself and keeps the
    // system's message; a buffered flush inside commit() would lose it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return file.errorString();
    // A short write is not an error yet: the next one reports why (EFBIG, ENOSPC).
    for (qint64 written = 0; written < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0) {
            const QString reason = file.error() != QFileDevice::NoError
                                       ? file.errorString()
                                       : QStringLiteral("not every byte could be written (is the disk full?)");
            file.cancelWriting();
            return reason;
        }
        written += n;
    }
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
    if (!file.commit())
        return file.errorString();
    return {};
}

WholeFileRead readWholeFile(const QString &path, qint64 maxBytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    const auto failed = [&shown](const QString &reason) {
        return WholeFileRead{{}, QStringLiteral("cannot read %1: %2").arg(shown, reason), reason};
    };
    if (const QFileInfo info(path); info.exists() && !info.isFile())
        return failed(QStringLiteral("not a regular file (a folder, device or pipe); only files are read"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    // One byte past the bound tells a file that is too large, whatever its
    // size said when it was opened.
    QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failed(file.errorString());
    if (bytes.size() > maxBytes)
        return failed(
            QStringLiteral("larger than %1 MiB, more than this kind of file ever holds").arg(maxBytes / (1024 * 1024)));
    return {std::move(bytes), {}, {}};
}

QString setAsideName(const QString &path)
{
    const QString stem = path + QStringLiteral(".damaged-")
                         + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = stem;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = stem + QStringLiteral("-%1").arg(n);
    return aside;
}

} // namespace planner
