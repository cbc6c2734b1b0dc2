#pragma once
// What the title page says beyond the plan itself. File ▸ Export Proposal
// fills it from Preferences; `llm-planner-cli report` from its options.

#include <QDate>
#include <QString>

namespace planner {

struct ProposalOptions {
    QString title;  // empty: the plan's name
    QString author; // empty: no "Prepared by" line
    QDate date;     // invalid: today
};

} // namespace planner
