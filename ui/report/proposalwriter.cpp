#include "ui/report/proposalwriter.h"

#include "core/plan/planevaluation.h"
#include "database/wholefile.h"
#include "ui/report/proposalcharts.h"
#include "ui/report/proposalcontent.h"
#include "ui/report/proposaldocument.h"
#include "ui/report/topologypicture.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QPicture>
#include <QTextDocument>

namespace planner {

namespace {

class ProposalWriter
{
    Q_DECLARE_TR_FUNCTIONS(ProposalWriter)
};

// Page margins in millimetres; the footer sits inside the bottom one's area.
const QMarginsF kMargins(20, 18, 20, 12);
constexpr double kFooterPoints = 24;

void drawFooter(QPainter &painter, const QRectF &area, const QString &title, int page, int pages)
{
    QFont font = QGuiApplication::font();
    font.setPointSizeF(8);
    painter.setFont(font);
    painter.setPen(QColor(0x6a, 0x6a, 0x6a));
    const QString number = ProposalWriter::tr("Page %1 of %2").arg(page).arg(pages);
    const QFontMetricsF metrics(font, painter.device());
    const double numberWidth = metrics.horizontalAdvance(number);
    painter.drawText(area, Qt::AlignRight | Qt::AlignBottom, number);
    const QRectF left(area.left(), area.top(), area.width() - numberWidth - metrics.height() * 2, area.height());
    painter.drawText(left, Qt::AlignLeft | Qt::AlignBottom, metrics.elidedText(title, Qt::ElideRight, left.width()));
    painter.setPen(QPen(QColor(0xc8, 0xcc, 0xd2), metrics.height() / 16));
    painter.drawLine(QPointF(area.left(), area.top() + metrics.height() * 0.6),
                     QPointF(area.right(), area.top() + metrics.height() * 0.6));
}

} // namespace

ProposalInputs proposalInputs(const Plan &plan, std::stop_token stop)
{
    ProposalInputs inputs;
    inputs.estimates = evaluatePlan(plan);
    inputs.sweeps = proposalSweeps(plan, inputs.estimates, stop);
    return inputs;
}

ProposalContent proposalContent(const Plan &plan, const Catalogue &catalogue, const ProposalOptions &options,
                                const ProposalInputs &inputs)
{
    ProposalContent content = buildProposalContent(plan, inputs.estimates, options, topologyFigures(plan, catalogue),
                                                   inputs.sweeps);
    // Charts and topology pictures are QGraphicsScenes, which only the GUI
    // thread may paint: each is drawn once here into a QPicture, which the
    // page painter plays back on whatever thread lays out the pages.
    for (ProposalBlock &block : content.blocks) {
        if (block.kind != ProposalBlock::Kind::Figure || !block.figure.paint)
            continue;
        QPicture picture;
        QPainter recorder(&picture);
        block.figure.paint(&recorder, QRectF(QPointF(0, 0), block.figure.size));
        recorder.end();
        block.figure.paint = [picture](QPainter *painter, const QRectF &) { painter->drawPicture(0, 0, picture); };
    }
    return content;
}

QString writeProposalPdf(const Plan &plan, const Catalogue &catalogue, const ProposalOptions &options,
                         const QString &path)
{
    return paintProposalPdf(proposalContent(plan, catalogue, options, proposalInputs(plan)), path);
}

QString paintProposalPdf(const ProposalContent &content, const QString &path, std::stop_token stop,
                         const std::function<void(int page, int pages)> &progress)
{
    const QString where = QDir::toNativeSeparators(path);
    const QString cancelled = ProposalWriter::tr("The proposal was not written: the export was cancelled");
    // Painted in memory, then written whole (database/wholefile.h): a full
    // disk or a failed write leaves any earlier file as it was.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, kMargins, QPageLayout::Millimeter));
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("LLM Deployment Planner"));
        const QRectF area(QPointF(0, 0), writer.pageLayout().paintRectPixels(writer.resolution()).size());
        const double footer = kFooterPoints * writer.resolution() / 72.0;
        const QSizeF pageSize(area.width(), area.height() - footer);
        const std::unique_ptr<QTextDocument> document = buildProposalDocument(content, &writer, pageSize);
        if (stop.stop_requested())
            return cancelled;
        const int pages = document->pageCount();
        const QString footerTitle = content.title + QStringLiteral(" — ") + content.subtitle;

        QPainter painter;
        if (!painter.begin(&writer))
            return ProposalWriter::tr("Cannot write %1: the PDF could not be started").arg(where);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            const QRectF body(0, page * pageSize.height(), pageSize.width(), pageSize.height());
            painter.save();
            painter.translate(0, -body.top());
            painter.setClipRect(body);
            QAbstractTextDocumentLayout::PaintContext context;
            // A line that starts exactly on the page break touches both pages'
            // rectangles; the layout would draw it (hidden by the clip, but in
            // the PDF's text) on both. Half a pixel in keeps it on its own page.
            context.clip = body.adjusted(0, 0.5, 0, -0.5);
            document->documentLayout()->draw(&painter, context);
            painter.restore();
            drawFooter(painter, QRectF(0, pageSize.height(), area.width(), footer), footerTitle, page + 1, pages);
            if (progress)
                progress(page + 1, pages);
            if (stop.stop_requested())
                return cancelled;
        }
        painter.end();
    }
    if (stop.stop_requested())
        return cancelled;
    if (const QString reason = writeWholeFile(path, pdf.data()); !reason.isEmpty())
        return ProposalWriter::tr("Cannot write %1: %2").arg(where, reason);
    return {};
}

} // namespace planner
