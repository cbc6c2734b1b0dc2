#include "ui/format/coremessage.h"

#include <QCoreApplication>
#include <QStringList>

namespace planner {

QString translated(const Message &message)
{
    const QString pattern = QCoreApplication::translate("Core", message.pattern.c_str());
    return QString::fromStdString(fillIn(pattern.toStdString(), message.args));
}

QString translated(const LayerDescription &layers)
{
    QStringList kinds;
    for (const Message &kind : layers.kinds)
        kinds << translated(kind);
    if (kinds.isEmpty())
        return translated(layers.count);
    return QCoreApplication::translate("Core", "%1: %2")
        .arg(translated(layers.count), kinds.join(QCoreApplication::translate("Core", ", ")));
}

QString issueText(const TopologyIssue &issue)
{
    return issue.fallback.empty()
               ? translated(issue.message)
               : QStringLiteral("%1 — %2").arg(translated(issue.message), translated(issue.fallback));
}

} // namespace planner
