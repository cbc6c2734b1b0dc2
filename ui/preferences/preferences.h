#pragma once
// The user's preferences, kept in QSettings: the interface language, the
// unit GPU memory is shown in (GB or GiB), the currency money is shown in
// with its exchange rate, the author named on proposals, how often a modified
// plan is autosaved, and the cost assumptions every new plan and scenario
// starts from (each with its source: the planner's sourced default, or "set
// by the user in Preferences").

#include "core/cost/costmodel.h"
#include "core/cost/currency.h"
#include "ui/format/memoryunit.h"

#include <QString>

namespace planner {

struct Preferences {
    QString language; // "" follows the system; see ui/preferences/language.h
    MemoryUnit memoryUnit = MemoryUnit::GB;
    Currency currency; // US dollars unless the user chose another
    QString author;
    int autosaveMinutes = 1;
    CostAssumptions costDefaults;

    static Preferences load();
    void save() const;
    bool operator==(const Preferences &) const;
};

} // namespace planner
