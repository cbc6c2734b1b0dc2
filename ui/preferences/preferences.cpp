#include "ui/preferences/preferences.h"

#include "ui/preferences/language.h"

#include <QSettings>

#include <algorithm>

namespace planner {

namespace {

QString costKey(const char *name, const char *part)
{
    return QStringLiteral("preferences/costs/%1/%2").arg(QLatin1String(name), QLatin1String(part));
}

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences p;
    p.language = settings.value(QStringLiteral("preferences/language")).toString();
    const std::vector<InterfaceLanguage> offered = interfaceLanguages();
    if (std::none_of(offered.begin(), offered.end(), [&p](const InterfaceLanguage &l) { return l.code == p.language; }))
        p.language.clear(); // not a language the planner offers: follow the system
    p.memoryUnit = memoryUnitFromKey(settings.value(QStringLiteral("preferences/memoryUnit")).toString());
    Currency currency;
    currency.code =
        settings.value(QStringLiteral("preferences/currency/code"), QStringLiteral("USD")).toString().toStdString();
    currency.perUsd = settings.value(QStringLiteral("preferences/currency/perUsd"), 1.0).toDouble();
    currency.rateDate = settings.value(QStringLiteral("preferences/currency/rateDate")).toString().toStdString();
    if (!currencyProblem(currency)) // a hand-edited settings file may hold anything: then US dollars
        p.currency = currency;
    p.author = settings.value(QStringLiteral("preferences/author")).toString();
    p.autosaveMinutes = std::clamp(
        settings.value(QStringLiteral("preferences/autosaveMinutes"), p.autosaveMinutes).toInt(), 1, 60);
    CostAssumptions stored = p.costDefaults;
    for (const auto &[name, member] : kCostAssumptionKeys) {
        bool ok = false;
        const double value = settings.value(costKey(name, "value")).toDouble(&ok);
        if (!ok)
            continue; // never set: the planner's sourced default
        (stored.*member).value = value;
        (stored.*member).source = settings.value(costKey(name, "source")).toString().toStdString();
    }
    // A hand-edited settings file must not carry a value the cost model refuses.
    if (validate(stored).empty())
        p.costDefaults = stored;
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("preferences/language"), language);
    settings.setValue(QStringLiteral("preferences/memoryUnit"), memoryUnitKey(memoryUnit));
    settings.setValue(QStringLiteral("preferences/currency/code"), QString::fromStdString(currency.code));
    settings.setValue(QStringLiteral("preferences/currency/perUsd"), currency.perUsd);
    settings.setValue(QStringLiteral("preferences/currency/rateDate"), QString::fromStdString(currency.rateDate));
    settings.setValue(QStringLiteral("preferences/author"), author);
    settings.setValue(QStringLiteral("preferences/autosaveMinutes"), autosaveMinutes);
    const CostAssumptions builtIn;
    for (const auto &[name, member] : kCostAssumptionKeys) {
        const CostAssumption &a = costDefaults.*member;
        if (a.value == (builtIn.*member).value && a.source == (builtIn.*member).source) {
            settings.remove(QStringLiteral("preferences/costs/%1").arg(QLatin1String(name)));
            continue; // a later planner's better-sourced default then applies
        }
        settings.setValue(costKey(name, "value"), a.value);
        settings.setValue(costKey(name, "source"), QString::fromStdString(a.source));
    }
}

bool Preferences::operator==(const Preferences &other) const
{
    if (language != other.language || memoryUnit != other.memoryUnit || currency != other.currency
        || author != other.author || autosaveMinutes != other.autosaveMinutes)
        return false;
    for (const auto &entry : kCostAssumptionKeys) {
        const CostAssumption &a = costDefaults.*entry.member;
        const CostAssumption &b = other.costDefaults.*entry.member;
        if (a.value != b.value || a.source != b.source)
            return false;
    }
    return true;
}

} // namespace planner
