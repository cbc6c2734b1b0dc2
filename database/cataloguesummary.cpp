#include "database/cataloguesummary.h"

#include "database/catalogue.h"

namespace planner {

namespace {

struct DateRange {
    QString oldest;
    QString newest;

    // Dates are YYYY-MM or YYYY-MM-DD: as text they sort in time order.
    void add(const std::string &date)
    {
        if (date.empty())
            return;
        const QString d = QString::fromStdString(date);
        if (oldest.isEmpty() || d < oldest)
            oldest = d;
        if (newest.isEmpty() || d > newest)
            newest = d;
    }
};

template <typename Spec, typename PriceOf>
CatalogueSummary::Kind kindOf(const Catalogue &catalogue, const char *table, DateRange &dates, PriceOf priceOf)
{
    CatalogueSummary::Kind kind{QLatin1String(table), true, 0, 0};
    for (const Spec &part : catalogue.list<Spec>()) {
        ++kind.parts;
        if (const std::optional<std::string> date = priceOf(part)) {
            ++kind.priced;
            dates.add(*date);
        }
    }
    return kind;
}

// Links (a GPU fabric or a NIC port is priced with its server) and model versions.
template <typename Spec>
CatalogueSummary::Kind unpricedKindOf(const Catalogue &catalogue, const char *table)
{
    return {QLatin1String(table), false, static_cast<int>(catalogue.list<Spec>().size()), 0};
}

// The date of a part's price, or nullopt when it has none.
template <typename Spec>
std::optional<std::string> listPriceDate(const Spec &part)
{
    return part.price ? std::optional<std::string>(part.price->date) : std::nullopt;
}

} // namespace

CatalogueSummary summarizeCatalogue(const Catalogue &catalogue)
{
    DateRange dates;
    CatalogueSummary summary;
    summary.kinds = {
        kindOf<GpuSpec>(catalogue, "gpus", dates, listPriceDate<GpuSpec>),
        kindOf<CpuSpec>(catalogue, "cpus", dates, listPriceDate<CpuSpec>),
        kindOf<MemoryModuleSpec>(catalogue, "memory", dates, listPriceDate<MemoryModuleSpec>),
        kindOf<StorageSpec>(catalogue, "storage", dates, listPriceDate<StorageSpec>),
        unpricedKindOf<LinkSpec>(catalogue, "links"),
        kindOf<SwitchSpec>(catalogue, "switches", dates, listPriceDate<SwitchSpec>),
        kindOf<NicSpec>(catalogue, "nics", dates, listPriceDate<NicSpec>),
        kindOf<CableSpec>(catalogue, "cables", dates, listPriceDate<CableSpec>),
        kindOf<ServerTemplate>(catalogue, "servers", dates,
                               [](const ServerTemplate &s) {
                                   return s.chassisPrice ? std::optional<std::string>(s.chassisPrice->date)
                                                         : std::nullopt;
                               }),
        kindOf<CloudInstance>(
            catalogue, "instances", dates,
            [](const CloudInstance &i) { return i.onDemand ? std::optional<std::string>(i.priceDate) : std::nullopt; }),
        unpricedKindOf<ModelSpec>(catalogue, "models"),
    };
    summary.oldestPriceDate = dates.oldest;
    summary.newestPriceDate = dates.newest;
    return summary;
}

} // namespace planner
