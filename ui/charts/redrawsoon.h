#pragma once
// One redraw for a burst of edits: schedule() asks for the redraw at the next
// turn of the event loop, once however often it is asked before then, and
// runs it only if the widget is visible by then (a hidden panel redraws when
// it is shown).

#include <functional>

class QWidget;

namespace planner {

class RedrawSoon
{
public:
    RedrawSoon(QWidget *widget, std::function<void()> redraw);
    RedrawSoon(const RedrawSoon &) = delete; // the scheduled call holds `this`
    RedrawSoon &operator=(const RedrawSoon &) = delete;

    void schedule();

private:
    QWidget *mWidget;
    std::function<void()> mRedraw;
    bool mPending = false;
};

} // namespace planner
