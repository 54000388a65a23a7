#include "kernel/client/device.hpp"

#include <gtest/gtest.h>

using namespace ktal::device;

TEST(Device, MissingDeviceSaysToLoadTheModule) {
    auto r = Device::open("/nonexistent/ktal");
    ASSERT_TRUE(std::holds_alternative<Error>(r));
    const auto &e = std::get<Error>(r);
    EXPECT_EQ(e.errnum, ENOENT);
    EXPECT_NE(e.message.find("is ktal.ko loaded"), std::string::npos) << e.message;
}

TEST(Device, InfoOnANonKtalFileFailsCleanly) {
    auto r = Device::open("/dev/null");
    ASSERT_TRUE(std::holds_alternative<Device>(r));
    auto info = std::get<Device>(r).info();
    ASSERT_TRUE(std::holds_alternative<Error>(info));
    EXPECT_EQ(std::get<Error>(info).errnum, ENOTTY);
}
