#include "database/localmodelstores.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace planner {

namespace {

const QString kHuggingFace = QStringLiteral("Hugging Face cache");
const QString kOllama = QStringLiteral("Ollama");
const QString kLmStudio = QStringLiteral("LM Studio");

// An Ollama manifest is a few hundred bytes; anything large is not one.
constexpr qint64 kMaxManifestBytes = 1024 * 1024;

bool isModelWeightsFile(const QFileInfo &file)
{
    // mmproj-*.gguf files are vision projectors that go with a model, not models.
    return file.suffix().compare(QLatin1String("gguf"), Qt::CaseInsensitive) == 0
           && !file.fileName().startsWith(QLatin1String("mmproj"), Qt::CaseInsensitive);
}

std::int64_t bytesOf(const QDir &folder, const QStringList &patterns)
{
    std::int64_t total = 0;
    for (const QFileInfo &file : folder.entryInfoList(patterns, QDir::Files))
        total += file.size(); // the hub cache links to its blobs; size follows the link
    return total;
}

// The snapshot refs/main points at when it holds a model, else the newest that does.
QString hubSnapshot(const QDir &repo)
{
    const QDir snapshots(repo.filePath(QStringLiteral("snapshots")));
    QFile ref(repo.filePath(QStringLiteral("refs/main")));
    if (ref.open(QIODevice::ReadOnly)) {
        const QString commit = QString::fromUtf8(ref.read(256)).trimmed();
        if (!commit.isEmpty() && !commit.contains(u'/') && snapshots.exists(commit))
            return snapshots.filePath(commit);
    }
    const QFileInfoList all = snapshots.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    return all.isEmpty() ? QString() : all.first().absoluteFilePath();
}

void scanHuggingFace(const ModelStore &store, std::vector<LocalModel> &out)
{
    for (const QFileInfo &entry : QDir(store.path).entryInfoList({QStringLiteral("models--*")}, QDir::Dirs)) {
        // models--<org>--<name>: the repo id with '/' written as "--".
        QString repo = entry.fileName().mid(int(qstrlen("models--")));
        if (const qsizetype slash = repo.indexOf(QLatin1String("--")); slash > 0)
            repo = repo.left(slash) + u'/' + repo.mid(slash + 2);
        const QString snapshot = hubSnapshot(QDir(entry.absoluteFilePath()));
        if (snapshot.isEmpty())
            continue;
        const QDir folder(snapshot);
        if (folder.exists(QStringLiteral("config.json")))
            out.push_back({store.name, repo, snapshot, QStringLiteral("config.json"),
                           bytesOf(folder, {QStringLiteral("*.safetensors")})});
        for (const QFileInfo &gguf : folder.entryInfoList({QStringLiteral("*.gguf")}, QDir::Files))
            if (isModelWeightsFile(gguf))
                out.push_back({store.name, repo + u'/' + gguf.fileName(), gguf.absoluteFilePath(),
                               QStringLiteral("gguf"), gguf.size()});
    }
}

// manifests/<registry>/<namespace>/<model>/<tag> -> "model:tag" for the
// default library, "namespace/model:tag" or "registry/namespace/model:tag".
QString ollamaName(const QStringList &parts)
{
    const QString model = parts.at(2) + u':' + parts.at(3);
    if (parts.at(0) == QLatin1String("registry.ollama.ai"))
        return parts.at(1) == QLatin1String("library") ? model : parts.at(1) + u'/' + model;
    return parts.at(0) + u'/' + parts.at(1) + u'/' + model;
}

void scanOllama(const ModelStore &store, std::vector<LocalModel> &out)
{
    const QDir root(store.path);
    const QDir manifests(root.filePath(QStringLiteral("manifests")));
    QDirIterator it(manifests.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QStringList parts = manifests.relativeFilePath(path).split(u'/');
        if (parts.size() != 4 || it.fileInfo().size() > kMaxManifestBytes)
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonArray layers =
            QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("layers")).toArray();
        for (const QJsonValue &layer : layers) {
            const QJsonObject l = layer.toObject();
            if (l.value(QLatin1String("mediaType")).toString() != QLatin1String("application/vnd.ollama.image.model"))
                continue;
            // Blobs are named sha256-<hex> for the digest sha256:<hex>.
            const QString digest = l.value(QLatin1String("digest")).toString().replace(u':', u'-');
            const QString blob = root.filePath(QStringLiteral("blobs/") + digest);
            if (digest.contains(u'/') || !QFileInfo::exists(blob))
                continue;
            out.push_back({store.name, ollamaName(parts), blob, QStringLiteral("gguf"),
                           l.value(QLatin1String("size")).toInteger(-1)});
        }
    }
}

