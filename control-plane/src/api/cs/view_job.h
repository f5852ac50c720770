/* The async job object (queryAsyncJobResult, listAsyncJobs). */
#ifndef CS_API_VIEW_JOB_H
#define CS_API_VIEW_JOB_H

#include <jansson.h>

#include "job.h"
#include "svc.h"

/* returns: owned; the job's fields flat, as queryAsyncJobResult answers. */
json_t *cs_view_job(struct cs_svc *svc, const struct cs_job *job);

#endif
