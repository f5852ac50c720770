/* Unit tests of api_render: JSON and XML envelopes, lists, nesting, escaping, speed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_render.h"
#include "util_time.h"

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"

static void expect(enum cs_api_format fmt, const char *name, const char *body_json,
                   const char *want)
{
    json_error_t jerr;
    json_t *body = body_json ? json_loads(body_json, 0, &jerr) : NULL;
    if (body_json && !body)
        fail_msg("bad test json: %s", jerr.text);
    size_t len = 0;
    char *out = cs_api_render(fmt, name, body, &len);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    if (strcmp(out, want) != 0)
        fail_msg("render\n got: %s\nwant: %s", out, want);
    free(out);
    json_decref(body);
}

static void test_format_parse(void **state)
{
    assert_int_equal(cs_api_format_parse("json"), CS_API_JSON);
    assert_int_equal(cs_api_format_parse("JSON"), CS_API_JSON);
    assert_int_equal(cs_api_format_parse("xml"), CS_API_XML);
    assert_int_equal(cs_api_format_parse(NULL), CS_API_XML);
    assert_int_equal(cs_api_format_parse(""), CS_API_XML);
    assert_int_equal(cs_api_format_parse("yaml"), CS_API_XML);
    assert_int_equal(cs_api_format_parse("jsonp"), CS_API_XML);
    assert_int_equal(cs_api_format_parse(" json"), CS_API_XML);
}

static void test_json(void **state)
{
    expect(CS_API_JSON, "listzonesresponse",
           "{\"count\":2,\"zone\":[{\"id\":\"a\",\"name\":\"z1\"},{\"id\":\"b\",\"name\":\"z2\"}]}",
           "{\"listzonesresponse\":{\"count\":2,\"zone\":[{\"id\":\"a\",\"name\":\"z1\"},"
           "{\"id\":\"b\",\"name\":\"z2\"}]}}");
    expect(CS_API_JSON, "listzonesresponse", "{}", "{\"listzonesresponse\":{}}");
    expect(CS_API_JSON, "listzonesresponse", NULL, "{\"listzonesresponse\":{}}");
    /* members keep insertion order; types as given; UTF-8 and '<' stay raw (Gson unescape) */
    expect(CS_API_JSON, "x", "{\"b\":true,\"a\":1,\"c\":\"<\\u00e9>\",\"d\":0.5,\"e\":[]}",
           "{\"x\":{\"b\":true,\"a\":1,\"c\":\"<\xc3\xa9>\",\"d\":0.5,\"e\":[]}}");
    expect(CS_API_JSON, "x", "{\"q\":\"a\\\"b\\\\c\\n\"}", "{\"x\":{\"q\":\"a\\\"b\\\\c\\n\"}}");
    expect(CS_API_JSON, "x", "{\"c\":\"\\u0001\\t\\r\\b\\f\\u001f/\",\"n\":-42,\"z\":0,\"r\":3.0,"
           "\"big\":-9223372036854775808,\"nul\":null,\"arr\":[1,[2],{}]}",
           "{\"x\":{\"c\":\"\\u0001\\t\\r\\b\\f\\u001f/\",\"n\":-42,\"z\":0,\"r\":3.0,"
           "\"big\":-9223372036854775808,\"nul\":null,\"arr\":[1,[2],{}]}}");
    /* the odd mixed-case response names pass through */
    expect(CS_API_JSON, "resetSSHKeyforvirtualmachineresponse", "{\"jobid\":\"j\"}",
           "{\"resetSSHKeyforvirtualmachineresponse\":{\"jobid\":\"j\"}}");
}

static void test_xml(void **state)
{
    expect(CS_API_XML, "listzonesresponse",
           "{\"count\":2,\"zone\":[{\"id\":\"a\",\"name\":\"z1\"},{\"id\":\"b\",\"name\":\"z2\"}]}",
           XML_HEAD "<listzonesresponse cloud-stack-version=\"4.22.0.0\"><count>2</count>"
                    "<zone><id>a</id><name>z1</name></zone><zone><id>b</id><name>z2</name></zone>"
                    "</listzonesresponse>");
    /* empty list */
    expect(CS_API_XML, "listzonesresponse", "{}",
           XML_HEAD "<listzonesresponse cloud-stack-version=\"4.22.0.0\"></listzonesresponse>");
    /* nested arrays (a VM's nics), empty arrays vanish, null omitted, booleans and numbers */
    expect(CS_API_XML, "listvirtualmachinesresponse",
           "{\"count\":1,\"virtualmachine\":[{\"id\":\"v\",\"cpunumber\":2,\"haenable\":false,"
           "\"nic\":[{\"id\":\"n1\",\"isdefault\":true},{\"id\":\"n2\",\"isdefault\":false}],"
           "\"tags\":[],\"affinitygroup\":[],\"gone\":null,\"ratio\":1.5,\"whole\":2.0}]}",
           XML_HEAD "<listvirtualmachinesresponse cloud-stack-version=\"4.22.0.0\"><count>1</count>"
                    "<virtualmachine><id>v</id><cpunumber>2</cpunumber><haenable>false</haenable>"
                    "<nic><id>n1</id><isdefault>true</isdefault></nic>"
                    "<nic><id>n2</id><isdefault>false</isdefault></nic>"
                    "<ratio>1.5</ratio><whole>2.0</whole></virtualmachine>"
                    "</listvirtualmachinesresponse>");
    /* nested object (job result), arrays of strings */
    expect(CS_API_XML, "queryasyncjobresultresponse",
           "{\"jobstatus\":1,\"jobresult\":{\"virtualmachine\":{\"id\":\"v\"}},"
           "\"virtualmachineIds\":[\"a\",\"b\"],\"empty\":{}}",
           XML_HEAD "<queryasyncjobresultresponse cloud-stack-version=\"4.22.0.0\">"
                    "<jobstatus>1</jobstatus><jobresult><virtualmachine><id>v</id>"
                    "</virtualmachine></jobresult><virtualmachineIds>a</virtualmachineIds>"
                    "<virtualmachineIds>b</virtualmachineIds><empty></empty>"
                    "</queryasyncjobresultresponse>");
    /* escaping: the five XML specials; control characters dropped */
    expect(CS_API_XML, "r", "{\"t\":\"<a href='x'>\\\"&amp;\\\"</a>\\u0001\\u00e9\\n\"}",
           XML_HEAD "<r cloud-stack-version=\"4.22.0.0\"><t>&lt;a href=&apos;x&apos;&gt;"
                    "&quot;&amp;amp;&quot;&lt;/a&gt;\xc3\xa9\n</t></r>");
}

