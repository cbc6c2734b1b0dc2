#pragma once
// One redraw for a burst of edits: schedule() asks for the redraw at the next
// turn of the event loop, once however often it is asked before then, and
// runs it only if the widget is on screen by then. A hidden panel redraws
// when it is shown (its showEvent), and a dock tab behind another when its
// tab is raised: Qt keeps such a tab's widgets "visible" (isVisible() is
// true), so redrawing by isVisible() alone redrew every chart dock after
// every edit.

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

    // Shown, and not covered by the dock tab in front of it.
    static bool isOnScreen(const QWidget *widget);

private:
    void redrawIfOnScreen();
    void watchDockTab();

    QWidget *mWidget;
    std::function<void()> mRedraw;
    bool mPending = false;
    bool mWatchingDock = false;
};

} // namespace planner
