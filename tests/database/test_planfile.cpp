// Plan files: plans built from the real catalogue survive a save and a load
// byte for byte and field for field (a MoE model keeps its exact parameter
// count), every part kind of the catalogue round-trips, every malformed file
// is refused with a message that says where, a newer format version is
// refused, a failed save leaves the earlier file untouched, and the sample
// plans shipped in resources/plans open.

#include "core/model/builtinmodels.h"
#include "core/model/parametercount.h"
#include "database/catalogue.h"
#include "database/cataloguerows.h"
#include "database/planfile.h"
#include "support/filebytes.h"
#include "support/jsonedit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <functional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace planner;
using namespace planner::testsupport;

namespace {

// ------------------------------------------------------------ plan builders
// Plans built the way the canvas builds them: a server template dropped as a
// server with its GPU group (the template's NVLink/NVSwitch fabric), CPUs,
// memory and NICs, every spec copied into the snapshot.

template <typename Spec>
void keep(std::vector<Spec> &snapshot, const Spec &spec)
{
    if (std::none_of(snapshot.begin(), snapshot.end(), [&](const Spec &s) { return s.id == spec.id; }))
        snapshot.push_back(spec);
}

template <typename Spec>
Spec must(const Catalogue &catalogue, const char *id)
{
    const std::optional<Spec> spec = catalogue.find<Spec>(QLatin1String(id));
    if (!spec)
        qFatal("the catalogue has no '%s'", id);
    return *spec;
}

int addNode(Topology &t, NodeKind kind, int parent, const std::string &catalogueId, const std::string &name, int count)
{
    TopologyNode n;
    n.id = t.nextId();
    n.kind = kind;
    n.parent = parent;
    n.catalogueId = catalogueId;
    n.name = name;
    n.count = count;
    t.nodes.push_back(n);
    return n.id;
}

// A server from its template; `storage` adds drives where the template names none.
int addTemplateServer(Plan &plan, Scenario &s, const Catalogue &catalogue, const char *templateId, double x, double y,
                      const char *storageId = nullptr, int storageCount = 0)
{
    const std::optional<ResolvedServer> r = catalogue.resolveServer(QLatin1String(templateId));
    if (!r)
        qFatal("the catalogue has no server template '%s'", templateId);
    PartSnapshot &parts = plan.parts;
    Topology &t = s.topology;
    keep(parts.servers, r->server);
    keep(parts.gpus, r->gpu);
    const int server = addNode(t, NodeKind::Server, 0, r->server.id, r->server.name, 1);
    t.node(server)->x = x;
    t.node(server)->y = y;
    const int gpus = addNode(t, NodeKind::Gpu, server, r->gpu.id, r->gpu.name, r->server.gpu.count);
    if (r->gpuLink && r->gpuLink->kind != LinkKind::Pcie) { // PCIe: no fabric of their own
        keep(parts.links, *r->gpuLink);
        t.node(gpus)->fabricLinkId = r->gpuLink->id;
    }
    if (r->cpu) {
        keep(parts.cpus, *r->cpu);
        addNode(t, NodeKind::Cpu, server, r->cpu->id, r->cpu->name, r->server.cpu.count);
    }
    if (r->memory) {
        keep(parts.memory, *r->memory);
        addNode(t, NodeKind::Memory, server, r->memory->id, r->memory->name, r->server.memory.count);
    }
    if (r->storage) {
        keep(parts.storage, *r->storage);
        addNode(t, NodeKind::Storage, server, r->storage->id, r->storage->name, r->server.storage.count);
    } else if (storageId) {
        const StorageSpec drive = must<StorageSpec>(catalogue, storageId);
        keep(parts.storage, drive);
        addNode(t, NodeKind::Storage, server, drive.id, drive.name, storageCount);
    }
    if (r->nic && r->server.nic.count > 0) {
        keep(parts.links, *r->nic);
        addNode(t, NodeKind::Nic, server, r->nic->id, r->nic->name, r->server.nic.count);
    }
    return server;
}

// A rented instance: a server naming it, holding its GPUs on their fabric.
int addCloudServer(Plan &plan, Scenario &s, const Catalogue &catalogue, const char *instanceId, const char *fabricId,
                   double x, double y)
{
    const CloudInstance instance = must<CloudInstance>(catalogue, instanceId);
    const GpuSpec gpu = must<GpuSpec>(catalogue, instance.gpuId.c_str());
    keep(plan.parts.instances, instance);
    keep(plan.parts.gpus, gpu);
    Topology &t = s.topology;
    const int server = addNode(t, NodeKind::Server, 0, {}, instance.provider + " " + instance.name, 1);
    t.node(server)->cloudInstanceId = instance.id;
    t.node(server)->x = x;
    t.node(server)->y = y;
    const int gpus = addNode(t, NodeKind::Gpu, server, gpu.id, gpu.name, instance.gpuCount);
    if (fabricId) {
        keep(plan.parts.links, must<LinkSpec>(catalogue, fabricId));
        t.node(gpus)->fabricLinkId = fabricId;
    }
    return server;
}

void addModels(Plan &plan, const Catalogue &catalogue, std::initializer_list<const char *> ids)
{
    for (const char *id : ids) {
        keep(plan.parts.models, must<ModelSpec>(catalogue, id));
        plan.modelIds.push_back(id);
    }
}

// User story 1: DeepSeek-R1 671B for an enterprise on one HGX H200 in FP8,
// against renting the same eight H200 as AWS p5en.48xlarge.
Plan r1OnH200(const Catalogue &catalogue)
{
    Plan plan;
    plan.name = "DeepSeek-R1 671B on 8x H200 (FP8)";
    plan.modelFamily = "DeepSeek-R1";
    addModels(plan, catalogue, {"deepseek-r1"});
    plan.workload.inputTokens = 2000;
    plan.workload.outputTokens = 1000;
    plan.workload.contextTokens = 4096;
    plan.workload.byRequestRate = false;
    plan.workload.concurrency = 32;
    plan.workload.ttftSloSeconds = 2;
    plan.workload.tpotSloSeconds = 0.05;

    Scenario onPrem;
    onPrem.name = "On-prem: HGX H200 8-GPU";
    onPrem.deployment.weightFormat = "fp8-block";
    // DGX H200 ships 8x 3.84 TB U.2 NVMe for data; the template names no drive.
    addTemplateServer(plan, onPrem, catalogue, "hgx-h200-8gpu", 100, 100, "samsung-pm9a3-3.84tb", 8);
    plan.scenarios.push_back(onPrem);

    Scenario cloud;
    cloud.name = "Cloud: AWS p5en.48xlarge";
    cloud.deployment.weightFormat = "fp8-block";
    addCloudServer(plan, cloud, catalogue, "aws-p5en.48xlarge", "nvswitch-gen3-hgx-h100", 100, 100);
    plan.scenarios.push_back(cloud);
    return plan;
}

// User story 2: a team server for R1-Distill-Qwen-32B, AWQ INT4 on two RTX
// 4090 that talk over PCIe only (`fit` puts it at 15.4 of 25.3 GB per GPU).
Plan distillOn4090s(const Catalogue &catalogue)
{
    Plan plan;
    plan.name = "R1-Distill-Qwen-32B on 2x RTX 4090 (AWQ INT4)";
    plan.modelFamily = "DeepSeek-R1";
    addModels(plan, catalogue, {"deepseek-r1-distill-qwen-32b"});
    plan.workload.inputTokens = 1024;
    plan.workload.outputTokens = 512;
    plan.workload.contextTokens = 4096;
    plan.workload.byRequestRate = false;
    plan.workload.concurrency = 4;
    plan.workload.ttftSloSeconds = 2;
    plan.workload.tpotSloSeconds = 0.1;

    Scenario s;
    s.name = "Workstation: 2x RTX 4090";
    s.deployment.weightFormat = "awq-int4-g128";
    const int server = addTemplateServer(plan, s, catalogue, "rtx4090-2x-workstation", 100, 100);
    // The template leaves the host open: a desktop CPU (x8/x8 for two GPUs) and 64 GB.
    const CpuSpec cpu = must<CpuSpec>(catalogue, "core-i7-12700k");
    const MemoryModuleSpec dimm = must<MemoryModuleSpec>(catalogue, "ddr4-3200-udimm-32gb");
    keep(plan.parts.cpus, cpu);
    keep(plan.parts.memory, dimm);
    addNode(s.topology, NodeKind::Cpu, server, cpu.id, cpu.name, 1);
    addNode(s.topology, NodeKind::Memory, server, dimm.id, dimm.name, 2);
    plan.scenarios.push_back(s);
    return plan;
}

// User story 6: the procurement review of Llama 3.1 70B (and 8B) in FP8,
// buying a DGX H100 against renting AWS p5.48xlarge.
Plan cloudVsOnPrem70b(const Catalogue &catalogue)
{
    Plan plan;
    plan.name = "Llama 3.1 70B: cloud vs on-prem";
    plan.modelFamily = "Llama 3.1";
    addModels(plan, catalogue, {"llama-3.1-70b", "llama-3.1-8b"});
    plan.workload.inputTokens = 1024;
    plan.workload.outputTokens = 256;
    plan.workload.contextTokens = 4096;
    plan.workload.byRequestRate = true;
    plan.workload.requestsPerSecond = 2;
    plan.workload.ttftSloSeconds = 2;
    plan.workload.tpotSloSeconds = 0.1;

    Scenario onPrem;
    onPrem.name = "On-prem: DGX H100";
    onPrem.deployment.weightFormat = "fp8";
    addTemplateServer(plan, onPrem, catalogue, "dgx-h100", 100, 100, "samsung-pm9a3-3.84tb", 8);
    plan.scenarios.push_back(onPrem);

    Scenario cloud;
    cloud.name = "Cloud: AWS p5.48xlarge";
    cloud.deployment.weightFormat = "fp8";
    cloud.cloudTier = CloudTier::OnDemand;
    addCloudServer(plan, cloud, catalogue, "aws-p5.48xlarge", "nvswitch-gen3-hgx-h100", 100, 100);
    plan.scenarios.push_back(cloud);
    return plan;
}

// Every field away from its default: two DGX H100 over InfiniBand, a rented
// p5 on spot prices, edited cost assumptions, a MoE model and a hand-made GPU
// with every optional figure. Node ids in scenario 0: servers 1 and 7, GPUs 2
// and 8, CPUs 3 and 9, memory 4 and 10, storage 5 and 11, NICs 6 and 12; link 13.
Plan everyField(const Catalogue &catalogue)
{
    Plan plan;
    plan.name = "Round trip: \"quotes\", ünïcode and\nnew lines";
    plan.modelFamily = "Llama 3.1";
    addModels(plan, catalogue, {"llama-3.1-70b", "deepseek-r1"});
    plan.workload = PlanWorkload{1500, 300, 8192, true, 2.5, 24, 1.5, 0.07, 0.4, 1.75};
    plan.userPrices = {{PricedKind::Gpu, "h100-sxm", 21500.5, "2026-12-01", "vendor quote \"Q-77\""},
                       {PricedKind::Instance, "aws-p5.48xlarge", 39.9, "2026-11-30", "EDP rate"},
                       {PricedKind::Switch, "quantum-qm8700", 18000, "2026-12-07", "reseller quote"}};

    Scenario onPrem;
    onPrem.name = "On-prem: 2x DGX H100";
    onPrem.deployment = DeploymentSettings{"fp8", "fp8", "sglang", 8, 2};
    onPrem.deployment.speculative = "eagle:3:2.4";
    onPrem.deployment.expertParallel = 4;
    onPrem.deployment.dataParallelAttention = true;
    onPrem.deployment.maxRunningSequences = 512;
    onPrem.deployment.tokenBudget = 16384;
    onPrem.deployment.prefillPool = {8, 4, 2, 8, true};
    onPrem.deployment.offloadLayers = 12;
    onPrem.deployment.autoOffload = true;
    onPrem.deployment.spareServers = 2;
    onPrem.costs.electricityUsdPerKwh = {0.1234, "our utility bill, 2026-01"};
    onPrem.costs.pue = {1.3, "our data centre, measured 2025"};
    onPrem.costs.amortisationYears = {5, "finance: 5-year depreciation"};
    onPrem.costs.colocationUsdPerKwMonth = {180.5, "colo quote Q-77"};
    onPrem.cloudTier = CloudTier::Reserved3Year;
    addTemplateServer(plan, onPrem, catalogue, "dgx-h100", 100.25, -40, "samsung-pm9a3-3.84tb", 8);
    addTemplateServer(plan, onPrem, catalogue, "dgx-h100", 612.5, -40, "samsung-pm9a3-3.84tb", 8);
    onPrem.topology.links.push_back(TopologyLink{onPrem.topology.nextId(), 6, 12, "ib-ndr", 8});
    plan.scenarios.push_back(onPrem);

    Scenario cloud;
    cloud.name = "Cloud: AWS p5.48xlarge (spot)";
    cloud.deployment = DeploymentSettings{"", "bf16", "vllm", 0, 0};
    cloud.deployment.speculative.clear();
    cloud.cloudTier = CloudTier::Spot;
    cloud.costs.cloudHoursPerMonth = {365, "half the month"};
    // Every training setting off its default.
    TrainingSettings training;
    training.method = TrainingMethod::Qlora;
    training.optimizer = Optimizer::Adam8bit;
    training.sharding = OptimizerSharding::Zero3;
    training.precision = TrainingPrecision::Fp8;
    training.recompute = Recompute::Selective;
    training.schedule = PipelineSchedule::DualPipe;
    training.tensorParallel = 2;
    training.pipelineParallel = 2;
    training.expertParallel = 2;
    training.contextParallel = 2;
    training.virtualStages = 3;
    training.loraRank = 64;
    training.loraTargets = LoraTargets::Attention;
    training.sequenceLength = 8192;
    training.microBatch = 2;
    training.globalBatch = 64;
    training.tokens = 2.5e10;
    training.deadlineDays = 12.5;
    cloud.training = training;
    addCloudServer(plan, cloud, catalogue, "aws-p5.48xlarge", "nvswitch-gen3-hgx-h100", 1e3 / 3, 2.0 / 3);
    plan.scenarios.push_back(cloud);

    GpuSpec lab;
    lab.id = "lab-accelerator";
    lab.name = "Lab accelerator";
    lab.vendor = "Example";
    lab.memoryType = "HBM3e";
    lab.memory = units::gigabytes(141);
    lab.usableMemory = usableGpuMemory(141, 143771);
    lab.memoryBandwidth = units::gigabytesPerSecond(4800);
    lab.fp32 = units::teraflopsPerSecond(67);
    lab.tf32 = units::teraflopsPerSecond(494.5);
    lab.bf16 = units::teraflopsPerSecond(989.4);
    lab.fp8 = units::teraflopsPerSecond(1978.9);
    lab.int8 = units::teraflopsPerSecond(1978.9);
    lab.fp4 = units::teraflopsPerSecond(3957.8);
    lab.tdp = units::watts(700);
    lab.interconnect = "NVLink4";
    lab.nvlinkBandwidth = units::gigabytesPerSecond(900);
    lab.pcieGeneration = 5;
    lab.pcieLanes = 16;
    lab.formFactor = "SXM";
    lab.price = Price{31000.5, "2026-09", {}};
    lab.source = "our procurement quote Q-1234";
    plan.parts.gpus.push_back(lab);
    plan.parts.links.push_back(must<LinkSpec>(catalogue, "ib-hdr")); // with a latency
    return plan;
}

Plan emptyPlan(const Catalogue &)
{
    return Plan{};
}

Plan buildPlan(const QString &which, const Catalogue &catalogue)
{
    if (which == QLatin1String("every field"))
        return everyField(catalogue);
    if (which == QLatin1String("R1 on 8x H200"))
        return r1OnH200(catalogue);
    if (which == QLatin1String("distill on 2x 4090"))
        return distillOn4090s(catalogue);
    if (which == QLatin1String("70B cloud vs on-prem"))
        return cloudVsOnPrem70b(catalogue);
    return emptyPlan(catalogue);
}

// ------------------------------------------------------------ comparisons

template <typename Spec>
std::vector<QVariantMap> rows(const std::vector<Spec> &specs)
{
    std::vector<QVariantMap> result;
    for (const Spec &spec : specs)
        result.push_back(CatalogueRows<Spec>::toRow(spec));
    return result;
}

template <typename Spec>
bool sameRows(const std::vector<Spec> &a, const std::vector<Spec> &b)
{
    const std::vector<QVariantMap> ra = rows(a);
    const std::vector<QVariantMap> rb = rows(b);
    for (size_t i = 0; i < std::min(ra.size(), rb.size()); ++i)
        if (ra[i] != rb[i])
            qWarning() << "part" << i << "differs:" << ra[i] << "vs" << rb[i];
    return ra == rb;
}

bool samePlans(const Plan &a, const Plan &b)
{
    bool same = a.name == b.name && a.modelFamily == b.modelFamily && a.modelIds == b.modelIds
                && a.userPrices == b.userPrices;
    const PlanWorkload &wa = a.workload;
    const PlanWorkload &wb = b.workload;
    same = same && wa.inputTokens == wb.inputTokens && wa.outputTokens == wb.outputTokens
           && wa.contextTokens == wb.contextTokens && wa.byRequestRate == wb.byRequestRate
           && wa.requestsPerSecond == wb.requestsPerSecond && wa.concurrency == wb.concurrency
           && wa.ttftSloSeconds == wb.ttftSloSeconds && wa.tpotSloSeconds == wb.tpotSloSeconds
           && wa.prefixCacheHitRate == wb.prefixCacheHitRate && wa.peakFactor == wb.peakFactor;
    same = same && a.scenarios.size() == b.scenarios.size();
    for (size_t i = 0; same && i < a.scenarios.size(); ++i) {
        const Scenario &sa = a.scenarios[i];
        const Scenario &sb = b.scenarios[i];
        same = sa.name == sb.name && sa.cloudTier == sb.cloudTier && sa.deployment == sb.deployment
               && sa.training == sb.training;
        const CostAssumption *ca = &sa.costs.electricityUsdPerKwh;
        const CostAssumption *cb = &sb.costs.electricityUsdPerKwh;
        static_assert(sizeof(CostAssumptions) == 9 * sizeof(CostAssumption), "a new cost assumption: compare it");
        for (int k = 0; same && k < 9; ++k)
            same = ca[k].value == cb[k].value && ca[k].source == cb[k].source;
        const Topology &ta = sa.topology;
        const Topology &tb = sb.topology;
        same = same && ta.nodes.size() == tb.nodes.size() && ta.links.size() == tb.links.size();
        for (size_t n = 0; same && n < ta.nodes.size(); ++n) {
            const TopologyNode &x = ta.nodes[n];
            const TopologyNode &y = tb.nodes[n];
            same = x.id == y.id && x.kind == y.kind && x.parent == y.parent && x.catalogueId == y.catalogueId
                   && x.cloudInstanceId == y.cloudInstanceId && x.name == y.name && x.count == y.count
                   && x.fabricLinkId == y.fabricLinkId && x.x == y.x && x.y == y.y;
        }
        for (size_t l = 0; same && l < ta.links.size(); ++l) {
            const TopologyLink &x = ta.links[l];
            const TopologyLink &y = tb.links[l];
            same = x.id == y.id && x.from == y.from && x.to == y.to && x.linkId == y.linkId && x.count == y.count;
        }
    }
    const PartSnapshot &pa = a.parts;
    const PartSnapshot &pb = b.parts;
    return same && sameRows(pa.gpus, pb.gpus) && sameRows(pa.cpus, pb.cpus) && sameRows(pa.memory, pb.memory)
           && sameRows(pa.storage, pb.storage) && sameRows(pa.links, pb.links) && sameRows(pa.servers, pb.servers)
           && sameRows(pa.instances, pb.instances) && sameRows(pa.models, pb.models);
}

} // namespace

class TestPlanFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("user.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void roundTripIsExact_data()
    {
        QTest::addColumn<QString>("which");
        for (const char *which :
             {"every field", "R1 on 8x H200", "distill on 2x 4090", "70B cloud vs on-prem", "empty"})
            QTest::newRow(which) << QString::fromLatin1(which);
    }

    void roundTripIsExact()
    {
        QFETCH(QString, which);
        const Plan original = buildPlan(which, *mCatalogue);
        QVERIFY(validate(original).empty());
        const QByteArray bytes = serializePlan(original);
        const PlanFileResult read = parsePlan(bytes);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QVERIFY(read.plan);
        QVERIFY(samePlans(original, *read.plan));
        QCOMPARE(serializePlan(*read.plan), bytes);
    }

    void documentHasFormatAndVersion()
    {
        const QJsonObject root = QJsonDocument::fromJson(serializePlan(r1OnH200(*mCatalogue))).object();
        QCOMPARE(root.value(QLatin1String("format")).toString(), QStringLiteral("llm-planner-plan"));
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        // Every cost assumption with its source, the tier by name, parts in catalogue columns.
        const QJsonObject pue = valueAt(root, QStringLiteral("scenarios.0.costs.pue")).toObject();
        QCOMPARE(pue.value(QLatin1String("value")).toDouble(), CostAssumptions{}.pue.value);
        QCOMPARE(pue.value(QLatin1String("source")).toString().toStdString(), CostAssumptions{}.pue.source);
        QCOMPARE(valueAt(root, QStringLiteral("scenarios.0.cloud_tier")).toString(), QStringLiteral("on-demand"));
        QCOMPARE(valueAt(root, QStringLiteral("parts.gpus.0.memory_gb")).toDouble(), 141.0);
        QCOMPARE(valueAt(root, QStringLiteral("parts.models.0.moe_routed_experts")).toInt(), 256);
    }

    void moeModelKeepsItsParameterCount()
    {
        // DeepSeek-R1: 671,026,419,200 parameters, 37.55 B active (see tests/core/test_parametercount.cpp).
        const Plan original = everyField(*mCatalogue);
        const PlanFileResult read = parsePlan(serializePlan(original));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const ModelSpec *before = original.parts.model("deepseek-r1");
        const ModelSpec *after = read.plan->parts.model("deepseek-r1");
        QVERIFY(before && after);
        QVERIFY(after->isMoe() && after->mla);
        const ParameterBreakdown a = countParameters(*before);
        const ParameterBreakdown b = countParameters(*after);
        QCOMPARE(b.total(), std::int64_t{671026419200});
        QCOMPARE(b.total(), a.total());
        QCOMPARE(b.totalWithMtp(), a.totalWithMtp());
        QCOMPARE(b.active(), a.active());
        QCOMPARE(after->moe->routerScoreBias, before->moe->routerScoreBias);
        QCOMPARE(after->mtpLayers, before->mtpLayers);
    }

    // Every part of every kind in the catalogue, and every built-in model,
    // reads back with the same catalogue row.
    void everyCataloguePartRoundTrips_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"gpus", "cpus", "memory", "storage", "links", "servers", "instances", "models"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void everyCataloguePartRoundTrips()
    {
        QFETCH(QString, kind);
        Plan plan;
        PartSnapshot &p = plan.parts;
        if (kind == QLatin1String("gpus"))
            p.gpus = mCatalogue->list<GpuSpec>();
        else if (kind == QLatin1String("cpus"))
            p.cpus = mCatalogue->list<CpuSpec>();
        else if (kind == QLatin1String("memory"))
            p.memory = mCatalogue->list<MemoryModuleSpec>();
        else if (kind == QLatin1String("storage"))
            p.storage = mCatalogue->list<StorageSpec>();
        else if (kind == QLatin1String("links"))
            p.links = mCatalogue->list<LinkSpec>();
        else if (kind == QLatin1String("servers"))
            p.servers = mCatalogue->list<ServerTemplate>();
        else if (kind == QLatin1String("instances"))
            p.instances = mCatalogue->list<CloudInstance>();
        else
            p.models = builtinModels();
        const QByteArray bytes = serializePlan(plan);
        const PlanFileResult read = parsePlan(bytes);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const PartSnapshot &q = read.plan->parts;
        const size_t count = p.gpus.size() + p.cpus.size() + p.memory.size() + p.storage.size() + p.links.size()
                             + p.servers.size() + p.instances.size() + p.models.size();
        QVERIFY(count >= 3);
        QVERIFY(sameRows(p.gpus, q.gpus));
        QVERIFY(sameRows(p.cpus, q.cpus));
        QVERIFY(sameRows(p.memory, q.memory));
        QVERIFY(sameRows(p.storage, q.storage));
        QVERIFY(sameRows(p.links, q.links));
        QVERIFY(sameRows(p.servers, q.servers));
        QVERIFY(sameRows(p.instances, q.instances));
        QVERIFY(sameRows(p.models, q.models));
        for (size_t i = 0; i < p.models.size(); ++i)
            QCOMPARE(countParameters(q.models[i]).totalWithMtp(), countParameters(p.models[i]).totalWithMtp());
        QCOMPARE(serializePlan(*read.plan), bytes);
    }

    void writeThenRead()
    {
        const Plan plan = everyField(*mCatalogue);
        const QString path = mDir.filePath(QStringLiteral("saved.llmplan"));
        QCOMPARE(writePlanFile(plan, path), QString());
        QCOMPARE(fileBytes(path), serializePlan(plan));
        const PlanFileResult read = readPlanFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QVERIFY(samePlans(plan, *read.plan));
        // Saving again over it replaces it.
        Plan renamed = plan;
        renamed.name = "renamed";
        QCOMPARE(writePlanFile(renamed, path), QString());
        QVERIFY(readPlanFile(path).plan->name == "renamed");
    }

    void readingAMissingFileNamesIt()
    {
        const QString path = mDir.filePath(QStringLiteral("nowhere.llmplan"));
        const PlanFileResult read = readPlanFile(path);
        QVERIFY(!read.plan);
        QVERIFY2(read.error.contains(QDir::toNativeSeparators(path)), qPrintable(read.error));
    }

    void olderPlansOpenWithTheDefaults()
    {
        // Plans written before the layout, the draft, the prefill pool and
        // the prefix cache were stored keep the defaults for them.
        const QByteArray good = serializePlan(everyField(*mCatalogue));
        QList<std::pair<QString, QJsonValue>> removed{{QStringLiteral("workload.prefix_cache_hit_rate"), kRemove},
                                                      {QStringLiteral("workload.peak_factor"), kRemove}};
        for (const char *key : {"expert_parallel", "dp_attention", "max_running_sequences", "token_budget",
                                "speculative", "prefill_pool", "offload_layers", "auto_offload", "spare_servers"})
            removed.append({QStringLiteral("scenarios.0.deployment.") + QLatin1String(key), kRemove});
        removed.append({QStringLiteral("scenarios.1.training"), kRemove});
        removed.append({QStringLiteral("user_prices"), kRemove});
        const PlanFileResult read = parsePlan(edited(good, removed));
        QVERIFY2(read.ok(), qPrintable(read.error));
        const DeploymentSettings &d = read.plan->scenarios.front().deployment;
        QCOMPARE(d.tensorParallel, 8);
        QVERIFY(d == (DeploymentSettings{"fp8", "fp8", "sglang", 8, 2}));
        QCOMPARE(read.plan->workload.prefixCacheHitRate, 0.0);
        QCOMPARE(read.plan->workload.peakFactor, 1.0);
        QCOMPARE(read.plan->scenarios.front().deployment.spareServers, 0);
        QVERIFY(!read.plan->scenarios.at(1).training); // a serving scenario
        QVERIFY(read.plan->userPrices.empty());
    }

    void malformedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray good = serializePlan(everyField(*mCatalogue));
        const auto row = [&](const char *name, const QList<std::pair<QString, QJsonValue>> &edits,
                             const char *message) {
            QTest::newRow(name) << edited(good, edits) << QString::fromUtf8(message);
        };
        const auto s = [](const char *path) { return QString::fromLatin1(path); };

        const auto raw = [](const char *name, const QByteArray &json, const char *message) {
            QTest::newRow(name) << json << QString::fromUtf8(message);
        };
        raw("not JSON", "{ \"format\": ", "not valid JSON");
        raw("empty file", {}, "not valid JSON");
        raw("binary", QByteArray("\x89PNG\r\n\x1a\n", 8), "not valid JSON");
        raw("an array", "[1, 2]", "not a plan file: the JSON document is not an object");
        raw("a config.json", R"({"hidden_size": 4096, "num_hidden_layers": 32})",
            "not a plan file: 'format' must be \"llm-planner-plan\", got nothing");
        row("wrong format name", {{s("format"), QStringLiteral("tiled-map")}},
            "not a plan file: 'format' must be \"llm-planner-plan\", got the string \"tiled-map\"");
        row("version missing", {{s("version"), kRemove}}, "missing required field 'version'");
        row("version as text", {{s("version"), QStringLiteral("1")}}, "'version' must be a positive integer");
        row("version 0", {{s("version"), 0}}, "'version' must be a positive integer, got 0");
        row("name missing", {{s("name"), kRemove}}, "missing required field 'name'");
        row("name a number", {{s("name"), 7}}, "'name' must be a string, got 7");
        row("model_ids not an array", {{s("model_ids"), QStringLiteral("llama")}}, "'model_ids' must be an array");
        row("model id a number", {{s("model_ids.1"), 3}}, "model_ids[1]: must be a string, got 3");
        row("workload missing", {{s("workload"), kRemove}}, "missing required field 'workload'");
        row("concurrency as text", {{s("workload.concurrency"), QStringLiteral("16")}},
            "workload: 'concurrency' must be an integer, got the string \"16\"");
        row("fractional tokens", {{s("workload.input_tokens"), 1.5}}, "workload: 'input_tokens' must be an integer");
        row("rate flag a number", {{s("workload.by_request_rate"), 1}},
            "workload: 'by_request_rate' must be true or false");
        row("scenarios missing", {{s("scenarios"), kRemove}}, "missing required field 'scenarios'");
        row("scenarios an object", {{s("scenarios"), QJsonObject()}}, "'scenarios' must be an array, got an object");
        row("scenario a number", {{s("scenarios.1"), 5}}, "scenarios[1]: must be an object, got 5");
        row("deployment missing", {{s("scenarios.1.deployment"), kRemove}},
            "scenarios[1]: missing required field 'deployment'");
        row("negative tensor parallel", {{s("scenarios.0.deployment.tensor_parallel"), -2}},
            "scenarios[0].deployment: 'tensor_parallel' must be a non-negative integer, got -2");
        row("prefill pool of negative GPUs", {{s("scenarios.0.deployment.prefill_pool.gpus"), -8}},
            "scenarios[0].deployment.prefill_pool: 'gpus' must be a non-negative integer, got -8");
        row("data-parallel attention as text", {{s("scenarios.0.deployment.dp_attention"), QStringLiteral("yes")}},
            "scenarios[0].deployment: 'dp_attention' must be true or false");
        row("cost assumption missing", {{s("scenarios.0.costs.pue"), kRemove}},
            "scenarios[0].costs: missing required field 'pue'");
        row("cost value missing", {{s("scenarios.0.costs.pue.value"), kRemove}},
            "scenarios[0].costs.pue: missing required field 'value'");
        row("cost source a number", {{s("scenarios.1.costs.horizon_months.source"), 36}},
            "scenarios[1].costs.horizon_months: 'source' must be a string");
        row("cost value text", {{s("scenarios.0.costs.electricity_usd_per_kwh.value"), QStringLiteral("cheap")}},
            "scenarios[0].costs.electricity_usd_per_kwh: 'value' must be a number");
        row("cost value out of range", {{s("scenarios.0.costs.electricity_usd_per_kwh.value"), 1e300}},
            "the electricity tariff (USD/kWh) must be between 0 and 10, got 1e+300");
        row("PUE below 1", {{s("scenarios.1.costs.pue.value"), 0.5}}, "PUE must be between 1 and 5, got 0.5");
        // The same bounds as the config.json and GGUF importers (core/model/modelbounds.h).
        row("model wider than any", {{s("parts.models.0.hidden_size"), 1e9}},
            "hidden_size is 1000000000, larger than any real model (limit 10000000)");
        row("unknown cloud tier", {{s("scenarios.1.cloud_tier"), QStringLiteral("monthly")}},
            "scenarios[1]: 'cloud_tier' must be one of on-demand, 1y, 3y, spot, got \"monthly\"");
        row("unknown training method", {{s("scenarios.1.training.method"), QStringLiteral("dpo")}},
            "scenarios[1].training: 'method' must be one of full, lora, qlora, got \"dpo\"");
        row("training without its sequence length", {{s("scenarios.1.training.sequence_length"), kRemove}},
            "scenarios[1].training: missing required field 'sequence_length'");
        row("zero tensor parallel", {{s("scenarios.1.training.tensor_parallel"), 0}},
            "scenarios[1].training: 'tensor_parallel' must be a positive integer, got 0");
        row("peak below the average", {{s("workload.peak_factor"), 0.5}},
            "the peak factor is the busiest load over the average, from 1 to 100, got 0.5");
        row("price for a rack", {{s("user_prices.0.for"), QStringLiteral("rack")}},
            "user_prices[0]: 'for' must be one of gpu, cpu, memory, storage, nic, cable, switch, chassis, instance, "
            "got \"rack\"");
        row("negative price", {{s("user_prices.1.usd"), -1}},
            "the price typed for aws-p5.48xlarge must be a positive amount below 1e9 USD, got -1");
        row("negative offload", {{s("scenarios.0.deployment.offload_layers"), -3}},
            "scenarios[0].deployment: 'offload_layers' must be a non-negative integer, got -3");
        row("topology missing", {{s("scenarios.0.topology"), kRemove}},
            "scenarios[0]: missing required field 'topology'");
        row("node count 0", {{s("scenarios.0.topology.nodes.3.count"), 0}},
            "scenarios[0].topology.nodes[3]: 'count' must be a positive integer, got 0");
        row("node count beyond any cluster", {{s("scenarios.0.topology.nodes.3.count"), 2'000'000}},
            "has a count of 2000000, more than the 1048576 the planner takes");
        row("node count text", {{s("scenarios.0.topology.nodes.3.count"), QStringLiteral("8")}},
            "scenarios[0].topology.nodes[3]: 'count' must be a positive integer, got the string \"8\"");
        row("node not an object", {{s("scenarios.0.topology.nodes.2"), true}},
            "scenarios[0].topology.nodes[2]: must be an object, got true");
        row("node kind unknown", {{s("scenarios.0.topology.nodes.2.kind"), QStringLiteral("toaster")}},
            "scenarios[0].topology.nodes[2]: 'kind' must be server, gpu, cpu, memory, storage or nic");
        row("node id missing", {{s("scenarios.1.topology.nodes.0.id"), kRemove}},
            "scenarios[1].topology.nodes[0]: missing required field 'id'");
        row("node ids repeat", {{s("scenarios.0.topology.nodes.4.id"), 3}},
            "scenarios[0].topology.nodes[4]: node id 3 is used by another node");
        row("node x text", {{s("scenarios.0.topology.nodes.0.x"), QStringLiteral("left")}},
            "scenarios[0].topology.nodes[0]: 'x' must be a number");
        row("parent missing", {{s("scenarios.0.topology.nodes.1.parent"), 99}},
            "scenarios[0].topology.nodes[1]: parent 99 does not exist");
        row("part outside any server", {{s("scenarios.0.topology.nodes.2.parent"), 0}},
            "scenarios[0].topology.nodes[2]: parent 0 does not exist");
        row("parent not a server", {{s("scenarios.0.topology.nodes.2.parent"), 2}},
            "scenarios[0].topology.nodes[2]: parent 2 is not a server");
        row("cpu not in the parts", {{s("scenarios.0.topology.nodes.2.catalogue_id"), QStringLiteral("xeon-9999")}},
            "scenarios[0].topology.nodes[2]: cpu 'xeon-9999' is not in the plan's parts");
        row("gpu not in the parts", {{s("scenarios.1.topology.nodes.1.catalogue_id"), QStringLiteral("h900")}},
            "scenarios[1].topology.nodes[1]: gpu 'h900' is not in the plan's parts");
        row("template not in the parts", {{s("scenarios.0.topology.nodes.0.catalogue_id"), QStringLiteral("dgx-z")}},
            "scenarios[0].topology.nodes[0]: server 'dgx-z' is not in the plan's parts");
        row("instance not in the parts",
            {{s("scenarios.1.topology.nodes.0.cloud_instance_id"), QStringLiteral("aws-p9")}},
            "scenarios[1].topology.nodes[0]: cloud instance 'aws-p9' is not in the plan's parts");
        row("fabric not in the parts", {{s("scenarios.1.topology.nodes.1.fabric_link_id"), QStringLiteral("warp")}},
            "scenarios[1].topology.nodes[1]: fabric link 'warp' is not in the plan's parts");
        row("link to a missing node", {{s("scenarios.0.topology.links.0.to"), 42}},
            "scenarios[0].topology.links[0]: 'to' node 42 does not exist");
        row("link from a missing node", {{s("scenarios.0.topology.links.0.from"), 41}},
            "scenarios[0].topology.links[0]: 'from' node 41 does not exist");
        row("link kind not in the parts",
            {{s("scenarios.0.topology.links.0.link_id"), QStringLiteral("carrier-pigeon")}},
            "scenarios[0].topology.links[0]: link 'carrier-pigeon' is not in the plan's parts");
        row("link count 0", {{s("scenarios.0.topology.links.0.count"), 0}},
            "scenarios[0].topology.links[0]: 'count' must be a positive integer");
        row("links missing", {{s("scenarios.0.topology.links"), kRemove}},
            "scenarios[0].topology: missing required field 'links'");
        row("parts missing", {{s("parts"), kRemove}}, "missing required field 'parts'");
        row("part kind missing", {{s("parts.instances"), kRemove}}, "parts: missing required field 'instances'");
        row("part not an object", {{s("parts.cpus.0"), QStringLiteral("xeon")}},
            "parts.cpus[0]: must be an object, got the string \"xeon\"");
        row("part id missing", {{s("parts.gpus.0.id"), kRemove}}, "parts.gpus[0]: missing required field 'id'");
        row("part id empty", {{s("parts.memory.0.id"), QString()}}, "parts.memory[0]: 'id' must not be empty");
        row("part figure missing", {{s("parts.gpus.0.bandwidth_gbps"), kRemove}},
            "parts.gpus[0]: missing required field 'bandwidth_gbps'");
        row("part figure as text", {{s("parts.gpus.0.memory_gb"), QStringLiteral("80 GB")}},
            "parts.gpus[0]: 'memory_gb' must be a number, got the string \"80 GB\"");
        row("part text as number", {{s("parts.gpus.0.vendor"), 10}},
            "parts.gpus[0]: 'vendor' must be a string, got 10");
        row("price as text", {{s("parts.gpus.1.price_usd"), QStringLiteral("call us")}},
            "parts.gpus[1]: 'price_usd' must be a number");
        // Finite figures no real part has: 1.5e308 USD times eight GPUs is
        // infinity, and a negative price would lower the capital.
        row("price beyond any part", {{s("parts.gpus.1.price_usd"), 1.5e308}},
            "parts.gpus[1]: 'price_usd' must be between 0 and 1e+12, got 1.5e+308");
        row("negative price", {{s("parts.gpus.1.price_usd"), -5}},
            "parts.gpus[1]: 'price_usd' must be between 0 and 1e+12, got -5");
        row("negative link latency", {{s("parts.links.0.latency_us"), -1}},
            "parts.links[0]: 'latency_us' must be between 0 and 1e+12, got -1");
        row("fractional core count", {{s("parts.cpus.0.cores"), 56.5}},
            "parts.cpus[0]: 'cores' must be an integer, got 56.5");
        row("flag out of range", {{s("parts.cpus.0.amx"), 2}}, "parts.cpus[0]: 'amx' cannot be 2 (it reads as 1)");
        row("unknown link kind", {{s("parts.links.0.kind"), QStringLiteral("warp-drive")}},
            "has an unknown value \"warp-drive\"");
        row("duplicate part",
            {{s("parts.storage.1"), valueAt(QJsonDocument::fromJson(good).object(), s("parts.storage.0"))}},
            "parts.storage[1]: id 'samsung-pm9a3-3.84tb' appears twice in 'storage'");
        row("fractional layer count", {{s("parts.models.1.num_layers"), 61.5}},
            "parts.models[1]: 'num_layers' must be an integer");
        row("MoE group incomplete", {{s("parts.models.1.moe_shared_experts"), kRemove}},
            "parts.models[1]: missing required field 'moe_shared_experts'");
        row("model fails its validation", {{s("parts.models.0.num_layers"), 0}},
            "parts.models[0]: num_hidden_layers must be a positive integer");
        row("model id not in the parts", {{s("model_ids.0"), QStringLiteral("gpt-5")}},
            "model 'gpt-5' is not in the plan's part snapshot");
        row("context zero", {{s("workload.context_tokens"), 0}}, "context");
        row("rate zero", {{s("workload.requests_per_second"), 0}}, "the request rate must be positive");
    }

    void malformedFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const PlanFileResult read = parsePlan(json);
        QVERIFY(!read.plan);
        QVERIFY2(read.error.contains(message), qPrintable(QStringLiteral("got: ") + read.error));
    }

    void unknownKeysAreIgnored()
    {
        const QByteArray good = serializePlan(everyField(*mCatalogue));
        const QByteArray extended = edited(
            good,
            {
                {QStringLiteral("comment"), QStringLiteral("from a later planner")},
                {QStringLiteral("workload.burst"), QJsonObject{{"factor", 2}}},
                {QStringLiteral("scenarios.0.topology.nodes.1.colour"), QStringLiteral("#ff0000")},
                {QStringLiteral("scenarios.0.costs.carbon_price"), QJsonObject{{"value", 80}, {"source", "EU ETS"}}},
                {QStringLiteral("parts.gpus.0.hbm_stacks"), 6},
                {QStringLiteral("parts.switches"), QJsonArray()},
            });
        const PlanFileResult read = parsePlan(extended);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(serializePlan(*read.plan), good);
    }

    void newerVersionIsRefused_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("restructured");
        QTest::newRow("version 2") << 2 << false;
        // A later format may look nothing like this one: the version decides first.
        QTest::newRow("version 7, other layout") << 7 << true;
    }

    void newerVersionIsRefused()
    {
        QFETCH(int, version);
        QFETCH(bool, restructured);
        const QByteArray good = serializePlan(r1OnH200(*mCatalogue));
        QList<std::pair<QString, QJsonValue>> edits{{QStringLiteral("version"), version}};
        if (restructured)
            edits << std::pair{QStringLiteral("scenarios"), QJsonValue(kRemove)}
                  << std::pair{QStringLiteral("documents"), QJsonValue(QJsonArray{1, 2})};
        const PlanFileResult read = parsePlan(edited(good, edits));
        QVERIFY(!read.plan);
        QCOMPARE(read.error, QStringLiteral("this plan was saved by a newer planner (format version %1); "
                                            "this version reads version 1")
                                 .arg(version));
    }

    void failedSaveIntoAMissingFolder()
    {
        const QString path = mDir.filePath(QStringLiteral("no-such-folder/plan.llmplan"));
        const QString error = writePlanFile(r1OnH200(*mCatalogue), path);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }

    // A disk that fills up half-way through: the earlier file keeps its bytes
    // and no temporary file is left beside it.
    void failedSaveLeavesTheOldFileIntact()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("plan.llmplan"));
        QCOMPARE(writePlanFile(distillOn4090s(*mCatalogue), path), QString());
        const QByteArray before = fileBytes(path);
        QVERIFY(!before.isEmpty());

        const Plan bigger = everyField(*mCatalogue);
        QVERIFY(serializePlan(bigger).size() > 8 * 1024);
        // Files may not grow past 4 KiB for the moment: writes beyond fail
        // with EFBIG (SIGXFSZ ignored), which is what a full disk looks like
        // to the writer. Works for root too, unlike a read-only folder.
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        rlimit small = saved;
        small.rlim_cur = 4 * 1024;
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const QString error = writePlanFile(bigger, path);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1String("Unknown error")), qPrintable(error)); // the system's reason
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("plan.llmplan")});
        QVERIFY(readPlanFile(path).ok());
