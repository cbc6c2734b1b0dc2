// Opening the catalogue (building the shipped layer from its seed files and
// attaching the user's database) and listing every GPU.
// Target (issue "Hardware and model catalogue"): under 50 ms.

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
};

QTEST_GUILESS_MAIN(BenchCatalogue)
#include "bench_catalogue.moc"
