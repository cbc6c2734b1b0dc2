#pragma once
// Why a request cannot be answered, in a form every front end can use: a
// stable code for scripts and tests, the sentence (a translatable Message),
// the input field it concerns, so the desktop can point at the widget and the
// command-line tool at the option ("weights" is --weights), and the subject it
// belongs to when a request holds several (a scenario, a model, a measurement).
//
// Every validate() in core returns these; the command-line tool prints
// text(), the desktop translates the message (ui/format/coremessage.h).

#include "core/util/message.h"

#include <string>
#include <utility>
#include <vector>

namespace planner {

struct Problem {
    Problem() = default;
    Problem(std::string code, Message message, std::string field = {}, std::string subject = {})
        : code(std::move(code))
        , message(std::move(message))
        , field(std::move(field))
        , subject(std::move(subject))
    {
    }

    std::string code; // e.g. "unknown-weight-format", "invalid-request"
    Message message;
    std::string field;   // e.g. "weights", "kv", "tp", "context"; empty when no single field is at fault
    std::string subject; // e.g. a scenario name or model id; empty when the request has one subject

    // "subject: message" in English.
    std::string text() const { return subject.empty() ? message.text() : subject + ": " + message.text(); }
};

// Collects the problems of one kind of request under one code. Patterns are
// literals marked with QT_TRANSLATE_NOOP("Core", …) at the call, for lupdate.
class ProblemList
{
public:
    explicit ProblemList(std::string code)
        : mCode(std::move(code))
    {
    }

    void add(std::string field, const char *pattern, std::vector<std::string> args = {})
    {
        mProblems.push_back({mCode, {pattern, std::move(args)}, std::move(field), {}});
    }
    // Another check's problems, each under `subject` unless it has its own.
    void addAll(std::vector<Problem> problems, const std::string &subject = {})
    {
        for (Problem &p : problems) {
            if (p.subject.empty())
                p.subject = subject;
            mProblems.push_back(std::move(p));
        }
    }
    bool empty() const { return mProblems.empty(); }
    std::vector<Problem> take() { return std::move(mProblems); }

private:
    std::string mCode;
    std::vector<Problem> mProblems;
};

// Each problem's text(), in order.
inline std::vector<std::string> problemTexts(const std::vector<Problem> &problems)
{
    std::vector<std::string> texts;
    texts.reserve(problems.size());
    for (const Problem &p : problems)
        texts.push_back(p.text());
    return texts;
}

} // namespace planner
