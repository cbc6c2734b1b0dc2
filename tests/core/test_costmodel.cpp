// The cost model's arithmetic, worked by hand.

#include "core/cost/costmodel.h"
#include "core/cost/currency.h"
#include "support/enginetestsupport.h"

#include <QtTest>

#include <cmath>

using namespace planner;
using namespace planner::testing;

namespace {

// A two-GPU workstation: 2 x RTX 4090 at $1,600 (450 W), a $500 CPU (125 W),
// 2 DIMMs at $100, and $1,000 of integration; an unpriced SSD.
OnPremBuild workstation()
{
    OnPremBuild b;
    b.name = "2x RTX 4090 workstation";
    b.lines = {
        {"rtx-4090", "RTX 4090", 2, 1600.0, 450, "test"},
        {"cpu", "CPU", 1, 500.0, 125, "test"},
        {"dimm", "DIMM", 2, 100.0, 0, "test"},
        {"ssd", "NVMe SSD", 1, std::nullopt, 0, ""},
    };
    return b;
}

CostAssumptions assumptions()
{
    CostAssumptions a;
    a.electricityUsdPerKwh.value = 0.10;
    a.pue.value = 1.5;
    a.averageDrawShare.value = 0.5;
    a.amortisationYears.value = 3;
    a.maintenanceSharePerYear.value = 0.12;
    a.integrationUsdPerServer.value = 1000;
    a.horizonMonths.value = 24;
    return a;
}

} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

