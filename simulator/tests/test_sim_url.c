/* Tests of simulator host URL parsing: defaults, overrides, bad URLs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sim.h"

static void test_defaults(void **state)
{
    struct sim_host_hw hw;
    struct sim_err err = {0};
    assert_int_equal(sim_url_parse("http://sim/c0/h0", &hw, &err), 0);
    assert_int_equal(hw.cpu_cores, 4);
    assert_int_equal(hw.cpu_mhz, 8000);
    assert_int_equal(hw.cpu_sockets, 1);
    assert_true(hw.mem_bytes == 8LL * 1024 * 1024 * 1024);
    assert_true(hw.local_storage_bytes == 1024LL * 1024 * 1024 * 1024);
    assert_string_equal(hw.arch, "x86_64");
}

static void test_overrides(void **state)
{
    struct sim_host_hw hw;
    struct sim_err err = {0};
    assert_int_equal(
        sim_url_parse("http://sim/c0/h0/cpucore=32&memory=274877906944", &hw, &err), 0);
    assert_int_equal(hw.cpu_cores, 32);
    assert_int_equal(hw.cpu_mhz, 8000);
    assert_true(hw.mem_bytes == 274877906944LL);

    assert_int_equal(sim_url_parse("http://sim1.example/x/cpuspeed=2400&localstorage=1000&"
                                   "arch=aarch64&cpucore=2",
                                   &hw, &err),
                     0);
    assert_int_equal(hw.cpu_mhz, 2400);
    assert_int_equal(hw.cpu_cores, 2);
    assert_true(hw.local_storage_bytes == 1000);
    assert_string_equal(hw.arch, "aarch64");

    /* overrides count only in the last segment; unknown keys are ignored */
    assert_int_equal(sim_url_parse("http://sim/cpucore=9/h1/foo=bar", &hw, &err), 0);
    assert_int_equal(hw.cpu_cores, 4);
    /* a trailing slash does not hide the last segment */
    assert_int_equal(sim_url_parse("HTTP://SIM/c/cpucore=6/", &hw, &err), 0);
    assert_int_equal(hw.cpu_cores, 6);
}

static void test_bad(void **state)
{
    static const char *const bad[] = {
        "",
        "sim/c0/h0",
        "https://sim/c0/h0",
        "http://host/c0/h0",
        "http://si/c0",
        "http://sim",
        "http://sim/",
        "http://sim/c0/cpucore=abc",
        "http://sim/c0/cpucore=0",
        "http://sim/c0/cpucore=-4",
        "http://sim/c0/memory=",
        "http://sim/c0/memory=99999999999999999999999",
        "http://sim/c0/arch=x.86",
        "http://sim/c0/arch=waytoolongarchitecture",
        "http://sim/c 0/h0",
        "http://s!m/c0",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct sim_host_hw hw = {0};
        struct sim_err err = {0};
        int rc = sim_url_parse(bad[i], &hw, &err);
        if (rc != -SIM_ERR_PARAM)
            fail_msg("url '%s' accepted (rc %d)", bad[i], rc);
        assert_int_equal(err.code, SIM_ERR_PARAM);
        assert_true(err.msg[0] != '\0');
        assert_int_equal(hw.cpu_cores, 0); /* not written on failure */
    }
    struct sim_err err = {0};
    struct sim_host_hw hw;
    assert_int_equal(sim_url_parse(NULL, &hw, &err), -SIM_ERR_PARAM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_overrides),
        cmocka_unit_test(test_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
