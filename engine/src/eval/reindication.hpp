// A re-indication: the request names the indication it replaces (requests[i].previous), and the
// result states per field what it was, what it is now, the difference, and the rule that now
// decides it (with this indication's formula), so a decision letter can say what changed and why.
//
//   eval::compare_with_previous(result, *request.previous);   // fills result.previous/changes
#pragma once

#include "billijk/case.hpp"
#include "billijk/indication.hpp"

namespace billijk::eval {

void compare_with_previous(ProvisionResult& result, PreviousIndication const& previous);

} // namespace billijk::eval
