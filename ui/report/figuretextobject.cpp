#include "ui/report/figuretextobject.h"

#include <QAbstractTextDocumentLayout>
#include <QPicture>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace planner {

namespace {

constexpr int kFigureIndex = QTextFormat::UserProperty + 1;
// A figure takes at most this share of a page's height.
constexpr double kMaxPageShare = 0.52;
constexpr double kMaxPrintScale = 0.8;

} // namespace

FigureTextObject::FigureTextObject(QObject *parent)
    : QObject(parent)
{
}

void FigureTextObject::insert(QTextCursor &cursor, const ProposalFigure &figure)
{
    cursor.document()->documentLayout()->registerHandler(kObjectType, this);
    QTextCharFormat format;
    format.setObjectType(kObjectType);
    format.setProperty(kFigureIndex, static_cast<int>(mFigures.size()));
    mFigures.push_back(figure);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

QSizeF FigureTextObject::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    const int index = format.property(kFigureIndex).toInt();
    if (index < 0 || index >= static_cast<int>(mFigures.size()) || mFigures[index].size.isEmpty())
        return {};
    const QSizeF natural = mFigures[index].size;
    const QSizeF page = document->pageSize();
    const double width = (page.width() > 0 ? page.width() : document->textWidth()) - 2 * document->documentMargin();
    double scale = width / natural.width();
    // Never larger than kMaxPrintScale of its size on a 96-dpi screen, so a
    // small drawing's text stays near the body text's size.
    if (const QPaintDevice *device = document->documentLayout()->paintDevice())
        scale = std::min(scale, kMaxPrintScale * device->logicalDpiX() / 96.0);
    if (page.height() > 0)
        scale = std::min(scale, page.height() * kMaxPageShare / natural.height());
    return natural * scale;
}

void FigureTextObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                                  const QTextFormat &format)
{
    const int index = format.property(kFigureIndex).toInt();
    if (index < 0 || index >= static_cast<int>(mFigures.size()) || !mFigures[index].paint)
        return;
    const ProposalFigure &figure = mFigures[index];
    QPicture picture;
    QPainter recorder(&picture);
    figure.paint(&recorder, QRectF(QPointF(0, 0), figure.size));
    recorder.end();

    // Playing a QPicture scales it by the target's resolution over the
    // picture's own (QPicture::play), so that share comes out of ours.
    const double dpiX = static_cast<double>(painter->device()->logicalDpiX()) / picture.logicalDpiX();
    const double dpiY = static_cast<double>(painter->device()->logicalDpiY()) / picture.logicalDpiY();
    painter->save();
    painter->translate(rect.topLeft());
    painter->setClipRect(QRectF(QPointF(0, 0), rect.size()));
    painter->scale(rect.width() / figure.size.width() / dpiX, rect.height() / figure.size.height() / dpiY);
    painter->drawPicture(QPointF(0, 0), picture);
    painter->restore();
}

} // namespace planner
