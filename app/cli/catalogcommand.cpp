#include "app/cli/catalogcommand.h"
#include "core/model/parametercount.h"

#include "app/cli/clisupport.h"
#include "database/catalogue.h"
#include "database/cataloguerows.h"
#include "database/estimatejson.h"
#include "database/localmodelstores.h"
#include "database/modelimport.h"
#include "database/wholefile.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcessEnvironment>

#include <algorithm>
#include <functional>
#include <map>

namespace planner::cli {

namespace {

// A stored value as people write it: 3.59, not 3.5900000000000003.
QString cellText(const QVariant &value)
{
    return value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'g', 12) : value.toString();
}

// Rows of text under the column names, each column padded to its widest cell.
void printTable(const QStringList &columns, const std::vector<QStringList> &cells)
{
    std::vector<qsizetype> widths;
    for (const QString &c : columns)
        widths.push_back(c.size());
    for (const QStringList &line : cells)
        for (size_t i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths[i], line.at(static_cast<qsizetype>(i)).size());
    const auto print = [&](const QStringList &line) {
        QString text;
        for (size_t i = 0; i < widths.size(); ++i)
            text += line.at(static_cast<qsizetype>(i)).leftJustified(widths[i] + 2);
        printLine(text.trimmed());
    };
    print(QStringList(columns).replaceInStrings(QLatin1String("_"), QLatin1String(" ")));
    for (const QStringList &line : cells)
        print(line);
}

QString originName(PartOrigin origin)
{
    switch (origin) {
    case PartOrigin::Shipped: return QStringLiteral("shipped");
    case PartOrigin::User: return QStringLiteral("user");
    case PartOrigin::UserShadowingShipped: return QStringLiteral("user-override");
    }
    return {};
}

template <typename Spec>
int listKind(const Catalogue &catalogue, const QString &filter, bool json, const QStringList &columns)
{
    if (json) {
        QJsonArray array;
        for (const ListedPart<Spec> &part : catalogue.listWithOrigins<Spec>(filter)) {
            QVariantMap row = CatalogueRows<Spec>::toRow(part.spec);
            row.insert(QStringLiteral("origin"), originName(part.origin));
            array.append(QJsonObject::fromVariantMap(row));
        }
        printJson(QJsonObject{{QLatin1String(CatalogueRows<Spec>::table), array}});
        return 0;
    }
    // The table reads the stored columns straight: 100,000 user rows list in
    // well under a second.
    const QStringList stored = columns.mid(0, columns.size() - 1); // all but "origin"
    std::vector<QStringList> cells;
    for (const ListedRow &row : catalogue.listColumns(QLatin1String(CatalogueRows<Spec>::table), stored, filter)) {
        QStringList line;
        for (const QVariant &value : row.values)
            line << cellText(value);
        line << originName(row.origin);
        cells.push_back(std::move(line));
    }
    printTable(columns, cells);
    return 0;
}

using Lister = std::function<int(const Catalogue &, const QString &, bool)>;

template <typename Spec>
Lister lister(QStringList columns)
{
    return [columns](const Catalogue &c, const QString &filter, bool json) {
        return listKind<Spec>(c, filter, json, columns);
    };
}

const std::map<QString, Lister> &listers()
{
    static const std::map<QString, Lister> kinds{
        {QStringLiteral("gpus"), lister<GpuSpec>({"id", "name", "memory_gb", "bandwidth_gbps", "bf16_tflops",
                                                  "fp8_tflops", "fp4_tflops", "tdp_w", "price_usd", "origin"})},
        {QStringLiteral("cpus"), lister<CpuSpec>({"id", "name", "cores", "memory_channels", "memory_bandwidth_gbps",
                                                  "pcie_lanes", "tdp_w", "price_usd", "origin"})},
        {QStringLiteral("memory"),
         lister<MemoryModuleSpec>({"id", "name", "type", "speed_mts", "capacity_gb", "price_usd", "origin"})},
        {QStringLiteral("storage"),
         lister<StorageSpec>({"id", "name", "interface", "capacity_tb", "read_gbps", "price_usd", "origin"})},
        {QStringLiteral("links"), lister<LinkSpec>({"id", "name", "kind", "bandwidth_gbps_per_direction", "latency_us",
                                                    "domain_gpus", "origin"})},
        {QStringLiteral("switches"),
         lister<SwitchSpec>({"id", "name", "kind", "ports", "port_gbps", "price_usd", "origin"})},
        {QStringLiteral("nics"),
         lister<NicSpec>({"id", "name", "link_id", "ports", "pcie_gen", "price_usd", "origin"})},
        {QStringLiteral("cables"),
         lister<CableSpec>({"id", "name", "kind", "link_kind", "port_gbps", "reach_m", "price_usd", "origin"})},
        {QStringLiteral("servers"), lister<ServerTemplate>({"id", "name", "gpu_id", "gpu_count", "cpu_id",
                                                            "gpu_link_id", "nic_link_id", "origin"})},
        {QStringLiteral("instances"),
         lister<CloudInstance>({"id", "provider", "gpu_id", "gpu_count", "region", "on_demand_usd_hr",
                                "reserved_3y_usd_hr", "price_date", "origin"})},
        {QStringLiteral("models"),
         lister<ModelSpec>({"id", "family", "name", "checkpoint_format", "num_layers", "max_context", "origin"})},
    };
    return kinds;
}

QString kindNames()
{
    QStringList names;
    for (const auto &[name, unused] : listers())
        names << name;
    return names.join(QLatin1Char('|'));
}

int exportTable(Catalogue &catalogue, const QStringList &positional, const QString &output)
{
    if (positional.size() != 2 || !Catalogue::tables().contains(positional.at(1)))
        throw UsageError(
            QStringLiteral("catalog export needs a table: %1").arg(Catalogue::tables().join(QLatin1Char('|'))));
    const QByteArray csv = catalogue.exportCsv(positional.at(1)).toUtf8();
    if (output.isEmpty()) {
        printBytes(csv);
        return 0;
    }
    if (const QString reason = writeWholeFile(output, csv); !reason.isEmpty())
        throw UsageError(QStringLiteral("cannot write %1: %2").arg(output, reason));
    return 0;
}

int importTable(Catalogue &catalogue, const QStringList &positional)
{
    if (positional.size() != 3 || !Catalogue::tables().contains(positional.at(1)))
        throw UsageError(QStringLiteral("catalog import needs a table (%1) and a CSV file")
                             .arg(Catalogue::tables().join(QLatin1Char('|'))));
    // 100,000 rows are about 20 MB; 512 MiB bounds a wrong file.
    const WholeFileRead csv = readWholeFile(positional.at(2), 512 * 1024 * 1024);
    if (!csv.ok())
        throw UsageError(csv.error);
    const CatalogueStatus status = catalogue.importCsv(positional.at(1), QString::fromUtf8(csv.bytes));
    if (!status.ok())
        throw UsageError(QStringLiteral("%1: %2 (nothing was imported)").arg(positional.at(2), status.error));
    printLine(QStringLiteral("imported %1 into your %2 table").arg(positional.at(2), positional.at(1)));
    return 0;
}

} // namespace

