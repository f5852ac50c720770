/* The zone, pod, cluster, host, storagepool, imagestore and hypervisor objects, with
 * CloudStack's field names and types. */
#include "view.h"

#include <stdio.h>
#include <string.h>

#include "svc_config.h"
#include "view_util.h"

/* DecimalFormat("#.##"): at most two decimals, no trailing zeros. */
static void decimal(char *out, size_t n, double v)
{
    snprintf(out, n, "%.2f", v);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
}

void cs_view_percent(char *out, size_t n, double part, double whole)
{
    char num[48];
    decimal(num, sizeof(num), whole > 0 ? part * 100.0 / whole : 0.0);
    snprintf(out, n, "%s%%", num);
}

static void set_decimal(json_t *o, const char *key, double v)
{
    char buf[48];
    decimal(buf, sizeof(buf), v);
    cs_view_str(o, key, buf);
}

static void set_percent(json_t *o, const char *key, double part, double whole)
{
    char buf[48];
    cs_view_percent(buf, sizeof(buf), part, whole);
    cs_view_str(o, key, buf);
}

json_t *cs_view_zone(struct cs_svc *svc, const struct cs_zone *z)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", z->uuid);
    cs_view_str(o, "name", z->name);
    cs_view_str(o, "description", z->description);
    cs_view_str(o, "dns1", z->dns1);
    cs_view_str(o, "dns2", z->dns2);
    cs_view_str(o, "internaldns1", z->internaldns1);
    cs_view_str(o, "internaldns2", z->internaldns2);
    cs_view_str(o, "guestcidraddress", z->guestcidr);
    cs_view_str(o, "domain", z->domain);
    cs_view_str(o, "networktype", z->networktype);
    cs_view_bool(o, "securitygroupsenabled", z->securitygroups);
    cs_view_str(o, "allocationstate", z->allocation_state);
    cs_view_str(o, "zonetoken", z->uuid);
    cs_view_str(o, "dhcpprovider", "VirtualRouter");
    cs_view_bool(o, "localstorageenabled", z->localstorage);
    cs_view_str(o, "type", "Core");
    cs_view_bool(o, "ismultiarch", false);
    cs_view_bool(o, "hasannotations", false);
    json_object_set_new(o, "tags", json_array());
    json_object_set_new(o, "resourcedetails", json_object());
    return o;
}

json_t *cs_view_pod(struct cs_svc *svc, const struct cs_pod *p)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", p->uuid);
    cs_view_str(o, "name", p->name);
    cs_view_str(o, "zoneid", p->zone_uuid);
    cs_view_str(o, "zonename", p->zone_name);
    cs_view_str(o, "gateway", p->gateway);
    cs_view_str(o, "netmask", p->netmask);
    json_t *starts = json_array(), *ends = json_array(), *sys = json_array(), *vlans = json_array();
    json_t *ranges = json_array();
    if (p->startip[0]) {
        const char *end = p->endip[0] ? p->endip : p->startip;
        json_array_append_new(starts, json_string(p->startip));
        json_array_append_new(ends, json_string(end));
        json_array_append_new(sys, json_string("0"));
        json_array_append_new(vlans, json_string("vlan://untagged"));
        json_t *r = json_object();
        cs_view_str(r, "startip", p->startip);
        cs_view_str(r, "endip", end);
        cs_view_str(r, "forsystemvms", "0");
        cs_view_str(r, "vlanid", "vlan://untagged");
        cs_view_str(r, "gateway", p->gateway);
        json_array_append_new(ranges, r);
    }
    json_object_set_new(o, "startip", starts);
    json_object_set_new(o, "endip", ends);
    json_object_set_new(o, "forsystemvms", sys);
    json_object_set_new(o, "vlanid", vlans);
    json_object_set_new(o, "ipranges", ranges);
    cs_view_str(o, "allocationstate", p->allocation_state);
    cs_view_bool(o, "hasannotations", false);
    return o;
}

json_t *cs_view_cluster(struct cs_svc *svc, const struct cs_cluster *c)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", c->uuid);
    cs_view_str(o, "name", c->name);
    cs_view_str(o, "podid", c->pod_uuid);
    cs_view_str(o, "podname", c->pod_name);
    cs_view_str(o, "zoneid", c->zone_uuid);
    cs_view_str(o, "zonename", c->zone_name);
    cs_view_str(o, "hypervisortype", c->hypervisor);
    cs_view_str(o, "clustertype", c->cluster_type);
    cs_view_str(o, "allocationstate", c->allocation_state);
    cs_view_str(o, "managedstate", c->managed_state);
    char buf[32];
    snprintf(buf, sizeof(buf), "%.1f", c->cpu_overcommit);
    cs_view_str(o, "cpuovercommitratio", buf);
    snprintf(buf, sizeof(buf), "%.1f", c->mem_overcommit);
    cs_view_str(o, "memoryovercommitratio", buf);
    cs_view_str(o, "arch", "x86_64");
    cs_view_bool(o, "hasannotations", false);
    return o;
}

