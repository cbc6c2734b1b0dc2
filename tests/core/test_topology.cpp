// The topology the canvas edits: its reduction to the engine's cluster (link
// bandwidths that change the estimate), the problems shown as badges, and a
// plan's evaluation (fit, speed, cost) from it.

#include "core/plan/planevaluation.h"
#include "core/resolve/deployment.h"
#include "core/topology/cluster.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <algorithm>

using namespace planner;
using namespace planner::testing;

namespace {

LinkSpec link(const std::string &id, LinkKind kind, double gbPerSecond)
{
    LinkSpec l;
    l.id = id;
    l.name = id;
    l.kind = kind;
    l.bandwidthPerDirection = units::gigabytesPerSecond(gbPerSecond);
    return l;
}

PartSnapshot parts()
{
    PartSnapshot p;
    for (const char *id : {"h100-sxm", "a100-80gb", "rtx-4090", "l40s"}) {
        GpuSpec gpu = builtinGpu(QString::fromLatin1(id));
        gpu.price = Price{10000, "2025-01", ""};
        p.gpus.push_back(gpu);
    }
    CpuSpec cpu;
    cpu.id = "cpu";
    cpu.name = "Test CPU";
    cpu.pcieLanes = 20;
    cpu.memoryBandwidth = units::gigabytesPerSecond(300);
    cpu.tdp = units::watts(300);
    cpu.price = Price{5000, "2025-01", ""};
    p.cpus = {cpu};
    MemoryModuleSpec dimm;
    dimm.id = "dimm";
    dimm.name = "DIMM";
    dimm.price = Price{500, "2025-01", ""};
    p.memory = {dimm};
    // Per direction, as the catalogue stores them (NVLink 4: 900 GB/s both ways per GPU).
    // An NVL72 rack's NVLink switch trays: 1.8 TB/s both ways per GPU across
    // the rack's 72 GPUs (resources/catalogue/links.csv, row nvlink5-nvl72).
    LinkSpec rack = link("nvl72", LinkKind::NvSwitch, 900);
    rack.domainGpus = 72;
    p.links = {link("nvlink4", LinkKind::NvLink, 450), link("nvswitch", LinkKind::NvSwitch, 450),
               link("pcie4", LinkKind::Pcie, 31.5), link("ib-ndr", LinkKind::InfiniBand, 50), rack};
    p.models = {builtinModel("llama-3.1-8b"), builtinModel("llama-3.1-70b")};
    return p;
}

// Adds a server with a CPU and memory at the next free ids; returns its id.
int addServer(Topology &t, const std::string &name, int cpus = 2)
{
    const int id = t.nextId();
    t.nodes.push_back({id, NodeKind::Server, 0, "", "", name, 1, "", 0, 0});
    t.nodes.push_back({id + 1, NodeKind::Cpu, id, "cpu", "", "CPU", cpus, "", 0, 0});
    t.nodes.push_back({id + 2, NodeKind::Memory, id, "dimm", "", "DIMM", 16, "", 0, 0});
    return id;
}

int addGpus(Topology &t, int server, const std::string &gpu, int count, const std::string &fabric = "")
{
    const int id = t.nextId();
    t.nodes.push_back({id, NodeKind::Gpu, server, gpu, "", gpu, count, fabric, 0, 0});
    return id;
}

int addLink(Topology &t, int from, int to, const std::string &linkId, int count = 1)
{
    const int id = t.nextId();
    t.links.push_back({id, from, to, linkId, count});
    return id;
}

bool hasIssue(const std::vector<TopologyIssue> &issues, int node, const std::string &fragment)
{
    return std::any_of(issues.begin(), issues.end(), [&](const TopologyIssue &i) {
        return (node == 0 || i.nodeId == node) && i.message.text().find(fragment) != std::string::npos;
    });
}

Plan planWith(const Topology &t, const std::string &model = "llama-3.1-8b")
{
    Plan plan;
    plan.parts = parts();
    plan.modelIds = {model};
    plan.workload.concurrency = 8;
    Scenario s;
    s.name = "test";
    s.topology = t;
    plan.scenarios = {s};
    return plan;
}

} // namespace

