#pragma once
// Edits of the user's catalogue made from the desktop application, each one
// undo step on the plan document's stack (so Edit ▸ Undo takes an import back
// like any other edit).

#include "core/model/modelspec.h"

#include <QString>

namespace planner {

class Catalogue;
class PlanDocument;

namespace edits {

// Stores `spec` in the user catalogue (replacing a user model with its id, or
// shadowing a built-in one) and, with `compare`, makes it one of the model
// versions the plan compares (switching to its family). Undo restores the
// catalogue row it replaced, or removes the model. Returns the reason when
// the catalogue cannot be written; nothing is pushed then.
QString importModel(PlanDocument &doc, Catalogue &catalogue, const ModelSpec &spec, bool compare);

} // namespace edits
} // namespace planner