static void test_error_body(void **state)
{
    json_t *e = cs_api_error_body(431, 9999, "Unable to execute API command x due to \"y\"");
    size_t len;
    char *out = cs_api_render(CS_API_JSON, "deployvirtualmachineresponse", e, &len);
    assert_string_equal(out, "{\"deployvirtualmachineresponse\":{\"uuidList\":[],\"errorcode\":431,"
                             "\"cserrorcode\":9999,\"errortext\":\"Unable to execute API "
                             "command x due to \\\"y\\\"\"}}");
    free(out);
    json_decref(e);
    e = cs_api_error_body(401, 0, "unable to verify user credentials and/or request signature");
    out = cs_api_render(CS_API_JSON, "errorresponse", e, NULL);
    assert_string_equal(out, "{\"errorresponse\":{\"uuidList\":[],\"errorcode\":401,\"errortext\":"
                             "\"unable to verify user credentials and/or request signature\"}}");
    free(out);
    out = cs_api_render(CS_API_XML, "errorresponse", e, NULL);
    assert_string_equal(out, XML_HEAD "<errorresponse cloud-stack-version=\"4.22.0.0\">"
                                      "<errorcode>401</errorcode><errortext>unable to verify user "
                                      "credentials and/or request signature</errortext>"
                                      "</errorresponse>");
    free(out);
    json_decref(e);
}

/* A realistic VM object (about 1.3 KB of JSON). */
static json_t *fake_vm(int i)
{
    char id[40];
    snprintf(id, sizeof(id), "1f0e2d3c-4b5a-6978-8796-a5b4c3d2%04d", i);
    json_t *vm = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:i, s:b, "
        "s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:s}",
        "id", id, "name", "QA-vm-name-long-enough", "displayname", "QA display name",
        "account", "admin", "domainid", "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "domain", "ROOT",
        "created", "2025-01-15T10:04:05+0000", "state", "Running", "zoneid",
        "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f0", "zonename", "Sandbox-simulator",
        "templateid", "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f1", "templatename",
        "CentOS 5.6 (64-bit) no GUI (Simulator)", "serviceofferingname", "Small Instance",
        "cpunumber", 1, "cpuspeed", 500, "memory", 512, "haenable", 0, "hypervisor", "Simulator",
        "instancename", "i-2-3-QA", "hostid", "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f2", "hostname",
        "SimulatedAgent.1", "ostypeid", "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f3", "rootdeviceid",
        "0", "isdynamicallyscalable", 0, "userdata", "dGVzdA==", "cpuused", "0.42%");
    json_t *nic = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s}", "id",
                            "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f4", "networkid",
                            "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f5", "netmask", "255.255.255.0",
                            "gateway", "10.1.1.1", "ipaddress", "10.1.1.23", "traffictype",
                            "Guest", "isdefault", 1, "macaddress", "02:00:4c:5a:00:01");
    json_object_set_new(vm, "nic", json_pack("[o]", nic));
    json_object_set_new(vm, "tags", json_array());
    return vm;
}

static void test_speed_500_vms(void **state)
{
    json_t *items = json_array();
    for (int i = 0; i < 500; i++)
        json_array_append_new(items, fake_vm(i));
    json_t *body = json_pack("{s:i, s:o}", "count", 500, "virtualmachine", items);
    const int rounds = 20;
    for (int f = 0; f < 2; f++) {
        enum cs_api_format fmt = f ? CS_API_XML : CS_API_JSON;
        int64_t t0 = cs_util_mono_ns();
        size_t len = 0;
        for (int r = 0; r < rounds; r++) {
            char *out = cs_api_render(fmt, "listvirtualmachinesresponse", body, &len);
            free(out);
        }
        double ms = (double)(cs_util_mono_ns() - t0) / 1e6 / rounds;
        print_message("render 500 VMs as %s: %zu bytes in %.2f ms (%.0f MB/s)\n",
                      f ? "XML" : "JSON", len, ms, (double)len / 1e3 / ms);
        /* generous bound so a loaded CI box does not flake; typical is well under 5 ms */
        assert_true(ms < 50.0);
        assert_true(len > 500 * 1000);
        if (fmt == CS_API_JSON) {
            /* the own encoder's output is what jansson reads back as the same tree */
            char *out = cs_api_render(fmt, "r", body, NULL);
            json_t *back = json_loads(out, 0, NULL);
            assert_non_null(back);
            assert_true(json_equal(json_object_get(back, "r"), body));
            json_decref(back);
            free(out);
        }
    }
    json_decref(body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_parse), cmocka_unit_test(test_json),
        cmocka_unit_test(test_xml),          cmocka_unit_test(test_error_body),
        cmocka_unit_test(test_speed_500_vms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
