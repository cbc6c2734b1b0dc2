// llm-planner-cli end to end: JSON shapes, the README's examples, and one-line
// errors with a non-zero exit for bad input.

#include "support/clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using planner::testsupport::runCli;

class TestCli : public QObject
{
    Q_OBJECT

private:
    using Result = planner::testsupport::CliResult;

    // Every run sees a private data folder, so the user catalogue it opens is
    // the test's own.
    QTemporaryDir mDataHome;

    Result run(const QStringList &arguments) const { return planner::testsupport::runCli(mDataHome.path(), arguments); }

    QJsonObject runJson(const QStringList &arguments) const
    {
        const Result r = run(arguments);
        if (r.exitCode != 0)
            qWarning() << "exit" << r.exitCode << r.err;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning() << "not JSON:" << error.errorString() << r.out.left(200);
        return doc.object();
    }

    // A command line written as one string, split at spaces.
    static QStringList args(const QString &line) { return line.split(u' ', Qt::SkipEmptyParts); }

    // A CSV of `rows` GPUs named <prefix>-<n>, in `dir`; returns its path.
    static QString writeGpuCsv(const QTemporaryDir &dir, const char *prefix, int rows)
    {
        QByteArray csv = "id,name,memory_gb,bandwidth_gbps,source\n";
        for (int i = 0; i < rows; ++i)
            csv += QStringLiteral("%1-%2,Part %2,48,900,test quote\n").arg(QLatin1String(prefix)).arg(i).toUtf8();
        const QString path = dir.filePath(QLatin1String(prefix) + QStringLiteral(".csv"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(csv);
        return path;
    }

private slots:
    void modelsListsBuiltinVersionsWithExactCounts()
    {
        const QJsonObject o = runJson({QStringLiteral("models"), QStringLiteral("--json")});
        const QJsonArray models = o.value(QStringLiteral("models")).toArray();
        QVERIFY(models.size() >= 17);
        bool found = false;
        for (const QJsonValue &v : models) {
            const QJsonObject m = v.toObject();
            if (m.value(QStringLiteral("id")).toString() == QLatin1String("llama-3.1-8b")) {
                found = true;
                // Official total, Hugging Face meta-llama/Llama-3.1-8B safetensors metadata.
                QCOMPARE(m.value(QStringLiteral("total_params")).toInteger(), Q_INT64_C(8030261248));
            }
        }
        QVERIFY(found);
    }

    void fitJsonHasTheDocumentedFields()
    {
        const QJsonObject o = runJson({QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
                                       QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--json")});
        QVERIFY(o.value(QStringLiteral("model")).toObject().contains(QStringLiteral("total_params")));
        QVERIFY(o.value(QStringLiteral("model")).toObject().contains(QStringLiteral("active_params")));
        const QJsonObject perGpu = o.value(QStringLiteral("per_gpu")).toObject();
        for (const char *key :
             {"weights_bytes", "kv_cache_bytes", "activation_bytes", "overhead_bytes", "total_bytes", "capacity_bytes"})
            QVERIFY2(perGpu.contains(QLatin1String(key)), key);
        for (const char *key : {"fits", "max_concurrency", "max_context"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        // 8,030,261,248 BF16 parameters = 16,060,522,496 bytes (= the checkpoint's total_size).
        QCOMPARE(perGpu.value(QStringLiteral("weights_bytes")).toInteger(), Q_INT64_C(16060522496));
        const qint64 total = perGpu.value(QStringLiteral("total_bytes")).toInteger();
        const qint64 sum = perGpu.value(QStringLiteral("weights_bytes")).toInteger()
                           + perGpu.value(QStringLiteral("kv_cache_bytes")).toInteger()
                           + perGpu.value(QStringLiteral("activation_bytes")).toInteger()
                           + perGpu.value(QStringLiteral("overhead_bytes")).toInteger();
        QVERIFY2(qAbs(total - sum) <= 4, "total is the sum of its parts (up to rounding)");
        QVERIFY(o.value(QStringLiteral("fits")).toBool());
    }

    void readmeExamplesDeepSeekR1_data()
    {
        QTest::addColumn<QString>("gpu");
        QTest::addColumn<bool>("fits");
        // 671B FP8 weights are ~84 GB per GPU at TP 8: an H200 (141 GB) holds
        // them with room for KV cache, an H100 (80 GB) does not.
        QTest::newRow("8xH200") << QStringLiteral("h200") << true;
        QTest::newRow("8xH100") << QStringLiteral("h100-sxm") << false;
    }

    void readmeExamplesDeepSeekR1()
    {
        QFETCH(QString, gpu);
        QFETCH(bool, fits);
        const QJsonObject o = runJson({QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("deepseek-r1"),
                                       QStringLiteral("--gpu"), gpu, QStringLiteral("--gpus"), QStringLiteral("8"),
                                       QStringLiteral("--weights"), QStringLiteral("fp8-block"),
                                       QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("fits")).toBool(), fits);
        QCOMPARE(o.value(QStringLiteral("model")).toObject().value(QStringLiteral("total_params")).toInteger(),
                 Q_INT64_C(671026419200));
    }

    void trainingModesReportModelStates()
    {
        const QJsonObject o = runJson({QStringLiteral("fit"), QStringLiteral("--model"),
                                       QStringLiteral("deepseek-r1-distill-llama-8b"), QStringLiteral("--gpu"),
                                       QStringLiteral("a100-80gb"), QStringLiteral("--gpus"), QStringLiteral("8"),
                                       QStringLiteral("--mode"), QStringLiteral("full"), QStringLiteral("--zero"),
                                       QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("full"));
        const QJsonObject perGpu = o.value(QStringLiteral("per_gpu")).toObject();
        // ZeRO-3 over 8 ranks: 16 bytes x 8.03e9 parameters / 8.
        const double states = perGpu.value(QStringLiteral("weights_bytes")).toDouble()
                              + perGpu.value(QStringLiteral("gradients_bytes")).toDouble()
                              + perGpu.value(QStringLiteral("optimizer_bytes")).toDouble();
        QVERIFY2(qAbs(states - 16.0 * 8030261248.0 / 8) < 1e3, qPrintable(QString::number(states)));
    }

    void humanTableIsReadable()
    {
        const Result r = run({QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("qwen2.5-7b"),
                              QStringLiteral("--gpu"), QStringLiteral("rtx-4090"), QStringLiteral("--weights"),
                              QStringLiteral("awq-int4-g128")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Weights"));
        QVERIFY(r.out.contains("GiB"));
        QVERIFY(r.out.contains("Fits: yes"));
    }

    void badInputFailsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList base{QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
                               QStringLiteral("--gpu"), QStringLiteral("h100-sxm")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command");
        QTest::newRow("unknown model") << QStringList{
            QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("gpt-9"), QStringLiteral("--gpu"),
            QStringLiteral("h100-sxm")} << QStringLiteral("unknown model 'gpt-9'");
        QTest::newRow("unknown gpu") << QStringList{
            QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"),
            QStringLiteral("tpu")} << QStringLiteral("unknown gpu 'tpu'");
        QTest::newRow("unknown catalogue kind") << QStringList{QStringLiteral("catalog"), QStringLiteral("spaceships")}
                                                << QStringLiteral("unknown catalogue kind 'spaceships'");
        QTest::newRow("perf with zero output")
            << QStringList{QStringLiteral("perf"),  QStringLiteral("--model"),  QStringLiteral("llama-3.1-8b"),
                           QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--output-len"),
                           QStringLiteral("0")}
            << QStringLiteral("--output-len expects a positive integer");
        QTest::newRow("import-model missing file")
            << QStringList{QStringLiteral("import-model"), QStringLiteral("/no/such/model.gguf")}
            << QStringLiteral("no such file or folder");
        QTest::newRow("zero gpus") << (base + QStringList{QStringLiteral("--gpus"), QStringLiteral("0")})
                                   << QStringLiteral("--gpus expects a positive integer");
        QTest::newRow("negative context") << (base + QStringList{QStringLiteral("--context"), QStringLiteral("-5")})
                                          << QStringLiteral("--context expects a positive integer");
        QTest::newRow("context above model maximum")
            << (base + QStringList{QStringLiteral("--context"), QStringLiteral("999999")})
            << QStringLiteral("exceeds the model's maximum");
        QTest::newRow("tp does not divide") << (base
                                                + QStringList{QStringLiteral("--gpus"), QStringLiteral("3"),
                                                              QStringLiteral("--tp"), QStringLiteral("2")})
                                            << QStringLiteral("must divide the number of GPUs");
        QTest::newRow("unknown weights") << (base + QStringList{QStringLiteral("--weights"), QStringLiteral("int3")})
                                         << QStringLiteral("unknown weights 'int3'");
        QTest::newRow("unknown mode") << (base + QStringList{QStringLiteral("--mode"), QStringLiteral("dream")})
                                      << QStringLiteral("unknown --mode 'dream'");
        QTest::newRow("missing gpu") << QStringList{QStringLiteral("fit"), QStringLiteral("--model"),
                                                    QStringLiteral("llama-3.1-8b")}
                                     << QStringLiteral("needs --gpu");
        const QStringList onCpu{QStringLiteral("fit"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
                                QStringLiteral("--cpu"), QStringLiteral("ryzen-9-9950x")};
        QTest::newRow("cpu without memory") << onCpu << QStringLiteral("--cpu needs --memory-gb N");
        QTest::newRow("cpu and gpu") << (onCpu + QStringList{QStringLiteral("--gpu"), QStringLiteral("h100-sxm")})
                                     << QStringLiteral("--cpu and --gpu exclude each other");
        QTest::newRow("unknown cpu") << QStringList{
            QStringLiteral("fit"),   QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
            QStringLiteral("--cpu"), QStringLiteral("z80"),     QStringLiteral("--memory-gb"),
            QStringLiteral("64")} << QStringLiteral("unknown cpu 'z80'");
        QTest::newRow("cpu with vllm") << (onCpu
                                           + QStringList{QStringLiteral("--memory-gb"), QStringLiteral("64"),
                                                         QStringLiteral("--engine"), QStringLiteral("vllm")})
                                       << QStringLiteral("vLLM needs a GPU");
        const QString perf = QStringLiteral("perf --model llama-3.1-70b --gpu h100-sxm --gpus 4 --weights fp8 ");
        QTest::newRow("pool layout without pool")
            << args(perf + QStringLiteral("--prefill-tp 2")) << QStringLiteral("give its size with --prefill-gpus N");
        QTest::newRow("pool with a prefill phase") << args(perf + QStringLiteral("--prefill-gpus 2 --phase prefill"))
                                                   << QStringLiteral("--phase can only be decode");
        QTest::newRow("pool too small") << args(perf + QStringLiteral("--prefill-gpus 1 --input-len 100000"))
                                        << QStringLiteral("prefill pool does not fit");
        QTest::newRow("pool layout impossible")
            << args(perf + QStringLiteral("--prefill-gpus 3 --prefill-tp 2")) << QStringLiteral("prefill pool:");
        QTest::newRow("unknown phase") << args(perf + QStringLiteral("--phase both-ways"))
                                       << QStringLiteral("--phase expects both, prefill or decode");
        QTest::newRow("prefix hit of 1") << args(perf + QStringLiteral("--prefix-hit 1"))
                                         << QStringLiteral("--prefix-hit expects a share");
        QTest::newRow("malformed config") << QStringList{QStringLiteral("fit"), QStringLiteral("--model"),
                                                         QStringLiteral(PLANNER_FIXTURES "/hf/invalid/malformed.json"),
                                                         QStringLiteral("--gpu"), QStringLiteral("h100-sxm")}
                                          << QStringLiteral("cannot import");
    }

    // A CPU and its RAM as the device: llama.cpp by default, decode bound by
    // the DDR bandwidth (the figures themselves: tests/core/test_currenthardware).
    void perfOnACpu()
    {
        const Result r = run({QStringLiteral("perf"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
                              QStringLiteral("--cpu"), QStringLiteral("ryzen-9-9950x"), QStringLiteral("--memory-gb"),
                              QStringLiteral("64"), QStringLiteral("--weights"), QStringLiteral("q4_k_m")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("AMD Ryzen 9 9950X") && r.out.contains("llama.cpp"), r.out.constData());
        QVERIFY(r.out.contains("memory-bound decode"));
    }

    void badInputFailsWithOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result r = run(arguments);
        QVERIFY2(r.exitCode != 0, r.out.constData());
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);
        QVERIFY(r.out.isEmpty());
    }

    void importsAConfigJsonFolder()
    {
        const QJsonObject o = runJson({QStringLiteral("fit"), QStringLiteral("--model"),
                                       QStringLiteral(PLANNER_FIXTURES "/hf/Llama-3.1-8B"), QStringLiteral("--gpu"),
                                       QStringLiteral("l40s"), QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("model")).toObject().value(QStringLiteral("total_params")).toInteger(),
                 Q_INT64_C(8030261248));
    }

    void catalogListsPartsWithSources()
    {
        const QJsonObject o = runJson({QStringLiteral("catalog"), QStringLiteral("gpus"), QStringLiteral("--json")});
        const QJsonArray gpus = o.value(QStringLiteral("gpu")).toArray();
        QVERIFY(gpus.size() >= 25);
        for (const QJsonValue &g : gpus)
            QVERIFY(!g.toObject().value(QStringLiteral("source")).toString().isEmpty());
        const QJsonObject aws = runJson({QStringLiteral("catalog"), QStringLiteral("instances"),
                                         QStringLiteral("--filter"), QStringLiteral("aws"), QStringLiteral("--json")});
        const QJsonArray instances = aws.value(QStringLiteral("instance")).toArray();
        QVERIFY(!instances.isEmpty());
        for (const QJsonValue &i : instances)
            QCOMPARE(i.toObject().value(QStringLiteral("provider")).toString(), QStringLiteral("AWS"));
    }

    void catalogCsvRoundTripAndBadRows()
    {
        const QString csvPath = mDataHome.filePath(QStringLiteral("prices.csv"));
        QCOMPARE(run({QStringLiteral("catalog"), QStringLiteral("export"), QStringLiteral("gpu"), QStringLiteral("-o"),
                      csvPath})
                     .exitCode,
                 0);
        const Result imported = run(
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), csvPath});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains("imported"));

        const QString badPath = mDataHome.filePath(QStringLiteral("bad.csv"));
        QFile bad(badPath);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("id,name,memory_gb,bandwidth_gbps,source\nok-1,Fine,80,2000,quote\nbad-2,Broken,lots,2000,quote\n");
        bad.close();
        const Result refused = run(
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), badPath});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("line 3") && refused.err.contains("nothing was imported"),
                 refused.err.constData());
        QVERIFY(!run({QStringLiteral("catalog"), QStringLiteral("gpus"), QStringLiteral("--filter"),
                      QStringLiteral("ok-1")})
                     .out.contains("ok-1"));
    }

    // A planner reading the catalogue while another imports a large price
    // list into it waits for nothing and loses nothing: WAL lets the reader
    // see the last committed state, and a lock is never taken for damage.
    void readingDuringALargeImportLosesNothing()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QVERIFY(runCli(home.path(), {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"),
                                     writeGpuCsv(home, "before", 1)})
                    .exitCode
                == 0);
        constexpr int kRows = 50'000;
        QProcess importer;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        importer.setProcessEnvironment(environment);
        importer.start(QStringLiteral(PLANNER_CLI), {QStringLiteral("catalog"), QStringLiteral("import"),
                                                     QStringLiteral("gpu"), writeGpuCsv(home, "bulk", kRows)});
        QVERIFY(importer.waitForStarted());
        int reads = 0;
        do {
            const Result listed = runCli(home.path(), {QStringLiteral("catalog"), QStringLiteral("gpus"),
                                                       QStringLiteral("--filter"), QStringLiteral("before-")});
            QVERIFY2(listed.exitCode == 0 && listed.err.isEmpty(), listed.err.constData());
            QVERIFY(listed.out.contains("before-0"));
            ++reads;
        } while (!importer.waitForFinished(10) && reads < 1000);
        QVERIFY2(importer.exitCode() == 0, importer.readAllStandardError().constData());
        qInfo("%d reads while %d rows were imported", reads, kRows);
        const QStringList files = QDir(home.filePath(QStringLiteral("llm-planner"))).entryList(QDir::Files);
        QVERIFY2(files.filter(QStringLiteral("damaged")).isEmpty(), qPrintable(files.join(u' ')));
        const Result all = runCli(home.path(), {QStringLiteral("catalog"), QStringLiteral("gpus"),
                                                QStringLiteral("--filter"), QStringLiteral("bulk-")});
        QCOMPARE(all.out.count('\n'), kRows + 1); // a header line, then every row
    }

    void twoProcessesWriteOneCatalogue()
    {
        // Two planners saving to the same user catalogue at once: SQLite's
        // locking (WAL, busy timeout) must serialise them without loss.
        QList<QProcess *> processes;
        for (const char *prefix : {"alpha", "beta"}) {
            QString csv = QStringLiteral("id,name,memory_gb,bandwidth_gbps,source\n");
            for (int i = 0; i < 30; ++i)
                csv += QStringLiteral("%1-%2,Part %2,48,900,test quote\n").arg(QLatin1String(prefix)).arg(i);
            const QString path = mDataHome.filePath(QLatin1String(prefix) + QStringLiteral(".csv"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv.toUtf8());
            file.close();
            auto *process = new QProcess(this);
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("XDG_DATA_HOME"), mDataHome.path());
            process->setProcessEnvironment(environment);
            process->start(QStringLiteral(PLANNER_CLI),
                           {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), path});
            processes << process;
        }
        for (QProcess *process : processes) {
            QVERIFY(process->waitForFinished(30000 * planner::testsupport::kTimeScale));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        for (const char *prefix : {"alpha-", "beta-"}) {
            const QJsonObject o = runJson({QStringLiteral("catalog"), QStringLiteral("gpus"),
                                           QStringLiteral("--filter"), QLatin1String(prefix),
                                           QStringLiteral("--json")});
            QCOMPARE(o.value(QStringLiteral("gpu")).toArray().size(), 30);
        }
        qDeleteAll(processes);
    }

    void importedModelIsUsableByFit()
    {
        const Result added = run({QStringLiteral("import-model"),
                                  QStringLiteral(PLANNER_FIXTURES "/hf/DeepSeek-R1-Distill-Qwen-1.5B"),
                                  QStringLiteral("--add"), QStringLiteral("--family"), QStringLiteral("Our models")});
        QCOMPARE(added.exitCode, 0);
        const QJsonObject models = runJson({QStringLiteral("catalog"), QStringLiteral("models"),
                                            QStringLiteral("--filter"), QStringLiteral("our models"),
                                            QStringLiteral("--json")});
        const QJsonArray rows = models.value(QStringLiteral("model")).toArray();
        QCOMPARE(rows.size(), 1);
        const QString id = rows.first().toObject().value(QStringLiteral("id")).toString();
        const QJsonObject fit = runJson({QStringLiteral("fit"), QStringLiteral("--model"), id, QStringLiteral("--gpu"),
                                         QStringLiteral("rtx-3060-12gb"), QStringLiteral("--json")});
        // Official total of DeepSeek-R1-Distill-Qwen-1.5B (untied embeddings): 1,777,088,000.
        QCOMPARE(fit.value(QStringLiteral("model")).toObject().value(QStringLiteral("total_params")).toInteger(),
                 Q_INT64_C(1777088000));
    }

    // A Gemma 4 config describes its layers and encoder, survives the user
    // catalogue (per-kind heads and expert block included: the count is the
    // checkpoint's) and is sized from there.
    void importedGemma4KeepsItsLayers()
    {
        const Result shown = run({QStringLiteral("import-model"),
                                  QStringLiteral(PLANNER_FIXTURES "/hf/gemma-4-26B-A4B"), QStringLiteral("--add")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains("30 layers: 25 sliding-window (1024 tokens), 5 full"), shown.out.constData());
        QVERIFY2(shown.out.contains("25,805,936,206"), shown.out.constData());
        const QJsonObject fit = runJson({QStringLiteral("fit"), QStringLiteral("--model"),
                                         QStringLiteral("gemma-4-26b-a4b"), QStringLiteral("--gpu"),
                                         QStringLiteral("h100-sxm"), QStringLiteral("--json")});
        const QJsonObject model = fit.value(QStringLiteral("model")).toObject();
        QCOMPARE(model.value(QStringLiteral("total_params")).toInteger(), Q_INT64_C(25'233'141'790));
        QCOMPARE(model.value(QStringLiteral("active_params")).toInteger(), Q_INT64_C(3'822'530'590));
    }

    // An encoder answers in requests per second, batch by batch; options that
    // only mean something for generation are refused by name.
    void encoderSpeedIsBatchByBatch()
    {
        const QJsonObject perf = runJson(
            {QStringLiteral("perf"), QStringLiteral("--model"), QStringLiteral("bert-base-uncased"),
             QStringLiteral("--gpu"), QStringLiteral("t4"), QStringLiteral("--gpus"), QStringLiteral("2"),
             QStringLiteral("--engine"), QStringLiteral("tensorrt-llm"), QStringLiteral("--weights"),
             QStringLiteral("fp16"), QStringLiteral("--json")});
        QCOMPARE(perf.value(QStringLiteral("replicas")).toInt(), 2);
        const QJsonArray batches = perf.value(QStringLiteral("batches")).toArray();
        QCOMPARE(batches.size(), 8); // 1, 2, 4, ... 128
        const QJsonObject eight = batches.at(3).toObject();
        QCOMPARE(eight.value(QStringLiteral("batch")).toInt(), 8);
        // NVIDIA's TensorRT table: 8.30 ms per pass of 8 on one T4 (964/s each).
        QVERIFY(std::fabs(eight.value(QStringLiteral("latency_s")).toDouble() / 0.0083 - 1) < 0.15);
        const Result refused = run({QStringLiteral("perf"), QStringLiteral("--model"),
                                    QStringLiteral("bert-base-uncased"), QStringLiteral("--gpu"), QStringLiteral("t4"),
                                    QStringLiteral("--output-len"), QStringLiteral("16")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("encoder-only"), refused.err.constData());
    }

    void damagedUserCatalogueWarnsAndCarriesOn()
    {
        QTemporaryDir home;
        QDir(home.path()).mkpath(QStringLiteral("llm-planner"));
        QFile damaged(home.filePath(QStringLiteral("llm-planner/catalogue.sqlite")));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(4096, 'x'));
        damaged.close();
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLANNER_CLI), {QStringLiteral("catalog"), QStringLiteral("gpus")});
        QVERIFY(process.waitForFinished(30000 * planner::testsupport::kTimeScale));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("warning") && err.contains("kept as"), err.constData());
        QVERIFY(process.readAllStandardOutput().contains("h100-sxm"));
    }

    // import-model --scan lists an Ollama store's tags with their blob paths,
    // and a blob (a GGUF file without the extension) imports by its magic.
    void scanFindsOllamaBlobsThatImport()
    {
        QTemporaryDir home;
        const QDir store(home.filePath(QStringLiteral("ollama")));
        const QString blob = store.filePath(QStringLiteral("blobs/sha256-") + QString(64, u'c'));
        QVERIFY(store.mkpath(QStringLiteral("blobs")));
        QVERIFY(QFile::copy(QStringLiteral(PLANNER_SOURCE_DIR "/tests/fuzz/corpus/gguf/tiny-qwen2.gguf"), blob));
        QVERIFY(store.mkpath(QStringLiteral("manifests/registry.ollama.ai/library/qwen2")));
        QFile manifest(store.filePath(QStringLiteral("manifests/registry.ollama.ai/library/qwen2/0.5b")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(QStringLiteral(R"({"layers": [{"mediaType": "application/vnd.ollama.image.model",
                                          "digest": "sha256:%1", "size": 352}]})")
                           .arg(QString(64, u'c'))
                           .toUtf8());
        manifest.close();

        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), mDataHome.path());
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("OLLAMA_MODELS"), store.path());
        environment.remove(QStringLiteral("HF_HOME"));
        environment.remove(QStringLiteral("HF_HUB_CACHE"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLANNER_CLI),
                      {QStringLiteral("import-model"), QStringLiteral("--scan"), QStringLiteral("--json")});
        QVERIFY(process.waitForFinished(30000 * planner::testsupport::kTimeScale));
        QCOMPARE(process.exitCode(), 0);
        const QJsonArray models =
            QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), 1);
        const QJsonObject found = models.first().toObject();
        QCOMPARE(found.value(QStringLiteral("name")).toString(), QStringLiteral("qwen2:0.5b"));
        QCOMPARE(found.value(QStringLiteral("path")).toString(), blob);

