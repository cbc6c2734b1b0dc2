#include "ui/palette/partspalette.h"

#include "ui/palette/partlistmodel.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace planner {

namespace {

// Two-part item: the name in bold, the key figures below it in a quieter
// colour. Every item has room for three lines: the figures wrap over two of
// them, or, where they fit on one, the name may take two; whatever still runs
// on is elided (the tooltip has it whole). Every item has the same height so
// the views can use uniform item sizes and stay fast however long the
// catalogue grows.
class PartItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kTextLines = 3;
    static constexpr int kHMargin = 6;
    static constexpr int kVMargin = 4;
    static constexpr int kLineGap = 2; // between the name and the figures

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        const int height = 2 * kVMargin + kLineGap + kTextLines * lineHeight(option.font);
        return {qMax(option.rect.width(), 120), height};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();

        // Background, selection and focus as the style draws them, no text.
        opt.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                           : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                                : QPalette::Inactive;
        const QColor nameColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor figuresColor = nameColor;
        if (!selected)
            figuresColor.setAlphaF(0.75); // secondary, still well above contrast minimums

        const QRect area = opt.rect.adjusted(kHMargin, kVMargin, -kHMargin, -kVMargin);
        const QFont bold = boldFont(opt.font);
        const int step = lineHeight(opt.font);

        QStringList figures = wrappedLines(keepFiguresTogether(index.data(PartListModel::FiguresRole).toString()),
                                           opt.font, area.width(), kTextLines - 1);
        const QStringList name = wrappedLines(index.data(PartListModel::NameRole).toString(), bold, area.width(),
                                              kTextLines - qMax<int>(1, figures.size()));

        painter->save();
        painter->setClipRect(opt.rect);
        int y = area.top();
        painter->setFont(bold);
        painter->setPen(nameColor);
        for (const QString &line : name) {
            painter->drawText(QPoint(area.left(), y + QFontMetrics(bold).ascent()), line);
            y += step;
        }
        y += kLineGap;
        painter->setFont(opt.font);
        painter->setPen(figuresColor);
        for (const QString &line : figures) {
            painter->drawText(QPoint(area.left(), y + QFontMetrics(opt.font).ascent()), line);
            y += step;
        }
        painter->restore();
    }

private:
    static QFont boldFont(QFont font)
    {
        font.setBold(true);
        return font;
    }

    static int lineHeight(const QFont &font)
    {
        return qMax(QFontMetrics(font).lineSpacing(), QFontMetrics(boldFont(font)).lineSpacing());
    }

    // Lines break only between figures or inside a long one, never between
    // a number and its unit ("560 W") nor before a separator dot.
    static QString keepFiguresTogether(QString text)
    {
        static const QRegularExpression numberThenUnit(QStringLiteral("(\\d) (?=\\S)"));
        text.replace(numberThenUnit, QStringLiteral("\\1\u00a0"));
        text.replace(QStringLiteral(" \u00b7 "), QStringLiteral("\u00a0\u00b7 "));
        return text;
    }

    // text word-wrapped to width in at most maxLines lines, the last one
    // elided if the text runs on.
    static QStringList wrappedLines(const QString &text, const QFont &font, int width, int maxLines)
    {
        QStringList lines;
        const QFontMetrics metrics(font);
        QTextLayout layout(text, font);
        QTextOption wrap;
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout.setTextOption(wrap);
        layout.beginLayout();
        while (lines.size() < maxLines) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            const bool runsOn = line.textStart() + line.textLength() < text.size();
            if (lines.size() == maxLines - 1 && runsOn)
                lines << metrics.elidedText(text.mid(line.textStart()).simplified(), Qt::ElideRight, width);
            else
                lines << text.mid(line.textStart(), line.textLength()).trimmed();
        }
        layout.endLayout();
        return lines;
    }
};

// Each whitespace-separated word must occur somewhere in the row's search
// text, in any order: "h100 pcie" finds "NVIDIA H100 PCIe 80GB".
QRegularExpression searchExpression(const QString &text)
{
    const QStringList words = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QString pattern = QStringLiteral("^");
    for (const QString &word : words)
        pattern += QStringLiteral("(?=.*%1)").arg(QRegularExpression::escape(word));
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption
                                           | QRegularExpression::DotMatchesEverythingOption);
}

QString tabTitle(PaletteKind kind)
{
    switch (kind) {
    case PaletteKind::Gpu: return PartsPalette::tr("GPUs");
    case PaletteKind::Cpu: return PartsPalette::tr("CPUs");
    case PaletteKind::Memory: return PartsPalette::tr("Memory");
    case PaletteKind::Storage: return PartsPalette::tr("Storage");
    case PaletteKind::Link: return PartsPalette::tr("Network");
    case PaletteKind::Server: return PartsPalette::tr("Servers");
    case PaletteKind::Instance: return PartsPalette::tr("Cloud");
    }
    return {};
}

} // namespace

