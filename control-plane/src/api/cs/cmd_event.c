/* Event commands: listEvents. */
#include "api_cmd.h"
#include "svc_event.h"
#include "view_event.h"

static int list(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_event_filter f = {
        .id = cs_api_arg_id(call, "id"),
        .type = cs_api_arg_str(call, "type"),
        .level = cs_api_arg_str(call, "level"),
        .keyword = cs_api_arg_str(call, "keyword"),
        .start = cs_api_arg_long(call, "startdate", 0),
        .end = cs_api_arg_long(call, "enddate", 0),
        .resource_uuid = cs_api_arg_str(call, "resourceid"),
    };
    struct cs_vec v = CS_VEC_INIT(struct cs_event);
    int rc = cs_svc_event_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "event", &v, struct cs_event, cs_view_event);
    cs_util_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec list_params[] = {
    CS_API_LIST_PARAMS,
    {"id", CS_PT_UUID, 0, CS_ENT_EVENT, "the ID of the event", 0},
    {"duration", CS_PT_INTEGER, 0, CS_ENT_NONE, "the duration of the event", 0},
    {"enddate", CS_PT_DATE, 0, CS_ENT_NONE, "the end date range of the list you want to retrieve",
     0},
    {"entrytime", CS_PT_INTEGER, 0, CS_ENT_NONE, "the time the event was entered", 0},
    {"level", CS_PT_STRING, 0, CS_ENT_NONE, "the event level (INFO, WARN, ERROR)", 0},
    {"startdate", CS_PT_DATE, 0, CS_ENT_NONE,
     "the start date range of the list you want to retrieve", 0},
    {"type", CS_PT_STRING, 0, CS_ENT_NONE, "the event type (see event types)", 0},
    {"startid", CS_PT_UUID, 0, CS_ENT_NONE, "the parent/start ID of the event", 0},
    {"resourceid", CS_PT_STRING, 0, CS_ENT_NONE, "the ID of the resource associated with the event",
     0},
    {"resourcetype", CS_PT_STRING, 0, CS_ENT_NONE, "the type of the resource", 0},
    {"archived", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "true to list archived events", 0},
    {"state", CS_PT_STRING, 0, CS_ENT_NONE, "the state of the events", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"listEvents", CS_CMD_SYNC, CS_ROLE_ALL, list, NULL, list_params,
     "A command to list events.", NULL, NULL, NULL, false, true},
};

const struct cs_api_cmd_group cs_api_cmds_event = {cmds, sizeof(cmds) / sizeof(cmds[0])};
