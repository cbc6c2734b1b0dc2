#include "database/modelimport.h"

#include "database/ggufheader.h"
#include "database/hfconfigimporter.h"
#include "database/safetensorsheader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace planner {

namespace {

template <typename Error>
QString joinedMessages(const std::vector<Error> &errors)
{
    QStringList messages;
    for (const Error &error : errors)
        messages << error.message;
    return messages.join(QStringLiteral("; "));
}

bool holdsSafetensors(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return !QDir(path)
                    .entryList({QStringLiteral("*.safetensors"), QStringLiteral("*.safetensors.index.json")},
                               QDir::Files)
                    .isEmpty();
    return path.endsWith(QLatin1String(".safetensors")) || path.endsWith(QLatin1String(".safetensors.index.json"));
}

// Ollama keeps its GGUF files as blobs named by digest, without the extension.
bool startsWithGgufMagic(const QString &path)
{
    QFile file(path);
    return QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly) && file.read(4) == "GGUF";
}

ModelImport failed(const QString &path, const QString &why)
{
    return {std::nullopt, std::nullopt, QStringLiteral("cannot import %1: %2").arg(path, why)};
}

ModelImport importGgufFile(const QString &path)
{
    const GgufResult gguf = readGgufHeader(path);
    if (!gguf.ok())
        return failed(path, joinedMessages(gguf.errors));
    const ModelImportResult model = modelSpecFromGguf(*gguf.header, path);
    if (!model.ok())
        return failed(path, joinedMessages(model.errors));
    CheckpointHeaderFacts facts;
    facts.format = QStringLiteral("gguf");
    facts.parameters = gguf.header->parameters;
    facts.tensorBytes = gguf.header->tensorBytes;
    facts.bitsPerWeight = gguf.header->bitsPerWeight;
    return {*model.spec, facts, {}};
}

ModelImport importSafetensorsFiles(const QString &path)
{
    const CheckpointModelResult result = importSafetensorsModel(path);
    if (!result.checkpoint.ok())
        return failed(path, joinedMessages(result.checkpoint.errors));
    if (!result.config)
        return failed(path, QStringLiteral("the weights' header gives no architecture and there is no config.json "
                                           "beside it"));
    if (!result.config->ok())
        return failed(path, joinedMessages(result.config->errors));
    const CheckpointSummary &summary = *result.checkpoint.summary;
    CheckpointHeaderFacts facts;
    facts.format = QStringLiteral("safetensors");
    facts.parameters = summary.parameters;
    facts.tensorBytes = summary.tensorBytes;
    facts.dominantDtype = summary.dominantDtype;
    return {*result.spec(), facts, {}};
}

} // namespace

ModelImport importModelFromPath(const QString &path)
{
    if (path.isEmpty() || !QFileInfo::exists(path))
        return {std::nullopt, std::nullopt, QStringLiteral("no such file or folder: %1").arg(path)};
    if (path.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive) || startsWithGgufMagic(path))
        return importGgufFile(path);
    if (holdsSafetensors(path))
        return importSafetensorsFiles(path);
    const ModelImportResult config = importHuggingFaceConfig(path);
    if (!config.ok())
        return failed(path, joinedMessages(config.errors));
    return {*config.spec, std::nullopt, {}};
}

} // namespace planner
