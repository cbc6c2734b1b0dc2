#pragma once

// The export oracle: a shared plan's names are data in what export-launch
// writes. One input gives the names of a plan, its scenario and its model
// version (any bytes: line breaks, quotes, "$(...)", YAML document markers);
// the exported shell script must tokenise to exactly the words, operators and
// command substitutions of the same export with plain names, and the
// Kubernetes manifest must have exactly its lines, keys and documents. A name
// can then only ever be one word of a command or one YAML value.

#include "core/deploy/launchexport.h"
#include "database/planfile.h"
#include "fuzz/fuzzharness.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace planner::fuzz {

// The shape of a shell script as sh reads it: "w" for each word (whatever
// its quoting), each control operator, "$(" and "`" for every command
// substitution and "NL" for every line break that ends a command. Comments
// and blank lines leave no trace (a longer name wraps a comment onto more
// lines). Two scripts with the same shape run the same commands.
inline std::vector<std::string> shellShape(const std::string &script)
{
    std::vector<std::string> shape;
    enum class Quote { None, Single, Double } quote = Quote::None;
    bool inWord = false;
    const auto endWord = [&] {
        if (inWord)
            shape.emplace_back("w");
        inWord = false;
    };
    for (std::size_t i = 0; i < script.size(); ++i) {
        const char c = script[i];
        const char next = i + 1 < script.size() ? script[i + 1] : '\0';
        if (quote == Quote::Single) {
            if (c == '\'')
                quote = Quote::None;
            continue;
        }
        if (quote == Quote::Double) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quote = Quote::None;
            else if (c == '`' || (c == '$' && next == '('))
                shape.emplace_back(c == '`' ? "`" : "$(");
            continue;
        }
        switch (c) {
        case '#':
            if (inWord)
                break;
            while (i + 1 < script.size() && script[i + 1] != '\n')
                ++i;
            continue;
        case '\n':
            endWord();
            if (!shape.empty() && shape.back() != "NL")
                shape.emplace_back("NL");
            continue;
        case ' ':
        case '\t': endWord(); continue;
        case '\'': quote = Quote::Single; break;
        case '"': quote = Quote::Double; break;
        case '\\': ++i; break; // the next character is literal (a line break: a continuation)
        case ';':
        case '&':
        case '|':
        case '<':
        case '>':
        case '(':
        case ')':
            endWord();
            shape.emplace_back(1, c);
            continue;
        case '`': shape.emplace_back("`"); break;
        case '$':
            if (next == '(')
                shape.emplace_back("$(");
            break;
        default: break;
        }
        inWord = true;
    }
    endWord();
    require(quote == Quote::None, "export-launch: a quote left open in the script");
    return shape;
}

// The shape of a YAML manifest: each line's indentation, list dash and key,
// its value reduced to "v" (it must be a plain scalar or one complete
// double-quoted string on that line), and the document markers; comments
// and blank lines leave no trace.
inline std::vector<std::string> yamlShape(const std::string &manifest)
{
    std::vector<std::string> shape;
    for (const QString &line : QString::fromStdString(manifest).split(QLatin1Char('\n'))) {
        const QString body = line.trimmed();
        if (body.isEmpty() || body.startsWith(QLatin1Char('#')))
            continue; // comments wrap with the names in them
        if (body == QLatin1String("---")) {
            shape.emplace_back("---");
            continue;
        }
        std::string item(static_cast<std::size_t>(line.size() - line.trimmed().size()), ' ');
        QString rest = body;
        if (rest.startsWith(QLatin1String("- "))) {
            item += "- ";
            rest = rest.mid(2);
        }
        if (!rest.startsWith(QLatin1Char('"'))) {
            const qsizetype colon = rest.indexOf(QLatin1String(": "));
            if (colon >= 0) {
                item += rest.left(colon).toStdString() + ": ";
                rest = rest.mid(colon + 2);
            } else if (rest.endsWith(QLatin1Char(':'))) {
                shape.push_back(item + rest.toStdString());
                continue;
            }
        }
        if (rest.startsWith(QLatin1Char('"'))) {
            bool closed = false;
            for (qsizetype i = 1; i < rest.size(); ++i) {
                if (rest[i] == QLatin1Char('\\'))
                    ++i;
                else if (rest[i] == QLatin1Char('"')) {
                    require(i == rest.size() - 1, "export-launch: text after a quoted YAML value");
                    closed = true;
                }
            }
            require(closed, "export-launch: a YAML string left open");
        }
        shape.push_back(item + "v");
    }
    return shape;
}

