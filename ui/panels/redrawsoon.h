#pragma once
// One redraw for a burst of edits: schedule() asks for the redraw at the next
// turn of the event loop, once however often it is asked before then, and
// runs it only if the widget is on screen by then. The widget redraws when it
// is shown, and a dock tab behind another when its tab is raised: Qt keeps
// such a tab's widgets "visible" (isVisible() is true, the dock only moved
// off the window), so redrawing by isVisible() alone redrew every chart dock
// and relaid every side panel after every edit. The redraw function decides
// whether anything changed since it last ran (a panel keeps a stale flag).

#include <QObject>

#include <functional>

class QWidget;

namespace planner {

class RedrawSoon : public QObject
{
public:
    RedrawSoon(QWidget *widget, std::function<void()> redraw);

    void schedule();
    // At once when the widget is on screen (in the edit's own turn of the
    // event loop, as a panel that must never show a stale figure), else
    // once it comes on screen.
    void redrawNowOrWhenShown();

    // Shown, and not covered by the dock tab in front of it.
    static bool isOnScreen(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void redrawIfOnScreen();
    void watchDockTab();

    QWidget *mWidget;
    std::function<void()> mRedraw;
    bool mPending = false;
    bool mWatchingDock = false;
};

} // namespace planner
