#include "app/cli/exportlaunchcommand.h"

#include "app/cli/clisupport.h"
#include "app/cli/planoptions.h"
#include "core/deploy/launchexport.h"
#include "database/planfile.h"
#include "database/wholefile.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace planner::cli {

namespace {

QString engineList()
{
    QStringList ids;
    for (const std::string &id : launchExportEngines())
        ids << QString::fromStdString(id);
    return ids.join(QLatin1Char('|'));
}

// --weights / --kv: the scenario's formats for this export only (the
// estimate is redone with them, as for --engine).
// (An unknown id is refused by the export's resolution, which names it.)
void overrideFormats(const QCommandLineParser &parser, DeploymentSettings &deployment)
{
    if (parser.isSet(QStringLiteral("weights")))
        deployment.weightFormat = parser.value(QStringLiteral("weights")).toStdString();
    if (parser.isSet(QStringLiteral("kv")))
        deployment.kvFormat = parser.value(QStringLiteral("kv")).toStdString();
}

QJsonArray toArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(QString::fromStdString(item));
    return array;
}

QJsonObject toJson(const Plan &plan, const LaunchExport &e)
{
    return QJsonObject{
        {"plan", QString::fromStdString(plan.name)},
        {"scenario", QString::fromStdString(e.scenarioName)},
        {"model", QString::fromStdString(e.modelId)},
        {"model_repo", QString::fromStdString(e.modelRepo)},
        {"engine", QString::fromStdString(e.engineId)},
        {"tensor_parallel", e.parallel.tensor},
        {"pipeline_parallel", e.parallel.pipeline},
        {"expert_parallel", e.parallel.expert},
        {"data_parallel_attention", e.parallel.dataParallelAttention},
        {"replicas", e.replicas},
        {"servers_per_replica", e.serversPerReplica},
        {"gpus_per_server", e.gpusPerServer},
        {"context_tokens", static_cast<qint64>(e.contextTokens)},
        {"sequences_per_replica", static_cast<qint64>(e.sequencesPerReplica)},
        {"offloaded_layers", e.offloadedLayers},
        {"command", toArray(e.command)},
        {"script", QString::fromStdString(e.script)},
        {"kubernetes", QString::fromStdString(e.kubernetesManifest)},
        {"notes", toArray(e.notes)},
    };
}

// To stdout, or atomically to a file (an earlier file stays intact on failure).
void writeOutput(const QByteArray &bytes, const QString &path, bool executable)
{
    if (path.isEmpty()) {
        printBytes(bytes);
        return;
    }
    if (const QString reason = writeWholeFile(path, bytes, executable); !reason.isEmpty())
        throw UsageError(QStringLiteral("cannot write %1: %2").arg(path, reason));
}

} // namespace

int runExportLaunch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Write the launch command that serves one model version of one scenario of PLAN, with the settings the "
            "planner estimated: tensor/pipeline/expert parallel sizes, copies, max model length, memory share, "
            "quantization and KV-cache type, sequences per copy (llama.cpp: GPU layers and tensor split). Prints a "
            "shell script, or with --kubernetes a Kubernetes manifest (Deployment or LeaderWorkerSet, GPU requests, "
            "/dev/shm, Service). Engines: %1.")
            .arg(engineList()));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("a plan file (*.llmplan)"));
    parser.addOptions({
        {QStringLiteral("scenario"), QStringLiteral("The scenario by name or number from 1 (default: the first)."),
         QStringLiteral("NAME|N")},
        {QStringLiteral("model"), QStringLiteral("The model version's id (default: the plan's first)."),
         QStringLiteral("ID")},
        {QStringLiteral("engine"), QStringLiteral("Serving engine: %1 (default: the scenario's).").arg(engineList()),
         QStringLiteral("ENGINE")},
        {QStringLiteral("weights"),
         QStringLiteral("Weight format instead of the scenario's (see 'formats'); re-estimated."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("kv"), QStringLiteral("KV-cache format instead of the scenario's; re-estimated."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("kubernetes"), QStringLiteral("Write the Kubernetes manifest instead of the shell script.")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write to FILE (atomically) instead of stdout."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON object: the settings, command, script and manifest.")},
    });
    parseOptions(parser, arguments);
    Plan plan = planArgument(parser, QStringLiteral("export-launch"));
    if (plan.scenarios.empty())
        throw UsageError(QStringLiteral("the plan has no scenarios to export"));
    const std::size_t scenario = parser.isSet(QStringLiteral("scenario"))
                                     ? scenarioIndex(plan, parser.value(QStringLiteral("scenario")))
                                     : 0;
    overrideFormats(parser, plan.scenarios[scenario].deployment);
    const LaunchExportResult result = exportLaunch(plan, scenario, parser.value(QStringLiteral("model")).toStdString(),
                                                   parser.value(QStringLiteral("engine")).toStdString());
    if (!result.ok())
        throw UsageError(QString::fromStdString(result.error));

    const LaunchExport &e = *result.launch;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool kubernetes = parser.isSet(QStringLiteral("kubernetes"));
    if (kubernetes && e.kubernetesManifest.empty())
        throw UsageError(QStringLiteral("no Kubernetes manifest for this scenario: it is a prefill/decode pair, which "
                                        "the shell script serves (roles prefill, decode and router)"));
    const QByteArray bytes = json ? QJsonDocument(toJson(plan, e)).toJson(QJsonDocument::Indented)
                                  : QByteArray::fromStdString(kubernetes ? e.kubernetesManifest : e.script);
    writeOutput(bytes, parser.value(QStringLiteral("output")), !json && !kubernetes);
    return 0;
}

} // namespace planner::cli
