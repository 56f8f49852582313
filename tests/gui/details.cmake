# The details area (gui/src/details): Log and Config tabs, system check,
# settings.
berth_add_gui_test(gui_details_pure test_details_pure.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_log_tab test_log_tab.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_config_tab test_config_tab.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_system_check test_system_check.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_settings test_settings.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_autostart_box test_autostart_box.cpp LIBS berth_gui_details)
berth_add_gui_test(gui_shared_folders_box test_shared_folders_box.cpp LIBS berth_gui_details)
