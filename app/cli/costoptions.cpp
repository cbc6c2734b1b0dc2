#include "app/cli/costoptions.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"

#include <cmath>

namespace planner::cli {

namespace {

// A non-negative number option (0 allowed for tariffs and shares).
double amount(const QCommandLineParser &parser, const char *name, double fallback)
{
    const QString option = QLatin1String(name);
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        throw UsageError(
            QStringLiteral("--%1 expects a non-negative number, got '%2'").arg(option, parser.value(option)));
    return value;
}

} // namespace

void addCostAssumptionOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("electricity"), QStringLiteral("Tariff, USD per kWh (default 0.0806, US industrial 2023)."),
         QStringLiteral("USD")},
        {QStringLiteral("pue"), QStringLiteral("Power usage effectiveness (default 1.58, industry average 2023)."),
         QStringLiteral("X")},
        {QStringLiteral("draw"), QStringLiteral("Average draw as a share of TDP (default 0.7)."), QStringLiteral("X")},
        {QStringLiteral("years"), QStringLiteral("Amortisation period in years (default 3)."), QStringLiteral("N")},
        {QStringLiteral("maintenance"), QStringLiteral("Yearly maintenance share of capital (default 0.10)."),
         QStringLiteral("X")},
        {QStringLiteral("colocation"), QStringLiteral("Colocation, USD per kW-month (default 0)."),
         QStringLiteral("USD")},
        {QStringLiteral("integration"), QStringLiteral("Integration cost per server, USD (default 0)."),
         QStringLiteral("USD")},
        {QStringLiteral("horizon"), QStringLiteral("Months to compare over (default 36)."), QStringLiteral("N")},
        {QStringLiteral("hours-per-month"), QStringLiteral("Hours a month the cloud fleet runs (default 730)."),
         QStringLiteral("N")},
    });
}

CostAssumptions assumptionsFrom(const QCommandLineParser &parser)
{
    CostAssumptions a;
    const auto set = [&](CostAssumption &field, const char *name) {
        if (parser.isSet(QLatin1String(name))) {
            field.value = amount(parser, name, field.value);
            field.source = "your setting";
        }
    };
    set(a.electricityUsdPerKwh, "electricity");
    set(a.pue, "pue");
    set(a.averageDrawShare, "draw");
    set(a.amortisationYears, "years");
    set(a.maintenanceSharePerYear, "maintenance");
    set(a.colocationUsdPerKwMonth, "colocation");
    set(a.integrationUsdPerServer, "integration");
    set(a.horizonMonths, "horizon");
    set(a.cloudHoursPerMonth, "hours-per-month");
    throwIfInvalid(validate(a));
    return a;
}

QJsonObject assumptionsToJson(const CostAssumptions &a)
{
    QJsonObject object;
    for (const auto &[key, member] : kCostAssumptionKeys)
        object.insert(QLatin1String(key), QJsonObject{{"value", (a.*member).value},
                                                      {"source", QString::fromStdString((a.*member).source)}});
    return object;
}

QString describeAssumptions(const CostAssumptions &a)
{
    return QStringLiteral("Assumptions: tariff %1 USD/kWh (%2), PUE %3 (%4), draw %5 of TDP, %6-year amortisation, "
                          "maintenance %7/year.")
        .arg(a.electricityUsdPerKwh.value)
        .arg(QString::fromStdString(a.electricityUsdPerKwh.source))
        .arg(a.pue.value)
        .arg(QString::fromStdString(a.pue.source))
        .arg(a.averageDrawShare.value)
        .arg(a.amortisationYears.value)
        .arg(a.maintenanceSharePerYear.value);
}

} // namespace planner::cli
