#include "database/partfigures.h"

#include <cmath>

namespace planner {

QString partFigureProblem(const QVariantMap &row)
{
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        const QVariant &value = it.value();
        const int type = value.typeId();
        if (value.isNull() || type == QMetaType::QString || type == QMetaType::Bool)
            continue;
        bool isNumber = false;
        const double figure = value.toDouble(&isNumber);
        if (!isNumber)
            continue;
        if (!(figure >= 0 && figure <= kLargestPartFigure))
            return QStringLiteral("'%1' must be between 0 and %2, got %3")
                .arg(it.key(), QString::number(kLargestPartFigure, 'g', 3), QString::number(figure, 'g', 6));
    }
    return {};
}

} // namespace planner
