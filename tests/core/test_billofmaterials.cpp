// A scenario's bill of materials (core/plan/billofmaterials.h) on the sample
// plans: every line's total is its unit price times its quantity, the capital
// is the cost model's own figure (onPremCost and the plan's estimate), the
// lines of identical servers merge, unpriced parts make the capital a lower
// bound, cloud instances carry their hourly price in the tier and the monthly
// bill the estimate counts, and the integration line appears only when set.

#include "core/plan/billofmaterials.h"
#include "core/plan/planevaluation.h"
#include "database/planfile.h"

#include "support/sampleplans.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace planner;
using planner::testsupport::samplePlan;

namespace {

// Sums of a few products of whole-dollar prices are exact in a double, but the
// bill and the cost model may add the same terms in a different order (merged
// lines, integration last), so sums compare to a relative 1e-12.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
}

QByteArray both(double actual, double expected)
{
    return QByteArray::number(actual, 'f', 6) + " vs expected " + QByteArray::number(expected, 'f', 6);
}

const BillLine *lineWithId(const ScenarioBill &bill, const std::string &id)
{
    const auto found = std::find_if(bill.parts.begin(), bill.parts.end(),
                                    [&id](const BillLine &l) { return l.id == id; });
    return found == bill.parts.end() ? nullptr : &*found;
}

// Copies server `serverId` and its parts under fresh ids, `dx` to the right.
void copyServer(Topology &t, int serverId, double dx)
{
    int next = t.nextId();
    const TopologyNode server = *t.node(serverId);
    const std::vector<const TopologyNode *> parts = t.partsOf(serverId);
    std::vector<TopologyNode> copies;
    TopologyNode serverCopy = server;
    serverCopy.id = next++;
    serverCopy.x += dx;
    copies.push_back(serverCopy);
    for (const TopologyNode *part : parts) {
        TopologyNode copy = *part;
        copy.id = next++;
        copy.parent = serverCopy.id;
        copies.push_back(copy);
    }
    t.nodes.insert(t.nodes.end(), copies.begin(), copies.end());
}

// Servers of one 8-port NDR adapter set each, `count` of them, joined in a
// chain by 8-port NDR links; parts priced as the catalogue's ConnectX-7
// (2,188 USD), a 64-port Quantum-2 switch and a transceiver at each end.
Plan networkPlan(int servers, bool withNetworkParts)
{
    Plan p;
    LinkSpec ndr;
    ndr.id = "ib-ndr";
    ndr.name = "InfiniBand NDR";
    ndr.kind = LinkKind::InfiniBand;
    ndr.bandwidthPerDirection = units::gigabytesPerSecond(50);
    p.parts.links = {ndr};
    if (withNetworkParts) {
        NicSpec adapter;
        adapter.id = "cx7";
        adapter.name = "ConnectX-7";
        adapter.linkId = "ib-ndr";
        adapter.ports = 1;
        adapter.price = Price{2188, "2026-09", {}};
        CableSpec optic;
        optic.id = "osfp";
        optic.name = "OSFP transceiver";
        optic.kind = "transceiver";
        optic.linkKind = LinkKind::InfiniBand;
        optic.portBandwidth = units::gigabytesPerSecond(50);
        optic.price = Price{700, "2026-09", {}};
        SwitchSpec quantum;
        quantum.id = "qm9700";
        quantum.name = "Quantum-2";
        quantum.kind = LinkKind::InfiniBand;
        quantum.ports = 64;
        quantum.portBandwidth = units::gigabytesPerSecond(50);
        quantum.price = Price{30000, "2026-09", {}};
        p.parts.nics = {adapter};
        p.parts.cables = {optic};
        p.parts.switches = {quantum};
    }
    Scenario s;
    s.name = "fabric";
    Topology &t = s.topology;
    for (int i = 0; i < servers; ++i) {
        const int server = t.nextId();
        t.nodes.push_back({server, NodeKind::Server, 0, "", "", "node", 1, "", 0, 0});
        t.nodes.push_back({server + 1, NodeKind::Nic, server, "ib-ndr", "", "NDR", 8, "", 0, 0});
        if (i > 0)
            t.links.push_back({t.nextId(), server - 2, server, "ib-ndr", 8});
    }
    p.scenarios = {s};
    return p;
}

