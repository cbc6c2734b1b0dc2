#include "ui/format/coremessage.h"

#include <QCoreApplication>

namespace planner {

QString translated(const Message &message)
{
    const QString pattern = QCoreApplication::translate("Core", message.pattern.c_str());
    return QString::fromStdString(fillIn(pattern.toStdString(), message.args));
}

} // namespace planner
