#include "ui/preferences/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace planner {

std::vector<InterfaceLanguage> interfaceLanguages()
{
    return {
        {QString(), QCoreApplication::translate("InterfaceLanguage", "System language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
}

QLocale interfaceLocale(const QString &code)
{
    for (const InterfaceLanguage &language : interfaceLanguages())
        if (!code.isEmpty() && language.code == code)
            return QLocale(code);
    return QLocale::system();
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QLocale::setDefault(locale);
    // Qt's own strings (the standard buttons, file dialogs), when the system has them.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;
    auto *planner = new QTranslator(&app);
    if (!planner->load(locale, QStringLiteral("llm-planner"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete planner;
        return false;
    }
    QCoreApplication::installTranslator(planner);
    return true;
}

} // namespace planner
