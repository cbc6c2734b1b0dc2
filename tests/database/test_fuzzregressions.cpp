// Replays the fuzz targets' seed corpus (tests/fuzz/corpus/<target>/) and every
// input that once crashed a parser (tests/fuzz/regressions/<target>/) through
// the same checks the fuzz targets run (tests/fuzz/fuzzharness.h), so a fixed
// crash stays fixed without a clang fuzzing build. Each input must come back,
// either parsed or with a one-line error.
#include "fuzz/fuzzharness.h"
#include "fuzz/launchoracle.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace planner;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replays_data();
    void replays();
    void exportOracleSeesInjections();

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;
    std::unique_ptr<fuzz::ScratchFile> mSafetensors;
    std::unique_ptr<fuzz::ScratchFile> mGguf;
};

namespace {

const QString kFuzzDir = QStringLiteral(PLANNER_SOURCE_DIR "/tests/fuzz");
// Every fuzz target (tests/fuzz/CMakeLists.txt), by the name of its folders.
const QStringList kTargets = {QStringLiteral("plan"),  QStringLiteral("hfconfig"), QStringLiteral("safetensors"),
                              QStringLiteral("gguf"),  QStringLiteral("csv"),      QStringLiteral("catalogueimport"),
                              QStringLiteral("trace"), QStringLiteral("launch"),   QStringLiteral("measurements")};

} // namespace

void TestFuzzRegressions::initTestCase()
{
    QVERIFY(mDir.isValid());
    Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("user.sqlite")));
    QVERIFY2(opened.catalogue, qPrintable(opened.error));
    mCatalogue = std::move(opened.catalogue);
    mSafetensors = std::make_unique<fuzz::ScratchFile>(QStringLiteral(".safetensors"));
    mGguf = std::make_unique<fuzz::ScratchFile>(QStringLiteral(".gguf"));
}

void TestFuzzRegressions::replays_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    int corpusFiles = 0;
    for (const QString &target : kTargets) {
        for (const QString &kind : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
            const QDir dir(kFuzzDir + u'/' + kind + u'/' + target);
            const QStringList files = dir.entryList(QDir::Files, QDir::Name);
            if (kind == QLatin1String("corpus"))
                corpusFiles += int(files.size());
            for (const QString &file : files)
                QTest::newRow(qPrintable(kind + u'/' + target + u'/' + file)) << target << dir.filePath(file);
        }
    }
    QVERIFY2(corpusFiles > 0, qPrintable(QStringLiteral("no seed corpus under %1/corpus").arg(kFuzzDir)));
}

void TestFuzzRegressions::replays()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray bytes = file.readAll();

    fuzz::Outcome outcome;
    if (target == QLatin1String("plan"))
        outcome = fuzz::fuzzPlan(bytes);
    else if (target == QLatin1String("hfconfig"))
        outcome = fuzz::fuzzHfConfig(bytes);
    else if (target == QLatin1String("safetensors"))
        outcome = fuzz::fuzzSafetensors(*mSafetensors, bytes);
    else if (target == QLatin1String("gguf"))
        outcome = fuzz::fuzzGguf(*mGguf, bytes);
    else if (target == QLatin1String("csv"))
        outcome = fuzz::fuzzCsv(bytes);
    else if (target == QLatin1String("catalogueimport"))
        outcome = fuzz::fuzzCatalogueImport(*mCatalogue, bytes);
    else if (target == QLatin1String("trace"))
        outcome = fuzz::fuzzTrace(bytes);
    else if (target == QLatin1String("launch"))
        outcome = fuzz::fuzzLaunch(bytes);
    else if (target == QLatin1String("measurements"))
        outcome = fuzz::fuzzMeasurements(*mCatalogue, bytes);
    else
        QFAIL(qPrintable(QStringLiteral("unknown fuzz target %1").arg(target)));

    if (!outcome.ok) {
        QVERIFY2(!outcome.error.trimmed().isEmpty(), "a failed parse must say why");
        QVERIFY2(!outcome.error.contains(u'\n'), qPrintable(QStringLiteral("not one line: ") + outcome.error));
    }
}

// The export oracle's shapes tell a name kept as one word or value from one
// that adds a command, a substitution or a YAML document.
void TestFuzzRegressions::exportOracleSeesInjections()
{
    using fuzz::shellShape;
    using fuzz::yamlShape;
    const auto plain = shellShape("#!/bin/sh\n# plan x\nvllm serve x \\\n    --port 8000\n");
    QVERIFY(shellShape("#!/bin/sh\n# plan a\n# b ; c\nvllm serve 'a;b\nc' \\\n    --port 8000\n") == plain);
    QVERIFY(shellShape("#!/bin/sh\n# plan x\nvllm serve x\ntouch pwned \\\n    --port 8000\n") != plain);
    QVERIFY(shellShape("#!/bin/sh\n# plan x\nvllm serve \"$(touch pwned)\" \\\n    --port 8000\n") != plain);
    QVERIFY(shellShape("#!/bin/sh\n# plan x\nvllm serve x;id \\\n    --port 8000\n") != plain);
    const auto manifest = yamlShape("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n");
    QVERIFY(yamlShape("apiVersion: v1\nkind: Service\nmetadata:\n  name: \"a\\n---\\nkind: Pod\"\n") == manifest);
    QVERIFY(yamlShape("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\nkind: Pod\n") != manifest);
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "test_fuzzregressions.moc"
