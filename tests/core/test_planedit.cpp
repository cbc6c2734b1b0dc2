// The plan edits in core (core/plan/planedit.h): what each edit does to the
// plan, what it reports as changed (core/plan/planchange.h), that an edit
// changing nothing reports nothing (so no empty undo step is pushed), and
// that refusals say why. The catalogue look-ups in front of them
// (database/planparts.h) are exercised on the shipped catalogue.

#include "core/plan/planedit.h"
#include "core/plan/planevaluation.h"
#include "database/catalogue.h"
#include "database/planparts.h"
#include "support/shippedcatalogue.h"

#include <QtTest>

using namespace planner;

namespace {

const Catalogue &shipped()
{
    return testsupport::shippedCatalogue();
}

Plan onePlan()
{
    Plan plan;
    plan.scenarios.push_back(Scenario{"On-prem", {}, {}, {}, CloudTier::OnDemand, {}});
    return plan;
}

// A DGX H100 at (x, y); returns its id.
int addDgx(Plan &plan, double x = 0, double y = 0)
{
    QString error;
    const int id = addTemplateServer(plan, 0, shipped(), QStringLiteral("dgx-h100"), x, y, &error);
    if (id == 0)
        qFatal("cannot add a DGX H100: %s", qPrintable(error));
    return id;
}

const TopologyNode *gpuGroupOf(const Plan &plan, int server)
{
    for (const TopologyNode *n : plan.scenarios[0].topology.partsOf(server))
        if (n->kind == NodeKind::Gpu)
            return n;
    return nullptr;
}

} // namespace

class TestPlanEdit : public QObject
{
    Q_OBJECT

private slots:
    void addServerReportsTheServerAndItsParts()
    {
        Plan plan = onePlan();
        const std::optional<ResolvedServer> dgx = serverTemplateParts(shipped(), QStringLiteral("dgx-h100"), nullptr);
        QVERIFY(dgx);
        const planedit::EditResult added = planedit::addServer(plan, 0, *dgx, {100, 50});
        const Topology &t = plan.scenarios[0].topology;
        QCOMPARE(added.change.aspects, unsigned(PlanChange::Topology));
        QCOMPARE(added.created.size(), size_t(1));
        const int server = added.firstCreated();
        QVERIFY(t.node(server)->kind == NodeKind::Server);
        QCOMPARE(t.node(server)->x, 100.0);
        // The server and every part in it are reported, nothing else.
        std::set<int> expected{server};
        for (const TopologyNode *n : t.partsOf(server))
            expected.insert(n->id);
        QCOMPARE(added.change.items, expected);
        // 8 GPUs over the DGX's NVSwitch, with their specs in the snapshot.
        const TopologyNode *gpus = gpuGroupOf(plan, server);
        QVERIFY(gpus);
        QCOMPARE(gpus->count, 8);
        QVERIFY(plan.parts.gpu(gpus->catalogueId));
        QVERIFY(plan.parts.link(gpus->fabricLinkId));
        QVERIFY(plan.parts.server("dgx-h100"));
    }

    void samePartAgainGrowsItsCount()
    {
        Plan plan = onePlan();
        const std::optional<planedit::PartSpec> gpu = partSpec(shipped(), NodeKind::Gpu, "h100-sxm", nullptr);
        QVERIFY(gpu);
        const planedit::EditResult first = planedit::addPart(plan, 0, *gpu, 0, {0, 0});
        const int server = plan.scenarios[0].topology.servers().front()->id;
        QCOMPARE(plan.scenarios[0].topology.servers().front()->name, std::string("Server 1"));
        const planedit::EditResult second = planedit::addPart(plan, 0, *gpu, server, {0, 0});
        QCOMPARE(second.firstCreated(), first.firstCreated());
        QCOMPARE(plan.scenarios[0].topology.node(first.firstCreated())->count, 2);
        QVERIFY(second.change.items.count(server));
    }

