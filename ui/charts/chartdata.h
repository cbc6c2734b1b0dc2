#pragma once
// Redrawing a chart by moving new data into the one on screen.
//
// An edit usually changes a chart's numbers, not its make-up: the same
// series, axes, colours and fonts with other points, bar values, axis ranges
// and perhaps a title or legend entry that quotes a figure. Qt Charts lays a new chart out from scratch (every axis
// label, the title and the legend measured as rich text: 4-5 ms per chart on a 2-core machine), while changed points
// redraw only their series and an axis whose range is unchanged keeps its labels. So a chart view keeps its chart when
// the new one differs from it only in data, and takes that data.

class QChart;

namespace planner {

// When `fresh` differs from `shown` only in its title, its series' names and
// points, its bar sets' values and its value axes' ranges and ticks, copies
// those into `shown` and
// returns true (`fresh` is left as it was, for the caller to delete);
// otherwise changes nothing and returns false.
bool takeDataOf(QChart *shown, QChart *fresh);

} // namespace planner
