#include "ui/panels/redrawsoon.h"

#include <QDockWidget>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace planner {

RedrawSoon::RedrawSoon(QWidget *widget, std::function<void()> redraw)
    : mWidget(widget)
    , mRedraw(std::move(redraw))
{
    mWidget->installEventFilter(this);
}

void RedrawSoon::schedule()
{
    if (mPending)
        return;
    mPending = true;
    QTimer::singleShot(0, this, [this] {
        mPending = false;
        redrawIfOnScreen();
    });
}

void RedrawSoon::redrawNowOrWhenShown()
{
    if (isOnScreen(mWidget))
        mRedraw();
    else
        schedule();
}

bool RedrawSoon::isOnScreen(const QWidget *widget)
{
    return widget->isVisible() && !widget->visibleRegion().isEmpty();
}

bool RedrawSoon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mWidget && event->type() == QEvent::Show)
        schedule(); // if it is on screen: a dock tab behind another is "shown" too
    return false;
}

void RedrawSoon::redrawIfOnScreen()
{
    watchDockTab();
    if (isOnScreen(mWidget))
        mRedraw();
}

// The dock holding the widget says when its tab comes to the front; the
// widget is placed there by the next turn of the event loop. The dock is
// looked up on first use: at construction the widget is not in it yet.
void RedrawSoon::watchDockTab()
{
    if (mWatchingDock)
        return;
    for (QWidget *above = mWidget->parentWidget(); above; above = above->parentWidget())
        if (auto *dock = qobject_cast<QDockWidget *>(above)) {
            connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
                if (visible)
                    schedule();
            });
            mWatchingDock = true;
            return;
        }
}

} // namespace planner