    void partsGoIntoServersOnly()
    {
        Plan plan = onePlan();
        const int server = addDgx(plan);
        const int gpus = gpuGroupOf(plan, server)->id;
        const std::optional<planedit::PartSpec> cpu = partSpec(shipped(), NodeKind::Cpu, "xeon-platinum-8480-plus",
                                                               nullptr);
        QVERIFY(cpu);
        const Plan before = plan;
        const planedit::EditResult refused = planedit::addPart(plan, 0, *cpu, gpus, {0, 0});
        QVERIFY(!refused.change.any());
        QVERIFY(refused.refusal);
        QCOMPARE(refused.refusal->text(), std::string("parts go into a server"));
        QCOMPARE(plan.scenarios[0].topology.nodes.size(), before.scenarios[0].topology.nodes.size());
        QString error;
        QVERIFY(!partSpec(shipped(), NodeKind::Gpu, "no-such-gpu", &error));
        QCOMPARE(error, QStringLiteral("the catalogue has no GPU 'no-such-gpu'"));
    }

    void aMoveIsLayoutOnlyAndChangesNoEstimate()
    {
        Plan plan = onePlan();
        const int a = addDgx(plan);
        const int b = addDgx(plan, 400, 0);
        const PlanChange moved = planedit::moveServers(plan, 0, {{a, {10, 20}}, {b, {400, 0}}});
        QVERIFY(moved.onlyLayout());
        QCOMPARE(moved.items, std::set<int>{a}); // b did not move
        QCOMPARE(plan.scenarios[0].topology.node(a)->y, 20.0);
        QVERIFY(!moved.changesEstimateOf(0));
        // Moving to where they are already changes nothing.
        QVERIFY(!planedit::moveServers(plan, 0, {{a, {10, 20}}}).any());
        // A part is not moved on its own.
        QVERIFY(!planedit::moveServers(plan, 0, {{gpuGroupOf(plan, a)->id, {5, 5}}}).any());
    }

    void countsAndNamesReportOnlyRealChanges()
    {
        Plan plan = onePlan();
        const int server = addDgx(plan);
        const int gpus = gpuGroupOf(plan, server)->id;
        QVERIFY(!planedit::setCount(plan, 0, gpus, 8).any());   // already 8
        QVERIFY(!planedit::setCount(plan, 0, gpus, 0).any());   // impossible
        QVERIFY(!planedit::setCount(plan, 0, server, 2).any()); // servers have no count
        // Beyond the counts a plan file may hold (core/util/countlimits.h): refused, not saved unopenable.
        QVERIFY(!planedit::setCount(plan, 0, gpus, (1 << 20) + 1).any());
        const PlanChange counted = planedit::setCount(plan, 0, gpus, 4);
        QCOMPARE(counted.aspects, unsigned(PlanChange::Topology));
        QCOMPARE(counted.items, std::set<int>{gpus});
        QCOMPARE(plan.scenarios[0].topology.node(gpus)->count, 4);
        QVERIFY(counted.changesEstimateOf(0));
        QVERIFY(!counted.changesEstimateOf(1)); // another scenario's answer stays
        QVERIFY(!planedit::renameNode(plan, 0, server, "").any());
        const PlanChange renamed = planedit::renameNode(plan, 0, server, "Rack A");
        QCOMPARE(renamed.aspects, unsigned(PlanChange::Labels));
        QCOMPARE(plan.scenarios[0].topology.node(server)->name, std::string("Rack A"));
    }

    void removingAServerTakesItsPartsAndLinks()
    {
        Plan plan = onePlan();
        QVERIFY(snapshotLink(plan, shipped(), QStringLiteral("ib-ndr")));
        const int a = addDgx(plan);
        const int b = addDgx(plan, 400, 0);
        const planedit::EditResult linked = planedit::addLink(plan, 0, a, b, *plan.parts.link("ib-ndr"));
        QVERIFY(!linked.refusal);
        const int link = linked.firstCreated();
        QCOMPARE(linked.change.items, std::set<int>{link});
        const size_t partsOfA = plan.scenarios[0].topology.partsOf(a).size();
        const PlanChange removed = planedit::removeItems(plan, 0, {a});
        const Topology &t = plan.scenarios[0].topology;
        QVERIFY(!t.node(a));
        QVERIFY(!t.link(link));
        QCOMPARE(removed.items.size(), 1 + partsOfA + 1); // the server, its parts, the link
        QVERIFY(removed.items.count(link));
        QVERIFY(t.node(b));
        QVERIFY(!planedit::removeItems(plan, 0, {a}).any()); // nothing left to remove
    }