class TestTopology : public QObject
{
    Q_OBJECT

private slots:
    // A message's arguments are filled in once: text in an argument that looks
    // like a placeholder stays as it is, and so does a % that is not one.
    void messagesFillInTheirArguments()
    {
        QCOMPARE(fillIn("%1 joins %2", {"NVLink", "%1"}), std::string("NVLink joins %1"));
        QCOMPARE(fillIn("75 % of %1, %3", {"TDP"}), std::string("75 % of TDP, %3"));
        const Message none;
        QVERIFY(none.empty());
        QCOMPARE(Message({"does not fit: %1 GB short per GPU", {"12.5"}}).text(),
                 std::string("does not fit: 12.5 GB short per GPU"));
    }

    void nvlinkBetweenTwoGpusSpeedsUpTensorParallelism()
    {
        Topology t;
        const int server = addServer(t, "box");
        const int a = addGpus(t, server, "h100-sxm", 1);
        const int b = addGpus(t, server, "h100-sxm", 1);
        const Cluster overPcie = reduceToCluster(t, parts());
        QCOMPARE(overPcie.gpuCount, 2);
        QCOMPARE(overPcie.gpusPerServer, 2);
        // Without a drawn link the two GPUs meet over PCIe 5.0 x16: 63 GB/s per direction.
        QCOMPARE(units::inGBPerSecond(overPcie.links.tensorParallel.bandwidth), 63.0);

        addLink(t, a, b, "nvlink4");
        const Cluster overNvlink = reduceToCluster(t, parts());
        QCOMPARE(units::inGBPerSecond(overNvlink.links.tensorParallel.bandwidth), 450.0);

        Topology slow = t;
        slow.links.clear();
        const ScenarioEstimate before = evaluatePlan(planWith(slow, "llama-3.1-70b")).front();
        const ScenarioEstimate after = evaluatePlan(planWith(t, "llama-3.1-70b")).front();
        QVERIFY(before.versions.front().speed && after.versions.front().speed);
        QCOMPARE(after.versions.front().parallel.tensor, 2);
        // TP 2 all-reduces twice per layer: the faster link shortens every decode step.
        QVERIFY(after.versions.front().speed->nominal.tpot < before.versions.front().speed->nominal.tpot);
        QVERIFY(after.versions.front().speed->nominal.outputTokensPerSecond
                > before.versions.front().speed->nominal.outputTokensPerSecond);
    }

    void serversJoinOverTheirScaleOutLinks()
    {
        Topology t;
        const int first = addServer(t, "one");
        addGpus(t, first, "h100-sxm", 8, "nvswitch");
        const int second = addServer(t, "two");
        addGpus(t, second, "h100-sxm", 8, "nvswitch");
        // Unlinked and identical: a fleet, each server a replica of its own.
        Cluster c = reduceToCluster(t, parts());
        QVERIFY2(c.problem.empty(), c.problem.text().c_str());
        QVERIFY(c.fleet);
        QCOMPARE(units::inGBPerSecond(c.links.pipeline.bandwidth), 0.0);
        // A third server of another size makes it a cluster that needs its links.
        const int third = addServer(t, "three");
        addGpus(t, third, "h100-sxm", 4, "nvswitch");
        c = reduceToCluster(t, parts());
        QVERIFY(!c.fleet);
        QVERIFY(c.problem.text().find("no path") != std::string::npos);
        t.nodes.erase(std::remove_if(t.nodes.begin(), t.nodes.end(),
                                     [&](const TopologyNode &n) { return n.id == third || n.parent == third; }),
                      t.nodes.end());

        addLink(t, first, second, "ib-ndr", 8); // eight 400 Gb/s ports
        c = reduceToCluster(t, parts());
        QVERIFY2(c.problem.empty(), c.problem.text().c_str());
        QCOMPARE(c.gpuCount, 16);
        QCOMPARE(c.servers, 2);
        QCOMPARE(units::inGBPerSecond(c.links.tensorParallel.bandwidth), 450.0);
        // 8 x 50 GB/s shared by 8 GPUs.
        QCOMPARE(units::inGBPerSecond(c.links.pipeline.bandwidth), 50.0);
        // Host memory: two CPUs of 300 GB/s.
        QCOMPARE(units::inGBPerSecond(c.links.hostMemory), 600.0);
    }

