# The settings and their dialog (gui/src/settings).
berth_add_gui_test(gui_settings test_settings.cpp LIBS berth_gui_settings)
