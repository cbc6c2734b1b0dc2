// What the desktop benchmarks share: a chain of DGX H100 servers as large as
// a fleet, and timing an edit until the events it queued have run.
#pragma once

#include "core/plan/plan.h"

#include <chrono>
#include <functional>

namespace planner {

class Catalogue;
class PlanDocument;

using BenchClock = std::chrono::steady_clock;

double msSince(BenchClock::time_point start);

// Qt's offscreen platform when there is no display; call before QApplication.
void offscreenWithoutDisplay();

// `servers` DGX H100 servers (8 GPUs each) chained over InfiniBand NDR, laid
// out eight to a row, serving DeepSeek-R1, Llama-3.1-405B and
// R1-Distill-Llama-70B at 20 requests/s.
Plan serverChain(const Catalogue &catalogue, int servers);

// The plan's request rate set through the workload's undo command.
void setRequestRate(PlanDocument &doc, double rate);

// Times `edit` followed by the event processing it triggers (queued panel
// refreshes and the repaint), prints the mean and the worst, returns the mean.
double timeEdits(const char *what, int runs, const std::function<void(int)> &edit);

} // namespace planner
