/* Parameter validation from the command table: types, lengths, required, entity resolution. */
#ifndef CS_API_ARGS_H
#define CS_API_ARGS_H

#include "api_cmd.h"

/* Fills call->args from call->params per call->cmd's spec, resolving entity uuids to row ids and
 * checking that the caller may see them. On failure err holds CloudStack's exact text. */
int cs_api_args_bind(struct cs_api_call *call, struct cs_err *err);
/* page/pagesize/listall of list commands into call->page / call->listall. */
int cs_api_args_paging(struct cs_api_call *call, struct cs_err *err);

#endif
