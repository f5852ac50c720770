/* Rendering one jansson response tree as CloudStack JSON or XML. */
#ifndef CS_API_RENDER_H
#define CS_API_RENDER_H

#include <jansson.h>
#include <stddef.h>

/* The version reported in XML responses (cloud-stack-version attribute). */
#define CS_API_CLOUDSTACK_VERSION "4.22.0.0"

enum cs_api_format { CS_API_XML, CS_API_JSON };

/* "json" (exactly, case-insensitive) → JSON; anything else, NULL included → XML. */
enum cs_api_format cs_api_format_parse(const char *s);
/* JSON: {"<response_name>":<body>} compact. XML: declaration plus
 * <response_name cloud-stack-version="...">children</response_name>. returns: owned (never NULL;
 * aborts when out of memory), NUL-terminated; *ret_len = strlen when ret_len is not NULL. */
char *cs_api_render(enum cs_api_format fmt, const char *response_name, const json_t *body,
                    size_t *ret_len);
/* {"uuidList":[],"errorcode":E,"cserrorcode":C,"errortext":"..."}; cserrorcode omitted when 0.
 * returns: owned (new reference) */
json_t *cs_api_error_body(int errorcode, int cserrorcode, const char *text);

#endif
