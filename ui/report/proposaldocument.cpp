#include "ui/report/proposaldocument.h"

#include "ui/report/figuretextobject.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QPaintDevice>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <cmath>
#include <functional>
#include <vector>

namespace planner {

namespace {

// Blocks that must share a page with the block after them.
constexpr int kKeepWithNext = QTextFormat::UserProperty + 10;

const QColor kInk(0x1a, 0x1a, 0x1a);
const QColor kAccent(0x1f, 0x3a, 0x5f);
const QColor kMuted(0x5a, 0x5a, 0x5a);
const QColor kRule(0xb8, 0xbe, 0xc6);
const QColor kHeaderFill(0xe8, 0xed, 0xf3);
const QColor kTotalFill(0xf3, 0xf4, 0xf6);

class Layout
{
public:
    Layout(QTextDocument &document, QPaintDevice *device, const QSizeF &pageSize)
        : mDocument(document)
        , mCursor(&document)
        , mPageSize(pageSize * (96.0 / device->logicalDpiY()))
        , mFigures(new FigureTextObject(&document))
    {
    }

    void titlePage(const ProposalContent &c)
    {
        QTextBlockFormat first;
        first.setTopMargin(mPageSize.height() * 0.28);
        first.setBottomMargin(pt(6));
        block(first, c.title, font(26, true), kAccent, true);
        block(spaced(14), c.subtitle, font(15, false), kInk);
        block(spaced(4), c.date, font(11, false), kInk);
        if (!c.author.isEmpty())
            block(spaced(2), QCoreApplication::translate("Proposal", "Prepared by %1").arg(c.author), font(11, false),
                  kInk);
        QTextBlockFormat factsStart = spaced(4);
        factsStart.setTopMargin(pt(40));
        bool firstFact = true;
        for (const QString &fact : c.facts) {
            block(firstFact ? factsStart : spaced(4), fact, font(9.5, false), kMuted);
            firstFact = false;
        }
    }

    void add(const ProposalBlock &b)
    {
        switch (b.kind) {
        case ProposalBlock::Kind::Section: {
            QTextBlockFormat f = spaced(10);
            f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            f.setProperty(kKeepWithNext, true);
            f.setHeadingLevel(1);
            block(f, b.text, font(17, true), kAccent);
            break;
        }
        case ProposalBlock::Kind::Subsection: {
            QTextBlockFormat f = spaced(5);
            f.setTopMargin(pt(12));
            f.setProperty(kKeepWithNext, true);
            f.setHeadingLevel(2);
            block(f, b.text, font(11.5, true), kInk);
            break;
        }
        case ProposalBlock::Kind::Paragraph: block(spaced(6), b.text, font(9.5, false), kInk); break;
        case ProposalBlock::Kind::Note: block(spaced(4), b.text, font(8, false), kMuted); break;
        case ProposalBlock::Kind::Table: table(b.table); break;
        case ProposalBlock::Kind::Figure: figure(b.figure); break;
        }
    }

private:
    // Block and table spacing is given in pixels at 96 per inch; the layout
    // scales it to the device.
    static double pt(double points) { return points * 96.0 / 72.0; }

