// Opening the catalogue (building the shipped layer from its seed files and
// attaching the user's database) and listing every GPU.
// Target (issue "Hardware and model catalogue"): under 50 ms. With 100,000
// user rows (issue "Plans people share are safe ..."): `catalog gpus` and the
// desktop's start under 1 s.

#include "database/catalogue.h"

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cstdio>

class BenchCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void openAndListGpus()
    {
        QTemporaryDir dir;
        const QString userPath = dir.filePath(QStringLiteral("catalogue.sqlite"));
        constexpr int kRuns = 20;
        double worstMs = 0;
        double totalMs = 0;
        size_t gpus = 0;
        for (int run = 0; run < kRuns; ++run) {
            const auto start = std::chrono::steady_clock::now();
            planner::Catalogue::OpenResult opened = planner::Catalogue::open(userPath);
            QVERIFY(opened.catalogue);
            gpus = opened.catalogue->list<planner::GpuSpec>().size();
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                                  .count();
            worstMs = std::max(worstMs, ms);
            totalMs += ms;
        }
        std::printf("open catalogue + list %zu GPUs: %.1f ms mean, %.1f ms worst over %d runs\n", gpus, totalMs / kRuns,
                    worstMs, kRuns);
        QVERIFY(gpus > 0);
    }

    // 100,000 imported GPUs: the command-line table (stored columns), the
    // parts with their origins (--json) and the parts alone (the palette).
    void hundredThousandUserRows()
    {
        QTemporaryDir dir;
        const QString userPath = dir.filePath(QStringLiteral("catalogue.sqlite"));
        constexpr int kRows = 100'000;
        QString csv = QStringLiteral("id,name,memory_gb,bandwidth_gbps,source\n");
        for (int i = 0; i < kRows; ++i)
            csv += QStringLiteral("bulk-%1,Bulk part %1,48,900,benchmark\n").arg(i);
        {
            planner::Catalogue::OpenResult opened = planner::Catalogue::open(userPath);
            QVERIFY(opened.catalogue);
            const auto start = std::chrono::steady_clock::now();
            QVERIFY(opened.catalogue->importCsv(QStringLiteral("gpu"), csv).ok());
            std::printf("import %d GPU rows: %.0f ms\n", kRows, elapsedMs(start));
        }
        const auto timed = [&](const char *what, const auto &listing) {
            const auto start = std::chrono::steady_clock::now();
            planner::Catalogue::OpenResult opened = planner::Catalogue::open(userPath);
            QVERIFY(opened.catalogue);
            const std::size_t rows = listing(*opened.catalogue);
            std::printf("open + %s: %zu rows in %.0f ms\n", what, rows, elapsedMs(start));
            QVERIFY(rows > std::size_t(kRows));
        };
        timed("listColumns (catalog gpus)", [](const planner::Catalogue &c) {
            return c
                .listColumns(QStringLiteral("gpu"), {QStringLiteral("id"), QStringLiteral("name"),
                                                     QStringLiteral("memory_gb"), QStringLiteral("price_usd")})
                .size();
        });
        timed("listWithOrigins (catalog gpus --json)",
              [](const planner::Catalogue &c) { return c.listWithOrigins<planner::GpuSpec>().size(); });
        timed("list (the palette)", [](const planner::Catalogue &c) { return c.list<planner::GpuSpec>().size(); });
    }

private:
    static double elapsedMs(std::chrono::steady_clock::time_point start)
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
};

QTEST_GUILESS_MAIN(BenchCatalogue)
#include "bench_catalogue.moc"
