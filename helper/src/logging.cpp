#include "logging.h"

Q_LOGGING_CATEGORY(lcHelper, "berth.helper", QtInfoMsg)
