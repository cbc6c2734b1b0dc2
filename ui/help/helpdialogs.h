#pragma once
// The Help menu's windows: the About box (version, what the catalogue holds
// and how current its prices are, where its data comes from) and the "How the
// numbers are computed" page, in the interface's language when it has one.

#include <QString>

class QWidget;

namespace planner {

class Catalogue;

void showAboutBox(QWidget *parent, const Catalogue &catalogue);
void showNumbersHelp(QWidget *parent);

// The help page's resource for the default locale (":/help/numbers_zh_CN.html"
// when there is one, else the English ":/help/numbers.html").
QString numbersHelpPage();

} // namespace planner
