#pragma once
// The interface language: the system's by default, or the one chosen in
// Preferences. installTranslations() loads the planner's own translation
// (compiled in under :/i18n, see ui/CMakeLists.txt) and Qt's for its standard
// dialogs and buttons, and makes the locale the default one, so numbers and
// dates are written the way the language writes them.

#include <QLocale>
#include <QString>

#include <vector>

class QCoreApplication;

namespace planner {

struct InterfaceLanguage {
    QString code; // "" (follow the system), "en" or "zh_CN"
    QString name; // as the language calls itself
};

// The languages Preferences offers, "follow the system" first.
std::vector<InterfaceLanguage> interfaceLanguages();

// The locale for a language preference; an empty or unknown code is the system's.
QLocale interfaceLocale(const QString &code);

// Installs the translators for `locale` into `app` (they stay for the
// program's life) and makes it the default locale. Returns whether the
// planner's own translation was found; English needs none and returns true.
bool installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace planner
