#include "ui/report/topologypicture.h"

#include "ui/canvas/topologyscene.h"
#include "ui/document/plandocument.h"

#include <QPalette>

#include <memory>

namespace planner {

namespace {

// The document and the scene that draws it, alive for as long as a figure
// may still be painted. The scene goes first: it refers to the document.
struct SceneHolder {
    explicit SceneHolder(const Catalogue &catalogue)
        : document(catalogue)
        , scene(document)
    {
    }
    PlanDocument document;
    TopologyScene scene;
};

} // namespace

std::vector<ProposalFigure> topologyFigures(const Plan &plan, const Catalogue &catalogue)
{
    auto holder = std::make_shared<SceneHolder>(catalogue);
    // The proposal prints on white paper, whatever palette the window uses.
    holder->scene.setPalette(QPalette(QColor(0xf4, 0xf4, 0xf4)));
    holder->document.reset(plan, QString());
    std::vector<ProposalFigure> figures;
    for (size_t i = 0; i < plan.scenarios.size(); ++i) {
        holder->document.setCurrentScenario(i);
        const QRectF drawn = holder->scene.itemsBoundingRect();
        ProposalFigure figure;
        figure.caption = QString::fromStdString(plan.scenarios[i].name);
        if (drawn.isEmpty()) {
            figures.push_back(figure);
            continue;
        }
        const QRectF source = drawn.adjusted(-12, -12, 12, 12);
        figure.size = source.size();
        figure.paint = [holder, i, source](QPainter *painter, const QRectF &target) {
            holder->document.setCurrentScenario(i);
            holder->scene.render(painter, target, source, Qt::KeepAspectRatio);
        };
        figures.push_back(figure);
    }
    return figures;
}

} // namespace planner
