/* The banner cstackd prints once it serves: where, the admin keys, a ready-to-paste example. */
#include "server_welcome.h"

#include <string.h>

#include "svc_infra.h"
#include "svc_offering.h"
#include "svc_template.h"
#include "util_vec.h"

static void read_keys(const char *path, char *key, size_t nk, char *secret, size_t ns)
{
    char line[512];
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "apikey=", 7) == 0)
            snprintf(key, nk, "%s", line + 7);
        else if (strncmp(line, "secretkey=", 10) == 0)
            snprintf(secret, ns, "%s", line + 10);
    }
    if (f)
        fclose(f);
}

/* The uuids to put in the example, or "<...>" placeholders where the cloud has none yet. */
static void example_ids(struct cs_svc *svc, char zone[64], char offering[64], char tpl[64])
{
    struct cs_svc_caller sys = cs_svc_system_caller();
    struct cs_err err;
    struct cs_page first = {0, 1};
    snprintf(zone, 64, "<zone id>");
    snprintf(offering, 64, "<offering id>");
    snprintf(tpl, 64, "<template id>");

    struct cs_vec v = CS_VEC_INIT(struct cs_zone);
    struct cs_zone_filter zf = {.allocation_state = "Enabled"};
    if (cs_svc_zone_list(svc, &sys, &zf, first, &v, &err) == 0 && v.n)
        snprintf(zone, 64, "%s", CS_VEC_AT(&v, struct cs_zone, 0)->uuid);
    cs_util_vec_release(&v);

    v = (struct cs_vec)CS_VEC_INIT(struct cs_service_offering);
    struct cs_service_offering_filter of = {0};
    if (cs_svc_service_offering_list(svc, &sys, &of, first, &v, &err) == 0 && v.n)
        snprintf(offering, 64, "%s", CS_VEC_AT(&v, struct cs_service_offering, 0)->uuid);
    cs_util_vec_release(&v);

    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    struct cs_template_filter tf = {0};
    if (cs_svc_template_list(svc, &sys, "featured", &tf, first, &v, &err) == 0 && v.n)
        snprintf(tpl, 64, "%s", CS_VEC_AT(&v, struct cs_template, 0)->uuid);
    cs_util_vec_release(&v);
}

void cs_server_welcome_print(FILE *out, struct cs_svc *svc, const char *url,
                             const char *keys_path)
{
    char key[256] = "", secret[256] = "";
    if (keys_path)
        read_keys(keys_path, key, sizeof(key), secret, sizeof(secret));
    char zone[64], offering[64], tpl[64];
    example_ids(svc, zone, offering, tpl);
    fprintf(out, "\ncstackd is serving the CloudStack API on %s\n", url);
    if (key[0])
        fprintf(out,
                "  admin API key:    %s\n"
                "  admin secret key: %s\n"
                "  (also in %s; username admin, password from CSTACK_ADMIN_PASSWORD or "
                "'password')\n",
                key, secret, keys_path);
    else
        fprintf(out, "  admin API keys: the ones given with --admin-keys\n");
    fprintf(out,
            "Try:\n"
            "  build/bin/cstack api listZones\n"
            "  build/bin/cstack api deployVirtualMachine zoneid=%s serviceofferingid=%s "
            "templateid=%s\n\n",
            zone, offering, tpl);
}
