#pragma once
// Small text helpers shared by the engine's look-up tables.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace planner {

inline std::string toLower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A number as people write it: at most six decimals, trailing zeros dropped
// ("0.9", "8", "0.000125"); beyond 10^15 or below 10^-6 in exponent form
// ("1.5e+308", "1e-09"), so no value reads as 0 that is not.
inline std::string plainNumber(double value)
{
    char buffer[64];
    if (!std::isfinite(value) || std::fabs(value) >= 1e15 || (value != 0 && std::fabs(value) < 1e-6)) {
        std::snprintf(buffer, sizeof buffer, "%g", value);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    std::string text = buffer;
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

} // namespace planner
