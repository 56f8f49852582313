// The words the Images window and the wizard's image page share: a
// reference's problem as the user types it, a layer's phase, short IDs,
// and an image's name and age as people read them.
#pragma once

#include "image_info.h"

#include <QString>

namespace berth::gui {

// Empty when `reference` parses (model::parseImageReference, the rule the
// helper enforces); else what is wrong with it, in words. An empty field is
// no mistake yet: empty.
[[nodiscard]] QString referenceProblem(const QString& reference);
// "downloading" → "Downloading"; an unknown phase is shown as it came.
[[nodiscard]] QString phaseText(const QString& phase);
// Short IDs: client::shortId (12 hex digits, as Docker shows them).
using client::shortId;
// Its first name, or "<none>" with the short ID for an image without one.
[[nodiscard]] QString imageName(const ImageInfo& image);
// "3 d 4 h ago" from `now`; "unknown" when the image does not say.
[[nodiscard]] QString createdText(qint64 created, qint64 now);
// "2 of 5 (80 MiB)": layers shared with other images and their size.
[[nodiscard]] QString sharedText(const ImageInfo& image);
// "'a', 'b'" or "none".
[[nodiscard]] QString usedByText(const QStringList& containers);

} // namespace berth::gui
