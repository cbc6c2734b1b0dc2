#include "database/wholefile.h"

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

} // namespace planner
