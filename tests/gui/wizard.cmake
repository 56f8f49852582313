# The New container wizard (gui/src/wizard/): its pure checks, then the
# pages and the whole wizard against the fake source (fixtures/templates.json).
berth_add_gui_test(gui_wizard_pure test_wizard_pure.cpp LIBS berth_gui_wizard)
berth_add_gui_test(gui_new_container_wizard test_new_container_wizard.cpp LIBS berth_gui_wizard)
