// Finding models on disk: a Hugging Face hub cache, an Ollama store and an LM
// Studio folder laid out as those tools write them, filled with the
// repository's fixture config.json files and sample GGUF files; every path
// found imports.

#include "database/ggufheader.h"
#include "database/hfconfigimporter.h"
#include "database/localmodelstores.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace planner;

namespace {

QString fixture(const QString &relative)
{
    return QStringLiteral(PLANNER_FIXTURES "/") + relative;
}

// Small real GGUF files (tests/fuzz/make_corpus.py writes them).
QString ggufSample(const char *name)
{
    return QStringLiteral(PLANNER_SOURCE_DIR "/tests/fuzz/corpus/gguf/") + QLatin1String(name);
}

void copyTo(const QString &from, const QString &to)
{
    QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
    QVERIFY2(QFile::copy(from, to), qPrintable(to));
}

void write(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

const LocalModel *named(const std::vector<LocalModel> &models, const QString &name)
{
    for (const LocalModel &m : models)
        if (m.name == name)
            return &m;
    return nullptr;
}

} // namespace

class TestLocalModelStores : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(mHome.isValid());
        const QDir home(mHome.path());
        // Hugging Face hub cache: refs/main names the current snapshot; an older
        // one is ignored; a GGUF repo lists its model files but not its projector.
        const QString qwen = home.filePath(QStringLiteral(".cache/huggingface/hub/models--Qwen--Qwen3-8B"));
        write(qwen + QStringLiteral("/refs/main"), "abc123\n");
        copyTo(fixture(QStringLiteral("hf/Qwen3-8B/config.json")),
               qwen + QStringLiteral("/snapshots/abc123/config.json"));
        write(qwen + QStringLiteral("/snapshots/abc123/model.safetensors"), QByteArray(10, 'x'));
        copyTo(fixture(QStringLiteral("hf/Llama-3.1-8B/config.json")),
               qwen + QStringLiteral("/snapshots/old/config.json"));
        const QString gguf = home.filePath(QStringLiteral(".cache/huggingface/hub/models--unsloth--Qwen2-GGUF"));
        copyTo(ggufSample("tiny-qwen2.gguf"), gguf + QStringLiteral("/snapshots/s1/qwen2-q8_0.gguf"));
        copyTo(ggufSample("tiny-qwen2.gguf"), gguf + QStringLiteral("/snapshots/s1/mmproj-F16.gguf"));
        QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".cache/huggingface/hub/models--empty--repo"))));

        // Ollama: a manifest per tag names its GGUF blob by digest.
        const QString ollama = home.filePath(QStringLiteral(".ollama/models"));
        const QString digest = QStringLiteral("sha256:") + QString(64, u'a');
        copyTo(ggufSample("tiny-qwen2.gguf"), ollama + QStringLiteral("/blobs/sha256-") + QString(64, u'a'));
        const QByteArray manifest = QStringLiteral(R"({"schemaVersion": 2, "layers": [
            {"mediaType": "application/vnd.ollama.image.model", "digest": "%1", "size": 1234},
            {"mediaType": "application/vnd.ollama.image.template", "digest": "sha256:bbb", "size": 10}]})")
                                        .arg(digest)
                                        .toUtf8();
        write(ollama + QStringLiteral("/manifests/registry.ollama.ai/library/qwen2/0.5b"), manifest);
        write(ollama + QStringLiteral("/manifests/hf.co/someone/tiny-GGUF/latest"), manifest);

        // LM Studio: <publisher>/<repo>/ with GGUF files or an MLX folder.
        const QString lms = home.filePath(QStringLiteral(".lmstudio/models"));
        copyTo(ggufSample("tiny-llama.gguf"), lms + QStringLiteral("/lmstudio-community/Tiny-GGUF/tiny-Q4_K_M.gguf"));
        copyTo(fixture(QStringLiteral("hf/Qwen3-8B/config.json")),
               lms + QStringLiteral("/mlx-community/Qwen3-8B-4bit/config.json"));
    }

    void storesFollowTheEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), QStringLiteral("/home/u"));
        std::vector<ModelStore> stores = modelStores(env);
        QCOMPARE(stores.front().path, QStringLiteral("/home/u/.cache/huggingface/hub"));
        env.insert(QStringLiteral("HF_HOME"), QStringLiteral("/data/hf"));
        QCOMPARE(modelStores(env).front().path, QStringLiteral("/data/hf/hub"));
        env.insert(QStringLiteral("HF_HUB_CACHE"), QStringLiteral("/fast/hub"));
        QCOMPARE(modelStores(env).front().path, QStringLiteral("/fast/hub"));
        env.insert(QStringLiteral("OLLAMA_MODELS"), QStringLiteral("/srv/ollama"));
        stores = modelStores(env);
        const auto ollama = std::count_if(stores.begin(), stores.end(),
                                          [](const ModelStore &s) { return s.name == QLatin1String("Ollama"); });
        QCOMPARE(ollama, 1);
        QVERIFY(std::any_of(stores.begin(), stores.end(),
                            [](const ModelStore &s) { return s.path == QLatin1String("/srv/ollama"); }));
    }

    void findsEveryStoresModels()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), mHome.path());
        const std::vector<LocalModel> models = scanModelStores(modelStores(env));
        QStringList names;
        for (const LocalModel &m : models)
            names << m.store + QStringLiteral(" | ") + m.name;
        QCOMPARE(names, (QStringList{
                            QStringLiteral("Hugging Face cache | Qwen/Qwen3-8B"),
                            QStringLiteral("Hugging Face cache | unsloth/Qwen2-GGUF/qwen2-q8_0.gguf"),
                            QStringLiteral("Ollama | hf.co/someone/tiny-GGUF:latest"),
                            QStringLiteral("Ollama | qwen2:0.5b"),
                            QStringLiteral("LM Studio | lmstudio-community/Tiny-GGUF/tiny-Q4_K_M.gguf"),
                            QStringLiteral("LM Studio | mlx-community/Qwen3-8B-4bit"),
                        }));
        const LocalModel *qwen = named(models, QStringLiteral("Qwen/Qwen3-8B"));
        QVERIFY(qwen->path.endsWith(QLatin1String("/snapshots/abc123")));
        QCOMPARE(qwen->bytes, std::int64_t(10));
        QCOMPARE(named(models, QStringLiteral("qwen2:0.5b"))->bytes, std::int64_t(1234));
    }

    // What the scan offers is what the importers read.
    void everyFoundModelImports()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), mHome.path());
        for (const LocalModel &m : scanModelStores(modelStores(env))) {
            if (m.format == QLatin1String("gguf")) {
                const GgufResult gguf = readGgufHeader(m.path);
                QVERIFY2(gguf.ok(), qPrintable(m.path));
                QVERIFY2(modelSpecFromGguf(*gguf.header, m.path).ok(), qPrintable(m.path));
            } else {
                QVERIFY2(importHuggingFaceConfig(m.path).ok(), qPrintable(m.path));
            }
        }
    }

    void missingStoresFindNothing()
    {
        QCOMPARE(scanModelStores({{QStringLiteral("Ollama"), mHome.filePath(QStringLiteral("nowhere"))}}).size(),
                 size_t(0));
    }

private:
    QTemporaryDir mHome;
};

QTEST_GUILESS_MAIN(TestLocalModelStores)
#include "test_localmodelstores.moc"
