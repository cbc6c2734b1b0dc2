#pragma once
// A core/ message (core/util/message.h) in the interface's language: its
// pattern looked up in the "Core" translation context, the arguments filled
// in afterwards as core fills them.

#include "core/model/modelspec.h"
#include "core/topology/cluster.h"
#include "core/util/message.h"

#include <QString>

namespace planner {

QString translated(const Message &message);
// "48 layers: 36 linear attention, 12 full", each part translated.
QString translated(const LayerDescription &layers);
// A topology problem and, where the estimate replaces the faulty link, what it uses instead.
QString issueText(const TopologyIssue &issue);

} // namespace planner