void scanLmStudio(const ModelStore &store, std::vector<LocalModel> &out)
{
    const QDir root(store.path);
    for (const QFileInfo &publisher : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QFileInfo &repo :
             QDir(publisher.absoluteFilePath()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QDir folder(repo.absoluteFilePath());
            const QString name = publisher.fileName() + u'/' + repo.fileName();
            if (folder.exists(QStringLiteral("config.json"))) // MLX and safetensors downloads
                out.push_back({store.name, name, folder.absolutePath(), QStringLiteral("config.json"),
                               bytesOf(folder, {QStringLiteral("*.safetensors")})});
            for (const QFileInfo &gguf : folder.entryInfoList({QStringLiteral("*.gguf")}, QDir::Files))
                if (isModelWeightsFile(gguf))
                    out.push_back({store.name, name + u'/' + gguf.fileName(), gguf.absoluteFilePath(),
                                   QStringLiteral("gguf"), gguf.size()});
        }
    }
}

} // namespace

std::vector<ModelStore> modelStores(const QProcessEnvironment &environment)
{
    const QString home = environment.value(QStringLiteral("HOME"), QDir::homePath());
    const auto under = [&home](const char *relative) { return QDir(home).filePath(QLatin1String(relative)); };
    std::vector<ModelStore> stores;

    QString hub = environment.value(QStringLiteral("HF_HUB_CACHE"));
    if (hub.isEmpty() && environment.contains(QStringLiteral("HF_HOME")))
        hub = QDir(environment.value(QStringLiteral("HF_HOME"))).filePath(QStringLiteral("hub"));
    if (hub.isEmpty() && environment.contains(QStringLiteral("XDG_CACHE_HOME")))
        hub = QDir(environment.value(QStringLiteral("XDG_CACHE_HOME"))).filePath(QStringLiteral("huggingface/hub"));
    if (hub.isEmpty())
        hub = under(".cache/huggingface/hub");
    stores.push_back({kHuggingFace, hub});

    if (environment.contains(QStringLiteral("OLLAMA_MODELS"))) {
        stores.push_back({kOllama, environment.value(QStringLiteral("OLLAMA_MODELS"))});
    } else {
        stores.push_back({kOllama, under(".ollama/models")});
        stores.push_back({kOllama, QStringLiteral("/usr/share/ollama/.ollama/models")});
    }

    stores.push_back({kLmStudio, under(".lmstudio/models")});
    stores.push_back({kLmStudio, under(".cache/lm-studio/models")});
    return stores;
}

std::vector<LocalModel> scanModelStores(const std::vector<ModelStore> &stores)
{
    std::vector<LocalModel> found;
    for (const ModelStore &store : stores) {
        if (!QFileInfo(store.path).isDir())
            continue;
        std::vector<LocalModel> models;
        if (store.name == kHuggingFace)
            scanHuggingFace(store, models);
        else if (store.name == kOllama)
            scanOllama(store, models);
        else
            scanLmStudio(store, models);
        std::sort(models.begin(), models.end(),
                  [](const LocalModel &a, const LocalModel &b) { return a.name < b.name; });
        found.insert(found.end(), models.begin(), models.end());
    }
    return found;
}

} // namespace planner
