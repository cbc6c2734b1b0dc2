#include "app/cli/listcommands.h"

#include "app/cli/clisupport.h"
#include "app/cli/deploymentoptions.h"
#include "core/memory/engineprofile.h"
#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "database/estimatejson.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace planner::cli {

namespace {

// Parses the only option a listing takes; returns whether --json was given.
bool parseListing(const QStringList &arguments, const QString &description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    parseCommand(parser, arguments);
    return parser.isSet(QStringLiteral("json"));
}

template <typename Item, typename ToJson>
QJsonArray toArray(const std::vector<Item> &items, ToJson toJson)
{
    QJsonArray array;
    for (const Item &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace

int runModels(const QStringList &arguments)
{
    if (parseListing(arguments, QStringLiteral("List the built-in model versions."))) {
        printJson(QJsonObject{{"models", toArray(builtinModels(), [](const ModelSpec &m) { return modelToJson(m); })}});
        return 0;
    }
    printLine(QStringLiteral("%1 %2 %3 %4")
                  .arg(QStringLiteral("ID"), -32)
                  .arg(QStringLiteral("FAMILY"), -16)
                  .arg(QStringLiteral("TOTAL PARAMS"), 18)
                  .arg(QStringLiteral("ACTIVE PARAMS"), 18));
    for (const ModelSpec &m : builtinModels()) {
        const ParameterBreakdown p = countParameters(m);
        printLine(QStringLiteral("%1 %2 %3 %4")
                      .arg(QString::fromStdString(m.id), -32)
                      .arg(QString::fromStdString(m.family), -16)
                      .arg(formatCount(static_cast<double>(p.total())), 18)
                      .arg(formatCount(static_cast<double>(p.active())), 18));
    }
    return 0;
}

int runFormats(const QStringList &arguments)
{
    if (parseListing(arguments, QStringLiteral("List the weight and KV-cache formats."))) {
        printJson(QJsonObject{
            {"weights", toArray(weightFormats(), [](const WeightFormat &f) { return weightFormatToJson(f); })},
            {"kv_cache", toArray(kvCacheFormats(), [](const KvCacheFormat &f) { return kvFormatToJson(f); })}});
        return 0;
    }
    printLine(QStringLiteral("Weight formats (--weights):"));
    for (const WeightFormat &f : weightFormats())
        printLine(QStringLiteral("  %1 %2").arg(QString::fromStdString(f.id), -16).arg(QString::fromStdString(f.name)));
    printLine(QStringLiteral("  (AWQ/GPTQ accept any group size: awq-int4-g64, gptq-int4-g256, ...)"));
    printLine(QStringLiteral("KV-cache formats (--kv):"));
    for (const KvCacheFormat &f : kvCacheFormats())
        printLine(QStringLiteral("  %1 %2").arg(QString::fromStdString(f.id), -16).arg(QString::fromStdString(f.name)));
    return 0;
}

int runEngines(const QStringList &arguments)
{
    if (parseListing(arguments, QStringLiteral("List the serving-engine profiles."))) {
        printJson(QJsonObject{
            {"engines", toArray(engineProfiles(), [](const EngineProfile &e) { return engineToJson(e); })}});
        return 0;
    }
    for (const EngineProfile &e : engineProfiles())
        printLine(QStringLiteral("%1 %2").arg(QString::fromStdString(e.id), -14).arg(QString::fromStdString(e.source)));
    return 0;
}

} // namespace planner::cli
