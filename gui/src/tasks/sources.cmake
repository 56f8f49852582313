# Background work (create, export): the task list that follows helper jobs
# after the window that started them closed, and its status-bar button.
target_sources(berth_gui_tasks PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/task_list.cpp
    ${CMAKE_CURRENT_LIST_DIR}/task_button.cpp)
