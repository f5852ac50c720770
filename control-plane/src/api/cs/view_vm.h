/* The virtualmachine object. */
#ifndef CS_API_VIEW_VM_H
#define CS_API_VIEW_VM_H

#include <jansson.h>

#include "db_vm.h"
#include "svc.h"

/* returns: owned. Admin-only fields (hostid, hostname, instancename) only for admins. */
json_t *cs_view_vm(const struct cs_vm *vm, const struct cs_svc_caller *caller);

#endif
