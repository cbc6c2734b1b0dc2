#include "core/deploy/deploytext.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace planner::deploytext {

namespace {

bool safeInShell(char c)
{
    return std::isalnum(static_cast<unsigned char>(c))
           || std::string_view("-_./:=,@%+").find(c) != std::string_view::npos;
}

bool isNameStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isNameCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// "$HEAD_NODE_IP:50000" or "${PORT}": a reference to a variable the script
// sets, then only characters the shell takes literally. "$(cmd)" or
// "${IFS}" inside other text is not one: inside double quotes the shell
// would run or expand it.
bool isVariableReference(std::string_view word)
{
    if (word.size() < 2 || word.front() != '$')
        return false;
    std::size_t at = 1;
    const bool braced = word[at] == '{';
    if (braced)
        ++at;
    if (at >= word.size() || !isNameStart(word[at]))
        return false;
    while (at < word.size() && isNameCharacter(word[at]))
        ++at;
    if (braced) {
        if (at >= word.size() || word[at] != '}')
            return false;
        ++at;
    }
    return std::all_of(word.begin() + static_cast<std::ptrdiff_t>(at), word.end(), safeInShell);
}

// The UTF-8 line breaks YAML 1.1 readers honour besides LF and CR: NEL,
// LINE SEPARATOR, PARAGRAPH SEPARATOR (2 or 3 bytes at `at`; 0 if none).
std::size_t unicodeLineBreakAt(std::string_view text, std::size_t at)
{
    if (text.substr(at, 2) == "\xC2\x85")
        return 2;
    if (text.substr(at, 3) == "\xE2\x80\xA8" || text.substr(at, 3) == "\xE2\x80\xA9")
        return 3;
    return 0;
}

bool isControl(char c)
{
    const unsigned char u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

bool isRepoCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

} // namespace

std::string shellWord(std::string_view word)
{
    if (word.empty())
        return "''";
    bool safe = true;
    for (char c : word)
        safe = safe && safeInShell(c);
    if (safe)
        return std::string(word);
    // "$HEAD_NODE_IP:50000": a variable the script expects, expanded by the shell.
    if (isVariableReference(word))
        return "\"" + std::string(word) + "\"";
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

std::string yamlString(std::string_view text)
{
    // Every line break and control character as an escape, so a name can
    // never end the scalar, start a line or open a new document ("---").
    std::string quoted = "\"";
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (const std::size_t length = unicodeLineBreakAt(text, at); length > 0) {
            quoted += length == 2 ? "\\N" : (text[at + 2] == '\xA8' ? "\\L" : "\\P");
            at += length - 1;
        } else if (c == '\n') {
            quoted += "\\n";
        } else if (c == '\r') {
            quoted += "\\r";
        } else if (c == '\t') {
            quoted += "\\t";
        } else if (isControl(c)) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
            quoted += escape;
        } else {
            if (c == '"' || c == '\\')
                quoted += '\\';
            quoted += c;
        }
    }
    return quoted + "\"";
}

std::string groupedCount(std::int64_t value)
{
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return value < 0 ? "-" + digits : digits;
}

std::string gigabytes(double bytes)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f GB", bytes / 1e9);
    return buffer;
}

std::string kubernetesName(std::string_view text, std::size_t maxLength)
{
    std::string name;
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            name += static_cast<char>(std::tolower(u));
        else if (!name.empty() && name.back() != '-')
            name += '-';
    }
    // Service names must start with a letter (RFC 1035), e.g. for "7b-chat".
    if (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.front())))
        name.insert(0, "m-");
    if (name.size() > maxLength)
        name.resize(maxLength);
    while (!name.empty() && name.back() == '-')
        name.pop_back();
    return name.empty() ? std::string("llm") : name;
}

std::optional<std::string> huggingFaceRepo(std::string_view source)
{
    constexpr std::string_view host = "huggingface.co/";
    const std::size_t at = source.find(host);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = source.substr(at + host.size());
    std::string segments[2];
    for (std::string &segment : segments) {
        std::size_t n = 0;
        while (n < rest.size() && isRepoCharacter(rest[n]))
            ++n;
        if (n == 0)
            return std::nullopt;
        segment = std::string(rest.substr(0, n));
        rest.remove_prefix(n);
        if (&segment == &segments[0]) {
            if (rest.empty() || rest.front() != '/')
                return std::nullopt;
            rest.remove_prefix(1);
        }
    }
    // A sentence's full stop after the link is not part of the name.
    while (!segments[1].empty() && segments[1].back() == '.')
        segments[1].pop_back();
    if (segments[1].empty())
        return std::nullopt;
    // huggingface.co/datasets/... and /spaces/... are not models.
    if (segments[0] == "datasets" || segments[0] == "spaces" || segments[0] == "docs")
        return std::nullopt;
    return segments[0] + "/" + segments[1];
}

std::string comment(std::string_view source)
{
    // A line break or control character in a name (from a shared plan) would
    // end the comment and start a command or a YAML document: each is a space.
    std::string cleaned;
    cleaned.reserve(source.size());
    for (std::size_t at = 0; at < source.size(); ++at) {
        if (const std::size_t length = unicodeLineBreakAt(source, at); length > 0) {
            cleaned += ' ';
            at += length - 1;
        } else {
            cleaned += isControl(source[at]) ? ' ' : source[at];
        }
    }
    const std::string_view text = cleaned;
    constexpr std::size_t width = 98;
    std::string out;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(' ', at);
        if (start == std::string_view::npos)
            break;
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string_view word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += "# " + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + std::string(word);
        at = end;
    }
    return out + (line.empty() ? std::string("#") : "# " + line) + "\n";
}

std::string joined(const std::vector<std::string> &items, std::string_view separator)
{
    std::string text;
    for (const std::string &item : items) {
        if (!text.empty())
            text += separator;
        text += item;
    }
    return text;
}

} // namespace planner::deploytext