    // A server whose GPUs were deleted, still linked to a GPU server: the
    // estimate is that of the GPU server alone (this once threw out of the
    // evaluation and closed the application).
    void aServerWithoutGpusAddsNothing()
    {
        Topology t;
        const int first = addServer(t, "one");
        addGpus(t, first, "h100-sxm", 8, "nvswitch");
        const int empty = addServer(t, "emptied");
        addLink(t, first, empty, "ib-ndr", 8);
        const Cluster c = reduceToCluster(t, parts());
        QVERIFY2(c.problem.empty(), c.problem.text().c_str());
        QCOMPARE(c.servers, 1);
        QCOMPARE(c.gpuCount, 8);
    }

    void badgesAppearAndClear()
    {
        Topology t;
        const int server = addServer(t, "box", 1);
        const int gpus = addGpus(t, server, "rtx-4090", 2);
        QVERIFY(checkTopology(t, parts()).empty());

        // A server without CPU or memory.
        Topology bare;
        bare.nodes.push_back({1, NodeKind::Server, 0, "", "", "bare", 1, "", 0, 0});
        const std::vector<TopologyIssue> bareIssues = checkTopology(bare, parts());
        QVERIFY(hasIssue(bareIssues, 1, "no CPU"));
        QVERIFY(hasIssue(bareIssues, 1, "no memory"));

        // Three GPUs at x8 need 24 lanes; one CPU gives 20.
        Topology crowded = t;
        crowded.node(gpus)->count = 3;
        QVERIFY(hasIssue(checkTopology(crowded, parts()), server, "PCIe lanes"));

        // Mixed types in one server.
        Topology mixed = t;
        addGpus(mixed, server, "l40s", 1);
        QVERIFY(hasIssue(checkTopology(mixed, parts()), server, "mixes GPU types"));

        // A link a part does not support: NVLink on RTX 4090s, InfiniBand between GPUs.
        Topology wrong = t;
        const int other = addGpus(wrong, server, "rtx-4090", 1);
        wrong.node(gpus)->count = 1;
        const int nvlink = addLink(wrong, gpus, other, "nvlink4");
        std::vector<TopologyIssue> issues = checkTopology(wrong, parts());
        QVERIFY(hasIssue(issues, gpus, "has no NVLink"));
        QCOMPARE(
            std::count_if(issues.begin(), issues.end(), [&](const TopologyIssue &i) { return i.linkId == nvlink; }),
            1L);
        QVERIFY(linkProblem(wrong, parts(), gpus, other, parts().links[3]).value_or(Message{}).text().find("not GPUs")
                != std::string::npos);
        QVERIFY(linkProblem(wrong, parts(), gpus, server + 1, parts().links[2])
                    .value_or(Message{})
                    .text()
                    .find("cannot be linked")
                != std::string::npos);
        // Fixed: the link replaced by PCIe, the badge goes.
        wrong.links.front().linkId = "pcie4";
        QVERIFY(checkTopology(wrong, parts()).empty());

        // NVLink does not leave a server.
        Topology two;
        const int s1 = addServer(two, "a");
        const int g1 = addGpus(two, s1, "h100-sxm", 1);
        const int s2 = addServer(two, "b");
        const int g2 = addGpus(two, s2, "h100-sxm", 2); // not identical: no fleet
        QVERIFY(linkProblem(two, parts(), g1, g2, parts().links[0])
                    .value_or(Message{})
                    .text()
                    .find("does not leave a server")
                != std::string::npos);
        QVERIFY(hasIssue(checkTopology(two, parts()), g2, "no path"));
        addLink(two, s1, s2, "ib-ndr");
        QVERIFY(checkTopology(two, parts()).empty());
    }

