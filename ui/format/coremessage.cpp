#include "ui/format/coremessage.h"

#include <QCoreApplication>

namespace planner {

QString translated(const Message &message)
{
    const QString pattern = QCoreApplication::translate("Core", message.pattern.c_str());
    return QString::fromStdString(fillIn(pattern.toStdString(), message.args));
}

QString issueText(const TopologyIssue &issue)
{
    return issue.fallback.empty()
               ? translated(issue.message)
               : QStringLiteral("%1 — %2").arg(translated(issue.message), translated(issue.fallback));
}

} // namespace planner
