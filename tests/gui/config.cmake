# The Config tab (gui/src/config).
berth_add_gui_test(gui_config_tab test_config_tab.cpp LIBS berth_gui_config)