// Shapes of the plain and the renamed export; both texts are printed when they differ.
inline void requireSameShape(const std::string &plainText, const std::string &text,
                             const std::vector<std::string> &expected, const std::vector<std::string> &actual,
                             const char *what)
{
    if (expected == actual)
        return;
    std::fprintf(stderr, "--- with plain names:\n%s\n--- renamed:\n%s\n", plainText.c_str(), text.c_str());
    std::size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at])
        ++at;
    std::fprintf(stderr, "%s: token %zu is '%s', expected '%s'\n", what, at,
                 at < actual.size() ? actual[at].c_str() : "(end)",
                 at < expected.size() ? expected[at].c_str() : "(end)");
    fail(what);
}

// The sample plan every input renames (read once), and its export with plain
// names for each engine.
inline const Plan &oraclePlan()
{
    static const Plan plan = [] {
        const PlanFileResult read = readPlanFile(
            QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan"));
        require(read.ok(), "the export oracle's sample plan does not read");
        return *read.plan;
    }();
    return plan;
}

inline Plan renamed(std::size_t scenario, std::string planName, std::string scenarioName, const std::string &modelId,
                    std::string displayName)
{
    Plan plan = oraclePlan();
    plan.name = std::move(planName);
    plan.scenarios.at(scenario).name = std::move(scenarioName);
    ModelSpec &model = plan.parts.models.front();
    for (std::string &id : plan.modelIds)
        if (id == model.id)
            id = modelId;
    model.id = modelId;
    model.displayName = std::move(displayName);
    return plan;
}

inline Outcome fuzzLaunch(const QByteArray &bytes)
{
    const std::vector<std::string> &engines = launchExportEngines();
    // The first byte picks the engine and the scenario (the sample's fourth
    // is a prefill/decode pair, its own script under SGLang).
    const std::size_t first = bytes.isEmpty() ? 0 : std::size_t(std::uint8_t(bytes[0]));
    const std::string &engine = engines[first % engines.size()];
    const std::size_t scenario = first / engines.size() % oraclePlan().scenarios.size();
    // The rest: up to four names separated by NUL bytes.
    std::array<std::string, 4> names{"x", "x", "x", "x"};
    const QList<QByteArray> parts = bytes.mid(1).split('\0');
    for (qsizetype i = 0; i < parts.size() && i < qsizetype(names.size()); ++i)
        if (!parts[i].isEmpty())
            names[std::size_t(i)] = parts[i].toStdString();

    static std::map<std::pair<std::string, std::size_t>, LaunchExportResult> plain;
    const auto key = std::make_pair(engine, scenario);
    if (!plain.count(key))
        plain[key] = exportLaunch(renamed(scenario, "x", "x", "x", "x"), scenario, "x", engine);
    const LaunchExportResult &expected = plain[key];

    const LaunchExportResult result = exportLaunch(renamed(scenario, names[0], names[1], names[2], names[3]), scenario,
                                                   names[2], engine);
    if (!result.ok()) {
        require(QString::fromStdString(result.error).count(QLatin1Char('\n')) == 0,
                "export-launch: error not one line");
        return failed(QString::fromStdString(result.error));
    }
    require(expected.ok(), "export-launch: a renamed plan exports where the plain one does not");
    const LaunchExport &a = *expected.launch;
    const LaunchExport &b = *result.launch;
    requireSameShape(a.script, b.script, shellShape(a.script), shellShape(b.script),
                     "export-launch: a name changed the script's commands");
    requireSameShape(a.kubernetesManifest, b.kubernetesManifest, yamlShape(a.kubernetesManifest),
                     yamlShape(b.kubernetesManifest), "export-launch: a name changed the manifest's structure");
    return {true, {}};
}

} // namespace planner::fuzz