    void evaluationFitsSpeedAndCost()
    {
        Topology t;
        const int server = addServer(t, "box", 1);
        addGpus(t, server, "rtx-4090", 2);
        Plan plan = planWith(t);
        plan.modelIds = {"llama-3.1-8b", "llama-3.1-70b"};
        const ScenarioEstimate e = evaluatePlan(plan).front();
        QCOMPARE(e.versions.size(), size_t(2));
        const VersionEstimate &small = e.versions[0];
        const VersionEstimate &big = e.versions[1];
        QVERIFY2(small.memory.fits, small.verdict.reason.text().c_str());
        QVERIFY(small.speed && small.speed->nominal.outputTokensPerSecond > 0);
        QCOMPARE(small.parallel.tensor, 2);
        // 70B in BF16 is 141 GB: two 24 GB cards cannot hold it.
        QVERIFY(!big.memory.fits);
        QVERIFY(big.verdict.fits == Answer::No);
        QCOMPARE(big.verdict.code, std::string("does-not-fit"));
        QVERIFY(big.verdict.reason.text().find("does not fit") != std::string::npos);
        // Capital by hand: 2 GPUs x 10,000 + 1 CPU x 5,000 + 16 DIMMs x 500.
        QCOMPARE(e.cost.capexUsd, 2 * 10000.0 + 5000 + 16 * 500);
        QVERIFY(small.usdPerMillionOutputTokens > 0);
        QVERIFY(qFuzzyCompare(*small.usdPerMillionOutputTokens,
                              usdPerMillionTokens(e.cost.monthlyTotalUsd, small.speed->nominal.outputTokensPerSecond)));

        // By request rate: the concurrency is the smallest that serves it.
        plan.modelIds = {"llama-3.1-8b"};
        plan.workload.byRequestRate = true;
        plan.workload.requestsPerSecond = 0.5;
        const VersionEstimate byRate = evaluatePlan(plan).front().versions.front();
        QVERIFY(byRate.requestsPerSecond >= 0.5);
        QVERIFY(byRate.concurrency >= 1);
        plan.workload.requestsPerSecond = 1e6;
        const VersionEstimate tooMuch = evaluatePlan(plan).front().versions.front();
        QVERIFY(tooMuch.verdict.serves == Answer::No);
        QCOMPARE(tooMuch.verdict.code, std::string("throughput"));
    }

    // A GB200 NVL72 drawn as one server of 72 GPUs on the rack fabric is one
    // NVLink domain: tensor parallelism of 16 or 72 stays on NVLink.
    void anNvl72RackIsOneNvlinkDomain()
    {
        Topology t;
        const int rack = addServer(t, "NVL72", 36);
        addGpus(t, rack, "h100-sxm", 72, "nvl72");
        const Cluster c = reduceToCluster(t, parts());
        QVERIFY2(c.problem.empty(), c.problem.text().c_str());
        QCOMPARE(c.gpusPerServer, 72);
        for (int tensor : {16, 72})
            QCOMPARE(units::inGBPerSecond(linksFor(c, {tensor, 1, 1, false}).tensorParallel.bandwidth), 900.0);
        QVERIFY(!hasIssue(checkTopology(t, parts()), 0, "at most"));
    }

