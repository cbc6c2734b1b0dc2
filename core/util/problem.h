#pragma once
// Why a request cannot be answered, in a form every front end can use: a
// stable code for scripts and tests, the sentence (a translatable Message)
// and the input field it concerns, so the desktop can point at the widget
// and the command-line tool at the option ("weights" is --weights).

#include "core/util/message.h"

#include <string>
#include <vector>

namespace planner {

struct Problem {
    std::string code; // e.g. "unknown-weight-format"
    Message message;
    std::string field; // e.g. "weights", "kv", "engine", "tp"; empty when no single field is at fault
};

// A request check that still speaks plain English (the engine's validate()
// functions), as a problem without a field.
inline std::vector<Problem> problemsFromText(const std::vector<std::string> &errors, const std::string &code)
{
    std::vector<Problem> problems;
    for (const std::string &e : errors)
        problems.push_back({code, {e, {}}, {}});
    return problems;
}

} // namespace planner
