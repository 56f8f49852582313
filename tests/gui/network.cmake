# The Network area (gui/src/network): pure helpers, bridge wizard, Network
# tab, network view; against fixtures/network.json.
berth_add_gui_test(gui_network_pure test_network_pure.cpp LIBS berth_gui_network)
berth_add_gui_test(gui_bridge_wizard test_bridge_wizard.cpp LIBS berth_gui_network)
berth_add_gui_test(gui_network_tab test_network_tab.cpp LIBS berth_gui_network)
berth_add_gui_test(gui_network_view test_network_view.cpp LIBS berth_gui_network)
