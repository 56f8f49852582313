# The Console tab's tests: pure helpers (keys, colours, scrollback, screen,
# external terminal command lines), the terminal widget on a real pty with
# busybox sh, and the tab against the fake source.
berth_add_gui_test(gui_terminal_pure test_terminal_pure.cpp LIBS berth_gui_console)
berth_add_gui_test(gui_terminal_widget test_terminal_widget.cpp LIBS berth_gui_console)
berth_add_gui_test(gui_console_tab test_console_tab.cpp LIBS berth_gui_console)
# The external terminal inside a Flatpak (flatpak-spawn --host) and outside.
berth_add_gui_test(gui_flatpak_host test_flatpak_host.cpp LIBS berth_gui_console)
