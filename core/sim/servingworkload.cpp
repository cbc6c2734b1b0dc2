#include "core/sim/servingworkload.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace planner {

namespace {

// Lengths beyond this are certainly rejected by any model's context limit;
// capping the draw keeps the conversion to an integer defined.
constexpr double kMaxLength = 1e9;

std::int64_t clampedLength(double tokens)
{
    if (!(tokens >= 1)) // also catches NaN
        return 1;
    return static_cast<std::int64_t>(std::llround(std::min(tokens, kMaxLength)));
}

std::string number(double value)
{
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

// Log-space parameters of a lognormal whose lengths have this mean and sd.
struct LogParameters {
    double mu = 0;
    double sigma = 0;
};

LogParameters logParameters(double mean, double sd)
{
    const double variance = std::log1p((sd * sd) / (mean * mean));
    return {std::log(mean) - variance / 2, std::sqrt(variance)};
}

std::string_view trimmed(std::string_view text)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && blank(text.back()))
        text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> fields(std::string_view line)
{
    std::vector<std::string_view> out;
    for (size_t start = 0;;) {
        const size_t comma = line.find(',', start);
        out.push_back(
            trimmed(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos)
            return out;
        start = comma + 1;
    }
}

template <typename T>
bool parseNumber(std::string_view text, T &value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

// The message for one data row, or an empty string when it reads.
std::string parseRow(std::string_view line, TraceEntry &entry)
{
    const std::vector<std::string_view> f = fields(line);
    if (f.size() != 3)
        return "expected 3 fields (arrival_s,input_tokens,output_tokens), got " + std::to_string(f.size());
    double arrival = 0;
    if (!parseNumber(f[0], arrival) || !std::isfinite(arrival) || arrival < 0)
        return "arrival_s must be a non-negative number of seconds, got '" + std::string(f[0]) + "'";
    std::int64_t input = 0;
    if (!parseNumber(f[1], input) || input < 1)
        return "input_tokens must be a positive integer, got '" + std::string(f[1]) + "'";
    std::int64_t output = 0;
    if (!parseNumber(f[2], output) || output < 1)
        return "output_tokens must be a positive integer, got '" + std::string(f[2]) + "'";
    entry = {units::seconds(arrival), input, output};
    return {};
}

bool isHeader(std::string_view line)
{
    const std::vector<std::string_view> f = fields(line);
    return f.size() == 3 && f[0] == "arrival_s" && f[1] == "input_tokens" && f[2] == "output_tokens";
}

} // namespace

std::vector<Problem> validate(const LengthDistribution &d, const std::string &field)
{
    ProblemList problems("invalid-simulation");
    const auto finite = std::isfinite(d.first) && std::isfinite(d.second);
    if (!finite) {
        problems.add(field, QT_TRANSLATE_NOOP("Core", "the distribution's parameters must be finite numbers"));
    } else {
        if (d.first < 1)
            problems.add(field, QT_TRANSLATE_NOOP("Core", "must be at least 1 token, got %1"), {number(d.first)});
        if (d.first > kMaxLength || d.second > kMaxLength)
            problems.add(field, QT_TRANSLATE_NOOP("Core", "must be at most %1 tokens"), {number(kMaxLength)});
        switch (d.kind) {
        case LengthDistribution::Kind::Fixed: break;
        case LengthDistribution::Kind::Uniform:
            if (d.second < d.first)
                problems.add(field, QT_TRANSLATE_NOOP("Core", "the uniform maximum %1 is below its minimum %2"),
                             {number(d.second), number(d.first)});
            break;
        case LengthDistribution::Kind::Normal:
        case LengthDistribution::Kind::LogNormal:
            if (d.second < 0)
                problems.add(field, QT_TRANSLATE_NOOP("Core", "the standard deviation must not be negative, got %1"),
                             {number(d.second)});
            break;
        }
    }
    return problems.take();
}

double meanLength(const LengthDistribution &d)
{
    switch (d.kind) {
    case LengthDistribution::Kind::Uniform: return (std::round(d.first) + std::round(d.second)) / 2;
    case LengthDistribution::Kind::Fixed:
    case LengthDistribution::Kind::Normal:
    case LengthDistribution::Kind::LogNormal: break;
    }
    return std::max(1.0, d.first);
}

double highLength(const LengthDistribution &d)
{
    switch (d.kind) {
    case LengthDistribution::Kind::Fixed: return std::max(1.0, std::round(d.first));
    case LengthDistribution::Kind::Uniform: return std::max(1.0, std::round(d.second));
    case LengthDistribution::Kind::Normal:
    case LengthDistribution::Kind::LogNormal: break;
    }
    return std::min(kMaxLength, std::max(1.0, std::round(d.first + 4 * d.second)));
}

std::string describe(const LengthDistribution &d)
{
    switch (d.kind) {
    case LengthDistribution::Kind::Fixed: return "fixed " + number(d.first);
    case LengthDistribution::Kind::Uniform: return "uniform " + number(d.first) + "-" + number(d.second);
    case LengthDistribution::Kind::Normal: return "normal " + number(d.first) + " sd " + number(d.second);
    case LengthDistribution::Kind::LogNormal: return "lognormal " + number(d.first) + " sd " + number(d.second);
    }
    return "?";
}

double WorkloadRandom::uniform()
{
    // The top 53 bits make every double in [0, 1) on a 2^-53 grid equally likely.
    return static_cast<double>(mEngine() >> 11) * 0x1.0p-53;
}

double WorkloadRandom::exponential()
{
    return -std::log1p(-uniform()); // 1 - u lies in (0, 1]: never log(0)
}

double WorkloadRandom::normal()
{
    // Box-Muller; the second variate of each pair is dropped, so each call
    // takes exactly two draws and the streams stay easy to reason about.
    const double radius = std::sqrt(-2.0 * std::log1p(-uniform()));
    return radius * std::cos(2.0 * std::numbers::pi * uniform());
}

std::int64_t WorkloadRandom::length(const LengthDistribution &d)
{
    switch (d.kind) {
    case LengthDistribution::Kind::Fixed: return clampedLength(d.first);
    case LengthDistribution::Kind::Uniform: {
        const double lo = std::round(d.first);
        const double hi = std::max(lo, std::round(d.second));
        return clampedLength(std::min(hi, lo + std::floor(uniform() * (hi - lo + 1))));
    }
    case LengthDistribution::Kind::Normal: return clampedLength(d.first + d.second * normal());
    case LengthDistribution::Kind::LogNormal: {
        if (d.second <= 0 || d.first <= 0)
            return clampedLength(d.first);
        const LogParameters p = logParameters(d.first, d.second);
        return clampedLength(std::exp(p.mu + p.sigma * normal()));
    }
    }
    return 1;
}

std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream)
{
    // SplitMix64 (Steele, Lea and Flood 2014) over seed + stream x golden gamma.
    std::uint64_t z = seed + (stream + 1) * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

TraceParseResult parseTraceCsv(std::string_view text)
{
    TraceParseResult result;
    bool headerSeen = false;
    int lineNumber = 0;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = trimmed(text.substr(start, end - start));
        start = end + 1;
        ++lineNumber;
        if (line.empty())
            continue;
        if (!headerSeen) {
            if (!isHeader(line)) {
                result.error = "line " + std::to_string(lineNumber)
                               + ": expected the header arrival_s,input_tokens,output_tokens";
                return result;
            }
            headerSeen = true;
            continue;
        }
        TraceEntry entry;
        const std::string problem = parseRow(line, entry);
        if (!problem.empty()) {
            result.error = "line " + std::to_string(lineNumber) + ": " + problem;
            result.entries.clear();
            return result;
        }
        result.entries.push_back(entry);
    }
    if (!headerSeen)
        result.error = "empty trace: expected the header arrival_s,input_tokens,output_tokens";
    return result;
}

std::string formatTraceCsv(const std::vector<TraceEntry> &entries)
{
    std::string out = "arrival_s,input_tokens,output_tokens\n";
    for (const TraceEntry &e : entries)
        out += number(units::inSeconds(e.arrival)) + "," + std::to_string(e.inputTokens) + ","
               + std::to_string(e.outputTokens) + "\n";
    return out;
}

} // namespace planner
