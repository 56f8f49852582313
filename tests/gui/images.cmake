# The Images window (gui/src/images): the list model from recorded replies
# (fixtures/images.json), the pull panel's per-layer progress and Cancel,
# Remove refused while the image is used, Prune; and the window opened from
# the main window.
berth_add_gui_test(gui_images_window test_images_window.cpp LIBS berth_gui_images)
berth_add_gui_test(gui_images_main_window test_images_main_window.cpp)
