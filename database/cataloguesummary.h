#pragma once
// What Help ▸ About says about the catalogue in use: how many parts of each
// kind it holds, how many carry a price, and the dates of its oldest and
// newest price, so a user can tell how current its figures are. Parts the
// user added count as well (the catalogue is one list to them).

#include <QString>

#include <vector>

namespace planner {

class Catalogue;

struct CatalogueSummary {
    struct Kind {
        QString table;         // the catalogue table: "gpus", "instances", ... (Catalogue::tables())
        bool hasPrices = true; // false for links and model versions, which carry none
        int parts = 0;
        int priced = 0; // parts with a price (cloud instances: an on-demand price)
    };
    std::vector<Kind> kinds;
    QString oldestPriceDate; // YYYY-MM[-DD]; empty when nothing is priced
    QString newestPriceDate;
};

CatalogueSummary summarizeCatalogue(const Catalogue &catalogue);

} // namespace planner
