#include "core/cost/currency.h"

#include "core/util/text.h"

#include <algorithm>
#include <cmath>

namespace planner {

std::optional<std::string> currencyProblem(const Currency &currency)
{
    const bool threeCapitals = currency.code.size() == 3
                               && std::all_of(currency.code.begin(), currency.code.end(),
                                              [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!threeCapitals)
        return "the currency code must be three capital letters (ISO 4217, such as CNY or EUR), got \"" + currency.code
               + "\"";
    if (!std::isfinite(currency.perUsd) || currency.perUsd < kSmallestRatePerUsd
        || currency.perUsd > kLargestRatePerUsd)
        return "the exchange rate must be between " + plainNumber(kSmallestRatePerUsd) + " and "
               + plainNumber(kLargestRatePerUsd) + " " + currency.code + " per USD, got "
               + plainNumber(currency.perUsd);
    if (currency.isUsd() && currency.perUsd != 1)
        return "one USD is 1 USD, got a rate of " + plainNumber(currency.perUsd);
    return std::nullopt;
}

} // namespace planner
