#pragma once
// What a build costs: on-prem (capital, power, maintenance, colocation) or in
// the cloud (instance-hours at a price tier), per month, over a horizon, per
// million tokens, and when buying beats renting.
//
// On-prem capital is the bill of materials (every priced part x quantity,
// chassis or integration per server, switch ports). Its monthly cost is the
// straight-line amortisation over `amortisationYears` plus power (TDP x
// average draw x PUE x tariff), a yearly maintenance share of the capital and
// optional colocation per kW-month. Cash over time — what the break-even month
// compares — is the capital up front plus the running costs each month; the
// cloud pays its monthly bill from month one. Parts without a price are listed,
// never counted as free.

#include "core/hardware/cloudinstance.h"
#include "core/hardware/servertemplate.h"
#include "core/util/problem.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planner {

struct CostAssumption {
    double value = 0;
    std::string source; // where the default comes from; "planner assumption" when nothing published fits
};

struct CostAssumptions {
    CostAssumption electricityUsdPerKwh{0.0806, "US industrial electricity 2023, EIA via Statista"};
    CostAssumption pue{1.58, "industry average PUE 2023, Uptime Institute"};
    CostAssumption averageDrawShare{0.7, "planner assumption: average draw 70 % of TDP while serving"};
    CostAssumption amortisationYears{3, "planner assumption: 3-year depreciation of GPU servers"};
    CostAssumption maintenanceSharePerYear{0.10, "planner assumption: support contracts at 10 % of capital a year"};
    CostAssumption colocationUsdPerKwMonth{0, "none unless you rent rack space"};
    CostAssumption integrationUsdPerServer{0, "none unless the server template lacks a chassis price"};
    CostAssumption horizonMonths{36, "planner default: 3 years"};
    CostAssumption cloudHoursPerMonth{730, "the fleet runs all month (8,760 h / 12)"};
};

// Each assumption's key in plan files, `--json` output and settings.
struct CostAssumptionKey {
    const char *key;
    CostAssumption CostAssumptions::*member;
};
inline constexpr std::array<CostAssumptionKey, 9> kCostAssumptionKeys{{
    {"electricity_usd_per_kwh", &CostAssumptions::electricityUsdPerKwh},
    {"pue", &CostAssumptions::pue},
    {"average_draw_share", &CostAssumptions::averageDrawShare},
    {"amortisation_years", &CostAssumptions::amortisationYears},
    {"maintenance_share_per_year", &CostAssumptions::maintenanceSharePerYear},
    {"colocation_usd_per_kw_month", &CostAssumptions::colocationUsdPerKwMonth},
    {"integration_usd_per_server", &CostAssumptions::integrationUsdPerServer},
    {"horizon_months", &CostAssumptions::horizonMonths},
    {"cloud_hours_per_month", &CostAssumptions::cloudHoursPerMonth},
}};

// The values each assumption may take: validate(CostAssumptions) refuses
// anything else and the costs panel's spin boxes use the same bounds. The
// upper bounds are far above any real figure (the highest retail tariffs are
// under 1 USD/kWh, measured PUEs under 3); they keep a mistyped or hostile
// value from turning a cost into infinity.
struct CostAssumptionRange {
    CostAssumption CostAssumptions::*member;
    const char *option;     // the command-line option that sets it, and the field of its Problem
    const char *outOfRange; // the Problem's pattern: %1 minimum, %2 maximum, %3 the value given
    double minimum;
    double maximum;
};
inline constexpr std::array<CostAssumptionRange, 9> kCostAssumptionRanges{{
    {&CostAssumptions::electricityUsdPerKwh, "electricity",
     QT_TRANSLATE_NOOP("Core", "the electricity tariff (USD/kWh) must be between %1 and %2, got %3"), 0, 10},
    {&CostAssumptions::pue, "pue", QT_TRANSLATE_NOOP("Core", "PUE must be between %1 and %2, got %3"), 1, 5},
    {&CostAssumptions::averageDrawShare, "draw",
     QT_TRANSLATE_NOOP("Core", "the average draw (share of TDP) must be between %1 and %2, got %3"), 0.01, 1},
    {&CostAssumptions::amortisationYears, "years",
     QT_TRANSLATE_NOOP("Core", "the amortisation period (years) must be between %1 and %2, got %3"), 0.5, 20},
    {&CostAssumptions::maintenanceSharePerYear, "maintenance",
     QT_TRANSLATE_NOOP("Core", "the maintenance share (of capital a year) must be between %1 and %2, got %3"), 0, 1},
    {&CostAssumptions::colocationUsdPerKwMonth, "colocation",
     QT_TRANSLATE_NOOP("Core", "the colocation price (USD per kW-month) must be between %1 and %2, got %3"), 0, 10000},
    {&CostAssumptions::integrationUsdPerServer, "integration",
     QT_TRANSLATE_NOOP("Core", "the integration cost (USD per server) must be between %1 and %2, got %3"), 0, 1e7},
    {&CostAssumptions::horizonMonths, "horizon",
     QT_TRANSLATE_NOOP("Core", "the horizon (months) must be between %1 and %2, got %3"), 1, 240},
    {&CostAssumptions::cloudHoursPerMonth, "hours-per-month",
     QT_TRANSLATE_NOOP("Core", "cloud hours per month must be between %1 and %2, got %3"), 1, 730},
}};
const CostAssumptionRange &rangeOf(CostAssumption CostAssumptions::*member);

