/* The `cstack` command line: one CloudStack API call, printed as JSON (a minimal cloudmonkey). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cstack/client.h"

#define CLI_DEFAULT_URL "http://127.0.0.1:8080/client/api"
#define CLI_DEFAULT_KEYS "./data/admin.keys"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: cstack [--url URL] [--key K --secret S | --keys-file FILE] [--post] [--xml]\n"
            "              [--timeout SECONDS] api <command> [key=value ...]\n"
            "       cstack help\n"
            "\n"
            "Calls one CloudStack API command and prints the response as JSON (indent 2).\n"
            "Async commands are waited for and the queryAsyncJobResult response is printed.\n"
            "\n"
            "  --url URL        endpoint (default $CSTACK_URL, else " CLI_DEFAULT_URL ")\n"
            "  --key, --secret  API key pair (default $CSTACK_API_KEY / $CSTACK_SECRET_KEY)\n"
            "  --keys-file F    file with lines apikey=... and secretkey=...\n"
            "                   (default " CLI_DEFAULT_KEYS "; without keys calls are unsigned)\n"
            "  --post           send parameters as a form body\n"
            "  --xml            ask for XML (response=xml) and print the raw body\n"
            "  --timeout S      how long to wait for an async job (default 600)\n"
            "\n"
            "exit status: 0 success, 1 API error or failed job, 2 usage or transport error\n"
            "example: cstack api listZones name=zone1\n");
}

struct cli_opts {
    const char *url;
    const char *key;
    const char *secret;
    const char *keys_file;
    int post;
    int xml;
    long timeout_s;
};

/* Parses options; returns the index of the first operand, 0 for help, -1 on usage errors. */
static int parse_opts(int argc, char **argv, struct cli_opts *o)
{
    static const struct option longopts[] = {
        {"url", required_argument, NULL, 'u'},       {"key", required_argument, NULL, 'k'},
        {"secret", required_argument, NULL, 's'},    {"keys-file", required_argument, NULL, 'f'},
        {"post", no_argument, NULL, 'p'},            {"xml", no_argument, NULL, 'x'},
        {"timeout", required_argument, NULL, 't'},   {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        switch (c) {
        case 'u': o->url = optarg; break;
        case 'k': o->key = optarg; break;
        case 's': o->secret = optarg; break;
        case 'f': o->keys_file = optarg; break;
        case 'p': o->post = 1; break;
        case 'x': o->xml = 1; break;
        case 't':
            o->timeout_s = strtol(optarg, &end, 10);
            if (*end || o->timeout_s <= 0 || o->timeout_s > 86400 * 7)
                return -1;
            break;
        case 'h': return 0;
        default: return -1;
        }
    }
    if (optind < argc && strcmp(argv[optind], "help") == 0)
        return 0;
    return optind;
}

/* Resolves the key pair: flags, then environment, then the keys file. Returns -1 when an
 * explicitly named source is unusable; leaves both NULL for unsigned calls. */
static int resolve_keys(struct cli_opts *o, char **ret_key, char **ret_secret)
{
    *ret_key = *ret_secret = NULL;
    if (o->key || o->secret) {
        if (!o->key || !o->secret) {
            fprintf(stderr, "cstack: --key and --secret go together\n");
            return -1;
        }
        *ret_key = strdup(o->key);
        *ret_secret = strdup(o->secret);
        return 0;
    }
    const char *ek = getenv("CSTACK_API_KEY"), *es = getenv("CSTACK_SECRET_KEY");
    if (!o->keys_file && ek && es && ek[0] && es[0]) {
        *ret_key = strdup(ek);
        *ret_secret = strdup(es);
        return 0;
    }
    const char *path = o->keys_file ? o->keys_file : CLI_DEFAULT_KEYS;
    if (csc_keys_load(path, ret_key, ret_secret) == 0)
        return 0;
    if (o->keys_file) {
        fprintf(stderr, "cstack: cannot read api keys from %s\n", path);
        return -1;
    }
    return 0;
}

static void print_json(const json_t *root)
{
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (s) {
        puts(s);
        free(s);
    }
}

static int run(struct csc_client *c, const struct cli_opts *o, int argc, char **argv)
{
    const char *command = argv[0];
    size_t n = (size_t)argc - 1;
    struct csc_param *params = calloc(n + 1, sizeof(*params));
    if (!params)
        return 2;
    for (size_t i = 0; i < n; i++) {
        char *arg = argv[i + 1];
        char *eq = strchr(arg, '=');
        if (!eq || eq == arg) {
            fprintf(stderr, "cstack: parameter '%s' is not key=value\n", arg);
            free(params);
            return 2;
        }
        *eq = '\0';
        params[i] = (struct csc_param){arg, eq + 1};
    }
    if (o->xml)
        params[n++] = (struct csc_param){"response", "xml"};
    struct csc_call_opts copts = {.post = o->post};
    struct csc_result r;
    int rc = csc_call_opts(c, command, params, n, &copts, &r);
    free(params);
    if (rc == CSC_ETRANSPORT && r.http_status == 0) {
        fprintf(stderr, "cstack: %s\n", r.errortext ? r.errortext : "transport error");
        csc_result_release(&r);
        return 2;
    }
    if (o->xml || !r.root) {
        if (r.body)
            puts(r.body);
        if (rc < 0 && r.errortext)
            fprintf(stderr, "cstack: %s\n", r.errortext);
        csc_result_release(&r);
        return rc == 0 ? 0 : rc == CSC_EAPI ? 1 : 2;
    }
    const char *jobid = rc == 0 ? json_string_value(json_object_get(r.obj, "jobid")) : NULL;
    if (!jobid) {
        print_json(r.root);
        csc_result_release(&r);
        return rc == 0 ? 0 : 1;
    }
    char *id = strdup(jobid);
    csc_result_release(&r);
    rc = csc_wait_job(c, id, (int)(o->timeout_s * 1000), &r);
    free(id);
    if (r.root)
        print_json(r.root);
    if (rc == CSC_ETRANSPORT)
        fprintf(stderr, "cstack: %s\n", r.errortext ? r.errortext : "transport error");
    csc_result_release(&r);
    return rc == 0 ? 0 : rc == CSC_EAPI ? 1 : 2;
}

int main(int argc, char **argv)
{
    struct cli_opts o = {.timeout_s = 600};
    int first = parse_opts(argc, argv, &o);
    if (first == 0) {
        usage(stdout);
        return 0;
    }
    if (first < 0 || first >= argc || strcmp(argv[first], "api") != 0 || first + 1 >= argc) {
        usage(stderr);
        return 2;
    }
    if (!o.url)
        o.url = getenv("CSTACK_URL") && getenv("CSTACK_URL")[0] ? getenv("CSTACK_URL")
                                                                 : CLI_DEFAULT_URL;
    char *key, *secret;
    if (resolve_keys(&o, &key, &secret) < 0)
        return 2;
    struct csc_client *c = csc_client_new(o.url, key, secret);
    free(key);
    free(secret);
    if (!c) {
        fprintf(stderr, "cstack: out of memory\n");
        return 2;
    }
    int rc = run(c, &o, argc - first - 1, argv + first + 1);
    csc_client_free(c);
    return rc;
}
