// Prices the user types (core/plan/userprices.h): a quote for a GPU changes
// the on-prem capital by exactly the difference per GPU; one for a cloud
// instance the cloud bill by the hours; the bill of materials names it as
// the user's; setting what is set is no undo step; removing it restores the
// catalogue's figure.

#include "core/plan/billofmaterials.h"
#include "core/plan/planedit.h"
#include "core/plan/planevaluation.h"
#include "support/sampleplans.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace planner;
using testsupport::samplePlan;

class TestUserPrices : public QObject
{
    Q_OBJECT

private slots:
    void aGpuQuoteChangesTheCapitalByTheDifference()
    {
        Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const ScenarioEstimate before = evaluateScenario(plan, plan.scenarios[0]);
        const GpuSpec *gpu = plan.parts.gpu("h100-sxm");
        QVERIFY(gpu && gpu->price);
        const UserPrice quote{PricedKind::Gpu, "h100-sxm", 22000, "2026-12-01", "vendor quote Q-77"};
        QVERIFY(planedit::setUserPrice(plan, quote.kind, quote.id, quote).touches(PlanChange::Prices));
        QVERIFY(!planedit::setUserPrice(plan, quote.kind, quote.id, quote).any()); // no empty undo step
        const ScenarioEstimate after = evaluateScenario(plan, plan.scenarios[0]);
        // The DGX H100 holds 8 GPUs.
        QCOMPARE(after.cost.capexUsd, before.cost.capexUsd - 8 * (gpu->price->usd - 22000));
        QVERIFY(after.cost.monthlyTotalUsd < before.cost.monthlyTotalUsd);
        // The snapshot keeps the catalogue's price; the bill names the user's.
        QCOMPARE(plan.parts.gpu("h100-sxm")->price->usd, gpu->price->usd);
        const ScenarioBill bill = billOf(plan.scenarios[0], withUserPrices(plan.parts, plan.userPrices));
        const auto line = std::find_if(bill.parts.begin(), bill.parts.end(),
                                       [](const BillLine &l) { return l.id == "h100-sxm"; });
        QVERIFY(line != bill.parts.end());
        QCOMPARE(*line->unitUsd, 22000.0);
        QCOMPARE(QString::fromStdString(line->source), QStringLiteral("your price: vendor quote Q-77 (2026-12-01)"));

        QVERIFY(planedit::setUserPrice(plan, quote.kind, quote.id, std::nullopt).touches(PlanChange::Prices));
        QVERIFY(!planedit::setUserPrice(plan, quote.kind, quote.id, std::nullopt).any());
        QCOMPARE(evaluateScenario(plan, plan.scenarios[0]).cost.capexUsd, before.cost.capexUsd);
    }

    // A negotiated hourly price for an instance applies in every tier.
    void anInstanceQuoteSetsTheCloudBill()
    {
        Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        const Scenario &cloud = plan.scenarios[1];
        planedit::setUserPrice(plan, PricedKind::Instance, "aws-p5.48xlarge",
                               UserPrice{PricedKind::Instance, "aws-p5.48xlarge", 40, "2026-12-01", "EDP"});
        const ScenarioEstimate e = evaluateScenario(plan, cloud);
        QCOMPARE(e.cost.monthlyCloudUsd, 40 * cloud.costs.cloudHoursPerMonth.value);
        QVERIFY(e.costCompleteness != CostCompleteness::Unknown);
    }

    // A price that is not a positive amount makes the plan invalid, naming it.
    void impossiblePricesAreRefused()
    {
        Plan plan = samplePlan("cloud-vs-onprem-llama-3.1-70b");
        plan.userPrices.push_back({PricedKind::Cpu, "xeon-platinum-8480c", -5, "2026-12-01", ""});
        const std::vector<Problem> problems = validate(plan);
        QVERIFY(!problems.empty());
        QCOMPARE(problems.front().field, std::string("user-price"));
        QVERIFY(problems.front().message.text().find("xeon-platinum-8480c") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestUserPrices)
#include "test_userprices.moc"
