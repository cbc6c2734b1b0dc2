#include "core/util/message.h"

namespace planner {

std::string fillIn(std::string_view pattern, const std::vector<std::string> &args)
{
    std::string out;
    out.reserve(pattern.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        const bool placeholder = c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9';
        const size_t index = placeholder ? static_cast<size_t>(pattern[i + 1] - '1') : 0;
        if (placeholder && index < args.size()) {
            out += args[index];
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace planner
