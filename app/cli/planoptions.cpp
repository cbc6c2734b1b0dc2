#include "app/cli/planoptions.h"

#include "app/cli/clisupport.h"
#include "database/planfile.h"

namespace planner::cli {

namespace {

QString scenarioList(const Plan &plan)
{
    QStringList names;
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
        names << QStringLiteral("%1 '%2'").arg(i + 1).arg(QString::fromStdString(plan.scenarios[i].name));
    return names.join(QStringLiteral(", "));
}

} // namespace

Plan planArgument(const QCommandLineParser &parser, const QString &command)
{
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("%1 needs exactly one PLAN file (*.llmplan)").arg(command));
    PlanFileResult read = readPlanFile(parser.positionalArguments().first());
    if (!read.ok())
        throw UsageError(read.error);
    return std::move(*read.plan);
}

std::size_t scenarioIndex(const Plan &plan, const QString &nameOrNumber)
{
    for (Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive})
        for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
            if (QString::fromStdString(plan.scenarios[i].name).compare(nameOrNumber, cs) == 0)
                return i;
    bool isNumber = false;
    const long long number = nameOrNumber.toLongLong(&isNumber);
    if (isNumber && number >= 1 && static_cast<unsigned long long>(number) <= plan.scenarios.size())
        return static_cast<std::size_t>(number - 1);
    throw UsageError(
        QStringLiteral("no scenario '%1' in the plan (its scenarios: %2)").arg(nameOrNumber, scenarioList(plan)));
}

} // namespace planner::cli
