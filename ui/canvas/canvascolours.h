#pragma once
// The canvas's colours, from the palette it is drawn with: a light "paper"
// under a light palette, a dark one under a dark palette (the system's dark
// mode), so the canvas never glares inside a dark window. The part and link
// kinds keep their hues in both (canvasitems.cpp).
//
// The proposal's topology pictures are drawn with a light palette whatever
// the window uses (ui/report/topologypicture.cpp): paper is white.

#include <QColor>

class QPalette;

namespace planner {

struct CanvasColours {
    QColor paper; // the scene's background
    QColor serverFill;
    QColor cloudFill; // a rented instance's box
    QColor serverBorder;
    QColor partFill;
    QColor partBorder;
    QColor title;  // names of servers and parts
    QColor detail; // their figures
    QColor selection;
    QColor labelFill; // behind a link's name
};

// Whether the palette is a dark one (its window darker than mid-grey).
bool isDarkPalette(const QPalette &palette);

CanvasColours canvasColours(const QPalette &palette);

} // namespace planner