    // Compute trays of four GPUs joined by the rack's switch trays: TP 16
    // spans four trays and pays NVLink, not InfiniBand; a group larger than
    // the rack crosses the InfiniBand drawn between racks.
    void traysOfOneRackShareItsNvlinkDomain()
    {
        Topology t;
        std::vector<int> trays;
        for (int i = 0; i < 4; ++i) { // a tray's GPUs meet only through the switch trays
            trays.push_back(addServer(t, "tray " + std::to_string(i)));
            addGpus(t, trays.back(), "h100-sxm", 4, "nvl72");
        }
        for (int i = 1; i < 4; ++i)
            addLink(t, trays[i - 1], trays[i], "ib-ndr", 4); // four 400 Gb/s ports per tray
        const Cluster overInfiniBand = reduceToCluster(t, parts());
        QVERIFY2(overInfiniBand.problem.empty(), overInfiniBand.problem.text().c_str());
        QCOMPARE(overInfiniBand.gpusPerDomain, 4);
        QCOMPARE(units::inGBPerSecond(linksFor(overInfiniBand, {16, 1, 1, false}).tensorParallel.bandwidth), 50.0);
        // An expert group over the four trays crosses the network between them.
        QCOMPARE(linksFor(overInfiniBand, {1, 1, 16, true}).expertParallelServers, 4);
        QCOMPARE(linksFor(overInfiniBand, {1, 1, 4, true}).expertParallelServers, 1);

        for (int i = 1; i < 4; ++i)
            addLink(t, trays[i - 1], trays[i], "nvl72");
        QVERIFY(!hasIssue(checkTopology(t, parts()), 0, "nvl72"));
        const Cluster rack = reduceToCluster(t, parts());
        QVERIFY2(rack.problem.empty(), rack.problem.text().c_str());
        QCOMPARE(rack.gpusPerServer, 4);
        QCOMPARE(rack.gpusPerDomain, 16);
        const PerfLinks tp16 = linksFor(rack, {16, 1, 1, false});
        QCOMPARE(units::inGBPerSecond(tp16.tensorParallel.bandwidth), 900.0);
        QCOMPARE(linksFor(rack, {1, 1, 16, true}).expertParallelServers, 1); // one NVLink domain
        QCOMPARE(units::inGBPerSecond(linksFor(rack, {4, 4, 1, false}).pipeline.bandwidth), 900.0);
        QCOMPARE(units::inGBPerSecond(linksFor(rack, {8, 1, 1, false}).tensorParallel.bandwidth), 900.0);
        // Between the rack and a fifth tray only InfiniBand is drawn.
        const int outside = addServer(t, "other rack");
        addGpus(t, outside, "h100-sxm", 4, "nvl72");
        addLink(t, trays.back(), outside, "ib-ndr", 4);
        const Cluster tworacks = reduceToCluster(t, parts());
        QCOMPARE(tworacks.gpusPerDomain, 4); // the lone tray is a domain of its own
    }

    void aRackFabricJoinsNoMoreThanItsDomain()
    {
        Topology t;
        std::vector<int> trays;
        for (int i = 0; i < 19; ++i) { // 19 trays of 4: 76 GPUs
            trays.push_back(addServer(t, "tray " + std::to_string(i)));
            addGpus(t, trays.back(), "h100-sxm", 4);
        }
        for (int i = 1; i < 18; ++i)
            addLink(t, trays[i - 1], trays[i], "nvl72");
        QVERIFY(!linkProblem(t, parts(), trays[16], trays[17], *parts().link("nvl72")));
        const std::optional<Message> tooMany = linkProblem(t, parts(), trays[17], trays[18], *parts().link("nvl72"));
        QVERIFY(tooMany);
        QCOMPARE(tooMany->text(), std::string("nvl72 joins at most 72 GPUs; these servers hold 76"));
        // A fabric that does not span servers (an HGX board's NVSwitch) stays refused between them.
        QVERIFY(linkProblem(t, parts(), trays[0], trays[18], *parts().link("nvswitch")));
        // A GPU group larger than its fabric's domain is flagged and falls back to PCIe.
        Topology big;
        const int box = addServer(big, "too big");
        const int group = addGpus(big, box, "h100-sxm", 80, "nvl72");
        QVERIFY(hasIssue(checkTopology(big, parts()), group, "joins at most 72 GPUs; this group has 80"));
        QCOMPARE(units::inGBPerSecond(reduceToCluster(big, parts()).links.tensorParallel.bandwidth), 63.0);
        // A GPU without NVLink cannot join the rack fabric.
        Topology pcieCards;
        const int a = addServer(pcieCards, "a");
        addGpus(pcieCards, a, "l40s", 4);
        const int b = addServer(pcieCards, "b");
        addGpus(pcieCards, b, "l40s", 4);
        const std::optional<Message> noNvlink = linkProblem(pcieCards, parts(), a, b, *parts().link("nvl72"));
        QVERIFY(noNvlink && noNvlink->text().find("has no NVLink") != std::string::npos);
    }