    void aRefusedLinkLeavesThePlanAsItWas()
    {
        Plan plan = onePlan();
        const int a = addDgx(plan);
        const int b = addDgx(plan, 400, 0);
        const std::optional<LinkSpec> nvlink = shipped().find<LinkSpec>(QStringLiteral("nvlink4"));
        QVERIFY(nvlink);
        const size_t linksBefore = plan.parts.links.size();
        const planedit::EditResult refused = planedit::addLink(plan, 0, gpuGroupOf(plan, a)->id,
                                                               gpuGroupOf(plan, b)->id, *nvlink);
        QVERIFY(refused.refusal);
        QVERIFY(!refused.change.any());
        QVERIFY(plan.scenarios[0].topology.links.empty());
        QCOMPARE(plan.parts.links.size(), linksBefore);
    }

    // Identical servers with nothing drawn between them are a fleet: each a
    // replica of its own behind a load balancer, with no badge. What must
    // cross servers (a replica larger than one, a training run) names the
    // link it needs; servers of different sizes are not a fleet.
    void unlinkedIdenticalServersAreAFleet()
    {
        Plan plan = onePlan();
        std::vector<int> servers;
        for (int i = 0; i < 3; ++i)
            servers.push_back(addDgx(plan, i * 600.0, 0));
        plan.parts.models = {*shipped().find<ModelSpec>(QStringLiteral("llama-3.1-70b"))};
        plan.modelIds = {"llama-3.1-70b"};
        plan.scenarios[0].deployment.weightFormat = "fp8";
        const ScenarioEstimate fleet = evaluateScenario(plan, plan.scenarios[0]);
        QVERIFY(fleet.cluster.fleet);
        QVERIFY(fleet.cluster.problem.empty());
        QVERIFY(fleet.issues.empty());
        QCOMPARE(fleet.cluster.servers, 3);
        const VersionEstimate &v = fleet.versions.front();
        QVERIFY(v.verdict.fits == Answer::Yes);
        QCOMPARE(v.replicas * v.parallel.tensor * v.parallel.pipeline, 24);
        QVERIFY(v.parallel.tensor * v.parallel.pipeline <= 8); // a replica stays inside a server
        QVERIFY(v.fleetServersNeeded && *v.fleetServersNeeded <= 3);

        // Sized for the peak with N+1: at twice the rate three servers hold
        // and at the peak more are needed; one server fewer than the count
        // found (spare aside) does not serve the peak.
        plan.workload.byRequestRate = true;
        plan.workload.requestsPerSecond = 1;
        std::optional<int> atOne;
        for (double rate = 1; rate < 4096 && !atOne; rate *= 2) {
            plan.workload.requestsPerSecond = rate;
            const VersionEstimate sized = evaluateScenario(plan, plan.scenarios[0]).versions.front();
            if (sized.fleetServersNeeded && *sized.fleetServersNeeded > 3)
                atOne = sized.fleetServersNeeded;
        }
        QVERIFY(atOne);
        plan.workload.peakFactor = 1.5;
        plan.scenarios[0].deployment.spareServers = 1;
        const VersionEstimate peak = evaluateScenario(plan, plan.scenarios[0]).versions.front();
        QVERIFY(peak.fleetServersNeeded && *peak.fleetServersNeeded > *atOne);
        QVERIFY(peak.verdict.serves == Answer::No);
        PlanWorkload atPeak = plan.workload;
        atPeak.requestsPerSecond *= 1.5;
        const ModelSpec &model = *plan.parts.model("llama-3.1-70b");
        const auto servesOn = [&](int servers) {
            Cluster c = fleet.cluster;
            c.servers = servers;
            c.gpuCount = servers * c.gpusPerServer;
            return estimateVersion(model, c, plan.scenarios[0].deployment, atPeak).verdict.serves == Answer::Yes;
        };
        QVERIFY(servesOn(*peak.fleetServersNeeded - 1));  // the count without its spare serves the peak
        QVERIFY(!servesOn(*peak.fleetServersNeeded - 2)); // one fewer does not
        // The average load served by the three drawn, its peak not: the verdict says how many would.
        plan.workload.requestsPerSecond /= 2;
        plan.workload.peakFactor = 4;
        const VersionEstimate average = evaluateScenario(plan, plan.scenarios[0]).versions.front();
        QCOMPARE(average.verdict.code, std::string("fleet-size"));
        QVERIFY(average.verdict.reason.text().find(std::to_string(*average.fleetServersNeeded) + " servers")
                != std::string::npos);
        plan.workload = PlanWorkload{};
        plan.scenarios[0].deployment.spareServers = 0;

        // The same servers linked over InfiniBand serve with as many replicas.
        const std::optional<LinkSpec> ib = shipped().find<LinkSpec>(QStringLiteral("ib-ndr"));
        QVERIFY(ib);
        for (size_t i = 1; i < servers.size(); ++i)
            QVERIFY(!planedit::addLink(plan, 0, servers[i - 1], servers[i], *ib).refusal);
        const ScenarioEstimate linked = evaluateScenario(plan, plan.scenarios[0]);
        QVERIFY(!linked.cluster.fleet);
        QCOMPARE(linked.versions.front().replicas, v.replicas);
        plan.scenarios[0].topology.links.clear();

        // A replica over two servers needs a link.
        plan.scenarios[0].deployment.pipelineParallel = 2;
        const VersionEstimate tooLarge = evaluateScenario(plan, plan.scenarios[0]).versions.front();
        QVERIFY(tooLarge.verdict.fits == Answer::Unknown);
        QCOMPARE(tooLarge.problemField, std::string("pp"));
        QVERIFY(tooLarge.verdict.reason.text().find("link the servers") != std::string::npos);
        plan.scenarios[0].deployment.pipelineParallel = 0;

        // Training spans its servers.
        TrainingSettings training;
        training.tensorParallel = 8;
        plan.scenarios[0].training = training;
        const VersionEstimate trained = evaluateScenario(plan, plan.scenarios[0]).versions.front();
        QVERIFY(trained.verdict.fits == Answer::Unknown);
        QVERIFY(trained.verdict.reason.text().find("not linked") != std::string::npos);
        plan.scenarios[0].training.reset();

        // One server with a GPU more: not a fleet, and the badges ask for a link.
        const std::optional<planedit::PartSpec> gpu = partSpec(shipped(), NodeKind::Gpu, "h100-sxm", nullptr);
        QVERIFY(gpu);
        QVERIFY(planedit::addPart(plan, 0, *gpu, servers[0], {0, 0}).change.any());
        const ScenarioEstimate mixed = evaluateScenario(plan, plan.scenarios[0]);
        QVERIFY(!mixed.cluster.fleet);
        QVERIFY(!mixed.cluster.problem.empty());
        QVERIFY(!mixed.issues.empty());
    }