json_t *cs_view_host(struct cs_svc *svc, const struct cs_host *h)
{
    (void)svc;
    /* the capacity index applies global factors: 1.0 until per-cluster ones exist */
    const double cpu_factor = 1.0, mem_factor = 1.0;
    json_t *o = json_object();
    cs_view_str(o, "id", h->uuid);
    cs_view_str(o, "name", h->name);
    cs_view_str(o, "state", h->status);
    cs_view_str(o, "resourcestate", h->resource_state);
    cs_view_bool(o, "disconnected", strcmp(h->status, "Up") != 0);
    cs_view_str(o, "type", h->type);
    cs_view_str(o, "ipaddress", h->ipaddress);
    cs_view_str(o, "zoneid", h->zone_uuid);
    cs_view_str(o, "zonename", h->zone_name);
    cs_view_str(o, "podid", h->pod_uuid);
    cs_view_str(o, "podname", h->pod_name);
    cs_view_str(o, "clusterid", h->cluster_uuid);
    cs_view_str(o, "clustername", h->cluster_name);
    cs_view_str(o, "clustertype", h->cluster_type);
    cs_view_str(o, "hypervisor", h->hypervisor);
    cs_view_str(o, "hypervisorversion", h->hv_version);
    cs_view_str(o, "version", "4.22.0.0");
    cs_view_int(o, "cpusockets", h->cpu_sockets);
    cs_view_int(o, "cpunumber", h->cpu_cores);
    cs_view_int(o, "cpuspeed", h->cpu_mhz);
    double cpu_total = (double)h->cpu_cores * h->cpu_mhz;
    set_percent(o, "cpuallocated", (double)h->cpu_used_mhz, cpu_total);
    cs_view_int(o, "cpuallocatedvalue", h->cpu_used_mhz);
    set_percent(o, "cpuallocatedpercentage", (double)h->cpu_used_mhz, cpu_total);
    set_percent(o, "cpuallocatedwithoverprovisioning", (double)h->cpu_used_mhz,
                cpu_total * cpu_factor);
    cs_view_str(o, "cpuused", "0%");
    set_decimal(o, "cpuwithoverprovisioning", cpu_total * cpu_factor);
    cs_view_int(o, "memorytotal", h->mem_bytes);
    cs_view_int(o, "memoryallocated", h->mem_used_bytes);
    set_percent(o, "memoryallocatedpercentage", (double)h->mem_used_bytes, (double)h->mem_bytes);
    cs_view_int(o, "memoryallocatedbytes", h->mem_used_bytes);
    cs_view_int(o, "memoryused", 0);
    set_decimal(o, "memorywithoverprovisioning", (double)h->mem_bytes * mem_factor);
    cs_view_int(o, "disksizetotal", h->local_storage);
    cs_view_int(o, "disksizeallocated", 0);
    cs_view_str(o, "capabilities", "hvm");
    cs_view_date(o, "lastpinged", h->last_pinged);
    cs_view_date(o, "created", h->created);
    cs_view_str(o, "hosttags", h->hosttags);
    cs_view_str(o, "explicithosttags", h->hosttags);
    cs_view_bool(o, "istagarule", false);
    cs_view_bool(o, "hahost", false);
    cs_view_bool(o, "islocalstorageactive", false);
    cs_view_str(o, "arch", h->arch[0] ? h->arch : "x86_64");
    cs_view_str(o, "cpumodel", h->cpu_model);
    cs_view_bool(o, "hasannotations", false);
    return o;
}

json_t *cs_view_storage_pool(struct cs_svc *svc, const struct cs_storage_pool *p)
{
    json_t *o = json_object();
    cs_view_str(o, "id", p->uuid);
    cs_view_str(o, "name", p->name);
    cs_view_str(o, "zoneid", p->zone_uuid);
    cs_view_str(o, "zonename", p->zone_name);
    cs_view_str(o, "podid", p->pod_uuid);
    cs_view_str(o, "podname", p->pod_name);
    cs_view_str(o, "clusterid", p->cluster_uuid);
    cs_view_str(o, "clustername", p->cluster_name);
    cs_view_str(o, "ipaddress", p->ipaddress);
    cs_view_str(o, "path", p->path);
    cs_view_date(o, "created", p->created);
    cs_view_str(o, "type", p->type);
    cs_view_str(o, "scope", p->scope);
    cs_view_str(o, "state", p->state);
    cs_view_int(o, "disksizetotal", p->capacity_bytes);
    cs_view_int(o, "disksizeallocated", p->allocated_bytes);
    cs_view_int(o, "disksizeused", p->used_bytes);
    cs_view_str(o, "tags", p->tags);
    cs_view_bool(o, "istagarule", false);
    char buf[32];
    snprintf(buf, sizeof(buf), "%.1f",
             cs_svc_config_double(svc, "storage.overprovisioning.factor", 2.0));
    cs_view_str(o, "overprovisionfactor", buf);
    cs_view_str(o, "hypervisor", p->hypervisor);
    cs_view_str(o, "provider", p->provider);
    cs_view_bool(o, "managed", false);
    cs_view_bool(o, "hasannotations", false);
    return o;
}

json_t *cs_view_image_store(struct cs_svc *svc, const struct cs_image_store *s)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", s->uuid);
    cs_view_str(o, "name", s->name);
    cs_view_str(o, "url", s->url);
    cs_view_str(o, "protocol", s->protocol);
    cs_view_str(o, "providername", s->provider);
    cs_view_str(o, "scope", s->scope);
    cs_view_str(o, "zoneid", s->zone_uuid);
    cs_view_str(o, "zonename", s->zone_name);
    cs_view_bool(o, "readonly", s->readonly);
    if (s->capacity_bytes) {
        cs_view_int(o, "disksizetotal", s->capacity_bytes);
        cs_view_int(o, "disksizeused", s->used_bytes);
    }
    cs_view_bool(o, "hasannotations", false);
    return o;
}

json_t *cs_view_hypervisor(struct cs_svc *svc, const struct cs_svc_hypervisor *h)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "name", h->name);
    return o;
}