    // Look-ups search ids in order (binary search) and fall back to a scan,
    // so a topology in any order (a hand-edited plan file) answers the same,
    // and a chain of servers reduces as the same cluster whatever its order.
    void lookUpsDoNotDependOnTheOrderOfNodes()
    {
        Topology t;
        std::vector<int> servers;
        for (int i = 0; i < 12; ++i) {
            servers.push_back(addServer(t, "s" + std::to_string(i)));
            addGpus(t, servers.back(), "h100-sxm", 8, "nvswitch");
            if (i > 0)
                addLink(t, servers[static_cast<size_t>(i - 1)], servers.back(), "ib-ndr", 8);
        }
        Topology shuffled = t;
        std::reverse(shuffled.nodes.begin(), shuffled.nodes.end());
        std::rotate(shuffled.links.begin(), shuffled.links.begin() + 5, shuffled.links.end());
        for (const Topology *topology : {&t, &shuffled}) {
            for (const TopologyNode &n : t.nodes) {
                QVERIFY(topology->node(n.id));
                QCOMPARE(topology->node(n.id)->name, n.name);
                QCOMPARE(topology->serverOf(n.id), n.parent ? n.parent : n.id);
            }
            for (const TopologyLink &l : t.links)
                QCOMPARE(topology->link(l.id)->to, l.to);
            QVERIFY(!topology->node(topology->nextId()));
            QVERIFY(!topology->link(0));
            const PartsByServer partsIn(*topology);
            for (int server : servers)
                QCOMPARE(partsIn.of(server).size(), topology->partsOf(server).size());
            QVERIFY(partsIn.of(0).empty());
        }
        const Cluster inOrder = reduceToCluster(t, parts());
        const Cluster reordered = reduceToCluster(shuffled, parts());
        QVERIFY2(inOrder.problem.empty(), inOrder.problem.text().c_str());
        QCOMPARE(reordered.gpuCount, 96);
        QCOMPARE(reordered.servers, inOrder.servers);
        QCOMPARE(units::inGBPerSecond(reordered.links.pipeline.bandwidth),
                 units::inGBPerSecond(inOrder.links.pipeline.bandwidth));
        // Break the chain in the middle: half the servers have no path.
        shuffled.links.erase(std::find_if(shuffled.links.begin(), shuffled.links.end(),
                                          [&](const TopologyLink &l) { return l.to == servers[6]; }));
        QVERIFY(reduceToCluster(shuffled, parts()).problem.text().find("no path") != std::string::npos);
    }

    void emptyCanvasSaysWhatIsMissing()
    {
        const ScenarioEstimate e = evaluatePlan(planWith(Topology{})).front();
        QVERIFY(e.cluster.problem.text().find("no GPUs") != std::string::npos);
        QVERIFY(!e.versions.front().speed);
        QCOMPARE(e.cost.capexUsd, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestTopology)
#include "test_topology.moc"
