// The views `berth --screenshots DIR` saves, in order: the list, each
// details tab, both wizards, the networks window, the system check, the
// settings and the images window.
#pragma once

#include "screenshot_tour.h"

namespace berth::gui {

class MainWindow;

[[nodiscard]] std::vector<ScreenshotTour::Step> screenshotSteps(MainWindow& window);

} // namespace berth::gui
