#pragma once
// The parts palette: the catalogue's parts in one tab per kind, filtered by a
// search box, each row a drag source for the topology canvas.
//
// Every tab is a QListView over a QSortFilterProxyModel over a PartListModel.
// The search box filters all tabs at once (each whitespace-separated word must
// appear in the name, id or figures, case-insensitively) and every tab title
// carries its count, so a search shows at a glance which tabs have matches.
// Drags start only past QApplication::startDragDistance (QListView's own
// drag logic) and carry encodePartReference() from partmimedata.h.
//
// The palette holds no catalogue pointer: reload() rebuilds the rows from
// whatever catalogue the caller has, e.g. after the user edited theirs.

#include "ui/palette/partmimedata.h"

#include <QWidget>

#include <array>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTabWidget;

namespace planner {

class Catalogue;
class PartListModel;

class PartsPalette : public QWidget
{
    Q_OBJECT

public:
    explicit PartsPalette(const Catalogue &catalogue, QWidget *parent = nullptr);

    // Rebuilds every tab from the catalogue; the search text stays applied.
    void reload(const Catalogue &catalogue);

    QListView *view(PaletteKind kind) const;
    QLineEdit *searchBox() const { return mSearch; }
    QTabWidget *tabs() const { return mTabs; }
    // Rows the current search leaves in that tab.
    int visibleCount(PaletteKind kind) const;
    // The unfiltered rows of that tab.
    PartListModel *model(PaletteKind kind) const;

signals:
    // Enter (or a double click) on a row: add that part to the canvas.
    void partChosen(const PartReference &part);

private:
    struct Tab {
        PaletteKind kind = PaletteKind::Gpu;
        QString title; // without the count, e.g. "GPUs"
        PartListModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        QListView *view = nullptr;
    };

    void applySearch(const QString &text);
    void updateTabTitles();
    const Tab &tab(PaletteKind kind) const;

    QLineEdit *mSearch = nullptr;
    QTabWidget *mTabs = nullptr;
    std::array<Tab, 7> mTabsByKind;
};

} // namespace planner
