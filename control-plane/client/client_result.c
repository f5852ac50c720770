/* Call results: parsing a CloudStack response body, releasing, reading a keys file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cstack/client.h"

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void set_text(struct csc_result *r, const char *text)
{
    free(r->errortext);
    r->errortext = text ? strdup(text) : NULL;
}

int csc_result_parse(struct csc_result *r)
{
    json_decref(r->root);
    r->root = NULL;
    r->obj = NULL;
    free(r->key);
    r->key = NULL;
    if (!r->body || !r->body[0]) {
        set_text(r, "empty response body");
        return CSC_ETRANSPORT;
    }
    json_error_t jerr;
    json_t *root = json_loads(r->body, 0, &jerr);
    if (!root || !json_is_object(root)) {
        char msg[256];
        snprintf(msg, sizeof(msg), "response is not a JSON object: %s",
                 root ? "other JSON type" : jerr.text);
        json_decref(root);
        set_text(r, msg);
        return CSC_ETRANSPORT;
    }
    /* Clients take the single key; with several, the one ending in "response". */
    const char *key = NULL, *k;
    json_t *v, *obj = NULL;
    json_object_foreach(root, k, v) {
        if (json_object_size(root) == 1 || ends_with(k, "response")) {
            key = k;
            obj = v;
            break;
        }
    }
    if (!key || !json_is_object(obj)) {
        json_decref(root);
        set_text(r, "response has no \"...response\" object");
        return CSC_ETRANSPORT;
    }
    r->root = root;
    r->obj = obj;
    r->key = strdup(key);
    json_t *code = json_object_get(obj, "errorcode");
    if (code) {
        r->errorcode = (int)json_integer_value(code);
        r->cserrorcode = (int)json_integer_value(json_object_get(obj, "cserrorcode"));
        set_text(r, json_string_value(json_object_get(obj, "errortext")));
    }
    return 0;
}

void csc_result_release(struct csc_result *r)
{
    if (!r)
        return;
    free(r->body);
    free(r->content_type);
    json_decref(r->root);
    free(r->key);
    free(r->errortext);
    memset(r, 0, sizeof(*r));
}

int csc_keys_load(const char *path, char **ret_apikey, char **ret_secret)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[1024];
    char *key = NULL, *secret = NULL;
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "apikey=", 7) == 0) {
            free(key);
            key = strdup(line + 7);
        } else if (strncmp(line, "secretkey=", 10) == 0) {
            free(secret);
            secret = strdup(line + 10);
        }
    }
    fclose(f);
    if (!key || !secret || !key[0] || !secret[0]) {
        free(key);
        free(secret);
        return -1;
    }
    *ret_apikey = key;
    *ret_secret = secret;
    return 0;
}
