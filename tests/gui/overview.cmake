# The boxes of the Overview tab (gui/src/overview).
berth_add_gui_test(gui_autostart_box test_autostart_box.cpp LIBS berth_gui_overview)
berth_add_gui_test(gui_shared_folders_box test_shared_folders_box.cpp LIBS berth_gui_overview)
# The Overview's sentences in plain words.
berth_add_gui_test(gui_overview_text test_overview_text.cpp LIBS berth_gui_overview)