int runCatalog(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List catalogue parts: catalog %1 [--filter TEXT] [--json].\n"
                       "Share a price list: catalog export TABLE [-o FILE]; catalog import TABLE FILE.")
            .arg(kindNames()));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")},
        {QStringLiteral("filter"), QStringLiteral("Only parts whose id, name or vendor contains TEXT."),
         QStringLiteral("TEXT")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("Write the export to FILE."),
         QStringLiteral("FILE")},
    });
    parseOptions(parser, arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        throw UsageError(QStringLiteral("catalog needs a kind: %1, export or import").arg(kindNames()));

    Catalogue &c = catalogue();
    if (positional.first() == QLatin1String("export"))
        return exportTable(c, positional, parser.value(QStringLiteral("output")));
    if (positional.first() == QLatin1String("import"))
        return importTable(c, positional);
    const auto kind = listers().find(positional.first());
    if (kind == listers().end() || positional.size() != 1)
        throw UsageError(
            QStringLiteral("unknown catalogue kind '%1' (%2)").arg(positional.join(QLatin1Char(' ')), kindNames()));
    return kind->second(c, parser.value(QStringLiteral("filter")), parser.isSet(QStringLiteral("json")));
}

namespace {

// --scan: the models the Hugging Face cache, Ollama and LM Studio hold.
int printLocalModels(bool json)
{
    const std::vector<ModelStore> stores = modelStores(QProcessEnvironment::systemEnvironment());
    const std::vector<LocalModel> models = scanModelStores(stores);
    if (json) {
        QJsonArray storeList;
        for (const ModelStore &store : stores)
            storeList.append(
                QJsonObject{{"store", store.name}, {"path", store.path}, {"exists", QFileInfo(store.path).isDir()}});
        QJsonArray list;
        for (const LocalModel &m : models)
            list.append(QJsonObject{{"store", m.store},
                                    {"name", m.name},
                                    {"path", m.path},
                                    {"format", m.format},
                                    {"bytes", m.bytes >= 0 ? QJsonValue(static_cast<double>(m.bytes)) : QJsonValue()}});
        printJson(QJsonObject{{"stores", storeList}, {"models", list}});
        return 0;
    }
    for (const ModelStore &store : stores)
        printLine(QStringLiteral("%1: %2%3")
                      .arg(store.name, store.path,
                           QFileInfo(store.path).isDir() ? QString() : QStringLiteral(" (not present)")));
    if (models.empty()) {
        printLine(QStringLiteral("No models found."));
        return 0;
    }
    for (const LocalModel &m : models)
        printLine(QStringLiteral("  [%1] %2 (%3%4)\n      %5")
                      .arg(m.store, m.name, m.format,
                           m.bytes > 0 ? QStringLiteral(", ") + formatBytes(static_cast<double>(m.bytes)) : QString(),
                           m.path));
    printLine(QStringLiteral("Import one with: llm-planner-cli import-model PATH [--add]"));
    return 0;
}

// The checkpoint header's facts as the JSON output names them.
QJsonObject headerJson(const CheckpointHeaderFacts &facts)
{
    QJsonObject json{{"format", facts.format},
                     {"parameters", static_cast<double>(facts.parameters)},
                     {"tensor_bytes", static_cast<double>(facts.tensorBytes)}};
    if (facts.format == QLatin1String("gguf"))
        json.insert(QStringLiteral("bits_per_weight"), facts.bitsPerWeight);
    else
        json.insert(QStringLiteral("dominant_dtype"), QString::fromStdString(facts.dominantDtype));
    return json;
}

} // namespace

