# The New container wizard (gui/src/wizard/): its pure checks, then the
# pages and the whole wizard against the fake source (fixtures/templates.json),
# then its progress page; the last two share wizard_fixture.h.
berth_add_gui_test(gui_wizard_pure test_wizard_pure.cpp LIBS berth_gui_wizard)
berth_add_gui_test(gui_new_container_wizard test_new_container_wizard.cpp wizard_fixture.h LIBS berth_gui_wizard)
berth_add_gui_test(gui_wizard_progress test_wizard_progress.cpp wizard_fixture.h LIBS berth_gui_wizard)
# "From an image": the image page pre-filled from GetImage
# (fixtures/images.json), the pull on it, and what CreateContainer carries.
berth_add_gui_test(gui_wizard_image test_wizard_image.cpp wizard_fixture.h LIBS berth_gui_wizard)