#else
        QSKIP("file-size limits are a POSIX feature");
#endif
    }

    void samplePlansOpen_data()
    {
        QTest::addColumn<QString>("path");
        const QDir plans(QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans"));
        const QStringList files = plans.entryList({QStringLiteral("*.llmplan")}, QDir::Files, QDir::Name);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << plans.filePath(file);
    }

    void samplePlansShip()
    {
        const QDir plans(QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans"));
        for (const char *file : {"deepseek-r1-8x-h200.llmplan", "r1-distill-qwen-32b-2x-rtx4090.llmplan",
                                 "cloud-vs-onprem-llama-3.1-70b.llmplan"})
            QVERIFY2(plans.exists(QLatin1String(file)), file);
    }

    void samplePlansOpen()
    {
        QFETCH(QString, path);
        const PlanFileResult read = readPlanFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        const Plan &plan = *read.plan;
        QVERIFY(!plan.name.empty());
        QVERIFY(!plan.modelIds.empty());
        QVERIFY(!plan.scenarios.empty());
        for (const Scenario &s : plan.scenarios)
            QVERIFY2(std::any_of(s.topology.nodes.begin(), s.topology.nodes.end(),
                                 [](const TopologyNode &n) { return n.kind == NodeKind::Gpu && n.count > 0; }),
                     s.name.c_str());
        // Written by this writer, unedited. After a change to the file format,
        // PLANNER_REWRITE_SAMPLES=1 rewrites them (review the diff before committing).
        if (qEnvironmentVariableIsSet("PLANNER_REWRITE_SAMPLES")) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(serializePlan(plan));
        }
        QCOMPARE(serializePlan(plan), fileBytes(path));
    }
};

QTEST_GUILESS_MAIN(TestPlanFile)
#include "test_planfile.moc"