int runImportModel(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Read a model's architecture from a config.json, a model folder, a .safetensors file or index, or a GGUF "
        "file (headers only; no weights are read) and show its exact parameter count. --add stores it in your "
        "catalogue."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("path"),
                                 QStringLiteral("config.json, folder, .safetensors, index or .gguf"),
                                 QStringLiteral("[path]"));
    parser.addOptions({
        {QStringLiteral("add"), QStringLiteral("Add the model to your catalogue (replacing one with the same id).")},
        {QStringLiteral("family"), QStringLiteral("Family to file it under (default: its model type)."),
         QStringLiteral("NAME")},
        {QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")},
        {QStringLiteral("scan"), QStringLiteral("List the models in the Hugging Face cache, Ollama and LM Studio "
                                                "folders, with the path to import each by.")},
    });
    parseOptions(parser, arguments);
    if (parser.isSet(QStringLiteral("scan"))) {
        if (!parser.positionalArguments().isEmpty())
            throw UsageError(QStringLiteral("import-model --scan takes no PATH"));
        return printLocalModels(parser.isSet(QStringLiteral("json")));
    }
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("import-model needs exactly one PATH (or --scan)"));

    ModelImport imported = importModelFromPath(parser.positionalArguments().first());
    if (!imported.ok())
        throw UsageError(imported.error);
    ModelSpec &spec = *imported.spec;
    if (parser.isSet(QStringLiteral("family")))
        spec.family = parser.value(QStringLiteral("family")).toStdString();
    if (parser.isSet(QStringLiteral("add"))) {
        const CatalogueStatus status = catalogue().save(spec);
        if (!status.ok())
            throw UsageError(QStringLiteral("cannot add the model to your catalogue: %1").arg(status.error));
    }
    QJsonObject out = modelToJson(spec);
    const QJsonObject checkpoint = imported.header ? headerJson(*imported.header) : QJsonObject();
    if (!checkpoint.isEmpty())
        out.insert(QStringLiteral("checkpoint"), checkpoint);
    out.insert(QStringLiteral("added"), parser.isSet(QStringLiteral("add")));
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(out);
        return 0;
    }
    printLine(QStringLiteral("%1 (id %2, family %3)")
                  .arg(out.value(QStringLiteral("name")).toString(), out.value(QStringLiteral("id")).toString(),
                       out.value(QStringLiteral("family")).toString()));
    printLine(
        QStringLiteral("  architecture %1%2, %3; checkpoint format %4")
            .arg(out.value(QStringLiteral("attention")).toString(), spec.isMoe() ? QStringLiteral(" + MoE") : QString(),
                 QString::fromStdString(describeLayers(spec).text()), QString::fromStdString(spec.checkpointFormat)));
    printLine(QStringLiteral("  parameters: %1 total, %2 active per token")
                  .arg(formatCount(out.value(QStringLiteral("total_params")).toDouble()),
                       formatCount(out.value(QStringLiteral("active_params")).toDouble())));
    const ParameterBreakdown counted = countParameters(spec);
    QStringList besides;
    if (counted.mtp() > 0)
        besides << QStringLiteral("%1 in MTP modules").arg(formatCount(static_cast<double>(counted.mtp())));
    if (counted.vision > 0)
        besides << QStringLiteral("%1 in the image encoder").arg(formatCount(static_cast<double>(counted.vision)));
    if (!besides.isEmpty())
        printLine(
            QStringLiteral("  checkpoint: %1 parameters with %2")
                .arg(formatCount(static_cast<double>(counted.checkpoint())), besides.join(QStringLiteral(" and "))));
    if (imported.header)
        printLine(QStringLiteral("  the %1 header holds %2 parameters in %3")
                      .arg(imported.header->format, formatCount(static_cast<double>(imported.header->parameters)),
                           formatBytes(static_cast<double>(imported.header->tensorBytes))));
    if (parser.isSet(QStringLiteral("add")))
        printLine(QStringLiteral("added to your catalogue as '%1'").arg(out.value(QStringLiteral("id")).toString()));
    return 0;
}

} // namespace planner::cli