    void pastedServersAreCopiesWithNewIds()
    {
        Plan plan = onePlan();
        QVERIFY(snapshotLink(plan, shipped(), QStringLiteral("ib-ndr")));
        const int a = addDgx(plan);
        const int b = addDgx(plan, 400, 0);
        planedit::addLink(plan, 0, a, b, *plan.parts.link("ib-ndr"));
        const Topology source = plan.scenarios[0].topology;
        const planedit::EditResult pasted = planedit::pasteServers(plan, 0, source, {a, b}, {0, 300});
        QCOMPARE(pasted.created.size(), size_t(2));
        const Topology &t = plan.scenarios[0].topology;
        QCOMPARE(t.nodes.size(), 2 * source.nodes.size());
        QCOMPARE(t.links.size(), size_t(2)); // the link between the copies comes along
        for (int id : pasted.created) {
            QVERIFY(!source.node(id));
            QCOMPARE(t.node(id)->y, 300.0);
            QVERIFY(QString::fromStdString(t.node(id)->name).endsWith(QLatin1String("(copy)")));
        }
        QCOMPARE(pasted.change.items.size(), source.nodes.size() + 1);
        QVERIFY(!planedit::pasteServers(plan, 0, source, {12345}, {0, 0}).change.any());
    }

    void planWideEditsChangeEveryScenario()
    {
        Plan plan = onePlan();
        planedit::addScenario(plan, Scenario{"Cloud", {}, {}, {}, CloudTier::OnDemand, {}});
        QCOMPARE(plan.scenarios.size(), size_t(2));
        PlanWorkload w = plan.workload;
        w.requestsPerSecond = 7;
        const PlanChange workload = planedit::setWorkload(plan, w);
        QVERIFY(workload.changesEstimateOf(0) && workload.changesEstimateOf(1));
        DeploymentSettings tp2;
        tp2.tensorParallel = 2;
        const PlanChange deployment = planedit::setDeployment(plan, 1, tp2);
        QVERIFY(!deployment.changesEstimateOf(0) && deployment.changesEstimateOf(1));
        // The same settings again change nothing: no empty undo step.
        QVERIFY(!planedit::setDeployment(plan, 1, tp2).any());
        const PlanChange models = planedit::setModels(plan, "Llama", {"llama-3.1-8b", "no-such-model"},
                                                      modelSpecs(shipped(), {"llama-3.1-8b", "no-such-model"}));
        QVERIFY(models.touches(PlanChange::Models));
        QCOMPARE(plan.modelIds, std::vector<std::string>{"llama-3.1-8b"}); // an id without a spec is left out
        QVERIFY(plan.parts.model("llama-3.1-8b"));
    }