// One line of a bill of materials.
struct BomLine {
    std::string id;
    std::string name;
    int quantity = 0;
    std::optional<double> unitUsd; // nullopt: no price known
    double unitWatts = 0;          // TDP of one unit; 0 where the part draws no power worth counting
    std::string priceSource;       // source and date of the price
};

// A catalogue part (anything with id, name, price and source) as a BOM line.
template <typename Spec>
BomLine bomLine(const Spec &part, int quantity, double watts)
{
    BomLine line{part.id, part.name, quantity, std::nullopt, watts, {}};
    if (part.price) {
        line.unitUsd = part.price->usd;
        line.priceSource = part.source + " (" + part.price->date + ")";
    }
    return line;
}

// A server template's chassis and integration (the server without its parts).
BomLine chassisLine(const ServerTemplate &server, int quantity);

// Builds the lines of a bill where a part counted again adds to its line:
// a fleet of 2,048 servers has a few dozen lines, not tens of thousands of
// copies of the same names and sources. A line is identified by the object
// it stands for (a catalogue part, a chassis) and a tag for what of it is
// counted; lines keep the order in which they were first counted.
class MergedBomLines
{
public:
    explicit MergedBomLines(std::vector<BomLine> &lines)
        : mLines(lines)
    {
    }

    // Adds `quantity` (saturating at the largest int) to the line of
    // (part, tag), made by make() the first time.
    template <typename Make>
    void add(const void *part, const char *tag, std::int64_t quantity, Make make)
    {
        const auto [known, isNew] = mIndex.try_emplace({part, tag}, mLines.size());
        if (isNew)
            mLines.push_back(make());
        BomLine &line = mLines[known->second];
        const std::int64_t sum = (isNew ? 0 : std::int64_t(line.quantity)) + quantity;
        line.quantity = static_cast<int>(std::min<std::int64_t>(sum, std::numeric_limits<int>::max()));
    }

private:
    std::vector<BomLine> &mLines;
    std::map<std::pair<const void *, std::string_view>, std::size_t> mIndex;
};

struct OnPremBuild {
    std::string name;
    std::vector<BomLine> lines;
    int servers = 1;
    // Measured or rated draw of a whole server where the template gives one
    // (it then replaces the sum of the parts' TDP).
    std::optional<double> serverWatts;
};

// A monthly cost spread over a month (8,760 h / 12) of tokens at this rate; 0 without tokens.
double usdPerMillionTokens(double monthlyUsd, double tokensPerSecond);

// `servers` copies of a one-server build: every line's quantity multiplied.
OnPremBuild repeated(const OnPremBuild &oneServer, int servers);

enum class CloudTier { OnDemand, Reserved1Year, Reserved3Year, Spot };

struct CostEstimate {
    double capexUsd = 0;
    double monthlyAmortisationUsd = 0;
    double monthlyPowerUsd = 0;
    double monthlyMaintenanceUsd = 0;
    double monthlyColocationUsd = 0;
    double monthlyCloudUsd = 0;
    double monthlyOpexUsd = 0;                // running cost: power + maintenance + colocation + cloud bill
    double monthlyTotalUsd = 0;               // opex + amortisation
    double averagePowerKw = 0;                // at the wall, PUE included
    double totalOverHorizonUsd = 0;           // cash: capital + running costs over the horizon
    std::vector<double> cumulativeUsdByMonth; // cash at the end of month 0..horizon
    double usdPerMillionOutputTokens = 0;     // 0 when no throughput was given
    double usdPerMillionInputTokens = 0;
    std::vector<std::string> unpricedParts; // BOM lines without a price (capital is then a lower bound)
};

// Tokens per second the build serves, from the performance model; the cost
// per million tokens divides the monthly total by the month's tokens.
struct ServedTokens {
    double outputPerSecond = 0;
    double inputPerSecond = 0;
};

CostEstimate onPremCost(const OnPremBuild &build, const CostAssumptions &assumptions, const ServedTokens &tokens);
// hourlyUsd: the instance's price in the chosen tier. Reserved tiers are
// committed for every hour of the month whatever the utilisation.
CostEstimate cloudCost(double hourlyUsd, int instances, CloudTier tier, const CostAssumptions &assumptions,
                       const ServedTokens &tokens);

// The first month at whose end the on-prem build has cost no more cash than
// the cloud option; nullopt when that does not happen within the horizon.
// The instance's hourly price in a tier; nullopt where the provider publishes none.
std::optional<double> hourlyPrice(const CloudInstance &instance, CloudTier tier);

std::optional<int> breakEvenMonth(const CostEstimate &onPrem, const CostEstimate &cloud);

// A training run of `gpuHours`: on-prem, power and amortisation for the hours
// it occupies; in the cloud, the instance-hours it needs.
struct TrainingRunCost {
    double onPremUsd = 0;
    double cloudUsd = 0;
};
TrainingRunCost trainingRunCost(double gpuHours, const OnPremBuild &build, int gpusInBuild, double cloudHourlyUsd,
                                int gpusPerInstance, const CostAssumptions &assumptions);

std::vector<Problem> validate(const CostAssumptions &assumptions);
std::string toString(CloudTier tier);

} // namespace planner
