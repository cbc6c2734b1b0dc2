#pragma once
// Small text helpers shared by the engine's look-up tables.

#include <algorithm>
#include <cctype>
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

} // namespace planner
