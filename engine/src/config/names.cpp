#include "berth/names.h"

#include "berth/model/container_name.h"
#include "config/values.h"

#include <cerrno>

namespace berth {

namespace {

std::unexpected<Error> refuse(std::string_view name, std::string_view why)
{
    return failWith(EINVAL, "container name " + quoteForMessage(name) + " " + std::string(why));
}

} // namespace

bool isValidContainerName(std::string_view name)
{
    return model::checkContainerName(name).problem == model::NameProblem::None;
}

Status validateContainerName(std::string_view name)
{
    using model::NameProblem;
    const model::NameCheck check = model::checkContainerName(name);
    switch (check.problem) {
    case NameProblem::None:
        return {};
    case NameProblem::Empty:
        return failWith(EINVAL, "container name is empty");
    case NameProblem::DotName:
        return refuse(name, "is not a directory name of its own");
    case NameProblem::TooLong:
        return refuse(name, "is longer than 63 characters");
    case NameProblem::BadLead:
        return refuse(name, "must start with a lowercase letter or a digit");
    case NameProblem::BadChar:
        return refuse(name, "contains " + quoteForMessage(std::string_view(&check.character, 1)) +
                                "; allowed are a-z, 0-9, '_', '.' and '-'");
    }
    return refuse(name, "is not valid");
}

} // namespace berth
