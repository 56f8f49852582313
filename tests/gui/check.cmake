# The system check page and dialog (gui/src/check).
berth_add_gui_test(gui_system_check test_system_check.cpp LIBS berth_gui_check)