    void scenariosAddRenameRemove()
    {
        Plan plan = onePlan();
        QVERIFY(!planedit::removeScenario(plan, 0).any()); // a plan keeps one scenario
        planedit::addScenario(plan, Scenario{"Cloud", {}, {}, {}, CloudTier::OnDemand, {}});
        QVERIFY(!planedit::renameScenario(plan, 1, "Cloud").any());
        QVERIFY(!planedit::renameScenario(plan, 5, "X").any());
        QVERIFY(planedit::renameScenario(plan, 1, "Rented").touches(PlanChange::Scenarios));
        const PlanChange removed = planedit::removeScenario(plan, 0);
        QVERIFY(removed.touches(PlanChange::Scenarios));
        QCOMPARE(plan.scenarios.size(), size_t(1));
        QCOMPARE(plan.scenarios[0].name, std::string("Rented"));
    }

    void mergingADragKeepsOneScenarioAndAllItems()
    {
        PlanChange first{PlanChange::Layout, 0, {1}};
        first.merge({PlanChange::Layout, 0, {2}});
        QVERIFY(first.onlyLayout());
        QCOMPARE(first.items, (std::set<int>{1, 2}));
        // Two scenarios' topology changes merged: only "everything" covers both.
        PlanChange across{PlanChange::Topology, 0, {1}};
        across.merge({PlanChange::Topology, 1, {1}});
        QVERIFY(across.touches(PlanChange::Scenarios));
        QVERIFY(across.changesEstimateOf(0) && across.changesEstimateOf(1));
    }

    // A cloud instance of NVLink GPUs comes with the NVSwitch whose bandwidth
    // per direction is half the GPU's NVLink figure (900 GB/s for the H100 SXM).
    void cloudInstanceComesWithItsFabric()
    {
        Plan plan = onePlan();
        QString error;
        const std::optional<CloudInstanceParts> p5 = cloudInstanceParts(shipped(), "aws-p5.48xlarge", &error);
        QVERIFY2(p5, qPrintable(error));
        QVERIFY(p5->fabric);
        QCOMPARE(units::inGBPerSecond(p5->fabric->bandwidthPerDirection), 450.0);
        const planedit::EditResult added = planedit::addCloudInstance(plan, 0, p5->instance, p5->gpu, p5->fabric,
                                                                      {0, 0});
        const TopologyNode *gpus = gpuGroupOf(plan, added.firstCreated());
        QCOMPARE(gpus->count, 8);
        QCOMPARE(gpus->fabricLinkId, p5->fabric->id);
        QCOMPARE(evaluatePlan(plan).front().cluster.gpuCount, 8);
    }
};

QTEST_APPLESS_MAIN(TestPlanEdit)
#include "test_planedit.moc"
