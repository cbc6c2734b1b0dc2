#pragma once
// The currency money is shown in, chosen in Preferences with its exchange
// rate (core/cost/currency.h). Prices and costs stay in USD inside the plan
// and the engine; every view that shows or takes an amount converts here, so
// the palette, summary, costs panel, charts and proposal always agree.

#include "core/cost/currency.h"

#include <QLocale>
#include <QString>

namespace planner {

const Currency &displayCurrency();
void setDisplayCurrency(const Currency &currency); // must pass currencyProblem()

QString currencyCode(); // "USD", "CNY", …
double inDisplayCurrency(double usd);
double usdFromDisplayCurrency(double amount);

// "30,000 USD", "213,600 CNY": the amount in the display currency with
// `decimals` after the point, in `locale`'s digits.
QString moneyText(double usd, int decimals, const QLocale &locale = QLocale());
// Only the converted number, for a column whose header names the currency.
QString moneyAmount(double usd, int decimals, const QLocale &locale = QLocale());
// An amount already converted and written ("1,234+"), with the currency's code.
QString withCurrencyCode(const QString &amount);

// Empty for USD; else "Amounts in CNY at the user's rate of 7.12 CNY per
// USD (2026-11-23); catalogue prices are quoted in USD."
QString currencyNote(const QLocale &locale = QLocale());

} // namespace planner
