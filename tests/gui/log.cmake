# The Log tab (gui/src/log).
berth_add_gui_test(gui_log_tab test_log_tab.cpp LIBS berth_gui_log)
