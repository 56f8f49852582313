// The images of the helper's store as the GUI shows them (issue #21): the
// client's types, GetImage/ListImages' fields and what PruneImages freed.
#pragma once

#include "image_types.h"

namespace berth::gui {

using ImageInfo = client::ImageInfo;
using ImagePruneResult = client::PruneResult;

} // namespace berth::gui
