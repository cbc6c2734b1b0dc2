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