    static QFont font(double points, bool bold)
    {
        QFont f = QGuiApplication::font();
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    QTextBlockFormat spaced(double bottomPoints) const
    {
        QTextBlockFormat f;
        f.setBottomMargin(pt(bottomPoints));
        return f;
    }

    static QTextCharFormat charFormat(const QFont &font, const QColor &colour)
    {
        QTextCharFormat f;
        f.setFont(font);
        f.setForeground(colour);
        return f;
    }

    // A paragraph; the first one fills the document's empty first block.
    void block(const QTextBlockFormat &format, const QString &text, const QFont &font, const QColor &colour,
               bool first = false)
    {
        const QTextCharFormat chars = charFormat(font, colour);
        if (first || mEmpty) {
            mCursor.setBlockFormat(format);
            mCursor.setBlockCharFormat(chars);
        } else {
            mCursor.insertBlock(format, chars);
        }
        mEmpty = false;
        mCursor.insertText(text, chars);
    }

    void table(const ProposalTable &t)
    {
        const int columns = static_cast<int>(t.headers.size());
        const int rows = static_cast<int>(t.rows.size()) + 1;
        if (columns == 0)
            return;
        QTextTableFormat format;
        format.setHeaderRowCount(1);
        format.setBorder(0.6);
        format.setBorderBrush(kRule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setCellPadding(3);
        format.setCellSpacing(0);
        format.setBottomMargin(6);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QList<QTextLength> widths;
        int used = 0;
        for (int c = 0; c < columns; ++c) {
            const int w = c < static_cast<int>(t.widths.size()) ? t.widths[static_cast<size_t>(c)] : 0;
            used += w;
            widths << (w > 0 ? QTextLength(QTextLength::PercentageLength, w) : QTextLength());
        }
        if (used < 100)
            format.setWidth(QTextLength(QTextLength::PercentageLength, used > 0 && used < 100 ? used : 100));
        format.setColumnWidthConstraints(widths);
        format.setAlignment(Qt::AlignLeft);
        QTextTable *table = mCursor.insertTable(rows, columns, format);

        const QTextCharFormat header = charFormat(font(8, true), kInk);
        const QTextCharFormat body = charFormat(font(8, false), kInk);
        const QTextCharFormat total = charFormat(font(8, true), kInk);
        const QTextCharFormat note = charFormat(font(7, false), kMuted);
        for (int c = 0; c < columns; ++c)
            fillCell(table, 0, c, t.headers.at(c), header, note, numeric(t, c), kHeaderFill);
        for (int r = 1; r < rows; ++r) {
            const QStringList &cells = t.rows[static_cast<size_t>(r - 1)];
            const bool isTotal = r > rows - 1 - t.totalRows;
            for (int c = 0; c < columns && c < cells.size(); ++c)
                fillCell(table, r, c, cells.at(c), isTotal ? total : body, note, numeric(t, c),
                         isTotal ? kTotalFill : QColor());
        }
        // The empty paragraph Qt leaves after a table takes the next block.
        mCursor.movePosition(QTextCursor::End);
        mEmpty = true;
    }

    static bool numeric(const ProposalTable &t, int column)
    {
        return column < static_cast<int>(t.numeric.size()) && t.numeric[static_cast<size_t>(column)];
    }

    void fillCell(QTextTable *table, int row, int column, const QString &text, const QTextCharFormat &chars,
                  const QTextCharFormat &noteChars, bool alignRight, const QColor &fill)
    {
        QTextTableCell cell = table->cellAt(row, column);
        if (fill.isValid()) {
            QTextTableCellFormat f = cell.format().toTableCellFormat();
            f.setBackground(fill);
            cell.setFormat(f);
        }
        QTextCursor c = cell.firstCursorPosition();
        QTextBlockFormat b;
        b.setAlignment(alignRight ? Qt::AlignRight : Qt::AlignLeft);
        c.setBlockFormat(b);
        c.setBlockCharFormat(chars);
        const QStringList lines = text.split(QLatin1Char('\n'));
        c.insertText(lines.first(), chars);
        for (int i = 1; i < lines.size(); ++i) {
            c.insertText(QString(QChar::LineSeparator), chars);
            c.insertText(lines.at(i), noteChars);
        }
    }

    void figure(const ProposalFigure &f)
    {
        QTextBlockFormat caption = spaced(4);
        caption.setTopMargin(pt(8));
        caption.setProperty(kKeepWithNext, true);
        block(caption, f.caption, font(9, true), kInk);
        QTextBlockFormat picture = spaced(10);
        picture.setAlignment(Qt::AlignHCenter);
        mCursor.insertBlock(picture);
        mFigures->insert(mCursor, f);
    }

    QTextDocument &mDocument;
    QTextCursor mCursor;
    QSizeF mPageSize; // in those 96-per-inch pixels
    FigureTextObject *mFigures;
    bool mEmpty = true;
};

// The first page the block's first line lands on.
int pageOf(const QTextDocument &document, const QTextBlock &block)
{
    const QRectF r = document.documentLayout()->blockBoundingRect(block);
    const QTextLayout *layout = block.layout();
    double top = r.top();
    if (layout && layout->lineCount() > 0)
        top += layout->lineAt(0).y();
    // A line at a page's top (a moved heading) is on that page, though the
    // layout's fixed-point positions may put it a fraction of a pixel above.
    return static_cast<int>(std::floor((top + 0.5) / document.pageSize().height()));
}

// Moves every heading or caption that ends a page onto the next one, with
// what follows it, as the document grows. A move only pushes down what
// follows the moved block, so each block is checked once, as soon as the
// block after it is laid out, and the layout Qt runs for a move covers the
// few blocks after it. (Checking the finished document took a relayout of
// all of it per move: the proposal of a 50-scenario plan moved some 60
// headings, in 3.3 s.)
class PageKeeper
{
public:
    explicit PageKeeper(QTextDocument &document)
        : mDocument(document)
    {
    }

    // Checks each block from the first one not checked yet up to the last,
    // whose next block is yet to come.
    void settle()
    {
        QTextBlock b = mDocument.findBlockByNumber(mUnchecked);
        for (; b.isValid() && b.next().isValid(); b = b.next(), ++mUnchecked) {
            const QTextBlockFormat format = b.blockFormat();
            // A block that starts a page already stays with what follows as far as it can.
            if ((format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) || !format.boolProperty(kKeepWithNext)
                || pageOf(mDocument, b) == pageOf(mDocument, b.next()))
                continue;
            QTextBlockFormat moved = format;
            moved.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(b).setBlockFormat(moved);
        }
    }

private:
    QTextDocument &mDocument;
    int mUnchecked = 0; // block number
};

} // namespace

std::unique_ptr<QTextDocument> buildProposalDocument(const ProposalContent &content, QPaintDevice *device,
                                                     const QSizeF &pageSize)
{
    auto document = std::make_unique<QTextDocument>();
    document->documentLayout()->setPaintDevice(device);
    document->setDocumentMargin(0);
    document->setPageSize(pageSize);
    QFont base = QGuiApplication::font();
    base.setPointSizeF(9.5);
    document->setDefaultFont(base);
    document->setUndoRedoEnabled(false);
    Layout layout(*document, device, pageSize);
    PageKeeper keeper(*document);
    // One edit block per part: Qt lays out each part once, after what is
    // laid out already, instead of after every inserted cell (a 50-scenario
    // plan's tables took minutes).
    const auto append = [&](const std::function<void()> &addPart) {
        QTextCursor batch(document.get());
        batch.beginEditBlock();
        addPart();
        batch.endEditBlock();
        keeper.settle();
    };
    append([&] { layout.titlePage(content); });
    for (const ProposalBlock &block : content.blocks)
        append([&] { layout.add(block); });
    return document;
}

} // namespace planner
