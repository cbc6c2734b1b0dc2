#pragma once
// A sentence core/ tells the user: an English pattern with %1, %2 … for its
// arguments (part names, counts). The command-line tool prints text(); the
// desktop translates the pattern (ui/format/coremessage.h) and fills in the
// same arguments, so a badge or a note reads in the interface's language.
//
// Patterns are marked with QT_TRANSLATE_NOOP("Core", …) where they are
// written, for lupdate to find. core/ includes no Qt header, so the marker is
// defined here exactly as Qt's qglobal.h defines it.

#include <string>
#include <string_view>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace planner {

// `pattern` with each %N (1–9) replaced by args[N-1]; an argument's own text
// is never read for placeholders.
std::string fillIn(std::string_view pattern, const std::vector<std::string> &args);

struct Message {
    std::string pattern; // English
    std::vector<std::string> args;

    std::string text() const { return fillIn(pattern, args); }
    bool empty() const { return pattern.empty(); }
};

} // namespace planner
