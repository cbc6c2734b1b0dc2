#include "core/model/hybridpattern.h"

namespace planner {

std::string shortestPeriod(std::string_view letters)
{
    for (size_t period = 1; period <= letters.size(); ++period) {
        if (letters.size() % period != 0)
            continue;
        bool repeats = true;
        for (size_t i = period; i < letters.size() && repeats; ++i)
            repeats = letters[i] == letters[i - period];
        if (repeats)
            return std::string(letters.substr(0, period));
    }
    return std::string(letters);
}

std::optional<HybridLayerPatterns> hybridLayerPatterns(std::string_view pattern, char *badLetter)
{
    // Both strings come from one pattern, so the pair repeats with its period.
    const std::string period = shortestPeriod(pattern);
    HybridLayerPatterns out;
    for (const char letter : period) {
        switch (letter) {
        case 'M':
            out.layerPattern += 'M';
            out.ffnPattern += '-';
            break;
        case '*':
            out.layerPattern += 'F';
            out.ffnPattern += '-';
            break;
        case '-':
            out.layerPattern += '-';
            out.ffnPattern += 'D';
            break;
        case 'E':
            out.layerPattern += '-';
            out.ffnPattern += 'E';
            break;
        default:
            if (badLetter)
                *badLetter = letter;
            return std::nullopt;
        }
    }
    return out;
}

} // namespace planner