        const QJsonObject imported = runJson(
            {QStringLiteral("import-model"), found.value(QStringLiteral("path")).toString(), QStringLiteral("--json")});
        QVERIFY(imported.value(QStringLiteral("total_params")).toDouble() > 0);
        QCOMPARE(imported.value(QStringLiteral("checkpoint")).toObject().value(QStringLiteral("format")).toString(),
                 QStringLiteral("gguf"));
    }

    void perfJsonHasTheDocumentedFields()
    {
        const QJsonObject o = runJson(
            {QStringLiteral("perf"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"),
             QStringLiteral("h100-sxm"), QStringLiteral("--input-len"), QStringLiteral("2000"),
             QStringLiteral("--output-len"), QStringLiteral("500"), QStringLiteral("--concurrency"),
             QStringLiteral("8"), QStringLiteral("--curve"), QStringLiteral("--json")});
        for (const char *key : {"ttft_s", "tpot_s", "output_tokens_per_s", "input_tokens_per_s"}) {
            QVERIFY2(o.value(QLatin1String(key)).toDouble() > 0, key);
            QVERIFY2(o.value(QLatin1String(key) + QStringLiteral("_low")).toDouble()
                         <= o.value(QLatin1String(key) + QStringLiteral("_high")).toDouble(),
                     key);
        }
        QCOMPARE(o.value(QStringLiteral("bound")).toString(), QStringLiteral("memory"));
        QVERIFY(o.value(QStringLiteral("curve")).toArray().size() >= 2);
        const Result notFitting = run({QStringLiteral("perf"), QStringLiteral("--model"), QStringLiteral("deepseek-r1"),
                                       QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--gpus"),
                                       QStringLiteral("8")});
        QCOMPARE(notFitting.exitCode, 2);
        QVERIFY(notFitting.err.contains("does not fit"));
        QVERIFY(!notFitting.out.contains("nan") && !notFitting.out.contains("inf"));
    }

    // A prefill pool beside the decoding GPUs, one side alone, a prefix cache.
    void perfServesDisaggregatedAndFromACache()
    {
        const QString base = QStringLiteral("perf --model llama-3.1-70b --gpu h100-sxm --gpus 4 --weights fp8 "
                                            "--input-len 2000 --output-len 200 --concurrency 64 --json");
        const QJsonObject colocated = runJson(args(base));
        const QJsonObject paired = runJson(args(base + QStringLiteral(" --prefill-gpus 4")));
        QCOMPARE(paired.value(QStringLiteral("phase")).toString(), QStringLiteral("decode"));
        const QJsonObject pool = paired.value(QStringLiteral("prefill_pool")).toObject();
        QCOMPARE(pool.value(QStringLiteral("gpus")).toInt(), 4);
        QVERIFY(pool.value(QStringLiteral("kv_transfer_s")).toDouble() > 0);
        // No prompt shares a decode step any more.
        QVERIFY(paired.value(QStringLiteral("tpot_s")).toDouble()
                < colocated.value(QStringLiteral("tpot_s")).toDouble());
        const QJsonObject prefill = runJson(args(base + QStringLiteral(" --phase prefill")));
        QVERIFY(prefill.value(QStringLiteral("tpot_s")).isNull());
        QVERIFY(prefill.value(QStringLiteral("requests_per_s")).toDouble() > 0);
        const QJsonObject cached = runJson(args(base + QStringLiteral(" --prefix-hit 0.5")));
        QCOMPARE(cached.value(QStringLiteral("prefix_hit")).toDouble(), 0.5);
        QVERIFY(cached.value(QStringLiteral("ttft_s")).toDouble()
                < colocated.value(QStringLiteral("ttft_s")).toDouble());
        const Result human = run(args(base.chopped(7) + QStringLiteral(" --prefill-gpus 4")));
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("a prefill pool of 4 GPUs"), human.out.constData());
        const Result simulated = run(args(QStringLiteral("simulate --model llama-3.1-70b --gpu h100-sxm --gpus 4 "
                                                         "--weights fp8 --qps 2 --requests 100 --prefill-gpus 4 "
                                                         "--prefix-hit 0.5")));
        QCOMPARE(simulated.exitCode, 0);
        QVERIFY2(simulated.out.contains("a prefill pool of 4 GPUs") && simulated.out.contains("Prefix cache: 50 %"),
                 simulated.out.constData());
    }

    void trainJsonHasTheDocumentedFields()
    {
        // Story: continued pre-training of a 33B model on 8-GPU A100 servers over HDR InfiniBand.
        const QStringList base{QStringLiteral("train"),
                               QStringLiteral("--model"),
                               QStringLiteral("deepseek-coder-33b"),
                               QStringLiteral("--gpu"),
                               QStringLiteral("a100-80gb"),
                               QStringLiteral("--gpus"),
                               QStringLiteral("64"),
                               QStringLiteral("--tp"),
                               QStringLiteral("8"),
                               QStringLiteral("--tokens"),
                               QStringLiteral("1e12"),
                               QStringLiteral("--global-batch"),
                               QStringLiteral("512"),
                               QStringLiteral("--checkpointing"),
                               QStringLiteral("--json")};
        const QJsonObject hdr = runJson(base + QStringList{QStringLiteral("--network"), QStringLiteral("ib-hdr")});
        for (const char *key : {"tokens_per_s", "mfu", "days", "gpu_hours"})
            QVERIFY2(hdr.value(QLatin1String(key)).toDouble() > 0, key);
        QVERIFY(hdr.value(QStringLiteral("mfu")).toDouble() < 1);
        const QJsonObject ethernet = runJson(base
                                             + QStringList{QStringLiteral("--network"), QStringLiteral("eth-100gbe"),
                                                           QStringLiteral("--nics-per-server"), QStringLiteral("1")});
        QVERIFY(ethernet.value(QStringLiteral("days")).toDouble() > hdr.value(QStringLiteral("days")).toDouble());
        const Result badNetwork = run(QStringList(base.mid(0, base.size() - 1))
                                      + QStringList{QStringLiteral("--network"), QStringLiteral("carrier-pigeon")});
        QCOMPARE(badNetwork.exitCode, 2);
        QVERIFY(badNetwork.err.contains("unknown --network 'carrier-pigeon'"));
    }

    void calibrateFitsPublishedMeasurements()
    {
        const QJsonObject o = runJson({QStringLiteral("calibrate"),
                                       QStringLiteral(PLANNER_FIXTURES "/measurements/llamacpp-llama3-8b.csv"),
                                       QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("cases")).toArray().size(), 5);
        QVERIFY(o.value(QStringLiteral("rms_log_error_after")).toDouble()
                <= o.value(QStringLiteral("rms_log_error_before")).toDouble());
        const QJsonObject after = o.value(QStringLiteral("after")).toObject();
        const QString efficiency = QStringLiteral("%1,%2,%3")
                                       .arg(after.value(QStringLiteral("compute")).toDouble())
                                       .arg(after.value(QStringLiteral("memory")).toDouble())
                                       .arg(after.value(QStringLiteral("network")).toDouble());
        const QJsonObject perf = runJson(
            {QStringLiteral("perf"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"),
             QStringLiteral("rtx-4090"), QStringLiteral("--engine"), QStringLiteral("llama.cpp"),
             QStringLiteral("--weights"), QStringLiteral("fp16"), QStringLiteral("--efficiency"), efficiency,
             QStringLiteral("--json")});
        QVERIFY(
            perf.value(QStringLiteral("efficiency_source")).toString().contains(QStringLiteral("your calibration")));

        const QString badPath = mDataHome.filePath(QStringLiteral("bad-measurements.csv"));
        QFile bad(badPath);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("model,gpu,metric,value\nllama-3.1-8b,h100-sxm,tpot_s,0.007\nllama-3.1-8b,h100-sxm,speed,fast\n");
        bad.close();
        const Result refused = run({QStringLiteral("calibrate"), badPath});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("line 3"), refused.err.constData());
    }

    void costComparesOnPremWithCloud()
    {
        const QJsonObject o = runJson(
            {QStringLiteral("cost"), QStringLiteral("--server"), QStringLiteral("hgx-h200-8gpu"),
             QStringLiteral("--instance"), QStringLiteral("aws-p5en.48xlarge"), QStringLiteral("--model"),
             QStringLiteral("deepseek-r1"), QStringLiteral("--input-len"), QStringLiteral("2000"),
             QStringLiteral("--output-len"), QStringLiteral("1000"), QStringLiteral("--json")});
        for (const char *key : {"capex_usd", "monthly_opex_usd", "monthly_total_usd", "usd_per_million_output_tokens"})
            QVERIFY2(o.value(QLatin1String(key)).toDouble() > 0, key);
        const QJsonObject onprem = o.value(QStringLiteral("onprem")).toObject();
        const QJsonObject cloud = o.value(QStringLiteral("cloud")).toObject();
        QCOMPARE(cloud.value(QStringLiteral("capex_usd")).toDouble(), 0.0);
        // Eight H200 at the catalogue's $32,000 each; the unpriced parts are named.
        QVERIFY(onprem.value(QStringLiteral("capex_usd")).toDouble() >= 8 * 32000.0);
        QVERIFY(!onprem.value(QStringLiteral("unpriced_parts")).toArray().isEmpty());
        const int month = o.value(QStringLiteral("break_even_month")).toInt();
        QVERIFY(month >= 1 && month <= 36);
        // At the break-even month on-prem cash is no more than the cloud's, the month before it is more.
        const QJsonArray a = onprem.value(QStringLiteral("cumulative_usd_by_month")).toArray();
        const QJsonArray b = cloud.value(QStringLiteral("cumulative_usd_by_month")).toArray();
        QVERIFY(a.at(month).toDouble() <= b.at(month).toDouble());
        QVERIFY(a.at(month - 1).toDouble() > b.at(month - 1).toDouble());

        const Result noPrice = run({QStringLiteral("cost"), QStringLiteral("--instance"),
                                    QStringLiteral("aws-p5en.48xlarge"), QStringLiteral("--tier"),
                                    QStringLiteral("3y")});
        QCOMPARE(noPrice.exitCode, 2);
        QVERIFY(noPrice.err.contains("no 3y price"));
        const Result badPue = run({QStringLiteral("cost"), QStringLiteral("--gpu"), QStringLiteral("h100-sxm"),
                                   QStringLiteral("--pue"), QStringLiteral("0.5")});
        QCOMPARE(badPue.exitCode, 2);
        QVERIFY(badPue.err.contains("PUE must be between 1 and 5, got 0.5"));

        // A GPU count that is no multiple of a server's eight: tensor parallel
        // over 4, three pipeline stages. Twelve H100 at 30,000 USD each.
        const QJsonObject twelve = runJson({QStringLiteral("cost"), QStringLiteral("--gpu"), QStringLiteral("h100-sxm"),
                                            QStringLiteral("--gpus"), QStringLiteral("12"), QStringLiteral("--model"),
                                            QStringLiteral("llama-3.1-70b"), QStringLiteral("--json")});
        QCOMPARE(twelve.value(QStringLiteral("capex_usd")).toDouble(), 12 * 30000.0);
        QVERIFY(twelve.value(QStringLiteral("usd_per_million_output_tokens")).toDouble() > 0);
    }

    void recommendRanksFeasibleBuilds()
    {
        const QStringList base{QStringLiteral("recommend"),   QStringLiteral("--model"), QStringLiteral("deepseek-r1"),
                               QStringLiteral("--input-len"), QStringLiteral("2000"),    QStringLiteral("--output-len"),
                               QStringLiteral("1000"),        QStringLiteral("--qps"),   QStringLiteral("2"),
                               QStringLiteral("--ttft-slo"),  QStringLiteral("2"),       QStringLiteral("--tpot-slo"),
                               QStringLiteral("0.05"),        QStringLiteral("--json")};
        const QJsonObject o = runJson(base + QStringList{QStringLiteral("--top"), QStringLiteral("50")});
        const QJsonArray ranked = o.value(QStringLiteral("recommendations")).toArray();
        QVERIFY(!ranked.isEmpty());
        QVERIFY(o.value(QStringLiteral("layouts_evaluated")).toDouble() > 0);
        double previous = 0;
        for (const QJsonValue &value : ranked) {
            const QJsonObject r = value.toObject();
            for (const char *key : {"gpu", "parallelism", "weights", "kv_cache", "where"})
                QVERIFY2(!r.value(QLatin1String(key)).toString().isEmpty(), key);
            for (const char *key : {"gpu_count", "monthly_total_usd", "usd_per_million_output_tokens", "ttft_s",
                                    "tpot_s", "output_tokens_per_s"})
                QVERIFY2(r.value(QLatin1String(key)).toDouble() > 0, key);
            QVERIFY(r.value(QStringLiteral("ttft_s")).toDouble() <= 2.0);
            QVERIFY(r.value(QStringLiteral("tpot_s")).toDouble() <= 0.05);
            // Served at the stated load: 2 req/s x 1,000 output tokens.
            QCOMPARE(r.value(QStringLiteral("output_tokens_per_s")).toDouble(), 2000.0);
            QVERIFY(r.value(QStringLiteral("monthly_total_usd")).toDouble() >= previous);
            previous = r.value(QStringLiteral("monthly_total_usd")).toDouble();
        }
        const int onprem = o.value(QStringLiteral("best_onprem_rank")).toInt();
        const int cloud = o.value(QStringLiteral("best_cloud_rank")).toInt();
        QCOMPARE(ranked.at(onprem - 1).toObject().value(QStringLiteral("where")).toString(), QStringLiteral("on-prem"));
        QCOMPARE(ranked.at(cloud - 1).toObject().value(QStringLiteral("where")).toString(), QStringLiteral("cloud"));
        QVERIFY(o.value(QStringLiteral("break_even_month")).isDouble());

        const QJsonObject onlyCloud = runJson(base
                                              + QStringList{QStringLiteral("--where"), QStringLiteral("cloud"),
                                                            QStringLiteral("--min-weight-bits"), QStringLiteral("8")});
        for (const QJsonValue &value : onlyCloud.value(QStringLiteral("recommendations")).toArray()) {
            QCOMPARE(value.toObject().value(QStringLiteral("where")).toString(), QStringLiteral("cloud"));
            QVERIFY(value.toObject().value(QStringLiteral("weights")).toString() != QLatin1String("awq-int4-g128"));
        }

        // Nothing within 10 USD a month: the budget is named, and the exit status says so.
        const Result poor = run(base + QStringList{QStringLiteral("--budget"), QStringLiteral("10")});
        QCOMPARE(poor.exitCode, 1);
        const QJsonObject why = QJsonDocument::fromJson(poor.out).object();
        QVERIFY(why.value(QStringLiteral("recommendations")).toArray().isEmpty());
        QVERIFY(why.value(QStringLiteral("no_candidate_reason")).toString().startsWith(QLatin1String("budget")));
        const Result poorText = run(QStringList(base.mid(0, base.size() - 1))
                                    + QStringList{QStringLiteral("--budget"), QStringLiteral("10")});
        QCOMPARE(poorText.exitCode, 1);
        QVERIFY(poorText.out.contains("Ruled out by budget"));
    }

    void recommendBadInputFailsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList base{QStringLiteral("recommend"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b")};
        QTest::newRow("no model") << QStringList{QStringLiteral("recommend")} << QStringLiteral("needs --model");
        QTest::newRow("zero qps") << (base + QStringList{QStringLiteral("--qps"), QStringLiteral("0")})
                                  << QStringLiteral("--qps expects a positive number");
        QTest::newRow("negative slo") << (base + QStringList{QStringLiteral("--tpot-slo"), QStringLiteral("-1")})
                                      << QStringLiteral("--tpot-slo expects a positive number");
        QTest::newRow("where") << (base + QStringList{QStringLiteral("--where"), QStringLiteral("moon")})
                               << QStringLiteral("--where expects cloud, onprem or both");
        QTest::newRow("qps per model") << (base
                                           + QStringList{QStringLiteral("--qps"), QStringLiteral("1"),
                                                         QStringLiteral("--qps"), QStringLiteral("2")})
                                       << QStringLiteral("--qps is given 2 times for 1 model:");
        QTest::newRow("peak below average")
            << (base + QStringList{QStringLiteral("--peak-factor"), QStringLiteral("0.5")})
            << QStringLiteral("peak factor must be at least 1");
        QTest::newRow("unknown format") << (base + QStringList{QStringLiteral("--weights"), QStringLiteral("int3")})
                                        << QStringLiteral("unknown format 'int3'");
        QTest::newRow("context") << (base + QStringList{QStringLiteral("--input-len"), QStringLiteral("200000")})
                                 << QStringLiteral("exceeds the model's context");
    }

    void recommendBadInputFailsWithOneLine() { badInputFailsWithOneLine(); }

    void versionAndHelp()
    {
        const Result version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("llm-planner-cli "));
        const Result help = run({QStringLiteral("fit"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--concurrency"));
    }

    void simulateJsonHasTheDocumentedFields()
    {
        const QStringList arguments{
            QStringLiteral("simulate"),    QStringLiteral("--model"),    QStringLiteral("llama-3.1-8b"),
            QStringLiteral("--gpu"),       QStringLiteral("h100-sxm"),   QStringLiteral("--qps"),
            QStringLiteral("5"),           QStringLiteral("--requests"), QStringLiteral("200"),
            QStringLiteral("--input-len"), QStringLiteral("512"),        QStringLiteral("--output-len"),
            QStringLiteral("128"),         QStringLiteral("--json")};
        const QJsonObject o = runJson(arguments);
        for (const char *key : {"ttft_p50_s", "ttft_p99_s", "tpot_p50_s", "tpot_p99_s", "e2e_p99_s",
                                "output_tokens_per_s", "goodput_rps"})
            QVERIFY2(o.value(QLatin1String(key)).toDouble() > 0, key);
        QVERIFY(o.value(QStringLiteral("ttft_p50_s")).toDouble() <= o.value(QStringLiteral("ttft_p99_s")).toDouble());
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 200);
        QVERIFY(o.contains(QStringLiteral("preempted")));
        QVERIFY(!o.contains(QStringLiteral("max_qps")));
        // The same seed gives the same figures, to the last digit.
        QCOMPARE(run(arguments).out, run(arguments).out);
        const Result human = run(arguments.mid(0, arguments.size() - 1));
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains("TTFT") && human.out.contains("p99") && human.out.contains("Goodput"));
    }

    void simulateFindsTheMaxQps()
    {
        const QJsonObject o = runJson(
            {QStringLiteral("simulate"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
             QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--find-max-qps"),
             QStringLiteral("--requests"), QStringLiteral("300"), QStringLiteral("--input-dist"),
             QStringLiteral("lognormal:512:256"), QStringLiteral("--output-dist"), QStringLiteral("uniform:64:192"),
             QStringLiteral("--json")});
        QVERIFY(o.value(QStringLiteral("max_qps")).toDouble() > 0);
        QCOMPARE(o.value(QStringLiteral("qps")).toDouble(), o.value(QStringLiteral("max_qps")).toDouble());
        QVERIFY(o.value(QStringLiteral("ttft_p99_s")).toDouble() <= 2.0);
        QVERIFY(o.value(QStringLiteral("tpot_p99_s")).toDouble() <= 0.1);
    }

    // The engine's scheduler limits can be set as the engine is launched.
    void simulateTakesTheEngineLimits()
    {
        const QStringList base{QStringLiteral("simulate"), QStringLiteral("--model"),    QStringLiteral("llama-3.1-8b"),
                               QStringLiteral("--gpu"),    QStringLiteral("h100-sxm"),   QStringLiteral("--qps"),
                               QStringLiteral("30"),       QStringLiteral("--requests"), QStringLiteral("400")};
        const Result defaults = run(base);
        QCOMPARE(defaults.exitCode, 0);
        // vLLM's max_num_seqs on a GPU of 70 GiB or more, its 8,192-token budget.
        QVERIFY(defaults.out.contains("8,192 tokens per step, up to 1,024 sequences at once"));
        const Result limited = run(base
                                   + QStringList{QStringLiteral("--max-running"), QStringLiteral("64"),
                                                 QStringLiteral("--token-budget"), QStringLiteral("4096")});
        QCOMPARE(limited.exitCode, 0);
        QVERIFY2(limited.out.contains("4,096 tokens per step, up to 64 sequences at once"), limited.out.constData());
        const Result bad = run(base + QStringList{QStringLiteral("--max-running"), QStringLiteral("0")});
        QCOMPARE(bad.exitCode, 2);
    }

    void simulateReplaysATraceAndNamesBadRows()
    {
        const QString good = mDataHome.filePath(QStringLiteral("trace.csv"));
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("arrival_s,input_tokens,output_tokens\n0,100,10\n0.5,2000,50\n1.25,300,1\n");
        file.close();
        const QJsonObject o = runJson({QStringLiteral("simulate"), QStringLiteral("--model"),
                                       QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"),
                                       QStringLiteral("h100-sxm"), QStringLiteral("--trace"), good,
                                       QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("completed")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("arrivals")).toString(), QStringLiteral("trace"));

        const QString bad = mDataHome.filePath(QStringLiteral("bad-trace.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("arrival_s,input_tokens,output_tokens\n0,100,10\n0.5,-3,10\n");
        badFile.close();
        const Result refused = run({QStringLiteral("simulate"), QStringLiteral("--model"),
                                    QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"), QStringLiteral("h100-sxm"),
                                    QStringLiteral("--trace"), bad});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("line 3") && refused.err.count('\n') == 1, refused.err.constData());
        QVERIFY(refused.out.isEmpty());
    }

    void simulateBadInputFailsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero qps") << QStringList{QStringLiteral("--qps"), QStringLiteral("0")}
                                  << QStringLiteral("--qps expects a positive number");
        QTest::newRow("no arrivals") << QStringList{} << QStringLiteral("needs one of --qps");
        QTest::newRow("two arrivals") << QStringList{QStringLiteral("--qps"), QStringLiteral("1"),
                                                     QStringLiteral("--concurrency"), QStringLiteral("4")}
                                      << QStringLiteral("only one of");
        QTest::newRow("bad distribution") << QStringList{QStringLiteral("--qps"), QStringLiteral("1"),
                                                         QStringLiteral("--input-dist"), QStringLiteral("gamma:3")}
                                          << QStringLiteral("--input-dist expects fixed:N");
        QTest::newRow("uniform max below min")
            << QStringList{QStringLiteral("--qps"), QStringLiteral("1"), QStringLiteral("--output-dist"),
                           QStringLiteral("uniform:50:10")}
            << QStringLiteral("below its minimum");
        QTest::newRow("missing trace") << QStringList{QStringLiteral("--trace"), QStringLiteral("/no/such/trace.csv")}
                                       << QStringLiteral("cannot read --trace");
        QTest::newRow("zero requests") << QStringList{QStringLiteral("--qps"), QStringLiteral("1"),
                                                      QStringLiteral("--requests"), QStringLiteral("0")}
                                       << QStringLiteral("--requests expects a positive integer");
        QTest::newRow("does not fit") << QStringList{QStringLiteral("--qps"),     QStringLiteral("1"),
                                                     QStringLiteral("--model"),   QStringLiteral("llama-3.1-70b"),
                                                     QStringLiteral("--weights"), QStringLiteral("bf16")}
                                      << QStringLiteral("does not fit");
    }

    void simulateBadInputFailsWithOneLine()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        // A repeated --model: QCommandLineParser::value() takes the last one.
        const Result r = run(QStringList{QStringLiteral("simulate"), QStringLiteral("--model"),
                                         QStringLiteral("llama-3.1-8b"), QStringLiteral("--gpu"),
                                         QStringLiteral("rtx-4090")}
                             + extra);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromUtf8(r.err).trimmed();
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);
        QVERIFY(r.out.isEmpty());
    }

    // evaluate on the story-5 sample: both scenarios train, the drawn eight
    // servers miss the 30-day deadline, InfiniBand finds a server count that
    // meets it and one 100 GbE port per server none. The text and the JSON
    // say the same.
    void evaluateReportsTrainingScenarios()
    {
        const QString plan = QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/training-33b-a100-cluster.llmplan");
        const Result text = run({QStringLiteral("evaluate"), plan});
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        QVERIFY2(out.contains(QStringLiteral("fits yes, meets the deadline no — takes ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("full training, TP 8 x PP 1 x DP 8 · BF16 · full recomputation · "
                                             "ZeRO-1 (distributed optimizer); sequence 4096, micro-batch 1")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Memory per GPU ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("no number of servers like these finishes within 30 days")),
                 qPrintable(out));
        const QRegularExpression found(QStringLiteral("(\\d+) servers like these finish within 30 days"));
        const QRegularExpressionMatch match = found.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));

        const QJsonObject o = runJson({QStringLiteral("evaluate"), plan, QStringLiteral("--json")});
        const QJsonArray scenarios = o.value(QStringLiteral("scenarios")).toArray();
        QCOMPARE(scenarios.size(), 2);
        const QJsonObject infiniBand =
            scenarios.at(0).toObject().value(QStringLiteral("versions")).toArray().at(0).toObject();
        const QJsonObject training = infiniBand.value(QStringLiteral("training")).toObject();
        QCOMPARE(training.value(QStringLiteral("deadline_sizing")).toString(), QStringLiteral("found"));
        QCOMPARE(training.value(QStringLiteral("servers_for_deadline")).toInt(), match.captured(1).toInt());
        QCOMPARE(training.value(QStringLiteral("deadline_days")).toDouble(), 30.0);
        QVERIFY(training.value(QStringLiteral("run")).isObject());
        QVERIFY(training.value(QStringLiteral("run_cost_usd")).toDouble() > 0);
        const QJsonObject roce =
            scenarios.at(1).toObject().value(QStringLiteral("versions")).toArray().at(0).toObject();
        QCOMPARE(roce.value(QStringLiteral("training")).toObject().value(QStringLiteral("deadline_sizing")).toString(),
                 QStringLiteral("none_finishes"));

        // A training scenario has no serving command to export.
        const Result launch = run({QStringLiteral("export-launch"), plan});
        QCOMPARE(launch.exitCode, 2);
        QVERIFY2(launch.err.contains("trains the model versions; the launch export writes serving commands"),
                 launch.err.constData());
    }

    // export-launch on the shipped DeepSeek-R1 plan: its first scenario is one
    // HGX H200 (8 GPUs), which the planner serves with TP 8, the workload's
    // 4,096-token context and 32 sequences.
    void exportLaunchWritesTheSamplePlansCommand()
    {
        const QString plan = QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan");
        const Result script = run({QStringLiteral("export-launch"), plan});
        QCOMPARE(script.exitCode, 0);
        QVERIFY(script.err.isEmpty());
        QVERIFY(script.out.startsWith("#!/bin/sh\n"));
        QVERIFY(script.out.contains("vllm serve deepseek-ai/DeepSeek-R1 \\\n"));
        for (const char *line : {"--tensor-parallel-size 8", "--pipeline-parallel-size 1", "--max-model-len 4096",
                                 "--gpu-memory-utilization 0.92", "--kv-cache-dtype auto", "--max-num-seqs 32"})
            QVERIFY2(script.out.contains(line), line);

        const QJsonObject o = runJson({QStringLiteral("export-launch"), plan, QStringLiteral("--scenario"),
                                       QStringLiteral("Cloud: AWS p5en.48xlarge"), QStringLiteral("--engine"),
                                       QStringLiteral("sglang"), QStringLiteral("--json")});
        QCOMPARE(o.value(QStringLiteral("scenario")).toString(), QStringLiteral("Cloud: AWS p5en.48xlarge"));
        QCOMPARE(o.value(QStringLiteral("engine")).toString(), QStringLiteral("sglang"));
        QCOMPARE(o.value(QStringLiteral("tensor_parallel")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("replicas")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("context_tokens")).toInt(), 4096);
        const QJsonArray command = o.value(QStringLiteral("command")).toArray();
        QCOMPARE(command.at(0).toString(), QStringLiteral("python3"));
        QVERIFY(command.contains(QStringLiteral("--tp-size")));
        QVERIFY(o.value(QStringLiteral("kubernetes")).toString().contains(QStringLiteral("nvidia.com/gpu: \"8\"")));

        // Scenario 2 by number, the manifest into a file (nothing on stdout).
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("r1.yaml"));
        const Result manifest = run({QStringLiteral("export-launch"), plan, QStringLiteral("--scenario"),
                                     QStringLiteral("2"), QStringLiteral("--kubernetes"), QStringLiteral("-o"), file});
        QCOMPARE(manifest.exitCode, 0);
        QVERIFY(manifest.out.isEmpty());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray yaml = written.readAll();
        QVERIFY(yaml.contains("kind: Deployment"));
        QVERIFY(yaml.contains("nvidia.com/gpu: \"8\""));
        QVERIFY(yaml.contains("  replicas: 1 "));
        QVERIFY(yaml.contains("kind: Service"));
    }

    void exportLaunchBadInputFailsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList base{QStringLiteral("export-launch"),
                               QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan")};
        QTest::newRow("no plan") << QStringList{QStringLiteral("export-launch")}
                                 << QStringLiteral("export-launch needs exactly one PLAN file");
        QTest::newRow("missing plan") << QStringList{QStringLiteral("export-launch"),
                                                     QStringLiteral("/no/such.llmplan")}
                                      << QStringLiteral("cannot open /no/such.llmplan");
        QTest::newRow("bad scenario")
            << (base + QStringList{QStringLiteral("--scenario"), QStringLiteral("Moon base")})
            << QStringLiteral("no scenario 'Moon base' in the plan (its scenarios: 1 'On-prem: HGX H200 8-GPU'");
        QTest::newRow("scenario number") << (base + QStringList{QStringLiteral("--scenario"), QStringLiteral("9")})
                                         << QStringLiteral("no scenario '9'");
        QTest::newRow("bad model") << (base + QStringList{QStringLiteral("--model"), QStringLiteral("gpt-9")})
                                   << QStringLiteral("model 'gpt-9' is not in this plan (its models: deepseek-r1)");
        QTest::newRow("unsupported engine")
            << (base + QStringList{QStringLiteral("--engine"), QStringLiteral("transformers")})
            << QStringLiteral("the launch export supports vllm, sglang and llama.cpp");
        QTest::newRow("does not fit") << (base + QStringList{QStringLiteral("--weights"), QStringLiteral("bf16")})
                                      << QStringLiteral(
                                             "DeepSeek-R1 671B does not fit scenario 'On-prem: HGX H200 8-GPU'");
        QTest::newRow("unknown weights") << (base + QStringList{QStringLiteral("--weights"), QStringLiteral("int3")})
                                         << QStringLiteral("unknown weight format 'int3'");
    }

    void exportLaunchBadInputFailsWithOneLine() { badInputFailsWithOneLine(); }

    // report: the PDF proposal of a sample plan, with the author given; its
    // contents are checked in tests/ui/test_proposal.cpp.
    void reportWritesThePdf()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r1.pdf"));
        const Result r = run({QStringLiteral("report"),
                              QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan"),
                              QStringLiteral("-o"), pdf, QStringLiteral("--author"), QStringLiteral("Wei Zhang")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), QStringLiteral("Wrote %1").arg(QDir::toNativeSeparators(pdf)));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));

        // In yuan at the user's rate, memory in GiB (the proposal's amounts
        // are checked in tests/ui/test_proposal.cpp).
        const QString yuan = dir.filePath(QStringLiteral("r1-cny.pdf"));
        const Result inYuan = run({QStringLiteral("report"),
                                   QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan"),
                                   QStringLiteral("-o"), yuan, QStringLiteral("--currency"), QStringLiteral("cny"),
                                   QStringLiteral("--rate"), QStringLiteral("7.12"), QStringLiteral("--memory-unit"),
                                   QStringLiteral("GiB")});
        QCOMPARE(inYuan.exitCode, 0);
        QVERIFY2(inYuan.err.isEmpty(), inYuan.err.constData());
        QVERIFY(QFileInfo(yuan).size() > 0);
    }

    void reportBadInputFailsWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString plan = QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan");
        QTest::newRow("no plan") << QStringList{QStringLiteral("report"), QStringLiteral("-o"), QStringLiteral("x.pdf")}
                                 << QStringLiteral("report needs exactly one PLAN file");
        QTest::newRow("no output") << QStringList{QStringLiteral("report"), plan}
                                   << QStringLiteral("report needs -o OUT.pdf");
        QTest::newRow("missing plan") << QStringList{QStringLiteral("report"), QStringLiteral("/no/such.llmplan"),
                                                     QStringLiteral("-o"), QStringLiteral("x.pdf")}
                                      << QStringLiteral("cannot open /no/such.llmplan");
        // The folder's parent is a file: nothing can be created there, even as root.
        QTest::newRow("unwritable") << QStringList{QStringLiteral("report"), plan, QStringLiteral("-o"),
                                                   plan + QStringLiteral("/r1.pdf")}
                                    << QStringLiteral("Cannot write");
    }

    void reportBadInputFailsWithOneLine() { badInputFailsWithOneLine(); }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
