#pragma once
// The currency money is shown in. The catalogue's prices and the cost model
// stay in US dollars, the unit their sources quote; a user who plans in yuan
// or euros chooses a currency and the exchange rate they budget with, and
// every amount is converted only where it is shown or typed in. The planner
// ships no exchange rates: a rate is the user's figure, dated by the user.

#include <optional>
#include <string>

namespace planner {

struct Currency {
    std::string code = "USD"; // ISO 4217: three capital letters
    double perUsd = 1;        // units of `code` one US dollar buys
    std::string rateDate;     // "YYYY-MM-DD" the rate was taken on; empty for USD

    double fromUsd(double usd) const { return usd * perUsd; }
    double toUsd(double amount) const { return amount / perUsd; }
    bool isUsd() const { return code == "USD"; }
    bool operator==(const Currency &) const = default;
};

// The rates a currency may have: every real currency lies between the Kuwaiti
// dinar (about 0.3 per USD) and the Iranian rial (about 10^6 per USD) with
// room to spare; anything outside is a typing slip.
inline constexpr double kSmallestRatePerUsd = 1e-4;
inline constexpr double kLargestRatePerUsd = 1e7;

// Why `currency` cannot be used ("the currency code must be three capital
// letters (ISO 4217), got \"yuan\""), or nullopt when it can. US dollars
// take the rate 1.
std::optional<std::string> currencyProblem(const Currency &currency);

} // namespace planner
