// The 2025-2026 hardware in the shipped catalogue (resources/catalogue/*.csv)
// and what the engine makes of it: datasheet figures of the new parts, the
// catalogue's coverage, an NVL72 rack as one NVLink domain, a unified-memory
// Mac that holds DeepSeek-R1 only within the GPU's share of its memory, and
// parts without a figure giving "unknown".

#include "core/hardware/cpudevice.h"
#include "core/perf/perfmodel.h"
#include "core/plan/planedit.h"
#include "core/plan/planevaluation.h"
#include "core/resolve/deployment.h"
#include "core/topology/cluster.h"
#include "database/csvtable.h"
#include "support/shippedcatalogue.h"

#include <QRegularExpression>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace planner;
using planner::testsupport::shippedCatalogue;

namespace {

GpuSpec gpu(const char *id)
{
    const std::optional<GpuSpec> found = shippedCatalogue().find<GpuSpec>(QString::fromLatin1(id));
    if (!found)
        qFatal("GPU %s is not in the shipped catalogue", id);
    return *found;
}

// A plan with one scenario holding `server` (a shipped server template) once.
Plan planWithServer(const char *serverId, const char *modelId, const DeploymentSettings &settings)
{
    Plan plan;
    plan.scenarios.push_back({});
    plan.scenarios.front().name = "test";
    plan.scenarios.front().deployment = settings;
    const std::optional<ResolvedServer> server = shippedCatalogue().resolveServer(QString::fromLatin1(serverId));
    if (!server)
        qFatal("server template %s does not resolve", serverId);
    planedit::addServer(plan, 0, *server, {0, 0});
    const std::optional<ModelSpec> model = shippedCatalogue().find<ModelSpec>(QString::fromLatin1(modelId));
    if (!model)
        qFatal("model %s is not in the shipped catalogue", modelId);
    planedit::keep(plan.parts, *model);
    plan.modelIds = {modelId};
    plan.workload.concurrency = 1;
    plan.workload.inputTokens = 1024;
    plan.workload.outputTokens = 256;
    return plan;
}

} // namespace