private slots:
    void onPremByHand()
    {
        const CostEstimate e = onPremCost(workstation(), assumptions(), ServedTokens{100, 400});
        // Capital: 2 x 1600 + 500 + 2 x 100 + 1000 integration = 4,900.
        QCOMPARE(e.capexUsd, 4900.0);
        QCOMPARE(e.unpricedParts.size(), size_t(1));
        QCOMPARE(e.unpricedParts.front(), std::string("NVMe SSD"));
        QVERIFY(qFuzzyCompare(e.monthlyAmortisationUsd, 4900.0 / 36));
        // Power: (2 x 450 + 125) W x 0.5 draw x 1.5 PUE = 0.76875 kW at the wall;
        // x 730 h x $0.10 = $56.11875 a month.
        QVERIFY(qFuzzyCompare(e.averagePowerKw, 0.76875));
        QVERIFY(qFuzzyCompare(e.monthlyPowerUsd, 56.11875));
        // Maintenance: 12 % of 4,900 a year = $49 a month.
        QVERIFY(qFuzzyCompare(e.monthlyMaintenanceUsd, 49.0));
        QVERIFY(qFuzzyCompare(e.monthlyOpexUsd, 105.11875));
        QVERIFY(qFuzzyCompare(e.monthlyTotalUsd, 105.11875 + 4900.0 / 36));
        // 100 output tokens/s for a month of 2,628,000 s = 262.8 M tokens.
        QVERIFY(qFuzzyCompare(e.usdPerMillionOutputTokens, e.monthlyTotalUsd / 262.8));
        QVERIFY(qFuzzyCompare(e.usdPerMillionInputTokens, e.monthlyTotalUsd / (4 * 262.8)));
        // Cash: capital up front, then the running costs.
        QCOMPARE(e.cumulativeUsdByMonth.size(), size_t(25));
        QCOMPARE(e.cumulativeUsdByMonth.front(), 4900.0);
        QVERIFY(qFuzzyCompare(e.totalOverHorizonUsd, 4900 + 24 * 105.11875));
    }

    void serverRatedPowerReplacesTheParts()
    {
        OnPremBuild dgx;
        dgx.lines = {{"dgx-h100", "DGX H100", 1, 300000.0, 700, "test"}};
        dgx.serverWatts = 10200; // DGX H100 system power, NVIDIA datasheet
        dgx.servers = 2;
        const CostEstimate e = onPremCost(dgx, assumptions(), {});
        QVERIFY(qFuzzyCompare(e.averagePowerKw, 2 * 10.2 * 0.5 * 1.5));
        QCOMPARE(e.usdPerMillionOutputTokens, 0.0);
    }

    void cloudTiers()
    {
        CostAssumptions a = assumptions();
        a.cloudHoursPerMonth.value = 365; // half the month
        // On-demand pays the hours it runs; reserved pays every hour.
        QVERIFY(qFuzzyCompare(cloudCost(2.0, 3, CloudTier::OnDemand, a, {}).monthlyTotalUsd, 2.0 * 365 * 3));
        QVERIFY(qFuzzyCompare(cloudCost(1.5, 3, CloudTier::Reserved3Year, a, {}).monthlyTotalUsd, 1.5 * 730 * 3));
        const CostEstimate c = cloudCost(2.0, 1, CloudTier::OnDemand, a, {});
        QCOMPARE(c.capexUsd, 0.0);
        QCOMPARE(c.cumulativeUsdByMonth.front(), 0.0);
    }

    void breakEvenByHand()
    {
        // On-prem: $4,900 up front + $105.11875 a month. Cloud at $1.50/h all
        // month: $1,095 a month. 4900 + 105.11875 m <= 1095 m from m = 4.95,
        // so the fifth month.
        const CostAssumptions a = assumptions();
        const CostEstimate onPrem = onPremCost(workstation(), a, {});
        const CostEstimate cloud = cloudCost(1.5, 1, CloudTier::OnDemand, a, {});
        QCOMPARE(breakEvenMonth(onPrem, cloud), std::optional<int>(5));
        // A cloud option cheaper to run than the build's own upkeep never breaks even.
        QCOMPARE(breakEvenMonth(onPrem, cloudCost(0.1, 1, CloudTier::OnDemand, a, {})), std::optional<int>());
    }

    void trainingRun()
    {
        // 1,000 GPU-hours on the 2-GPU workstation: 500 hours of its monthly
        // total; in the cloud 1,000 hours of a 1-GPU instance at $2.
        const CostAssumptions a = assumptions();
        const TrainingRunCost cost = trainingRunCost(1000, workstation(), 2, 2.0, 1, a);
        const double monthly = onPremCost(workstation(), a, {}).monthlyTotalUsd;
        QVERIFY(qFuzzyCompare(cost.onPremUsd, monthly / 730 * 500));
        QVERIFY(qFuzzyCompare(cost.cloudUsd, 2000.0));
    }

    void invalidAssumptions_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("PUE below 1") << 0 << "PUE must be between 1 and 5, got 0.9";
        QTest::newRow("negative tariff") << 1 << "electricity tariff (USD/kWh) must be between 0 and 10, got -0.1";
        QTest::newRow("zero years") << 2 << "amortisation period (years) must be between 0.5 and 20, got 0";
        QTest::newRow("horizon") << 3 << "horizon (months) must be between 1 and 240, got 0";
        // Finite but absurd: 10^300 USD/kWh would make the power bill infinite.
        QTest::newRow("huge tariff") << 4 << "electricity tariff (USD/kWh) must be between 0 and 10, got 1e+300";
        QTest::newRow("not a number") << 5 << "maintenance share (of capital a year) must be between 0 and 1, got nan";
    }

    void invalidAssumptions()
    {
        QFETCH(int, which);
        QFETCH(QString, message);
        CostAssumptions a;
        QVERIFY(validate(a).empty());
        if (which == 0)
            a.pue.value = 0.9;
        else if (which == 1)
            a.electricityUsdPerKwh.value = -0.1;
        else if (which == 2)
            a.amortisationYears.value = 0;
        else if (which == 3)
            a.horizonMonths.value = 0;
        else if (which == 4)
            a.electricityUsdPerKwh.value = 1e300;
        else
            a.maintenanceSharePerYear.value = std::nan("");
        QVERIFY2(anyContains(validate(a), message.toStdString()), joinedMessages(validate(a)));
    }

    // A display currency converts at the user's rate both ways; codes and
    // rates no currency has are refused with the reason.
    void currencies()
    {
        const Currency yuan{"CNY", 7.25, "2026-11-20"};
        QVERIFY(!currencyProblem(yuan));
        QVERIFY(!currencyProblem(Currency{}));
        QCOMPARE(yuan.fromUsd(30000), 217500.0);
        QCOMPARE(yuan.toUsd(yuan.fromUsd(0.0806)), 0.0806);

        const std::optional<std::string> lower = currencyProblem({"cny", 7.25, ""});
        QVERIFY(lower && lower->find("three capital letters") != std::string::npos);
        QVERIFY(currencyProblem({"YUAN", 7.25, ""}));
        QVERIFY(currencyProblem({"", 1, ""}));
        const std::optional<std::string> negative = currencyProblem({"CNY", -7, ""});
        QVERIFY(negative && negative->find("got -7") != std::string::npos);
        QVERIFY(currencyProblem({"CNY", 0, ""}));
        QVERIFY(currencyProblem({"CNY", std::nan(""), ""}));
        QVERIFY(currencyProblem({"CNY", 1e300, ""}));
        QVERIFY(currencyProblem({"USD", 7, ""})); // one USD is one USD
    }
};

QTEST_APPLESS_MAIN(TestCostModel)
#include "test_costmodel.moc"
