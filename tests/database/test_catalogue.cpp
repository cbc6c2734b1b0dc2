// The SQLite catalogue on temporary databases: the shipped data and its
// sources, user layering and shadowing, round trips, CSV sharing, and every
// fault the user's file can have.

#include "core/hardware/gpuspec.h"
#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "database/catalogue.h"
#include "support/filebytes.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace planner;
using planner::testsupport::fileBytes;

namespace {

std::unique_ptr<Catalogue> openOrFail(const QString &path, QStringList *warnings = nullptr)
{
    Catalogue::OpenResult result = Catalogue::open(path);
    if (warnings)
        *warnings = result.warnings;
    else if (!result.warnings.isEmpty())
        qWarning() << result.warnings;
    if (!result.catalogue)
        qWarning() << result.error;
    return std::move(result.catalogue);
}

// Runs one statement on a database file outside the catalogue.
void execOnFile(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

GpuSpec customGpu(const std::string &id)
{
    GpuSpec g;
    g.id = id;
    g.name = "Lab accelerator";
    g.vendor = "Example";
    g.memory = units::gigabytes(64);
    g.usableMemory = usableGpuMemory(64, std::nullopt);
    g.memoryBandwidth = units::gigabytesPerSecond(2000);
    g.bf16 = units::teraflopsPerSecond(400);
    g.tdp = units::watts(500);
    g.price = Price{12000, "2026-10", {}};
    g.source = "our procurement quote Q-1234";
    return g;
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    QString userPath(const char *name) const { return mDir.filePath(QLatin1String(name)); }

private slots:
    void shippedCatalogueHasTheListedParts_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("minimum");
        // Issue "Hardware and model catalogue": at least 25 GPUs, 8 CPUs, 20 cloud instances.
        QTest::newRow("gpus") << "gpu" << 25;
        QTest::newRow("cpus") << "cpu" << 8;
        QTest::newRow("instances") << "instance" << 20;
        QTest::newRow("servers") << "server" << 8;
        QTest::newRow("links") << "link" << 10;
        QTest::newRow("memory") << "memory" << 3;
        QTest::newRow("storage") << "storage" << 3;
        QTest::newRow("switches") << "switch" << 2;
        QTest::newRow("models") << "model" << static_cast<int>(builtinModels().size());
    }

    void shippedCatalogueHasTheListedParts()
    {
        QFETCH(QString, table);
        QFETCH(int, minimum);
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        QVERIFY(catalogue);
        const QString csv = catalogue->exportCsv(table);
        const int rows = static_cast<int>(csv.count(QLatin1Char('\n'))) - 1;
        QVERIFY2(rows >= minimum, qPrintable(QStringLiteral("%1 rows").arg(rows)));
    }

    void everyGpuNamedInTheIssueIsThere()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const char *id :
             {"b200", "h200", "h100-sxm", "h100-pcie", "h800", "h20", "a100-80gb", "a100-40gb", "a800", "l40s", "l4",
              "a10", "t4", "rtx-4090", "rtx-3090", "rtx-3060-12gb", "mi300x", "mi325x", "mi250x"})
            QVERIFY2(catalogue->find<GpuSpec>(QLatin1String(id)), id);
        QVERIFY(!catalogue->list<GpuSpec>(QStringLiteral("gaudi")).empty());
        QVERIFY(!catalogue->list<GpuSpec>(QStringLiteral("orin")).empty());
    }

    void everyRowCarriesItsSource()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const GpuSpec &g : catalogue->list<GpuSpec>())
            QVERIFY2(!g.source.empty() && g.memoryBandwidth > units::gigabytesPerSecond(0), g.id.c_str());
        int priced = 0;
        for (const CloudInstance &i : catalogue->list<CloudInstance>()) {
            QVERIFY2(!i.source.empty(), i.id.c_str());
            if (i.onDemand || i.reserved1Year || i.reserved3Year || i.spot)
                QVERIFY2(!i.priceDate.empty() && !i.region.empty(), i.id.c_str());
            priced += i.onDemand ? 1 : 0;
        }
        QVERIFY2(priced >= 20, qPrintable(QString::number(priced)));
        for (const CpuSpec &c : catalogue->list<CpuSpec>())
            QVERIFY2(!c.source.empty() && c.cores > 0, c.id.c_str());
    }

    void shippedReferencesResolve()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const ServerTemplate &s : catalogue->list<ServerTemplate>()) {
            QVERIFY2(catalogue->find<GpuSpec>(QString::fromStdString(s.gpu.id)), s.id.c_str());
            if (!s.cpu.id.empty())
                QVERIFY2(catalogue->find<CpuSpec>(QString::fromStdString(s.cpu.id)), s.id.c_str());
            if (!s.memory.id.empty())
                QVERIFY2(catalogue->find<MemoryModuleSpec>(QString::fromStdString(s.memory.id)), s.id.c_str());
            if (!s.storage.id.empty())
                QVERIFY2(catalogue->find<StorageSpec>(QString::fromStdString(s.storage.id)), s.id.c_str());
            for (const std::string &link : {s.gpuLinkId, s.nic.id})
                if (!link.empty())
                    QVERIFY2(catalogue->find<LinkSpec>(QString::fromStdString(link)), (s.id + " " + link).c_str());
        }
        for (const CloudInstance &i : catalogue->list<CloudInstance>())
            QVERIFY2(catalogue->find<GpuSpec>(QString::fromStdString(i.gpuId)), i.id.c_str());
    }

    void serverTemplatesResolveToTheirParts()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const ServerTemplate &s : catalogue->list<ServerTemplate>()) {
            const std::optional<ResolvedServer> resolved = catalogue->resolveServer(QString::fromStdString(s.id));
            QVERIFY2(resolved, s.id.c_str());
            QCOMPARE(resolved->gpu.id, s.gpu.id);
            QCOMPARE(resolved->cpu.has_value(), !s.cpu.id.empty());
            QCOMPARE(resolved->gpuLink.has_value(), !s.gpuLinkId.empty());
        }
        // An HGX/DGX H100 template: eight H100 SXM over NVSwitch.
        bool foundHgxH100 = false;
        for (const ServerTemplate &s : catalogue->list<ServerTemplate>(QStringLiteral("h100"))) {
            const ResolvedServer r = *catalogue->resolveServer(QString::fromStdString(s.id));
            if (r.gpu.id == "h100-sxm" && s.gpu.count == 8 && r.gpuLink && r.gpuLink->kind == LinkKind::NvSwitch)
                foundHgxH100 = true;
        }
        QVERIFY(foundHgxH100);
        QVERIFY(!catalogue->resolveServer(QStringLiteral("no-such-server")));
    }

    void catalogueAgreesWithTheEngineTable()
    {
        // core's small built-in table serves engine tests and benchmarks; the
        // catalogue is what users see. They must not drift apart.
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const GpuSpec &engine : builtinGpus()) {
            const std::optional<GpuSpec> shipped = catalogue->find<GpuSpec>(QString::fromStdString(engine.id));
            QVERIFY2(shipped, engine.id.c_str());
            QCOMPARE(units::inGB(shipped->memory), units::inGB(engine.memory));
            QCOMPARE(units::inGiB(shipped->usableMemory), units::inGiB(engine.usableMemory));
            QCOMPARE(units::inGBPerSecond(shipped->memoryBandwidth), units::inGBPerSecond(engine.memoryBandwidth));
            QCOMPARE(units::inTeraflopsPerSecond(shipped->bf16), units::inTeraflopsPerSecond(engine.bf16));
            QCOMPARE(units::inGBPerSecond(shipped->nvlinkBandwidth), units::inGBPerSecond(engine.nvlinkBandwidth));
            QCOMPARE(shipped->pcieGeneration, engine.pcieGeneration);
        }
    }

    void modelsRoundTripWithExactCounts()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        for (const ModelSpec &builtin : builtinModels()) {
            const std::optional<ModelSpec> stored = catalogue->find<ModelSpec>(QString::fromStdString(builtin.id));
            QVERIFY2(stored, builtin.id.c_str());
            QCOMPARE(countParameters(*stored).totalWithMtp(), countParameters(builtin).totalWithMtp());
            QCOMPARE(countParameters(*stored).active(), countParameters(builtin).active());
            QCOMPARE(stored->checkpointFormat, builtin.checkpointFormat);
        }
    }

    void filterMatchesIdNameAndVendor()
    {
        auto catalogue = openOrFail({});
        QVERIFY(catalogue);
        const std::vector<GpuSpec> amd = catalogue->list<GpuSpec>(QStringLiteral("amd"));
        QVERIFY(amd.size() >= 3);
        for (const GpuSpec &g : amd)
            QVERIFY2(
                QString::fromStdString(g.vendor + g.name + g.id).contains(QStringLiteral("amd"), Qt::CaseInsensitive),
                g.id.c_str());
        QVERIFY(catalogue->list<GpuSpec>(QStringLiteral("no-such-part-xyz")).empty());
        // The filter is text: SQL's wildcards match only themselves.
        QVERIFY(catalogue->list<GpuSpec>(QStringLiteral("%")).empty());
        QVERIFY(catalogue->list<GpuSpec>(QStringLiteral("h_00")).empty());
        QVERIFY(catalogue->list<GpuSpec>(QStringLiteral("\\")).empty());
    }

    // One query gives each row's origin, shadowing included.
    void listWithOriginsTellsWhereRowsComeFrom()
    {
        auto catalogue = openOrFail(userPath("origins.sqlite"));
        GpuSpec shadow = customGpu("h200");
        QVERIFY(catalogue->save(shadow).ok());
        QVERIFY(catalogue->save(customGpu("lab-only")).ok());
        std::map<std::string, PartOrigin> origins;
        for (const ListedPart<GpuSpec> &part : catalogue->listWithOrigins<GpuSpec>())
            origins[part.spec.id] = part.origin;
        QVERIFY(origins.at("h200") == PartOrigin::UserShadowingShipped);
        QVERIFY(origins.at("lab-only") == PartOrigin::User);
        QVERIFY(origins.at("h100-sxm") == PartOrigin::Shipped);
        QVERIFY(catalogue->origin<GpuSpec>(QStringLiteral("h200")) == PartOrigin::UserShadowingShipped);
        QVERIFY(catalogue->origin<GpuSpec>(QStringLiteral("lab-only")) == PartOrigin::User);
        QVERIFY(catalogue->origin<GpuSpec>(QStringLiteral("h100-sxm")) == PartOrigin::Shipped);
        QVERIFY(!catalogue->origin<GpuSpec>(QStringLiteral("no-such-part")));
        // The shipped catalogue alone (no user file) knows its own rows only.
        auto shippedOnly = openOrFail({});
        QVERIFY(shippedOnly->origin<GpuSpec>(QStringLiteral("h100-sxm")) == PartOrigin::Shipped);
        QVERIFY(!shippedOnly->origin<GpuSpec>(QStringLiteral("no-such-part")));
    }

    void userPartsPersistAndShadow()
    {
        const QString path = userPath("layering.sqlite");
        {
            auto catalogue = openOrFail(path);
            QVERIFY(catalogue->hasUserLayer());
            QVERIFY(catalogue->save(customGpu("lab-x1")).ok());
            GpuSpec cheaperH100 = *catalogue->find<GpuSpec>(QStringLiteral("h100-sxm"));
            cheaperH100.price = Price{21000, "2026-11", {}};
            cheaperH100.source = "our vendor quote Q-77";
            QVERIFY(catalogue->save(cheaperH100).ok());
        }
        auto catalogue = openOrFail(path);
        QVERIFY(catalogue);
        QCOMPARE(catalogue->origin<GpuSpec>(QStringLiteral("lab-x1")), PartOrigin::User);
        QCOMPARE(catalogue->origin<GpuSpec>(QStringLiteral("h100-sxm")), PartOrigin::UserShadowingShipped);
        QCOMPARE(catalogue->origin<GpuSpec>(QStringLiteral("h200")), PartOrigin::Shipped);
        const GpuSpec h100 = *catalogue->find<GpuSpec>(QStringLiteral("h100-sxm"));
        QCOMPARE(h100.price->usd, 21000.0);
        QCOMPARE(h100.source, std::string("our vendor quote Q-77"));
        const GpuSpec lab = *catalogue->find<GpuSpec>(QStringLiteral("lab-x1"));
        QCOMPARE(units::inGB(lab.memory), 64.0);
        QCOMPARE(units::inGiB(lab.usableMemory), units::inGiB(customGpu("x").usableMemory));
        QCOMPARE(lab.price->date, std::string("2026-10"));
        // The shadowing row appears once in a listing.
        int h100Rows = 0;
        for (const GpuSpec &g : catalogue->list<GpuSpec>())
            h100Rows += g.id == "h100-sxm" ? 1 : 0;
        QCOMPARE(h100Rows, 1);

        // Deleting the user row shows the shipped one again.
        QVERIFY(catalogue->remove<GpuSpec>(QStringLiteral("h100-sxm")).ok());
        QCOMPARE(catalogue->origin<GpuSpec>(QStringLiteral("h100-sxm")), PartOrigin::Shipped);
        const CatalogueStatus shipped = catalogue->remove<GpuSpec>(QStringLiteral("h200"));
        QVERIFY(!shipped.ok());
        QVERIFY2(shipped.error.contains(QStringLiteral("shipped")), qPrintable(shipped.error));
        QVERIFY(!catalogue->remove<GpuSpec>(QStringLiteral("nope")).ok());
    }

    void userModelsAreVersioned()
    {
        auto catalogue = openOrFail(userPath("models.sqlite"));
        ModelSpec mine = *findBuiltinModel("llama-3.1-8b");
        mine.id = "our-llama-8b-v2";
        mine.family = "Our fine-tunes";
        mine.displayName = "Our Llama 8B v2";
        mine.source = "/models/our-llama-8b-v2/config.json";
        QVERIFY(catalogue->save(mine).ok());
        const std::optional<ModelSpec> stored = catalogue->find<ModelSpec>(QStringLiteral("our-llama-8b-v2"));
        QVERIFY(stored);
        QCOMPARE(countParameters(*stored).total(), Q_INT64_C(8030261248));
        QCOMPARE(catalogue->list<ModelSpec>(QStringLiteral("fine-tunes")).size(), size_t(1));
    }

    void invalidPartsAreRefusedWhole_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero memory") << 0 << "memory_gb";
        QTest::newRow("no source") << 1 << "source";
        QTest::newRow("server with unknown GPU") << 2 << "does not have";
        QTest::newRow("instance with unknown GPU") << 3 << "does not have";
    }

    void invalidPartsAreRefusedWhole()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        auto catalogue = openOrFail(userPath("invalid.sqlite"));
        CatalogueStatus status;
        if (which == 0) {
            GpuSpec g = customGpu("bad-memory");
            g.memory = units::bytes(0);
            status = catalogue->save(g);
        } else if (which == 1) {
            GpuSpec g = customGpu("bad-source");
            g.source.clear();
            status = catalogue->save(g);
        } else if (which == 2) {
            ServerTemplate s = *catalogue->find<ServerTemplate>(
                QString::fromStdString(catalogue->list<ServerTemplate>().front().id));
            s.id = "bad-server";
            s.gpu.id = "warp-drive";
            status = catalogue->save(s);
        } else {
            CloudInstance i = catalogue->list<CloudInstance>().front();
            i.id = "bad-instance";
            i.gpuId = "warp-drive";
            status = catalogue->save(i);
        }
        QVERIFY(!status.ok());
        QVERIFY2(status.error.contains(message), qPrintable(status.error));
        QVERIFY(!catalogue->find<GpuSpec>(QStringLiteral("bad-memory")));
        QVERIFY(!catalogue->find<GpuSpec>(QStringLiteral("bad-source")));
        QVERIFY(!catalogue->find<ServerTemplate>(QStringLiteral("bad-server")));
        QVERIFY(!catalogue->find<CloudInstance>(QStringLiteral("bad-instance")));
    }

    void csvExportImportRoundTrip()
    {
        auto source = openOrFail(userPath("export.sqlite"));
        QVERIFY(source->save(customGpu("lab-x2")).ok());
        const QString csv = source->exportCsv(QStringLiteral("gpu"));
        QVERIFY(csv.contains(QStringLiteral("lab-x2")));

        auto target = openOrFail(userPath("import.sqlite"));
        const CatalogueStatus status = target->importCsv(QStringLiteral("gpu"), csv);
        QVERIFY2(status.ok(), qPrintable(status.error));
        QCOMPARE(target->origin<GpuSpec>(QStringLiteral("lab-x2")), PartOrigin::User);
        QCOMPARE(target->origin<GpuSpec>(QStringLiteral("h200")), PartOrigin::UserShadowingShipped);
        QCOMPARE(target->exportCsv(QStringLiteral("gpu")), csv);
    }

    void badCsvImportsNothing_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("message");
        const QString header = QStringLiteral("id,name,memory_gb,bandwidth_gbps,source\n");
        QTest::newRow("not a number") << header + "ok-1,Fine,80,2000,quote\nbad-2,Broken,eighty,2000,quote\n"
                                      << "line 3: column 'memory_gb' expects a number, got 'eighty'";
        QTest::newRow("check constraint") << header + "ok-1,Fine,80,2000,quote\nbad-2,Broken,-1,2000,quote\n"
                                          << "line 3";
        QTest::newRow("beyond any part")
            << header + "ok-1,Fine,80,2000,quote\nbad-2,Broken,1e300,2000,quote\n"
            << "line 3: cannot save gpu 'bad-2': 'memory_gb' must be between 0 and 1e+12, got 1e+300";
        QTest::newRow("infinite") << header + "ok-1,Fine,80,2000,quote\nbad-2,Broken,80,inf,quote\n"
                                  << "'bandwidth_gbps' must be between 0 and 1e+12, got inf";
        QTest::newRow("missing source") << header + "ok-1,Fine,80,2000,quote\nbad-2,Broken,80,2000,\n"
                                        << "line 3";
        QTest::newRow("unknown column") << QStringLiteral("id,name,warp_factor\nx,y,9\n")
                                        << "unknown column 'warp_factor'";
        QTest::newRow("short row") << header + "ok-1,Fine,80\n"
                                   << "line 2: 3 fields, the header has 5";
        QTest::newRow("unterminated quote") << header + "ok-1,\"Fine,80,2000,quote\n"
                                            << "unterminated quoted field";
        QTest::newRow("no id column") << QStringLiteral("name,memory_gb\nx,80\n") << "no 'id' column";
    }

    void badCsvImportsNothing()
    {
        QFETCH(QString, csv);
        QFETCH(QString, message);
        auto catalogue = openOrFail(userPath("badcsv.sqlite"));
        const QString before = catalogue->exportCsv(QStringLiteral("gpu"));
        const CatalogueStatus status = catalogue->importCsv(QStringLiteral("gpu"), csv);
        QVERIFY(!status.ok());
        QVERIFY2(status.error.contains(message), qPrintable(status.error));
        QCOMPARE(catalogue->exportCsv(QStringLiteral("gpu")), before);
        QVERIFY(!catalogue->find<GpuSpec>(QStringLiteral("ok-1")));
    }

    void corruptUserDatabaseIsSetAside()
    {
        const QString path = userPath("corrupt.sqlite");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("this is not an SQLite database, it is a shopping list\n").repeated(100));
        }
        {
            QFile wal(path + QStringLiteral("-wal"));
            QVERIFY(wal.open(QIODevice::WriteOnly));
            wal.write(QByteArray("not a write-ahead log either\n"));
        }
        const QByteArray damaged = fileBytes(path);
        const QByteArray damagedWal = fileBytes(path + QStringLiteral("-wal"));
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY(catalogue);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("kept as")), qPrintable(warnings.first()));
        QVERIFY(catalogue->find<GpuSpec>(QStringLiteral("h100-sxm")));
        QVERIFY(catalogue->hasUserLayer());
        QVERIFY(catalogue->save(customGpu("after-repair")).ok());
        // The damaged bytes are kept, not deleted, and its WAL is never
        // replayed into the fresh file (SQLite drops one it cannot use).
        const QStringList aside = QDir(mDir.path()).entryList({QStringLiteral("corrupt.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(fileBytes(mDir.filePath(aside.first())), damaged);
        QVERIFY(fileBytes(path + QStringLiteral("-wal")) != damagedWal);
        QVERIFY(warnings.first().contains(QStringLiteral("none of its rows could be read")));
    }

    // A file whose tables SQLite can still read in part: every readable row
    // of the catalogue's own tables reaches the fresh file, and the user is
    // told which.
    void damagedFileGivesUpItsReadableRows()
    {
        const QString path = userPath("partly.sqlite");
        {
            auto catalogue = openOrFail(path);
            for (const char *id : {"lab-a", "lab-b", "lab-c"})
                QVERIFY(catalogue->save(customGpu(id)).ok());
            QVERIFY(catalogue->save(*findBuiltinModel("qwen3-8b")).ok());
        }
        // A table of our own at the end of the file, whose last page is then
        // overwritten: SQLite's check fails, the part tables stay readable.
        execOnFile(path, QStringLiteral("CREATE TABLE notes (text TEXT)"));
        execOnFile(path,
                   QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                                  "INSERT INTO notes SELECT printf('%0200d', i) FROM n"));
        execOnFile(path, QStringLiteral("PRAGMA journal_mode = DELETE"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(file.size() - 4096));
            file.write(QByteArray(64, '\xff'));
        }
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY(catalogue && catalogue->hasUserLayer());
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("kept as"))
                     && warnings.first().contains(QStringLiteral("3 gpu rows, 1 model row")),
                 qPrintable(warnings.first()));
        for (const char *id : {"lab-a", "lab-b", "lab-c"})
            QVERIFY(catalogue->origin<GpuSpec>(QLatin1String(id)) == PartOrigin::User);
        QCOMPARE(countParameters(*catalogue->find<ModelSpec>(QStringLiteral("qwen3-8b"))).total(),
                 countParameters(*findBuiltinModel("qwen3-8b")).total());
    }

    // Another planner holding the file (a long import) makes it busy, not
    // damaged: it is neither moved nor changed, and the next start uses it,
    // in WAL mode so that readers no longer wait for a writer.
    void busyCatalogueIsLeftAlone()
    {
        const QString path = userPath("busy.sqlite");
        {
            auto catalogue = openOrFail(path);
            QVERIFY(catalogue->save(customGpu("kept-while-busy")).ok());
        }
        execOnFile(path, QStringLiteral("PRAGMA journal_mode = DELETE")); // as an older planner left it
        const QByteArray before = fileBytes(path);
        const QString holder = QStringLiteral("holder");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holder);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery lock(db);
            QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QStringList warnings;
            auto catalogue = openOrFail(path, &warnings);
            QVERIFY(catalogue);
            QVERIFY(!catalogue->hasUserLayer());
            QCOMPARE(warnings.size(), 1);
            QVERIFY2(warnings.first().contains(QStringLiteral("in use by another planner")),
                     qPrintable(warnings.first()));
            QVERIFY(QDir(mDir.path()).entryList({QStringLiteral("busy.sqlite.damaged-*")}).isEmpty());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            db.close();
        }
        QSqlDatabase::removeDatabase(holder);
        QCOMPARE(fileBytes(path), before);
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QVERIFY(catalogue->origin<GpuSpec>(QStringLiteral("kept-while-busy")) == PartOrigin::User);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holder);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery mode(db);
        QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
        QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        mode.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(holder);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        const QString path = userPath("newer.sqlite");
        execOnFile(path, QStringLiteral("PRAGMA user_version = 99"));
        const QByteArray before = fileBytes(path);
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY(catalogue);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(QStringLiteral("newer version")), qPrintable(warnings.first()));
        QVERIFY(!catalogue->hasUserLayer());
        QVERIFY(catalogue->find<GpuSpec>(QStringLiteral("h200")));
        const CatalogueStatus status = catalogue->save(customGpu("refused"));
        QVERIFY(!status.ok());
        catalogue.reset();
        QCOMPARE(fileBytes(path), before);
    }

    void migratesAnEmptyFileFromVersionZero()
    {
        // Version 0 is a file some earlier tool created without our schema.
        const QString path = userPath("v0.sqlite");
        execOnFile(path, QStringLiteral("CREATE TABLE notes (text TEXT)"));
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QVERIFY(catalogue->save(customGpu("migrated")).ok());
        catalogue.reset();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), Catalogue::schemaVersion());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM notes")));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    // A user catalogue written at schema 2 (before hybrid layers) keeps its
    // model rows through migration 3's table rebuild, every column intact.
    void migratesSchemaTwoModelsIntact()
    {
        const QString path = userPath("v2.sqlite");
        for (const char *script : {"001_catalogue.sql", "002_layer_attention.sql"}) {
            QFile file(QStringLiteral(PLANNER_SOURCE_DIR "/database/schema/") + QLatin1String(script));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString sql;
            for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n'))
                if (!line.trimmed().startsWith(QLatin1String("--")))
                    sql += line + u'\n';
            for (const QString &statement : sql.split(u';', Qt::SkipEmptyParts))
                if (!statement.trimmed().isEmpty())
                    execOnFile(path, statement);
        }
        execOnFile(path, QStringLiteral("PRAGMA user_version = 2"));
        execOnFile(path, QStringLiteral(
                             "INSERT INTO model (id, family, name, checkpoint_format, vocab_size, hidden_size, "
                             "intermediate_size, num_layers, num_heads, num_kv_heads, head_dim, max_context, qkv_bias, "
                             "tied_embeddings, gated_mlp, moe_routed_experts, moe_shared_experts, "
                             "moe_experts_per_token, moe_intermediate_size, moe_first_dense_layers, "
                             "moe_layer_frequency, moe_router_score_bias, mtp_layers, source, layer_pattern, "
                             "sliding_window, attention_output_bias, attention_sinks, moe_expert_bias) VALUES "
                             "('my-oss', 'gpt_oss', 'My gpt-oss', 'mxfp4-experts', 201088, 2880, 0, 24, 64, 8, 64, "
                             "131072, 1, 0, 1, 32, 0, 4, 2880, 0, 1, 1, 0, 'test', 'SF', 128, 1, 1, 1)"));
        QStringList warnings;
        auto catalogue = openOrFail(path, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        const std::optional<ModelSpec> stored = catalogue->find<ModelSpec>(QStringLiteral("my-oss"));
        QVERIFY(stored);
        QCOMPARE(QString::fromStdString(stored->layerPattern), QStringLiteral("SF"));
        QCOMPARE(countParameters(*stored).total(), countParameters(*findBuiltinModel("gpt-oss-20b")).total());
        // And the rebuilt table takes the new layer kinds.
        QVERIFY(catalogue->save(*findBuiltinModel("nemotron-h-56b")).ok());
    }

    void twoInstancesShareOneFile()
    {
        const QString path = userPath("shared.sqlite");
        auto first = openOrFail(path);
        auto second = openOrFail(path);
        for (int i = 0; i < 20; ++i) {
            QVERIFY(first->save(customGpu("first-" + std::to_string(i))).ok());
            QVERIFY(second->save(customGpu("second-" + std::to_string(i))).ok());
        }
        QVERIFY(first->find<GpuSpec>(QStringLiteral("second-19")));
        QVERIFY(second->find<GpuSpec>(QStringLiteral("first-19")));
        first.reset();
        second.reset();
        auto reopened = openOrFail(path);
        QCOMPARE(reopened->list<GpuSpec>(QStringLiteral("first-")).size(), size_t(20));
        QCOMPARE(reopened->list<GpuSpec>(QStringLiteral("second-")).size(), size_t(20));
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "test_catalogue.moc"