std::optional<BillLine> lineNamed(const ScenarioBill &bill, const std::string &id)
{
    for (const BillLine &line : bill.parts)
        if (line.id == id)
            return line;
    return std::nullopt;
}

} // namespace

class TestBillOfMaterials : public QObject
{
    Q_OBJECT

private slots:
    void lineTotalsAndCapital_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<int>("scenario");
        QTest::addColumn<double>("pricedCapex");
        // The priced parts in resources/plans: only the GPUs carry a price
        // (chassis, CPUs, DIMMs and drives have none), so the capital is the GPUs'.
        // Each 8-GPU server also has 8 NDR ports: 8 single-port ConnectX-7 at 2,188 USD.
        QTest::newRow("DGX H100: 8 x 30,000 + 8 x 2,188 USD")
            << "cloud-vs-onprem-llama-3.1-70b" << 0 << 240000.0 + 8 * 2188;
        QTest::newRow("HGX H200: 8 x 32,000 + 8 x 2,188 USD") << "deepseek-r1-8x-h200" << 0 << 256000.0 + 8 * 2188;
        QTest::newRow("2x RTX 4090: 2 x 1,600 USD") << "r1-distill-qwen-32b-2x-rtx4090" << 0 << 3200.0;
    }

    void lineTotalsAndCapital()
    {
        QFETCH(QString, plan);
        QFETCH(int, scenario);
        QFETCH(double, pricedCapex);
        const Plan p = samplePlan(qPrintable(plan));
        const Scenario &s = p.scenarios.at(static_cast<size_t>(scenario));
        const ScenarioBill bill = billOf(s, p.parts);
        QVERIFY(!bill.parts.empty());

        double sumOfTotals = 0;
        int unpriced = 0;
        for (const BillLine &line : bill.parts) {
            QVERIFY2(line.quantity > 0, line.name.c_str());
            if (line.unitUsd) {
                QVERIFY2(line.totalUsd, line.name.c_str());
                // The same single multiplication the bill does: exact.
                QCOMPARE(*line.totalUsd, *line.unitUsd * line.quantity);
                QVERIFY2(!line.source.empty(), line.name.c_str());
                sumOfTotals += *line.totalUsd;
            } else {
                QVERIFY2(!line.totalUsd, line.name.c_str());
                ++unpriced;
            }
        }

        // Capital: the bill's, the cost model's on the same build, and the plan's estimate.
        const OnPremBuild build = onPremBuildOf(s.topology, p.parts);
        const CostEstimate cost = onPremCost(build, s.costs, {});
        const ScenarioEstimate estimate = evaluatePlan(p).at(static_cast<size_t>(scenario));
        QVERIFY2(near(bill.capexUsd, sumOfTotals), both(bill.capexUsd, sumOfTotals));
        QCOMPARE(bill.capexUsd, cost.capexUsd);
        QCOMPARE(bill.capexUsd, estimate.cost.capexUsd);
        QCOMPARE(bill.capexUsd, pricedCapex);

        // Every sample server has unpriced parts: the capital is a lower bound,
        // and the bill names as many unpriced lines as the cost model does.
        QVERIFY(unpriced > 0);
        QVERIFY(bill.capexIsLowerBound);
        QCOMPARE(static_cast<size_t>(unpriced), cost.unpricedParts.size());

        // An on-prem-only scenario has no cloud bill.
        QVERIFY(bill.instances.empty());
        QCOMPARE(bill.monthlyCloudUsd, 0.0);
    }

    void cloudOnlyScenarioHasNoParts()
    {
        const Plan p = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const ScenarioBill bill = billOf(p.scenarios.at(1), p.parts);
        QVERIFY(bill.parts.empty());
        QCOMPARE(bill.capexUsd, 0.0);
        QVERIFY(!bill.capexIsLowerBound);
        QCOMPARE(evaluatePlan(p).at(1).cost.capexUsd, 0.0);
    }

    void identicalServersMerge()
    {
        Plan p = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        Scenario &s = p.scenarios.front();
        const ScenarioBill one = billOf(s, p.parts);
        copyServer(s.topology, s.topology.servers().front()->id, 400);
        QCOMPARE(s.topology.servers().size(), size_t(2));
        const ScenarioBill two = billOf(s, p.parts);

        // The same lines, each once, with twice the quantity.
        QCOMPARE(two.parts.size(), one.parts.size());
        for (size_t i = 0; i < one.parts.size(); ++i) {
            const BillLine *merged = lineWithId(two, one.parts[i].id);
            QVERIFY2(merged, one.parts[i].id.c_str());
            QCOMPARE(merged->name, one.parts[i].name);
            QCOMPARE(merged->quantity, 2 * one.parts[i].quantity);
            QCOMPARE(merged->unitUsd, one.parts[i].unitUsd);
            if (merged->unitUsd)
                QCOMPARE(*merged->totalUsd, *merged->unitUsd * merged->quantity);
        }
        const BillLine *gpus = lineWithId(two, "h100-sxm");
        QVERIFY(gpus);
        QCOMPARE(gpus->quantity, 16);
        QCOMPARE(*gpus->totalUsd, 480000.0); // 16 x 30,000 USD
        const BillLine *chassis = lineWithId(two, "dgx-h100");
        QVERIFY(chassis);
        QCOMPARE(chassis->quantity, 2); // one chassis per server

        // The build the cost model reads has those lines already: a fleet of
        // thousands of servers is a few lines, not one per part per server.
        const OnPremBuild build = onPremBuildOf(s.topology, p.parts);
        std::set<std::string> ids;
        for (const BomLine &line : build.lines) {
            QVERIFY2(ids.insert(line.id).second, line.id.c_str());
            if (line.quantity > 0) // the bill leaves out parts counted zero times
                QCOMPARE(lineWithId(two, line.id)->quantity, line.quantity);
        }

        // The capital doubles and is still the cost model's and the estimate's.
        QCOMPARE(two.capexUsd, 2 * one.capexUsd);
        QCOMPARE(two.capexUsd, onPremCost(onPremBuildOf(s.topology, p.parts), s.costs, {}).capexUsd);
        QCOMPARE(two.capexUsd, evaluateScenario(p, s).cost.capexUsd);
    }

    void everyPartPricedIsNoLowerBound()
    {
        Plan p = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        // Made-up prices for the parts the sample leaves unpriced.
        for (CpuSpec &c : p.parts.cpus)
            c.price = Price{9000, "2026-01", {}};
        for (MemoryModuleSpec &m : p.parts.memory)
            m.price = Price{300, "2026-01", {}};
        for (StorageSpec &d : p.parts.storage)
            d.price = Price{500, "2026-01", {}};
        for (ServerTemplate &t : p.parts.servers)
            t.chassisPrice = Price{50000, "2026-01", {}};
        for (NicSpec &n : p.parts.nics)
            n.price = Price{2000, "2026-01", {}};
        const Scenario &s = p.scenarios.front();
        const ScenarioBill bill = billOf(s, p.parts);
        QVERIFY(!bill.capexIsLowerBound);
        for (const BillLine &line : bill.parts) {
            QVERIFY2(line.unitUsd && line.totalUsd, line.name.c_str());
            QCOMPARE(*line.totalUsd, *line.unitUsd * line.quantity);
        }
        // 8 GPUs x 30,000 + 2 CPUs x 9,000 + 32 DIMMs x 300 + 8 drives x 500 + chassis 50,000
        // + 8 single-port ConnectX-7 adapters x 2,000 for the 8 NDR ports (the sample's
        // topology: nodes 2 to 6 of server 1; no link drawn, so no switch or cable).
        const double expected = 8 * 30000.0 + 2 * 9000.0 + 32 * 300.0 + 8 * 500.0 + 50000.0 + 8 * 2000.0;
        QVERIFY2(near(bill.capexUsd, expected), both(bill.capexUsd, expected));
        const CostEstimate cost = onPremCost(onPremBuildOf(s.topology, p.parts), s.costs, {});
        QCOMPARE(bill.capexUsd, cost.capexUsd);
        QVERIFY(cost.unpricedParts.empty());
    }

    void cloudInstanceLines()
    {
        Plan p = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        Scenario &s = p.scenarios.at(1);
        const CloudInstance *instance = p.parts.instance("aws-p5.48xlarge");
        QVERIFY(instance);
        const std::optional<double> hourly = hourlyPrice(*instance, s.cloudTier);
        QVERIFY(hourly);
        // 55.04 USD/h on demand (resources/plans, instances.vantage.sh); stored per
        // second, so it comes back through a division and a multiplication by 3600.
        QVERIFY(std::abs(*hourly - 55.04) < 1e-9);

        for (int instances : {1, 2}) {
            if (instances == 2)
                copyServer(s.topology, s.topology.servers().front()->id, 400);
            const ScenarioBill bill = billOf(s, p.parts);
            QCOMPARE(bill.instances.size(), size_t(1)); // one line per instance type
            const CloudBillLine &line = bill.instances.front();
            QCOMPARE(line.id, std::string("aws-p5.48xlarge"));
            QCOMPARE(line.name, std::string("AWS p5.48xlarge"));
            QCOMPARE(line.quantity, instances);
            QVERIFY(line.usdPerHour);
            QCOMPARE(*line.usdPerHour, *hourly);
            QVERIFY(line.monthlyUsd);
            // On demand: the scenario's 730 hours a month for every instance.
            const double monthly = *hourly * s.costs.cloudHoursPerMonth.value * instances;
            QVERIFY2(near(*line.monthlyUsd, monthly), both(*line.monthlyUsd, monthly));
            QVERIFY(!bill.cloudIsLowerBound);
            QVERIFY(bill.parts.empty());

            const ScenarioEstimate estimate = evaluateScenario(p, s);
            QVERIFY2(near(bill.monthlyCloudUsd, estimate.cost.monthlyCloudUsd),
                     both(bill.monthlyCloudUsd, estimate.cost.monthlyCloudUsd));
            QVERIFY2(near(bill.monthlyCloudUsd, *line.monthlyUsd), both(bill.monthlyCloudUsd, *line.monthlyUsd));
            // A cloud-only scenario's whole monthly cost is its cloud bill.
            QVERIFY2(near(estimate.cost.monthlyTotalUsd, bill.monthlyCloudUsd),
                     both(estimate.cost.monthlyTotalUsd, bill.monthlyCloudUsd));
        }
    }

    void cloudInstanceWithoutAPriceInTheTier()
    {
        Plan p = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        Scenario &s = p.scenarios.at(1);
        s.cloudTier = CloudTier::Reserved1Year; // the sample publishes no reserved price for p5.48xlarge
        const ScenarioBill bill = billOf(s, p.parts);
        QCOMPARE(bill.instances.size(), size_t(1));
        QVERIFY(!bill.instances.front().usdPerHour);
        QVERIFY(!bill.instances.front().monthlyUsd);
        QVERIFY(bill.cloudIsLowerBound);
        QCOMPARE(bill.monthlyCloudUsd, 0.0);
        QCOMPARE(bill.monthlyCloudUsd, evaluateScenario(p, s).cost.monthlyCloudUsd);
    }

    void integrationLineOnlyWhenSet()
    {
        Plan p = samplePlan("deepseek-r1-8x-h200");
        Scenario &s = p.scenarios.front();
        QCOMPARE(s.costs.integrationUsdPerServer.value, 0.0);
        const ScenarioBill without = billOf(s, p.parts);
        QVERIFY(!lineWithId(without, "integration"));

        copyServer(s.topology, s.topology.servers().front()->id, 400);
        s.costs.integrationUsdPerServer = {7500, "test: quoted integration per server"};
        const ScenarioBill with = billOf(s, p.parts);
        const BillLine *integration = lineWithId(with, "integration");
        QVERIFY(integration);
        QCOMPARE(integration->quantity, 2); // one per server
        QCOMPARE(integration->unitUsd, std::optional<double>(7500));
        QCOMPARE(integration->totalUsd, std::optional<double>(15000));
        QCOMPARE(integration->source, s.costs.integrationUsdPerServer.source);
        QCOMPARE(with.parts.back().id, std::string("integration")); // after the servers' parts

        // 16 x 32,000 USD of H200 + 16 ConnectX-7 x 2,188 USD for the two servers' NDR
        // ports + 2 x 7,500 USD integration; the cost model counts the same.
        QCOMPARE(with.capexUsd, 16 * 32000.0 + 16 * 2188.0 + 15000.0);
        QCOMPARE(with.capexUsd, onPremCost(onPremBuildOf(s.topology, p.parts), s.costs, {}).capexUsd);
        QCOMPARE(with.capexUsd, evaluateScenario(p, s).cost.capexUsd);

        // A cloud-only scenario has no servers to integrate.
        Scenario &cloud = p.scenarios.at(1);
        cloud.costs.integrationUsdPerServer = {7500, "test"};
        QVERIFY(billOf(cloud, p.parts).parts.empty());
    }
    // The network: an adapter per port (single-port cards), no switch between
    // two servers cabled back to back, one switch while the ports fit it, and
    // a two-tier leaf-spine beyond: with 64-port switches, 40 servers of 8
    // ports (320) need 320 / 32 = 10 leaves and 10 x 32 / 64 = 5 spines, and
    // 320 + 320 cabled ports, each with a transceiver at both ends.
    void theNetworkIsBought()
    {
        struct Case {
            int servers;
            int switches; // 0: none
            int cabledPorts;
        };
        for (const Case &c : {Case{2, 0, 8}, Case{4, 1, 32}, Case{40, 15, 640}}) {
            const Plan p = networkPlan(c.servers, true);
            const ScenarioBill bill = billOf(p.scenarios.front(), p.parts);
            const std::string what = std::to_string(c.servers) + " servers";
            QVERIFY2(!bill.capexIsLowerBound, what.c_str());
            QCOMPARE(lineNamed(bill, "cx7")->quantity, 8 * c.servers);
            QCOMPARE(lineNamed(bill, "osfp")->quantity, 2 * c.cabledPorts);
            if (c.switches == 0)
                QVERIFY(!lineNamed(bill, "qm9700"));
            else
                QCOMPARE(lineNamed(bill, "qm9700")->quantity, c.switches);
            const double expected = 8.0 * c.servers * 2188 + 2.0 * c.cabledPorts * 700
                                    + static_cast<double>(c.switches) * 30000;
            QVERIFY2(near(bill.capexUsd, expected), both(bill.capexUsd, expected));
        }
    }

    // A plan whose parts hold no adapter, cable or switch for its link (an
    // older plan file) still counts them, unpriced: the capital is a lower bound.
    void missingNetworkPartsAreUnpriced()
    {
        const Plan p = networkPlan(4, false);
        const ScenarioBill bill = billOf(p.scenarios.front(), p.parts);
        QVERIFY(bill.capexIsLowerBound);
        const std::optional<BillLine> adapters = lineNamed(bill, "ib-ndr-adapter");
        QVERIFY(adapters && !adapters->unitUsd);
        QCOMPARE(adapters->quantity, 32);
        QVERIFY(lineNamed(bill, "ib-ndr-switch"));
        QVERIFY(lineNamed(bill, "ib-ndr-cable"));
    }
};

QTEST_GUILESS_MAIN(TestBillOfMaterials)
#include "test_billofmaterials.moc"