class TestCurrentHardware : public QObject
{
    Q_OBJECT

private slots:
    // Each row against the figure its source gives (dense rates; the source
    // named per row is also in the row's own source column).
    void datasheetFigures_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("memoryGB");
        QTest::addColumn<double>("bandwidthGBps");
        QTest::addColumn<double>("bf16");
        QTest::addColumn<double>("fp8");
        QTest::addColumn<double>("fp4");
        // ai-dynamo/aiconfigurator systems/b300_sxm.yaml (Blackwell Ultra datasheet):
        // 4.5 PF BF16 sparse = 2,250 dense, FP8 4,500, NVFP4 14,000 dense; 288 GB HBM3e.
        QTest::newRow("B300") << "b300" << 288.0 << 7750.0 << 2250.0 << 4500.0 << 14000.0;
        // aiconfigurator systems/gb200.yaml: per GPU of an NVL72, 8 TB/s, BF16 2,500,
        // FP8 5,000, FP4 10,000 dense; 186 GB = 13.4 TB / 72.
        QTest::newRow("GB200") << "gb200" << 186.0 << 8000.0 << 2500.0 << 5000.0 << 10000.0;
        // aiconfigurator systems/gb300.yaml: FP4 15,000 dense (NVFP4), 288 GB.
        QTest::newRow("GB300") << "gb300" << 288.0 << 8000.0 << 2500.0 << 5000.0 << 15000.0;
        // AMD Instinct MI355X spec page (via stas00/ml-engineering): BF16 2,500, FP8 5,000,
        // FP4 10,100 dense; 288 GB HBM3e at 8 TB/s.
        QTest::newRow("MI355X") << "mi355x" << 288.0 << 8000.0 << 2500.0 << 5000.0 << 10100.0;
        // NVIDIA RTX PRO 6000 Blackwell Workstation: 96 GB GDDR7, 512-bit at 28 Gbps.
        QTest::newRow("RTX PRO 6000") << "rtx-pro-6000-ws" << 96.0 << 1792.0 << 503.8 << 1007.6 << 2015.2;
        // GeForce RTX 5090: 32 GB GDDR7, 1,792 GB/s; FP4 3,352 sparse = 1,676 dense.
        QTest::newRow("RTX 5090") << "rtx-5090" << 32.0 << 1792.0 << 210.0 << 838.0 << 1676.0;
        // Apple M3 Ultra: 512 GB at 819 GB/s; the GPU's FP16 rate equals its FP32 28.4 TFLOPS.
        QTest::newRow("M3 Ultra 512GB") << "apple-m3-ultra-512gb" << 512.0 << 819.0 << 28.4 << 0.0 << 0.0;
        // DGX Spark GB10: 128 GB LPDDR5x at 273 GB/s, 1 PF FP4 sparse = 500 dense; BF16 125
        // and FP8 250 derived from it (NVIDIA publishes neither; measured BF16 GEMMs reach
        // 97-101 TFLOPS, which rules out a GeForce-style half rate).
        QTest::newRow("GB10") << "gb10" << 128.0 << 273.0 << 125.0 << 250.0 << 500.0;
        // Google Cloud TPU v6e documentation: 918 TFLOPS BF16, 32 GB HBM at 1,638 GB/s.
        QTest::newRow("TPU v6e") << "tpu-v6e" << 32.0 << 1638.0 << 918.0 << 918.0 << 0.0;
        // AWS Neuron Trainium2 architecture: BF16 667, FP8 1,299 dense; 96 GB at 2.9 TB/s.
        QTest::newRow("Trainium2") << "trainium2" << 96.0 << 2900.0 << 667.0 << 1299.0 << 0.0;
        // RidgeRun Jetson AGX Thor SoM overview: 128 GB LPDDR5x, 256-bit, 273 GB/s.
        QTest::newRow("Jetson AGX Thor") << "jetson-agx-thor" << 128.0 << 273.0 << 0.0 << 0.0 << 0.0;
        // aiconfigurator systems/rtx_pro_6000_server.yaml: the Workstation rates at the
        // Server Edition's observed clock (about 7 % lower); 96 GB GDDR7 at 1.792 TB/s.
        QTest::newRow("RTX PRO 6000 Server") << "rtx-pro-6000-server" << 96.0 << 1792.0 << 467.8 << 935.6 << 1871.2;
        // GeForce RTX 5080: 16 GB GDDR7 256-bit at 960 GB/s; FP4 1,801 sparse = 900.5 dense.
        QTest::newRow("RTX 5080") << "rtx-5080" << 16.0 << 960.0 << 113.0 << 450.0 << 900.5;
        // AMD MI350X: 288 GB at 8 TB/s; the MI355X rates scaled by clock (2,200 / 2,400 MHz).
        QTest::newRow("MI350X") << "mi350x" << 288.0 << 8000.0 << 2300.0 << 4600.0 << 9200.0;
        // aiconfigurator systems/b60.yaml: 24 GB at 456 GB/s, BF16 98.3 (XMX), no FP8 path.
        QTest::newRow("Arc Pro B60") << "arc-pro-b60" << 24.0 << 456.0 << 98.3 << 0.0 << 0.0;
        // Apple (Macworld / Ars Technica Mac Studio 2025, MacRumors Mac mini 2024): memory and
        // bandwidth per configuration; the FP32 rate stands for FP16 on Apple GPUs.
        QTest::newRow("M3 Ultra 256GB") << "apple-m3-ultra-256gb" << 256.0 << 819.0 << 28.4 << 0.0 << 0.0;
        QTest::newRow("M3 Ultra 96GB") << "apple-m3-ultra-96gb" << 96.0 << 819.0 << 21.3 << 0.0 << 0.0;
        QTest::newRow("M4 Max 128GB") << "apple-m4-max-128gb" << 128.0 << 546.0 << 18.4 << 0.0 << 0.0;
        QTest::newRow("M4 Max 36GB") << "apple-m4-max-36gb" << 36.0 << 410.0 << 14.7 << 0.0 << 0.0;
        QTest::newRow("M4 Pro 64GB") << "apple-m4-pro-64gb" << 64.0 << 273.0 << 9.2 << 0.0 << 0.0;
        QTest::newRow("M4 Pro 24GB") << "apple-m4-pro-24gb" << 24.0 << 273.0 << 7.4 << 0.0 << 0.0;
        // Ryzen AI Max+ 395: 256-bit LPDDR5X-8000 = 256 GB/s; no published BF16 rate.
        // BF16 59.4: AMD GPUOpen's 512 FLOPS per clock per RDNA 3 CU x 40 CU x 2.9 GHz (derived).
        QTest::newRow("Ryzen AI Max+ 395 128GB") << "ryzen-ai-max-395-128gb" << 128.0 << 256.0 << 59.4 << 0.0 << 0.0;
        QTest::newRow("Ryzen AI Max+ 395 64GB") << "ryzen-ai-max-395-64gb" << 64.0 << 256.0 << 59.4 << 0.0 << 0.0;
        // Google Cloud TPU7x documentation: 2,307 BF16 and 4,614 FP8 TFLOPS, 192 GB at 7.37 TB/s.
        QTest::newRow("TPU v7") << "tpu-v7" << 192.0 << 7370.0 << 2307.0 << 4614.0 << 0.0;
        // H200 NVL: 141 GB HBM3e at 4.8 TB/s; tensor rates not filled (no NVL-specific source).
        QTest::newRow("H200 NVL") << "h200-nvl" << 141.0 << 4800.0 << 0.0 << 0.0 << 0.0;
    }

    void datasheetFigures()
    {
        QFETCH(QString, id);
        QFETCH(double, memoryGB);
        QFETCH(double, bandwidthGBps);
        QFETCH(double, bf16);
        QFETCH(double, fp8);
        QFETCH(double, fp4);
        const GpuSpec g = gpu(qPrintable(id));
        QCOMPARE(units::inGB(g.memory), memoryGB);
        QCOMPARE(units::inGBPerSecond(g.memoryBandwidth), bandwidthGBps);
        QCOMPARE(units::inTeraflopsPerSecond(g.bf16), bf16);
        QCOMPARE(units::inTeraflopsPerSecond(g.fp8), fp8);
        QCOMPARE(units::inTeraflopsPerSecond(g.fp4), fp4);
        QVERIFY(!g.source.empty());
    }

    // The new CPUs against their vendors' figures (cores, memory channels and
    // the peak those give); every DDR row's bandwidth is channels x MT/s x 8 B.
    void cpuFigures()
    {
        struct Row {
            const char *id;
            int cores;
            double bandwidthGBps;
        };
        // AMD EPYC 9005 (StorageReview's Turin launch table, AMD product pages): 12 channels of
        // DDR5-6000; Xeon 6900P (hardwareluxx): 12 of DDR5-6400; Xeon 6700P (HPE QuickSpecs): 8;
        // Threadripper PRO 7995WX: 8 of DDR5-5200; desktop parts dual channel; Grace: 512 GB/s
        // LPDDR5X per NVIDIA's GB200 NVL72 table.
        for (const Row &r :
             {Row{"epyc-9575f", 64, 576}, Row{"epyc-9965", 192, 576}, Row{"xeon-6980p", 128, 614.4},
              Row{"xeon-6767p", 64, 409.6}, Row{"threadripper-pro-7995wx", 96, 332.8}, Row{"ryzen-9-9950x", 16, 89.6},
              Row{"core-ultra-9-285k", 24, 102.4}, Row{"nvidia-grace", 72, 512}}) {
            const std::optional<CpuSpec> cpu = shippedCatalogue().find<CpuSpec>(QString::fromLatin1(r.id));
            QVERIFY2(cpu, r.id);
            QCOMPARE(cpu->cores, r.cores);
            QCOMPARE(units::inGBPerSecond(cpu->memoryBandwidth), r.bandwidthGBps);
            QVERIFY(!cpu->source.empty());
        }
        const QRegularExpression ddr(QStringLiteral("^DDR[45]-(\\d+)"));
        int derivedRows = 0;
        for (const CpuSpec &cpu : shippedCatalogue().list<CpuSpec>()) {
            const QRegularExpressionMatch m = ddr.match(QString::fromStdString(cpu.memoryType));
            if (!m.hasMatch() || cpu.memoryChannels <= 0 || cpu.memoryBandwidth <= units::gigabytesPerSecond(0))
                continue;
            const double derived = cpu.memoryChannels * m.captured(1).toDouble() * 8 / 1000;
            QVERIFY2(std::abs(units::inGBPerSecond(cpu.memoryBandwidth) - derived) < 0.05, cpu.id.c_str());
            ++derivedRows;
        }
        QVERIFY(derivedRows >= 25);
    }

    // The issue's coverage: at least 50 accelerators, 20 CPUs and 70 cloud
    // instances, every row sourced, every price dated; each part it names listed.
    void theCatalogueCoversCurrentHardware()
    {
        const Catalogue &c = shippedCatalogue();
        const std::vector<GpuSpec> gpus = c.list<GpuSpec>();
        QVERIFY2(gpus.size() >= 50, qPrintable(QString::number(gpus.size())));
        QVERIFY(c.list<CpuSpec>().size() >= 20);
        const std::vector<CloudInstance> instances = c.list<CloudInstance>();
        QVERIFY(instances.size() >= 70);
        std::set<std::string> ids;
        for (const GpuSpec &g : gpus) {
            ids.insert(g.id);
            QVERIFY2(!g.source.empty(), g.id.c_str());
            QVERIFY2(!g.price || !g.price->date.empty(), g.id.c_str());
        }
        for (const char *named :
             {"b300", "gb200", "gb300", "rtx-pro-6000-ws", "rtx-pro-6000-server", "rtx-5090", "rtx-5080", "mi350x",
              "mi355x", "arc-pro-b60", "jetson-agx-thor", "gb10", "apple-m3-ultra-512gb", "apple-m4-max-128gb",
              "apple-m4-pro-64gb", "ryzen-ai-max-395-128gb", "tpu-v6e", "tpu-v7", "trainium2"})
            QVERIFY2(ids.count(named), named);
        for (const CloudInstance &i : instances)
            QVERIFY2(!i.onDemand || (!i.priceDate.empty() && !i.region.empty()), i.id.c_str());
        // Blackwell rentals and the seeds' 3-year reserved prices.
        for (const char *named : {"aws-p6-b200.48xlarge", "aws-g4dn.xlarge", "aws-p4d.24xlarge"})
            QVERIFY2(c.find<CloudInstance>(QString::fromLatin1(named)), named);
        QVERIFY(c.find<CloudInstance>(QStringLiteral("aws-g4dn.xlarge"))->reserved3Year);
        QVERIFY(c.find<CloudInstance>(QStringLiteral("aws-p4d.24xlarge"))->reserved3Year);
    }

    // The shipped GB200 NVL72 template: one NVLink domain of 72 GPUs, so
    // tensor parallelism of 16 (four compute trays' worth) stays on NVLink 5
    // at 900 GB/s per direction per GPU.
    void anNvl72RackIsOne72GpuNvlinkDomain()
    {
        const Plan plan = planWithServer("gb200-nvl72", "deepseek-r1", {});
        const Cluster c = reduceToCluster(plan.scenarios.front().topology, plan.parts);
        QVERIFY2(c.problem.empty(), c.problem.text().c_str());
        QCOMPARE(c.gpuCount, 72);
        QCOMPARE(c.gpusPerServer, 72);
        const PerfLinks tp16 = linksFor(c, {16, 1, 1, false});
        QCOMPARE(units::inGBPerSecond(tp16.tensorParallel.bandwidth), 900.0);
        for (const TopologyIssue &issue : checkTopology(plan.scenarios.front().topology, plan.parts))
            QVERIFY2(issue.message.text().find("at most") == std::string::npos, issue.message.text().c_str());
    }

    // A Mac Studio M3 Ultra 512 GB: macOS lets its GPU wire 3/4 of the memory
    // by default (384 GiB). DeepSeek-R1 at GGUF Q4_K_M (402.9 GB of weights;
    // the published file is 404 GB) fits inside that share; Q5_K_M (about
    // 475 GB) is less than the 512 GiB installed but more than the share, so
    // it does not fit. Both verdicts say how much the GPU may use and how to
    // raise it.
    void aMacHoldsR1OnlyWithinTheGpuShare()
    {
        DeploymentSettings settings;
        settings.engineId = "llama.cpp";
        settings.weightFormat = "q4_k_m";
        const Plan q4 = planWithServer("mac-studio-m3-ultra-512gb", "deepseek-r1", settings);
        QVERIFY(checkTopology(q4.scenarios.front().topology, q4.parts).empty()); // the chip is CPU and memory too
        const VersionEstimate fits = evaluatePlan(q4).front().versions.front();
        QVERIFY(fits.verdict.fits == Answer::Yes);
        QCOMPARE(units::inGiB(fits.memory.capacity), 384.0);
        QVERIFY(fits.capacityNote);
        QCOMPARE(fits.capacityNote->text(),
                 std::string("the GPU may use 75 % of the 512 GB unified memory by default (384 GiB); macOS raises "
                             "the limit with sudo sysctl iogpu.wired_limit_mb=<MiB>"));

        // vLLM has no Metal backend: the estimate says so rather than timing one.
        Plan onVllm = q4;
        onVllm.scenarios.front().deployment.engineId = "vllm";
        const VersionEstimate refused = evaluatePlan(onVllm).front().versions.front();
        QCOMPARE(refused.verdict.reason.text(), std::string("vLLM does not run on Apple GPUs; choose llama.cpp"));

        settings.weightFormat = "q5_k_m";
        Plan q5 = q4;
        q5.scenarios.front().deployment = settings;
        const VersionEstimate tooBig = evaluatePlan(q5).front().versions.front();
        QVERIFY(tooBig.verdict.fits == Answer::No);
        QVERIFY(tooBig.memory.perGpu.total() < gpu("apple-m3-ultra-512gb").memory);
        QVERIFY(tooBig.capacityNote);
    }

    // The CPU efficiency factors are the medians of the published llama.cpp
    // CPU runs marked "fit"; the held-out runs fall inside the range, and
    // their error at the nominal factor is printed.
    void cpuEfficiencyIsFittedToPublishedRuns()
    {
        QFile file(QStringLiteral(PLANNER_FIXTURES "/measurements/llamacpp-cpu.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::optional<CsvTable> csv = parseCsv(QString::fromUtf8(file.readAll())).table;
        QVERIFY(csv);
        const auto column = [&](const QStringList &row, const char *name) {
            return row.at(csv->header.indexOf(QLatin1String(name)));
        };
        std::vector<double> memoryFit, computeFit;
        std::vector<std::pair<QString, double>> memoryHeldOut, computeHeldOut;
        for (const QStringList &row : csv->rows) {
            CpuSpec cpu;
            cpu.cores = column(row, "threads").toInt();
            cpu.boostGhz = column(row, "boost_ghz").toDouble();
            cpu.avx512 = column(row, "avx512") == QLatin1String("1");
            const bool fit = column(row, "role") == QLatin1String("fit");
            const QString label = column(row, "label");
            // Decode reads the weights once per token: bandwidth used = tg x size.
            if (!column(row, "tg_tps").isEmpty()) {
                const double used = column(row, "tg_tps").toDouble() * column(row, "size_gib").toDouble()
                                    * units::inGB(units::gibibytes(1));
                const double share = used / column(row, "bandwidth_gbps").toDouble();
                if (fit)
                    memoryFit.push_back(share);
                else
                    memoryHeldOut.emplace_back(label, share);
            }
            // Prompt processing: 2 FLOPs per parameter per token.
            if (!column(row, "pp_tps").isEmpty()) {
                const double flops = column(row, "pp_tps").toDouble() * 2 * column(row, "params_billion").toDouble();
                const double peak = cpu.cores * cpu.boostGhz * vectorFlopsPerCycle(cpu); // GFLOP/s
                if (fit)
                    computeFit.push_back(flops / peak);
                else
                    computeHeldOut.emplace_back(label, flops / peak);
            }
        }
        const auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            const size_t n = v.size();
            return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        };
        GpuSpec device;
        device.runsOnCpu = true;
        const EfficiencyRange range = efficiencyFor(*findEngineProfile("llama.cpp"), device);
        QVERIFY(std::abs(median(memoryFit) - range.nominal.memory) < 0.005);
        QVERIFY(std::abs(median(computeFit) - range.nominal.compute) < 0.005);
        for (const auto &[label, share] : memoryHeldOut) {
            qInfo("held out %s: decode uses %.0f %% of peak; nominal %.0f %% predicts %+.0f %%", qPrintable(label),
                  share * 100, range.nominal.memory * 100, (range.nominal.memory / share - 1) * 100);
            QVERIFY(share >= range.pessimistic.memory && share <= range.optimistic.memory);
        }
        for (const auto &[label, share] : computeHeldOut) {
            qInfo("held out %s: prompt uses %.0f %% of the vector rate; nominal %.0f %% predicts %+.0f %%",
                  qPrintable(label), share * 100, range.nominal.compute * 100,
                  (range.nominal.compute / share - 1) * 100);
            QVERIFY(share >= range.pessimistic.compute && share <= range.optimistic.compute);
        }
    }

    // A desktop with a 16-core Ryzen 9 9950X and two DDR5-5600 DIMMs (dual
    // channel, 89.6 GB/s) and no GPU runs Llama-3.1-8B Q4_K_M on llama.cpp's
    // CPU backend at the speed its memory bandwidth allows. The published
    // anchor on the same memory system (dual-channel DDR5-5600, 89.6 GB/s):
    // 14.42 tokens/s for Llama-2-7B Q4_0 (3.56 GiB) on a Ryzen 9 7940HS
    // (llm-tracker.info-vault, llama-bench b3841, tg128), which is 11.2
    // tokens/s for the 4.58 GiB of Llama-3.1-8B Q4_K_M (the size llama-bench
    // prints, ik_llama.cpp#437). Tolerance 15 %: the anchor's bandwidth
    // share is one run's, and the fitted factor is a median of four. The
    // anchor is one of the four fit rows, so this checks the device's
    // construction (cores, DIMMs, bandwidth, the CPU path through the
    // engine), not the factor's accuracy; the held-out rows above do that.
    void aDesktopCpuDecodesAtItsMemoryBandwidth()
    {
        Plan plan;
        plan.scenarios.push_back({});
        Scenario &s = plan.scenarios.front();
        s.name = "desktop";
        s.deployment.engineId = "llama.cpp";
        s.deployment.weightFormat = "q4_k_m";
        const CpuSpec cpu = *shippedCatalogue().find<CpuSpec>(QStringLiteral("ryzen-9-9950x"));
        const MemoryModuleSpec dimm = *shippedCatalogue().find<MemoryModuleSpec>(
            QStringLiteral("ddr5-5600-udimm-32gb"));
        QCOMPARE(units::inGBPerSecond(cpu.memoryBandwidth), 89.6);
        planedit::keep(plan.parts, planedit::PartSpec{cpu});
        planedit::keep(plan.parts, planedit::PartSpec{dimm});
        s.topology.nodes = {{1, NodeKind::Server, 0, "", "", "Desktop", 1, "", 0, 0},
                            {2, NodeKind::Cpu, 1, cpu.id, "", cpu.name, 1, "", 0, 0},
                            {3, NodeKind::Memory, 1, dimm.id, "", dimm.name, 2, "", 0, 0}};
        planedit::keep(plan.parts, *shippedCatalogue().find<ModelSpec>(QStringLiteral("llama-3.1-8b")));
        plan.modelIds = {"llama-3.1-8b"};
        plan.workload.concurrency = 1;
        plan.workload.inputTokens = 512;
        plan.workload.outputTokens = 128;
        const ScenarioEstimate e = evaluatePlan(plan).front();
        QVERIFY2(e.cluster.problem.empty(), e.cluster.problem.text().c_str());
        QVERIFY(e.cluster.cpuOnly);
        QCOMPARE(units::inGiB(e.cluster.gpu->usableMemory), 64.0);
        const VersionEstimate &v = e.versions.front();
        QVERIFY2(v.speed, v.verdict.reason.text().c_str());
        QVERIFY(v.speed->decode.bound == Bound::Memory);
        const double tokensPerSecond = 1 / units::inSeconds(v.speed->nominal.tpot);
        const double published = 14.42 * 3.56 / 4.58;
        qInfo("9950X + DDR5-5600: %.2f tokens/s estimated, %.2f from the published anchor", tokensPerSecond, published);
        QVERIFY2(std::abs(tokensPerSecond / published - 1) < 0.15, qPrintable(QString::number(tokensPerSecond)));

        // vLLM needs a GPU: the estimate says so instead of inventing one.
        plan.scenarios.front().deployment.engineId = "vllm";
        const VersionEstimate onVllm = evaluatePlan(plan).front().versions.front();
        QVERIFY(onVllm.verdict.fits == Answer::Unknown);
        QVERIFY(onVllm.verdict.reason.text().find("needs a GPU") != std::string::npos);
    }

    // A server template's scale-out ports come with the catalogue's adapter,
    // cable and switch for their link (a priced part first, then one as fast
    // as the link, then the cheapest per port), kept in the plan, so its
    // bill counts the adapters: a DGX H100's 8 NDR ports are 8 single-port
    // ConnectX-7 at 2,188 USD (FS.com, 2026-09).
    void aServerComesWithItsNetworkParts()
    {
        const std::optional<ResolvedServer> dgx = shippedCatalogue().resolveServer(QStringLiteral("dgx-h100"));
        QVERIFY(dgx && dgx->network.adapter && dgx->network.fabricSwitch && dgx->network.cable);
        QCOMPARE(dgx->network.adapter->id, std::string("cx7-mcx75310aas-neat"));
        QCOMPARE(units::inGBPerSecond(dgx->network.fabricSwitch->portBandwidth), 50.0);
        const Plan plan = planWithServer("dgx-h100", "llama-3.1-8b", {});
        QCOMPARE(plan.parts.nics.size(), size_t(1));
        const std::vector<BomLine> lines = onPremBuildOf(plan.scenarios.front().topology, plan.parts).lines;
        const auto adapters = std::find_if(lines.begin(), lines.end(),
                                           [](const BomLine &l) { return l.id == "cx7-mcx75310aas-neat"; });
        QVERIFY(adapters != lines.end());
        QCOMPARE(adapters->quantity, 8);
        QCOMPARE(adapters->unitUsd, std::optional<double>(2188));
    }

    // TPUs and Trainium are estimated with the GPU factors, and the estimate's
    // stated ranges say that this is an assumption.
    void aTpuEstimateSaysItIsNotCalibrated()
    {
        for (const char *id : {"tpu-v6e", "tpu-v7", "trainium2"}) {
            const EfficiencyRange range = efficiencyFor(*findEngineProfile("vllm"), gpu(id));
            QVERIFY2(range.source.find("is not a GPU") != std::string::npos, id);
        }
        QVERIFY(efficiencyFor(*findEngineProfile("vllm"), gpu("b300")).source.find("not a GPU") == std::string::npos);
    }

    // A part without the figure an estimate needs makes that estimate
    // unknown, never 0: a DGX Spark as plans saved it before the catalogue
    // had its BF16 rate, and GB200, which has no public price.
    void aPartWithoutAFigureIsUnknown()
    {
        DeploymentSettings settings;
        settings.engineId = "vllm";
        Plan spark = planWithServer("dgx-spark", "llama-3.1-8b", settings);
        for (GpuSpec &g : spark.parts.gpus)
            g.bf16 = units::teraflopsPerSecond(0);
        const ScenarioEstimate e = evaluatePlan(spark).front();
        const VersionEstimate &v = e.versions.front();
        QVERIFY(v.verdict.fits == Answer::Yes);
        QVERIFY(v.verdict.serves == Answer::Unknown);
        QCOMPARE(v.verdict.reason.text(),
                 std::string("NVIDIA GB10 Grace Blackwell Superchip (DGX Spark) has no BF16 rate in the catalogue"));
        QVERIFY(!v.speed);

        const Plan rack = planWithServer("gb200-nvl72", "deepseek-r1", {});
        const ScenarioEstimate priced = evaluatePlan(rack).front();
        QVERIFY(priced.costCompleteness == CostCompleteness::Unknown);
        QVERIFY(!priced.unpricedGpusOrInstances.empty());
        QVERIFY(!priced.versions.front().usdPerMillionOutputTokens);
    }
};

QTEST_APPLESS_MAIN(TestCurrentHardware)
#include "test_currenthardware.moc"
