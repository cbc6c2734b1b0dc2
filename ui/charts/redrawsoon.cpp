#include "ui/charts/redrawsoon.h"

#include <QTimer>
#include <QWidget>

namespace planner {

RedrawSoon::RedrawSoon(QWidget *widget, std::function<void()> redraw)
    : mWidget(widget)
    , mRedraw(std::move(redraw))
{
}

void RedrawSoon::schedule()
{
    if (mPending)
        return;
    mPending = true;
    QTimer::singleShot(0, mWidget, [this] {
        mPending = false;
        if (mWidget->isVisible())
            mRedraw();
    });
}

} // namespace planner