PartsPalette::PartsPalette(const Catalogue &catalogue, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("partsPalette"));

    mSearch = new QLineEdit(this);
    mSearch->setObjectName(QStringLiteral("partsSearch"));
    mSearch->setPlaceholderText(tr("Search parts"));
    mSearch->setClearButtonEnabled(true);
    mSearch->setToolTip(tr("Filter every tab by name, id or figures; separate words to match them all"));

    mTabs = new QTabWidget(this);
    mTabs->setObjectName(QStringLiteral("partsTabs"));
    // Seven labelled tabs do not fit across a dock a few hundred pixels wide;
    // down the side they do, and the lists keep nearly the full width.
    mTabs->setTabPosition(QTabWidget::West);
    mTabs->setDocumentMode(true);
    mTabs->setUsesScrollButtons(true); // only if the dock is very short

    auto *delegate = new PartItemDelegate(this);
    for (size_t i = 0; i < mTabsByKind.size(); ++i) {
        Tab &t = mTabsByKind[i];
        t.kind = static_cast<PaletteKind>(i);
        t.title = tabTitle(t.kind);
        t.model = new PartListModel(t.kind, this);
        t.proxy = new QSortFilterProxyModel(this);
        t.proxy->setSourceModel(t.model);
        t.proxy->setFilterRole(PartListModel::SearchTextRole);
        t.view = new QListView;
        t.view->setObjectName(QStringLiteral("partsView_") + toString(t.kind));
        t.view->setModel(t.proxy);
        t.view->setItemDelegate(delegate);
        t.view->setUniformItemSizes(true);
        t.view->setWordWrap(true);
        t.view->setSelectionMode(QAbstractItemView::SingleSelection);
        t.view->setDragEnabled(true);
        t.view->setDragDropMode(QAbstractItemView::DragOnly);
        t.view->setDefaultDropAction(Qt::CopyAction);
        t.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t.view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        t.view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        // Enter on a row adds it, so hardware can be added without a mouse.
        connect(t.view, &QAbstractItemView::activated, this, [this, kind = t.kind](const QModelIndex &index) {
            emit partChosen({kind, index.data(PartListModel::IdRole).toString()});
        });
        t.view->setAlternatingRowColors(true);
        t.view->setAccessibleName(t.title);
        mTabs->addTab(t.view, t.title);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(mSearch);
    layout->addWidget(mTabs, 1);

    connect(mSearch, &QLineEdit::textChanged, this, &PartsPalette::applySearch);
    reload(catalogue);
}

void PartsPalette::reload(const Catalogue &catalogue)
{
    for (Tab &t : mTabsByKind)
        t.model->reload(catalogue);
    updateTabTitles();
}

QListView *PartsPalette::view(PaletteKind kind) const
{
    return tab(kind).view;
}

int PartsPalette::visibleCount(PaletteKind kind) const
{
    return tab(kind).proxy->rowCount();
}

PartListModel *PartsPalette::model(PaletteKind kind) const
{
    return tab(kind).model;
}

void PartsPalette::applySearch(const QString &text)
{
    const QRegularExpression expression = searchExpression(text);
    for (Tab &t : mTabsByKind)
        t.proxy->setFilterRegularExpression(expression);
    updateTabTitles();

    // An empty tab is no answer: if the search leaves nothing in the tab on
    // show but some other tab has matches, show the first such tab.
    const auto current = std::find_if(mTabsByKind.begin(), mTabsByKind.end(),
                                      [this](const Tab &t) { return t.view == mTabs->currentWidget(); });
    if (current != mTabsByKind.end() && current->proxy->rowCount() == 0) {
        const auto match = std::find_if(mTabsByKind.begin(), mTabsByKind.end(),
                                        [](const Tab &t) { return t.proxy->rowCount() > 0; });
        if (match != mTabsByKind.end())
            mTabs->setCurrentWidget(match->view);
    }
}

void PartsPalette::updateTabTitles()
{
    for (size_t i = 0; i < mTabsByKind.size(); ++i) {
        const Tab &t = mTabsByKind[i];
        const int index = mTabs->indexOf(t.view);
        // The count while searching: it tells which tabs have matches.
        const bool searching = !mSearch->text().trimmed().isEmpty();
        const int shown = t.proxy->rowCount();
        mTabs->setTabText(index, searching ? tr("%1 (%2)").arg(t.title).arg(shown) : t.title);
        mTabs->setTabToolTip(index, searching
                                        ? tr("%1 of %2 parts match the search").arg(shown).arg(t.model->rowCount())
                                        : tr("%1 parts; drag one onto the canvas").arg(shown));
    }
}

const PartsPalette::Tab &PartsPalette::tab(PaletteKind kind) const
{
    return mTabsByKind[static_cast<size_t>(kind)];
}

} // namespace planner
