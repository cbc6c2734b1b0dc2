#include "ui/panels/focusedwheel.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace planner {

FocusedWheel::FocusedWheel(QObject *parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

bool FocusedWheel::eventFilter(QObject *watched, QEvent *event)
{
    const bool field = qobject_cast<QAbstractSpinBox *>(watched) || qobject_cast<QComboBox *>(watched);
    if (field && event->type() == QEvent::Polish) {
        // Qt gives a WheelFocus widget the focus before it sees the wheel.
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->focusPolicy() == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
    }
    if (field && event->type() == QEvent::Wheel) {
        if (!static_cast<QWidget *>(watched)->hasFocus()) {
            // Ignored: Qt hands the event on to the parent, which scrolls.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace planner
