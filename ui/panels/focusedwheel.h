#pragma once
// The mouse wheel edits only the field that has the keyboard focus: over an
// unfocused spin box or combo box it scrolls the panel instead, so scrolling
// a dock past a field neither changes the plan nor adds an undo step. Those
// fields take focus by click or Tab, not by the wheel.

#include <QObject>

namespace planner {

class FocusedWheel : public QObject
{
    Q_OBJECT

public:
    // Filters the events of every widget of the application.
    explicit FocusedWheel(QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace planner
