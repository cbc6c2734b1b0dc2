#pragma once
// Figures inside the proposal's QTextDocument: an inline object that takes the
// text width (shrunk to keep it under about half a page) and paints its
// ProposalFigure straight into the page's painter, so it stays vector.
//
// The figure paints at its own logical size (96 pixels per inch, like the
// screen) into a QPicture, which is then played back scaled onto the page:
// fonts given in points keep their proportion to the drawing whatever the
// resolution of the PDF.

#include "ui/report/proposalfigure.h"

#include <QObject>
#include <QTextObjectInterface>

#include <vector>

class QTextCursor;

namespace planner {

class FigureTextObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;

    explicit FigureTextObject(QObject *parent = nullptr);
    // Registers this handler with the cursor's document and inserts the figure there.
    void insert(QTextCursor &cursor, const ProposalFigure &figure);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
                    const QTextFormat &format) override;

private:
    std::vector<ProposalFigure> mFigures;
};

} // namespace planner
